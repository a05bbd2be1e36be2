// syncCustomObjects, deleteCustomObjects and getCustomObjects against marketo-mock-server: the
// seeded Car and Subscription types, per-record statuses and errors, links to leads, paging with
// stream tokens bound to the query, request-level faults, and the --dump.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "leads_util.h"

namespace marketo_test {
namespace {

using nlohmann::json;
using Fields = std::vector<std::pair<std::string, std::string>>;

std::string List(const char* tag, const Fields& fields) {
  std::string x = std::string("<") + tag + ">";
  for (const auto& [n, v] : fields) x += Attribute(n, v);
  return x + "</" + tag + ">";
}

struct Obj {
  Fields keys, attrs;
};

std::string SyncCoBody(const std::string& type, const std::vector<Obj>& objects,
                       const std::string& operation) {
  std::string x =
      "<ns1:paramsSyncCustomObjects><objTypeName>" + type + "</objTypeName><customObjList>";
  for (const auto& o : objects) {
    x += "<customObj>" + List("customObjKeyList", o.keys) +
         List("customObjAttributeList", o.attrs) + "</customObj>";
  }
  x += "</customObjList>";
  if (!operation.empty()) x += "<operation>" + operation + "</operation>";
  return x + "</ns1:paramsSyncCustomObjects>";
}

std::string DeleteCoBody(const std::string& type, const std::vector<Fields>& keys) {
  std::string x =
      "<ns1:paramsDeleteCustomObjects><objTypeName>" + type + "</objTypeName><customObjKeyLists>";
  for (const auto& k : keys) x += List("keyList", k);
  return x + "</customObjKeyLists></ns1:paramsDeleteCustomObjects>";
}

std::string GetCoBody(const std::string& type, const std::string& position, int batch,
                      const Fields& key = {}, const std::vector<std::string>& include = {}) {
  std::string x = "<ns1:paramsGetCustomObjects><objTypeName>" + type + "</objTypeName>";
  if (!position.empty()) x += "<streamPosition>" + position + "</streamPosition>";
  if (batch > 0) x += "<batchSize>" + std::to_string(batch) + "</batchSize>";
  if (!key.empty()) x += List("customObjKeyList", key);
  x += "<includeAttributes>";
  for (const auto& n : include) x += "<stringItem>" + n + "</stringItem>";
  return x + "</includeAttributes></ns1:paramsGetCustomObjects>";
}

class CustomObjectsTest : public ::testing::Test {
 protected:
  HttpResponse Sync(const std::string& type, const std::vector<Obj>& objects,
                    const std::string& op = "UPSERT") {
    return Call(server_, "syncCustomObjects", SyncCoBody(type, objects, op));
  }
  HttpResponse Get(const std::string& type, const std::string& position, int batch,
                   const Fields& key = {}, const std::vector<std::string>& include = {}) {
    return Call(server_, "getCustomObjects", GetCoBody(type, position, batch, key, include));
  }
  MockServerProcess server_;
};

TEST_F(CustomObjectsTest, UpsertCreatesThenUpdatesThenAnswersUnchanged) {
  const Obj car{{{"VIN", "NEWVIN1"}}, {{"MKTOID", "7"}, {"Make", "Saab"}, {"Year", "2011"}}};
  auto r = Sync("Car", {car});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "status"), "CREATED");
  EXPECT_EQ(Text(r.body, "objTypeName"), "Car");
  EXPECT_EQ(AttrValue(Text(r.body, "customObjKeyList"), "VIN"), "NEWVIN1");
  EXPECT_EQ(Text(r.body, "error"), "");  // xsi:nil
  EXPECT_EQ(Text(Sync("Car", {car}).body, "status"), "UNCHANGED");
  Obj changed = car;
  changed.attrs[1].second = "Volvo";
  EXPECT_EQ(Text(Sync("Car", {changed}, "UPDATE").body, "status"), "UPDATED");
  r = Get("Car", "", 10, {{"VIN", "NEWVIN1"}});
  EXPECT_EQ(Text(r.body, "returnCount"), "1") << r.body;
  EXPECT_EQ(AttrValue(Text(r.body, "customObjAttributeList"), "Make"), "Volvo");
  EXPECT_EQ(AttrValue(Text(r.body, "customObjAttributeList"), "MKTOID"), "7");
}

