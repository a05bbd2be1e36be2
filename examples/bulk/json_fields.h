// Reading JSONL input fields strictly: every error names the field's path, unknown keys are
// errors, and nothing is silently dropped or altered.
#ifndef MARKETO_EXAMPLES_BULK_JSON_FIELDS_H_
#define MARKETO_EXAMPLES_BULK_JSON_FIELDS_H_

#include <cstdint>
#include <exception>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <variant>

#include "exact_json.h"

namespace bulk {

// Thrown by the readers below; the line's parser turns it into the line's error text.
struct FieldError {
  std::string message;
};

[[noreturn]] inline void Fail(const std::string& path, const std::string& what) {
  throw FieldError{path + ": " + what};
}

inline std::string Scalar(const Json& v, const std::string& path) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_binary()) return RawNumber(v);  // as written, see exact_json.h
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  Fail(path, "expected a string or number");
}

inline std::int64_t Id(const Json& v, const std::string& path) {
  if (v.is_number_integer() || v.is_number_unsigned()) {
    if (v.is_number_unsigned() &&
        v.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      Fail(path, "id out of range");
    }
    return v.get<std::int64_t>();
  }
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    std::size_t used = 0;
    try {
      const long long n = std::stoll(s, &used);
      if (used == s.size() && !s.empty()) return n;
    } catch (const std::exception&) {
    }
    Fail(path, "expected an integer id, got \"" + s + "\"");
  }
  Fail(path, "expected an integer id");
}

inline void CheckKeys(const Json& obj, const std::string& path,
                      std::initializer_list<std::string_view> allowed) {
  for (const auto& item : obj.items()) {
    bool ok = false;
    for (auto a : allowed) ok = ok || item.key() == a;
    if (!ok) Fail(path.empty() ? item.key() : path + "." + item.key(), "unknown key");
  }
}

inline const Json& Object(const Json& v, const std::string& path) {
  if (!v.is_object()) Fail(path, "expected an object");
  return v;
}

inline const Json& Array(const Json& v, const std::string& path) {
  if (!v.is_array()) Fail(path, "expected an array");
  return v;
}

inline std::string RequiredString(const Json& obj, const char* key, const std::string& path) {
  const auto it = obj.find(key);
  const std::string field = path.empty() ? key : path + "." + key;
  if (it == obj.end()) Fail(field, "required");
  if (!it->is_string()) Fail(field, "expected a string");
  return it->get<std::string>();
}

// True for lines that carry no record (empty or whitespace only); they are skipped.
inline bool IsBlank(std::string_view line) noexcept {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Parses `line` and converts it with `convert`, or returns the line's error text.
template <typename Result, typename Convert>
std::variant<Result, std::string> ParseJsonLine(std::string_view line, Convert&& convert) {
  Json doc;
  std::string error;
  if (!ParseExactJson(line, doc, error)) return error;
  try {
    return convert(doc);
  } catch (const FieldError& e) {
    return e.message;
  } catch (const Json::exception& e) {
    return std::string("unexpected JSON value: ") + e.what();
  }
}

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_JSON_FIELDS_H_
