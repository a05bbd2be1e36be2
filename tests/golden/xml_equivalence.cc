#include "xml_equivalence.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <vector>

namespace marketo_test {
namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

DocPtr Parse(const std::string& xml) {
  // XML_PARSE_NONET: fixtures must never trigger a fetch.
  return DocPtr(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "mem.xml", nullptr, XML_PARSE_NONET),
      &xmlFreeDoc);
}

std::string Trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string Name(const xmlNode* n) {
  std::string ns = n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
  return "{" + ns + "}" + reinterpret_cast<const char*>(n->name);
}

std::vector<const xmlNode*> Children(const xmlNode* n) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  }
  return out;
}

std::string Text(const xmlNode* n) {
  std::string out;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return Trim(out);
}

std::set<std::string> Attributes(const xmlNode* n) {
  std::set<std::string> out;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    std::string ns = a->ns && a->ns->href ? reinterpret_cast<const char*>(a->ns->href) : "";
    xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
    out.insert("{" + ns + "}" + reinterpret_cast<const char*>(a->name) + "=" +
               (v ? reinterpret_cast<const char*>(v) : ""));
    xmlFree(v);
  }
  return out;
}

std::string Compare(const xmlNode* e, const xmlNode* a, const std::string& path,
                    const XmlCompareOptions& opt) {
  const std::string here = path + "/" + Name(e);
  if (Name(e) != Name(a)) return here + ": element " + Name(a) + " instead";
  if (Attributes(e) != Attributes(a)) return here + ": attributes differ";
  auto ec = Children(e), ac = Children(a);
  if (ec.size() != ac.size()) {
    return here + ": " + std::to_string(ac.size()) + " child elements, expected " +
           std::to_string(ec.size());
  }
  if (ec.empty() && !opt.ignore_text_of.count(reinterpret_cast<const char*>(e->name)) &&
      Text(e) != Text(a)) {
    return here + ": text \"" + Text(a) + "\", expected \"" + Text(e) + "\"";
  }
  for (size_t i = 0; i < ec.size(); ++i) {
    auto d = Compare(ec[i], ac[i], here, opt);
    if (!d.empty()) return d;
  }
  return {};
}

}  // namespace

std::string XmlDifference(const std::string& expected, const std::string& actual,
                          const XmlCompareOptions& options) {
  auto e = Parse(expected);
  auto a = Parse(actual);
  if (!e) return "expected document is not well-formed";
  if (!a) return "actual document is not well-formed";
  return Compare(xmlDocGetRootElement(e.get()), xmlDocGetRootElement(a.get()), "", options);
}

}  // namespace marketo_test
