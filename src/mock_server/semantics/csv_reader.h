// RFC 4180 lines as importToList sends them: one header line, then one row per stringItem.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_CSV_READER_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_CSV_READER_H_

#include <optional>
#include <string>
#include <vector>

namespace mock {

// The cells of one line ("a,\"b,c\"" -> a | b,c; doubled quotes inside quotes are one quote).
// nullopt for an unclosed quote or text after a closing quote.
std::optional<std::vector<std::string>> ParseCsvLine(const std::string& line);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_CSV_READER_H_
