#include "mobject_jsonl.h"

#include <string>
#include <vector>

#include "json_fields.h"

namespace bulk {
namespace {

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

std::variant<marketo::MObject, std::string> ParseMObjectLine(std::string_view line) {
  return ParseJsonLine<marketo::MObject>(line, Convert);
}

}  // namespace bulk
