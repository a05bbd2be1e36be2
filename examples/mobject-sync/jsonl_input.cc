#include "jsonl_input.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace mobject_sync {
namespace {

// ordered_json keeps keys in input order, so attributes go on the wire as the user wrote them.
using Json = nlohmann::ordered_json;

struct FieldError {
  std::string message;
};

[[noreturn]] void Fail(const std::string& path, const std::string& what) {
  throw FieldError{path + ": " + what};
}

std::string Scalar(const Json& v, const std::string& path) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned() || v.is_number_float()) return v.dump();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  Fail(path, "expected a string or number");
}

std::int64_t Id(const Json& v, const std::string& path) {
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

void CheckKeys(const Json& obj, const std::string& path,
               std::initializer_list<std::string_view> allowed) {
  for (const auto& item : obj.items()) {
    bool ok = false;
    for (auto a : allowed) ok = ok || item.key() == a;
    if (!ok) Fail(path.empty() ? item.key() : path + "." + item.key(), "unknown key");
  }
}

const Json& Object(const Json& v, const std::string& path) {
  if (!v.is_object()) Fail(path, "expected an object");
  return v;
}

const Json& Array(const Json& v, const std::string& path) {
  if (!v.is_array()) Fail(path, "expected an array");
  return v;
}

std::string RequiredString(const Json& obj, const char* key, const std::string& path) {
  const auto it = obj.find(key);
  const std::string field = path.empty() ? key : path + "." + key;
  if (it == obj.end()) Fail(field, "required");
  if (!it->is_string()) Fail(field, "expected a string");
  return it->get<std::string>();
}

marketo::Attrib KeyPair(const Json& v, const std::string& path) {
  Object(v, path);
  CheckKeys(v, path, {"name", "value"});
  marketo::Attrib a;
  a.name = RequiredString(v, "name", path);
  const auto it = v.find("value");
  if (it == v.end()) Fail(path + ".value", "required");
  a.value = Scalar(*it, path + ".value");
  return a;
}

std::vector<marketo::Attrib> Attributes(const Json& v, const std::string& path) {
  Object(v, path);
  std::vector<marketo::Attrib> out;
  out.reserve(v.size());
  for (const auto& item : v.items()) {
    out.push_back({item.key(), Scalar(item.value(), path + "." + item.key())});
  }
  return out;
}

marketo::MObject Convert(const Json& doc) {
  Object(doc, "line");
  CheckKeys(doc, "", {"type", "id", "externalKey", "attributes", "typeAttributes", "associations"});
  marketo::MObject m(RequiredString(doc, "type", ""));
  if (auto it = doc.find("id"); it != doc.end()) m.id = Id(*it, "id");
  if (auto it = doc.find("externalKey"); it != doc.end()) {
    m.external_key = KeyPair(*it, "externalKey");
  }
  if (auto it = doc.find("attributes"); it != doc.end()) {
    m.attributes = Attributes(*it, "attributes");
  }
  if (auto it = doc.find("typeAttributes"); it != doc.end()) {
    const auto& groups = Array(*it, "typeAttributes");
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const std::string path = "typeAttributes[" + std::to_string(i) + "]";
      const auto& g = Object(groups[i], path);
      CheckKeys(g, path, {"attrType", "attributes"});
      marketo::TypeAttrib group;
      group.attr_type = RequiredString(g, "attrType", path);
      if (auto a = g.find("attributes"); a != g.end()) {
        group.attributes = Attributes(*a, path + ".attributes");
      }
      m.type_attributes.push_back(std::move(group));
    }
  }
  if (auto it = doc.find("associations"); it != doc.end()) {
    const auto& list = Array(*it, "associations");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "associations[" + std::to_string(i) + "]";
      const auto& a = Object(list[i], path);
      CheckKeys(a, path, {"type", "id", "externalKey"});
      marketo::Association assoc;
      assoc.type = RequiredString(a, "type", path);
      if (auto id = a.find("id"); id != a.end()) assoc.id = Id(*id, path + ".id");
      if (auto key = a.find("externalKey"); key != a.end()) {
        assoc.external_key = KeyPair(*key, path + ".externalKey");
      }
      m.associations.push_back(std::move(assoc));
    }
  }
  return m;
}

}  // namespace

bool IsBlank(std::string_view line) noexcept {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::variant<marketo::MObject, std::string> ParseLine(std::string_view line) {
  Json doc = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return std::string("not valid JSON");
  try {
    return Convert(doc);
  } catch (const FieldError& e) {
    return e.message;
  } catch (const Json::exception& e) {
    return std::string("unexpected JSON value: ") + e.what();
  }
}

}  // namespace mobject_sync