TEST_F(CustomObjectsTest, PerRecordFailuresNameTheProblem) {
  const auto r = Sync("Car", {{{{"VIN", "X1"}}, {{"MKTOID", "3"}, {"nameasdf", "1"}}},
                              {{{"VIN", "X2"}}, {{"MKTOID", "999999"}}},
                              {{{"VIN", "X3"}}, {{"Make", "Kia"}}},
                              {{{"VIN", "X4"}}, {{"MKTOID", "3"}, {"Year", "soon"}}},
                              {{{"Color", "Red"}}, {{"MKTOID", "3"}}},
                              {{{"VIN", "X5"}, {"MKTOID", "4"}}, {}}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto statuses = Texts(r.body, "status");
  const auto errors = Texts(r.body, "error");
  ASSERT_EQ(statuses.size(), 6u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(statuses[i], "FAILED") << i;
  EXPECT_EQ(errors[0], "Unknown name attribute list: nameasdf");
  EXPECT_EQ(errors[1], "No lead found with MKTOID = 999999");
  EXPECT_EQ(errors[2], "Link field MKTOID is required");
  EXPECT_EQ(errors[3], "Invalid value for Year: 'soon' is not of type integer");
  EXPECT_EQ(errors[4], "Field Color is not a key field of Car");
  EXPECT_EQ(statuses[5], "CREATED");  // the link field may be in the key list
}

TEST_F(CustomObjectsTest, InsertOfAnExistingKeyAndUpdateOfAMissingOneFail) {
  auto r = Sync("Car", {{{{"VIN", "SEEDVIN00001"}}, {{"MKTOID", "1"}}}}, "INSERT");
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Text(r.body, "error"), "Record already exists with VIN = SEEDVIN00001");
  r = Sync("Car", {{{{"VIN", "NOPE"}}, {{"Make", "Kia"}}}}, "UPDATE");
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Text(r.body, "error"), "No record found with VIN = NOPE");
}

TEST_F(CustomObjectsTest, SubscriptionLinksByEmail) {
  auto r = Sync(
      "Subscription",
      {{{{"SubscriptionId", "SUB-9000"}}, {{"LeadEmail", "LEAD5@example.com"}, {"Seats", "3"}}},
       {{{"SubscriptionId", "SUB-9001"}}, {{"LeadEmail", "nobody@example.com"}}}});
  const auto statuses = Texts(r.body, "status");
  ASSERT_EQ(statuses.size(), 2u) << r.body;
  EXPECT_EQ(statuses[0], "CREATED");
  EXPECT_EQ(statuses[1], "FAILED");
  // The seeded SUB-0005 is lead 5's too; emails match case-insensitively.
  r = Get("Subscription", "", 0, {{"LeadEmail", "lead5@example.com"}});
  const auto keys = Texts(r.body, "customObjKeyList");
  ASSERT_EQ(keys.size(), 2u) << r.body;
  EXPECT_EQ(AttrValue(keys[0], "SubscriptionId"), "SUB-0005");
  EXPECT_EQ(AttrValue(keys[1], "SubscriptionId"), "SUB-9000");
}

TEST_F(CustomObjectsTest, DeleteAnswersDeletedThenFailed) {
  const std::vector<Fields> keys{{{"VIN", "SEEDVIN00002"}}, {{"VIN", "SEEDVIN99999"}}};
  auto r = Call(server_, "deleteCustomObjects", DeleteCoBody("Car", keys));
  ASSERT_EQ(r.status, 200) << r.body;
  auto statuses = Texts(r.body, "status");
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0], "DELETED");
  EXPECT_EQ(statuses[1], "FAILED");
  EXPECT_EQ(Texts(r.body, "error")[1], "No record found with VIN = SEEDVIN99999");
  r = Get("Car", "", 10, {{"VIN", "SEEDVIN00002"}});
  EXPECT_EQ(Text(r.body, "returnCount"), "0");
}

