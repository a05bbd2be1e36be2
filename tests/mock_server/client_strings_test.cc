// Client-chosen strings cannot grow the mock: unknown type names share one counter key and
// values longer than describeMObject's declared size are refused per object.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace marketo_test {
namespace {

using nlohmann::json;

std::string OpportunityNamed(const std::string& name) {
  return "<mObject><type>Opportunity</type><attribList>" + Attrib("Name", name) +
         "</attribList></mObject>";
}

TEST(ClientStringsTest, UnknownTypeNamesShareOneCounterKey) {
  MockServerProcess server;
  for (int call = 0; call < 5; ++call) {
    std::string objects;
    for (int i = 0; i < 20; ++i) {
      const std::string type = "T" + std::to_string(call * 100 + i) + std::string(10000, 'x');
      objects += "<mObject><type>" + type + "</type></mObject>";
    }
    const auto r = Call(server, "syncMObjects", SyncBody("INSERT", objects));
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(Texts(r.body, "status"), std::vector<std::string>(20, "FAILED"));
  }
  server.Stop();
  const std::string dump = server.ReadDump();
  EXPECT_LT(dump.size(), 2u << 20) << "the dump grew with the type names";
  const json d = json::parse(dump);
  EXPECT_EQ(d["counters"]["objects"]["FAILED"]["(unknown type)"], 100);
  EXPECT_EQ(d["counters"]["objects"]["FAILED"].size(), 1u);
}

TEST(ClientStringsTest, ValuesLongerThanTheDescribedSizeFail) {
  MockServerProcess server;
  const std::string fits(255, 'n');
  const std::string too_long(256, 'n');
  const std::string huge(1 << 20, 'n');
  std::string two_byte;
  for (int i = 0; i < 255; ++i) two_byte += "\xC3\xA9";
  auto r = Call(server, "syncMObjects",
                SyncBody("INSERT", OpportunityNamed(fits) + OpportunityNamed(too_long) +
                                       OpportunityNamed(huge) + OpportunityNamed(two_byte)));
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(Texts(r.body, "status"),
            (std::vector<std::string>{"CREATED", "FAILED", "FAILED", "CREATED"}));
  EXPECT_NE(r.body.find("Value for field 'Name' is longer than 255 characters"), std::string::npos);

  // Leads: the LeadRecord sizes of describeMObject (FirstName 255).
  r = Call(server, "syncLead",
           "<ns1:paramsSyncLead><leadRecord><Email>long.name@example.com</Email>"
           "<leadAttributeList><attribute><attrName>FirstName</attrName><attrValue>" +
               too_long +
               "</attrValue></attribute></leadAttributeList></leadRecord>"
               "<returnLead>false</returnLead></ns1:paramsSyncLead>");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  server.Stop();
  EXPECT_EQ(server.ReadDump().find(too_long), std::string::npos);
}

}  // namespace
}  // namespace marketo_test
