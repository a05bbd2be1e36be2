// Helpers for the mock server's wire tests: signed calls and naive XML text extraction (the
// responses are small and flat enough that a regex-free scan is clearer than a DOM).
#ifndef MARKETO_TESTS_MOCK_SERVER_TEST_UTIL_H_
#define MARKETO_TESTS_MOCK_SERVER_TEST_UTIL_H_

#include <string>
#include <vector>

#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace marketo_test {

using marketo_test::HttpResponse;
using marketo_test::MockServerProcess;

inline HttpResponse Call(const MockServerProcess& server, const std::string& operation,
                         const std::string& body_xml) {
  return marketo_test::PostSoap(server.url(), operation, marketo_test::SignedEnvelope(body_xml));
}

// Texts of every <tag>...</tag> (and "" for <tag/> or <tag xsi:nil="true"/>), in order.
inline std::vector<std::string> Texts(const std::string& xml, const std::string& tag) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (;;) {
    pos = xml.find("<" + tag, pos);
    if (pos == std::string::npos) break;
    const std::size_t after = pos + tag.size() + 1;
    if (after >= xml.size() || (xml[after] != '>' && xml[after] != ' ' && xml[after] != '/')) {
      pos = after;
      continue;
    }
    const std::size_t gt = xml.find('>', after);
    if (gt == std::string::npos) break;
    if (xml[gt - 1] == '/') {
      out.push_back("");
      pos = gt;
      continue;
    }
    const std::size_t close = xml.find("</" + tag + ">", gt);
    if (close == std::string::npos) break;
    out.push_back(xml.substr(gt + 1, close - gt - 1));
    pos = close;
  }
  return out;
}

inline std::string Text(const std::string& xml, const std::string& tag) {
  const auto t = Texts(xml, tag);
  return t.empty() ? std::string("<missing>") : t.front();
}

inline std::string Attrib(const std::string& name, const std::string& value) {
  return "<attrib><name>" + name + "</name><value>" + value + "</value></attrib>";
}

inline std::string SyncBody(const std::string& operation, const std::string& objects) {
  return "<ns1:paramsSyncMObjects><mObjectList>" + objects + "</mObjectList><operation>" +
         operation + "</operation></ns1:paramsSyncMObjects>";
}

// The three requests of the seed page (syncMObjects doc samples), unchanged.
inline const char kSeedProgramCost[] =
    "<ns1:paramsSyncMObjects><mObjectList><mObject><type>Program</type><id>1970</id>"
    "<typeAttribList><typeAttrib><attrType>Cost</attrType><attrList>"
    "<attrib><name>Month</name><value>2013-06</value></attrib>"
    "<attrib><name>Amount</name><value>2000</value></attrib>"
    "<attrib><name>Id</name><value>153</value></attrib>"
    "</attrList></typeAttrib></typeAttribList></mObject></mObjectList>"
    "<operation>UPDATE</operation></ns1:paramsSyncMObjects>";
inline const char kSeedOpportunity[] =
    "<ns1:paramsSyncMObjects><mObjectList><mObject><type>Opportunity</type><attribList>"
    "<attrib><name>Name</name><value>Q1 2014</value></attrib>"
    "<attrib><name>Amount</name><value>2000</value></attrib>"
    "<attrib><name>Probability</name><value>80%</value></attrib>"
    "</attribList></mObject></mObjectList><operation>INSERT</operation>"
    "</ns1:paramsSyncMObjects>";
inline const char kSeedPersonRole[] =
    "<ns1:paramsSyncMObjects><mObjectList><mObject><type>OpportunityPersonRole</type><attribList>"
    "<attrib><name>OpportunityId</name><value>64</value></attrib>"
    "<attrib><name>PersonId</name><value>19</value></attrib>"
    "<attrib><name>Role</name><value>Influencer/Champion</value></attrib>"
    "</attribList></mObject></mObjectList><operation>INSERT</operation>"
    "</ns1:paramsSyncMObjects>";

inline const char kListBody[] = "<ns1:paramsListMObjects/>";

}  // namespace marketo_test

#endif  // MARKETO_TESTS_MOCK_SERVER_TEST_UTIL_H_
