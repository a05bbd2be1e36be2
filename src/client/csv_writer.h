#ifndef MARKETO_SRC_CLIENT_CSV_WRITER_H_
#define MARKETO_SRC_CLIENT_CSV_WRITER_H_

// The CSV lines of importToList (RFC 4180): a cell is quoted when it holds a comma, a double
// quote, CR or LF, or starts or ends with a space; quotes inside are doubled. Nothing else
// changes, so every cell reads back exactly as given.

#include <string>
#include <vector>

namespace marketo {
namespace internal {

// One cell, quoted when it needs it.
std::string CsvCell(const std::string& cell);
// The cells joined by commas, without a line break (importToList sends one line per item).
std::string CsvLine(const std::vector<std::string>& cells);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_CSV_WRITER_H_
