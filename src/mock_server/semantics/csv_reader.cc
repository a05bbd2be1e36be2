#include "semantics/csv_reader.h"

namespace mock {

std::optional<std::vector<std::string>> ParseCsvLine(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;       // inside a quoted cell
  bool after_quote = false;  // a quoted cell has closed: only ',' may follow
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        cells.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else {
        quoted = false;
        after_quote = true;
      }
    } else if (c == ',') {
      cells.emplace_back();
      after_quote = false;
    } else if (after_quote) {
      return std::nullopt;
    } else if (c == '"' && cells.back().empty()) {
      quoted = true;
    } else {
      cells.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return cells;
}

}  // namespace mock
