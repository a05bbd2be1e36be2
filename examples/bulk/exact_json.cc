#include "exact_json.h"

#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bulk {
namespace {

// Builds the document like nlohmann's own DOM parser, plus the two rules above. Pointers on the
// stack stay valid: only the innermost container grows while it is open.
class ExactSax : public nlohmann::json_sax<Json> {
 public:
  explicit ExactSax(Json& root) : root_(root) {}

  bool null() override { return Add(Json(nullptr)); }
  bool boolean(bool v) override { return Add(Json(v)); }
  bool number_integer(number_integer_t v) override { return Add(Json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Add(Json(v)); }
  bool number_float(number_float_t, const string_t& s) override {
    return Add(Json::binary(std::vector<std::uint8_t>(s.begin(), s.end())));
  }
  bool string(string_t& v) override { return Add(Json(std::move(v))); }
  bool binary(binary_t& v) override { return Add(Json::binary(std::move(v))); }
  bool start_object(std::size_t) override { return Open(Json::object()); }
  bool key(string_t& k) override {
    if (!keys_.back().insert(k).second) {
      error_ = "duplicate key \"" + k + "\"";
      return false;
    }
    key_ = std::move(k);
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(Json::array()); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    if (error_.empty()) error_ = "not valid JSON";
    return false;
  }

  const std::string& error() const { return error_; }

 private:
  // Places `v` in the open container (or as the root) and returns where it went.
  Json* Place(Json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    Json& slot = top[key_];
    slot = std::move(v);
    return &slot;
  }
  bool Add(Json&& v) {
    Place(std::move(v));
    return true;
  }
  bool Open(Json&& v) {
    stack_.push_back(Place(std::move(v)));
    keys_.emplace_back();
    return true;
  }
  bool Close() {
    stack_.pop_back();
    keys_.pop_back();
    return true;
  }

  Json& root_;
  std::vector<Json*> stack_;
  std::vector<std::unordered_set<std::string>> keys_;
  std::string key_;
  std::string error_;
};

}  // namespace

bool ParseExactJson(std::string_view text, Json& out, std::string& error) {
  ExactSax sax(out);
  if (Json::sax_parse(text.begin(), text.end(), &sax)) return true;
  error = sax.error().empty() ? "not valid JSON" : sax.error();
  return false;
}

std::string RawNumber(const Json& v) {
  if (!v.is_binary()) return {};
  const auto& bytes = v.get_binary();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace bulk
