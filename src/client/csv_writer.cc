#include "csv_writer.h"

namespace marketo {
namespace internal {
namespace {

bool NeedsQuotes(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") != std::string::npos) return true;
  // Leading or trailing spaces survive a reader that trims unquoted cells.
  return !cell.empty() && (cell.front() == ' ' || cell.back() == ' ');
}

}  // namespace

std::string CsvCell(const std::string& cell) {
  if (!NeedsQuotes(cell)) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& cells) {
  // A lone empty cell would be an empty line, which readers skip.
  if (cells.size() == 1 && cells[0].empty()) return "\"\"";
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i != 0) out += ',';
    out += CsvCell(cells[i]);
  }
  return out;
}

}  // namespace internal
}  // namespace marketo