TEST_F(CustomObjectsTest, PagesToTheEndWithoutRepeatsAndFiltersByLink) {
  std::vector<std::string> vins;
  std::string position;
  for (int calls = 0; calls < 10; ++calls) {
    const auto r = Get("Car", position, 15);
    ASSERT_EQ(r.status, 200) << r.body;
    for (const auto& k : Texts(r.body, "customObjKeyList")) vins.push_back(AttrValue(k, "VIN"));
    position = Text(r.body, "newStreamPosition");
    if (Text(r.body, "remainingCount") == "0") break;
  }
  EXPECT_EQ(vins.size(), 40u);
  EXPECT_EQ(vins.front(), "SEEDVIN00001");
  EXPECT_EQ(position, "");
  // Lead 5 has cars 9 and 10; includeAttributes narrows the attribute list.
  const auto r = Get("Car", "", 0, {{"MKTOID", "5"}}, {"Color"});
  EXPECT_EQ(Text(r.body, "returnCount"), "2") << r.body;
  EXPECT_EQ(AttrValue(Text(r.body, "customObjAttributeList"), "Make"), "<missing>");
}

TEST_F(CustomObjectsTest, RequestLevelFaults) {
  ExpectLeadFault(Sync("Boat", {{{{"VIN", "1"}}, {}}}), 20110, "Bad Parameter",
                  "Object name is not valid");
  ExpectLeadFault(Get("Boat", "", 1), 20110, "Bad Parameter", "Object name is not valid");
  // A token of another query, and garbage.
  const std::string token = Text(Get("Car", "", 5).body, "newStreamPosition");
  ExpectLeadFault(Get("Car", token, 5, {{"MKTOID", "1"}}), 20122, "Bad Stream Position");
  ExpectLeadFault(Get("Car", "zz", 5), 20122, "Bad Stream Position");
  EXPECT_EQ(Get("Car", token, 5).status, 200);
  std::vector<Obj> many(101, Obj{{{"VIN", "V"}}, {{"MKTOID", "1"}}});
  ExpectLeadFault(Sync("Car", many), 20110, "Bad Parameter");
}

TEST_F(CustomObjectsTest, DumpShowsTypesAndRecords) {
  Sync("Car", {{{{"VIN", "DUMPVIN"}}, {{"MKTOID", "2"}, {"Color", "Green"}}}});
  server_.Stop();
  const json dump = json::parse(server_.ReadDump());
  EXPECT_EQ(dump["custom_object_counts"]["Car"], 41);
  EXPECT_EQ(dump["custom_object_counts"]["Subscription"], 12);
  const json& car = dump["custom_objects"]["Car"];
  EXPECT_EQ(car["fields"][0]["role"], "link");
  EXPECT_EQ(car["fields"][1]["name"], "VIN");
  EXPECT_EQ(car["records"].back()["key"], "VIN = DUMPVIN");
  EXPECT_EQ(car["records"].back()["attributes"]["Color"], "Green");
  EXPECT_EQ(dump["counters"]["objects"]["CREATED"]["Car"], 1);
}

// The three operations are served (they were 20019 before), even with empty lists.
TEST_F(CustomObjectsTest, TheThreeOperationsAreServed) {
  EXPECT_EQ(Call(server_, "syncCustomObjects",
                 "<ns1:paramsSyncCustomObjects><objTypeName>Car</objTypeName><customObjList/>"
                 "</ns1:paramsSyncCustomObjects>")
                .status,
            200);
  EXPECT_EQ(Call(server_, "deleteCustomObjects",
                 "<ns1:paramsDeleteCustomObjects><objTypeName>Car</objTypeName>"
                 "<customObjKeyLists/></ns1:paramsDeleteCustomObjects>")
                .status,
            200);
  EXPECT_EQ(Get("Car", "", 0).status, 200);
}

}  // namespace
}  // namespace marketo_test
