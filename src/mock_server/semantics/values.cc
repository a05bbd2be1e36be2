#include "semantics/values.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>

namespace mock {

std::optional<double> ParseNumber(const std::string& s) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (errno != 0 || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int> ParseId(const std::string& s) {
  if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const long long v = std::strtoll(s.c_str(), nullptr, 10);
  if (v > INT_MAX) return std::nullopt;
  return static_cast<int>(v);
}

bool EqualsIgnoreCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool IsBoolean(const std::string& s) {
  return EqualsIgnoreCase(s, "true") || EqualsIgnoreCase(s, "false") || s == "1" || s == "0";
}

bool IsDate(const std::string& s) {
  if (s.size() < 10) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return s[4] == '-' && s[7] == '-';
}

bool ValueFitsType(const std::string& data_type, const std::string& value) {
  if (value.empty()) return true;  // clearing a field is allowed
  if (data_type == "integer") {
    std::string digits = value[0] == '-' ? value.substr(1) : value;
    return !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
  }
  if (data_type == "currency" || data_type == "float") return ParseNumber(value).has_value();
  if (data_type == "percent") {
    std::string v = value.back() == '%' ? value.substr(0, value.size() - 1) : value;
    const auto n = ParseNumber(v);
    return n && *n >= 0 && *n <= 100;
  }
  if (data_type == "boolean") return IsBoolean(value);
  if (data_type == "date" || data_type == "dateTime") return IsDate(value);
  return true;
}

int CompareValues(const std::string& a, const std::string& b) {
  const auto na = ParseNumber(a);
  const auto nb = ParseNumber(b);
  if (na && nb) return *na < *nb ? -1 : (*na > *nb ? 1 : 0);
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const int ca = std::tolower(static_cast<unsigned char>(a[i]));
    const int cb = std::tolower(static_cast<unsigned char>(b[i]));
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

std::optional<bool> ApplyComparison(const std::string& c, int cmp) {
  if (c == "EQ") return cmp == 0;
  if (c == "NE") return cmp != 0;
  if (c == "LT") return cmp < 0;
  if (c == "LE") return cmp <= 0;
  if (c == "GT") return cmp > 0;
  if (c == "GE") return cmp >= 0;
  return std::nullopt;
}

}  // namespace mock
