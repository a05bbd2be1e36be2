// Request builders and response readers for the lead and activity wire tests.
#ifndef MARKETO_TESTS_MOCK_SERVER_LEADS_UTIL_H_
#define MARKETO_TESTS_MOCK_SERVER_LEADS_UTIL_H_

#include <gtest/gtest.h>

#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

namespace marketo_test {

inline constexpr char kXsi[] = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

// The seeded cookie of lead 3 (created 2013-01-01T00:06:00Z), and its token part.
inline constexpr char kLead3Cookie[] = "id:123-ABC-456&token:_mch-example.com-1356998760000-00003";
inline constexpr char kLead3CookieToken[] = "_mch-example.com-1356998760000-00003";

// & and < escaped, for values such as cookies ("id:…&token:…").
inline std::string Esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string Attribute(const std::string& name, const std::string& value) {
  return "<attribute><attrName>" + name + "</attrName><attrValue>" + value +
         "</attrValue></attribute>";
}

// A <leadRecord>: the elements are given in schema order when present.
struct LeadXml {
  std::string id, email, foreign_id, foreign_type;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string Xml() const {
    std::string x = "<leadRecord>";
    if (!id.empty()) x += "<Id>" + id + "</Id>";
    if (!email.empty()) x += "<Email>" + email + "</Email>";
    if (!foreign_id.empty()) x += "<ForeignSysPersonId>" + foreign_id + "</ForeignSysPersonId>";
    if (!foreign_type.empty()) x += "<ForeignSysType>" + foreign_type + "</ForeignSysType>";
    if (!attrs.empty()) {
      x += "<leadAttributeList>";
      for (const auto& [n, v] : attrs) x += Attribute(n, v);
      x += "</leadAttributeList>";
    }
    return x + "</leadRecord>";
  }
};

inline std::string SyncLeadBody(const LeadXml& lead, bool return_lead,
                                const std::string& cookie = "", const std::string& move = "") {
  std::string x = "<ns1:paramsSyncLead>" + lead.Xml() + "<returnLead>" +
                  (return_lead ? "true" : "false") + "</returnLead>";
  if (!cookie.empty()) x += "<marketoCookie>" + Esc(cookie) + "</marketoCookie>";
  if (!move.empty()) x += "<moveCookie>" + move + "</moveCookie>";
  return x + "</ns1:paramsSyncLead>";
}

inline std::string SyncMultipleBody(const std::vector<LeadXml>& leads, const std::string& dedup) {
  std::string x = "<ns1:paramsSyncMultipleLeads><leadRecordList>";
  for (const auto& l : leads) x += l.Xml();
  x += "</leadRecordList>";
  if (!dedup.empty()) x += "<dedupEnabled>" + dedup + "</dedupEnabled>";
  return x + "</ns1:paramsSyncMultipleLeads>";
}

inline std::string LeadKeyXml(const std::string& type, const std::string& value) {
  return "<leadKey><keyType>" + type + "</keyType><keyValue>" + Esc(value) +
         "</keyValue></leadKey>";
}

inline std::string GetLeadBody(const std::string& type, const std::string& value) {
  return "<ns1:paramsGetLead>" + LeadKeyXml(type, value) + "</ns1:paramsGetLead>";
}

inline std::string Selector(const std::string& xsi_type, const std::string& content) {
  return std::string("<leadSelector ") + kXsi + " xsi:type=\"ns1:" + xsi_type + "\">" + content +
         "</leadSelector>";
}

inline std::string KeySelector(const std::string& type, const std::vector<std::string>& keys) {
  std::string x = "<keyType>" + type + "</keyType><keyValues>";
  for (const auto& k : keys) x += "<stringItem>" + k + "</stringItem>";
  return Selector("LeadKeySelector", x + "</keyValues>");
}

inline std::string UpdateSelector(const std::string& oldest, const std::string& latest) {
  return Selector("LastUpdateAtSelector",
                  (latest.empty() ? "" : "<latestUpdatedAt>" + latest + "</latestUpdatedAt>") +
                      "<oldestUpdatedAt>" + oldest + "</oldestUpdatedAt>");
}

inline std::string Strings(const std::string& wrapper, const std::vector<std::string>& items) {
  std::string x = "<" + wrapper + ">";
  for (const auto& i : items) x += "<stringItem>" + i + "</stringItem>";
  return x + "</" + wrapper + ">";
}

// The value of the attribute attrName=name inside xml (one leadRecord or activity record), or
// "<missing>".
inline std::string AttrValue(const std::string& xml, const std::string& name) {
  const std::size_t at = xml.find("<attrName>" + name + "</attrName>");
  if (at == std::string::npos) return "<missing>";
  const std::size_t v = xml.find("<attrValue>", at);
  const std::size_t end = xml.find("</attrValue>", v);
  if (v == std::string::npos || end == std::string::npos) return "<missing>";
  return xml.substr(v + 11, end - v - 11);
}

// The whole Marketo fault: faultstring "<code> - <text>", detail message "<message> (<code>)".
inline void ExpectLeadFault(const HttpResponse& r, int code, const std::string& text,
                            const std::string& message = "") {
  EXPECT_EQ(r.status, 500) << r.body;
  EXPECT_EQ(Text(r.body, "faultcode"), "SOAP-ENV:Client");
  EXPECT_EQ(Text(r.body, "faultstring"), std::to_string(code) + " - " + text);
  EXPECT_EQ(Text(r.body, "code"), std::to_string(code));
  if (!message.empty()) {
    EXPECT_EQ(Text(r.body, "message"), message + " (" + std::to_string(code) + ")");
  }
}

inline std::vector<std::string> Ids(const std::string& xml) { return Texts(xml, "Id"); }

// A W3C timestamp `seconds` from now.
inline std::string Around(std::time_t seconds) {
  return marketo_test::W3cTimestamp(std::time(nullptr) + seconds);
}

}  // namespace marketo_test

#endif  // MARKETO_TESTS_MOCK_SERVER_LEADS_UTIL_H_
