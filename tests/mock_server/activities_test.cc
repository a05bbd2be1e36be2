// getLeadActivity, getLeadChanges and mergeLeads against marketo-mock-server: type filters,
// paging by offset, the activities that writes append, merge outcomes, and the dump.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "leads_util.h"

namespace marketo_test {
namespace {

using nlohmann::json;

std::string Types(const std::vector<std::string>& tokens) {
  std::string x;
  for (const auto& t : tokens) x += "<activityType>" + t + "</activityType>";
  return x;
}

std::string ActivityBody(const std::string& key_type, const std::string& key,
                         const std::string& rest) {
  return "<ns1:paramsGetLeadActivity>" + LeadKeyXml(key_type, key) + rest +
         "</ns1:paramsGetLeadActivity>";
}

std::string ChangesBody(const std::string& start, const std::string& rest) {
  return "<ns1:paramsGetLeadChanges><startPosition>" + start + "</startPosition>" + rest +
         "</ns1:paramsGetLeadChanges>";
}

std::string MergeBody(const std::string& winner_id, const std::vector<std::string>& loser_ids,
                      const std::string& in_sales = "") {
  std::string x = "<ns1:paramsMergeLeads><winningLeadKeyList>" + Attribute("IDNUM", winner_id) +
                  "</winningLeadKeyList><losingLeadKeyLists>";
  for (const auto& l : loser_ids) x += "<keyList>" + Attribute("IDNUM", l) + "</keyList>";
  x += "</losingLeadKeyLists>";
  if (!in_sales.empty()) x += "<mergeInSales>" + in_sales + "</mergeInSales>";
  return x + "</ns1:paramsMergeLeads>";
}

class ActivityTest : public ::testing::Test {
 protected:
  // Every activity record of the lead (one page of 100).
  std::vector<std::string> Records(const std::string& id, const std::string& filter = "") {
    const auto r = Call(server_, "getLeadActivity", ActivityBody("IDNUM", id, filter));
    EXPECT_EQ(r.status, 200) << r.body;
    return Texts(r.body, "activityRecord");
  }
  std::vector<std::string> TypesOf(const std::vector<std::string>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(Text(r, "activityType"));
    return out;
  }
  MockServerProcess server_;
};

TEST_F(ActivityTest, SeededHistoryStartsWithNewLeadAndCarriesRecordFields) {
  const auto records = Records("2");
  ASSERT_GE(records.size(), 3u);
  EXPECT_EQ(Text(records.back(), "activityType"), "New Lead");  // newest first, so last
  const std::string& r = records.front();
  EXPECT_EQ(Text(r, "mktPersonId"), "2");
  EXPECT_EQ(Text(r, "personName"), "Alan Person2");
  EXPECT_EQ(Text(r, "foreignSysId"), "00Q300000000002");
  EXPECT_EQ(Text(r, "orgName"), "Initech");
  EXPECT_EQ(Text(r, "marketoGUID").size(), 36u);
  EXPECT_NE(Text(r, "id"), "");
  EXPECT_EQ(AttrValue(records.back(), "Source Type"), "Web form fillout");
  std::set<std::string> ids;
  for (const auto& rec : records) ids.insert(Text(rec, "id"));
  EXPECT_EQ(ids.size(), records.size());
}

TEST_F(ActivityTest, IncludeOrExcludeTypesButNotBoth) {
  const auto all = Records("12");
  const auto visits =
      Records("12", "<activityFilter><includeTypes>" + Types({"VisitWebpage", "NewLead"}) +
                        "</includeTypes></activityFilter>");
  const auto others =
      Records("12", "<activityFilter><excludeTypes>" + Types({"VisitWebpage", "NewLead"}) +
                        "</excludeTypes></activityFilter>");
  EXPECT_EQ(visits.size() + others.size(), all.size());
  EXPECT_EQ(TypesOf(visits), (std::vector<std::string>{"Visit Webpage", "New Lead"}));
  for (const auto& t : TypesOf(visits)) EXPECT_TRUE(t == "Visit Webpage" || t == "New Lead") << t;
  for (const auto& t : TypesOf(others)) EXPECT_TRUE(t != "Visit Webpage" && t != "New Lead") << t;
  ExpectLeadFault(Call(server_, "getLeadActivity",
                       ActivityBody("IDNUM", "7",
                                    "<activityFilter><includeTypes>" + Types({"NewLead"}) +
                                        "</includeTypes><excludeTypes>" + Types({"OpenEmail"}) +
                                        "</excludeTypes></activityFilter>")),
                  20110, "Bad Parameter",
                  "activityFilter takes includeTypes or excludeTypes, not both");
  ExpectLeadFault(Call(server_, "getLeadActivity", ActivityBody("IDNUM", "999999", "")), 20103,
                  "Lead Not Found");
}

TEST_F(ActivityTest, PagesByOffsetNewestFirstToTheEnd) {
  const auto all = Records("9");
  ASSERT_GE(all.size(), 4u);
  std::vector<std::string> paged;
  std::string position;
  for (int page = 0; page < 20; ++page) {
    const auto r = Call(server_, "getLeadActivity",
                        ActivityBody("IDNUM", "9", position + "<batchSize>1</batchSize>"));
    ASSERT_EQ(r.status, 200) << r.body;
    const auto records = Texts(r.body, "activityRecord");
    EXPECT_EQ(Text(r.body, "returnCount"), std::to_string(records.size()));
    EXPECT_EQ(std::stoul(Text(r.body, "remainingCount")),
              all.size() - paged.size() - records.size());
    for (const auto& rec : records) paged.push_back(rec);
    position = "<startPosition><offset>" + Text(r.body, "offset") + "</offset></startPosition>";
    if (Text(r.body, "remainingCount") == "0") break;
  }
  EXPECT_EQ(paged, all);
  for (std::size_t i = 1; i < paged.size(); ++i) {
    EXPECT_LT(std::stoll(Text(paged[i], "id")), std::stoll(Text(paged[i - 1], "id")));
  }
  // Past the end: nothing more. An offset of another lead or filter is refused.
  auto r = Call(server_, "getLeadActivity", ActivityBody("IDNUM", "9", position));
  EXPECT_EQ(Text(r.body, "returnCount"), "0");
  ExpectLeadFault(Call(server_, "getLeadActivity", ActivityBody("IDNUM", "10", position)), 20122,
                  "Bad Stream Position");
  // More than 100 is capped to 100 rather than refused.
  r = Call(server_, "getLeadActivity", ActivityBody("IDNUM", "9", "<batchSize>5000</batchSize>"));
  EXPECT_EQ(r.status, 200);
}

TEST_F(ActivityTest, WritesAppendNewLeadChangeDataValueAndMergeLeads) {
  const std::string start = "<oldestCreatedAt>" + Around(-5) + "</oldestCreatedAt>";
  auto r = Call(server_, "syncLead",
                SyncLeadBody({"", "writer@example.com", "", "", {{"Title", "Intern"}}}, false));
  ASSERT_EQ(Text(r.body, "status"), "CREATED") << r.body;
  const std::string id = Text(r.body, "leadId");
  Call(server_, "syncLead", SyncLeadBody({id, "", "", "", {{"Title", "Engineer"}}}, false));
  r = Call(server_, "syncMultipleLeads",
           SyncMultipleBody({{"", "loser@example.com", "", "", {{"City", "Oslo"}}}}, ""));
  const std::string loser = Text(r.body, "leadId");
  ASSERT_EQ(Text(Call(server_, "mergeLeads", MergeBody(id, {loser})).body, "status"), "MERGED");

  const auto records = Records(id);
  // Newest first; the loser's "New Lead" now belongs to the winner.
  EXPECT_EQ(TypesOf(records),
            (std::vector<std::string>{"Merge Leads", "New Lead", "Change Data Value", "New Lead"}));
  const std::string& change = records[2];
  EXPECT_EQ(AttrValue(change, "Attribute Name"), "Title");
  EXPECT_EQ(AttrValue(change, "Old Value"), "Intern");
  EXPECT_EQ(AttrValue(change, "New Value"), "Engineer");
  EXPECT_EQ(AttrValue(records[0], "Merge IDs"), "[" + loser + "]");
  EXPECT_NE(change.find("<attrType xsi:nil=\"true\"/>"), std::string::npos) << change;

  // The same four through getLeadChanges, oldest first, across all leads.
  r = Call(server_, "getLeadChanges", ChangesBody(start, ""));
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> types;
  for (const auto& c : Texts(r.body, "leadChangeRecord")) {
    types.push_back(Text(c, "activityType"));
    EXPECT_EQ(Text(c, "mktPersonId"), id);  // the loser's New Lead moved to the winner
  }
  EXPECT_EQ(types,
            (std::vector<std::string>{"New Lead", "Change Data Value", "New Lead", "Merge Leads"}));
  r = Call(server_, "getLeadChanges",
           ChangesBody(start, Strings("activityNameFilter", {"Change Data Value"})));
  EXPECT_EQ(Text(r.body, "returnCount"), "1");
  EXPECT_EQ(AttrValue(r.body, "New Value"), "Engineer");
}

TEST_F(ActivityTest, LeadChangesPageByOffsetInCreationOrder) {
  const std::string start =
      "<oldestCreatedAt>2013-03-01T00:00:00Z</oldestCreatedAt>"
      "<latestCreatedAt>2013-03-03T00:00:00Z</latestCreatedAt>";
  const auto whole =
      Call(server_, "getLeadChanges", ChangesBody(start, "<batchSize>1000</batchSize>"));
  ASSERT_EQ(whole.status, 200) << whole.body;
  const auto all = Texts(whole.body, "id");
  ASSERT_GT(all.size(), 20u);
  EXPECT_EQ(Text(whole.body, "remainingCount"), "0");
  std::vector<std::string> paged;
  std::string position = start;
  for (int page = 0; page < 50 && paged.size() < all.size() + 1; ++page) {
    const auto r =
        Call(server_, "getLeadChanges", ChangesBody(position, "<batchSize>7</batchSize>"));
    ASSERT_EQ(r.status, 200) << r.body;
    const auto ids = Texts(r.body, "id");
    paged.insert(paged.end(), ids.begin(), ids.end());
    EXPECT_EQ(std::stoul(Text(r.body, "remainingCount")), all.size() - paged.size());
    position = "<offset>" + Text(r.body, "offset") + "</offset>";
    if (Text(r.body, "remainingCount") == "0") break;
  }
  EXPECT_EQ(paged, all);
  for (std::size_t i = 1; i < paged.size(); ++i) {
    EXPECT_LT(std::stoll(paged[i - 1]), std::stoll(paged[i]));
  }
  ExpectLeadFault(Call(server_, "getLeadChanges", ChangesBody("<offset>zz</offset>", "")), 20122,
                  "Bad Stream Position");
  ExpectLeadFault(Call(server_, "getLeadChanges", ChangesBody("", "")), 20109,
                  "Parameter Required");
}

TEST_F(ActivityTest, LeadChangesSelectors) {
  const std::string start = "<oldestCreatedAt>2013-01-01T00:00:00Z</oldestCreatedAt>";
  auto r =
      Call(server_, "getLeadChanges",
           ChangesBody(start, "<batchSize>1000</batchSize>" + KeySelector("IDNUM", {"2", "3"})));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto people = Texts(r.body, "mktPersonId");
  EXPECT_EQ(std::set<std::string>(people.begin(), people.end()), (std::set<std::string>{"2", "3"}));
  EXPECT_EQ(people.size(), Records("2").size() + Records("3").size());

  // A StaticListSelector restricts to the list's members (list 3: id % 11 == 5).
  r = Call(
      server_, "getLeadChanges",
      ChangesBody(start, "<batchSize>200</batchSize>" +
                             Selector("StaticListSelector", "<staticListId>3</staticListId>")));
  ASSERT_EQ(Text(r.body, "returnCount"), "200") << r.body;
  for (const auto& p : Texts(r.body, "mktPersonId")) EXPECT_EQ(std::stoi(p) % 11, 5) << p;
  ExpectLeadFault(
      Call(server_, "getLeadChanges",
           ChangesBody(start, Selector("StaticListSelector", "<staticListId>77</staticListId>"))),
      20111, "List Not Found", "Static list 77 not found");

  std::vector<std::string> many;
  for (int i = 1; i <= 101; ++i) many.push_back(std::to_string(i));
  ExpectLeadFault(Call(server_, "getLeadChanges", ChangesBody(start, KeySelector("IDNUM", many))),
                  20110, "Bad Parameter", "LeadKeySelector takes at most 100 keys, got 101");
  // A LastUpdateAtSelector bounds the creation times (at most 30 days).
  r = Call(server_, "getLeadChanges",
           ChangesBody(start, "<batchSize>1000</batchSize>" +
                                  UpdateSelector("2013-02-10T00:00:00Z", "2013-02-11T00:00:00Z")));
  ASSERT_EQ(r.status, 200) << r.body;
  for (const auto& t : Texts(r.body, "activityDateTime")) {
    EXPECT_GE(t, "2013-02-10T00:00:00Z");
    EXPECT_LE(t, "2013-02-11T00:00:00Z");
  }
  EXPECT_GT(Texts(r.body, "activityDateTime").size(), 10u);
  ExpectLeadFault(
      Call(server_, "getLeadChanges",
           ChangesBody(start, UpdateSelector("2013-01-01T00:00:00Z", "2013-03-01T00:00:00Z"))),
      20022, "Time range specified in query filter exceeded limit");
}

TEST_F(ActivityTest, MergeLeadsFillsTheWinnerAndRemovesTheLosers) {
  // Lead 37 is anonymous (cookie only); lead 12 is known. 12 wins and takes 37's cookie.
  auto r = Call(server_, "mergeLeads", MergeBody("12", {"37", "13"}, "true"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "status"), "MERGED");
  EXPECT_EQ(Text(r.body, "winningLeadId"), "12");
  EXPECT_EQ(Texts(r.body, "integerItem"), (std::vector<std::string>{"37", "13"}));
  ExpectLeadFault(Call(server_, "getLead", GetLeadBody("IDNUM", "37")), 20103, "Lead Not Found");
  EXPECT_EQ(Call(server_, "getLead", GetLeadBody("IDNUM", "13")).status, 500);
  const auto records = Records("12");
  EXPECT_EQ(Text(records.front(), "activityType"), "Merge Leads");
  EXPECT_EQ(AttrValue(records.front(), "Merged in Sales"), "true");
  EXPECT_EQ(AttrValue(records.front(), "Merge IDs"), "[37, 13]");

  server_.Stop();
  const json d = json::parse(server_.ReadDump());
  bool saw_winner = false;
  for (const auto& o : d["objects"]) {
    if (o["type"] != "Lead") continue;
    EXPECT_NE(o["id"], 37);
    EXPECT_NE(o["id"], 13);
    if (o["id"] == 12) {
      saw_winner = true;
      EXPECT_EQ(o["attributes"]["Email"], "lead12@example.com");  // the winner's own value
      EXPECT_EQ(o["cookies"].size(), 2u);                         // its own and 37's
    }
  }
  EXPECT_TRUE(saw_winner);
  EXPECT_EQ(d["object_counts"]["Lead"], 998);
}

TEST_F(ActivityTest, MergeLeadsFailures) {
  auto r = Call(server_, "mergeLeads", MergeBody("12", {"999999"}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Text(r.body, "error"), "Losing lead not found (IDNUM = 999999)");
  r = Call(server_, "mergeLeads", MergeBody("12", {"12"}));
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Text(r.body, "error"), "Lead 12 cannot be merged into itself");
  r = Call(server_, "mergeLeads", MergeBody("12", {"13", "999999"}));
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Call(server_, "getLead", GetLeadBody("IDNUM", "13")).status, 200);  // not merged
  ExpectLeadFault(Call(server_, "mergeLeads", MergeBody("999999", {"13"})), 20103, "Lead Not Found",
                  "No lead found with IDNUM = 999999");
  r = Call(server_, "mergeLeads",
           "<ns1:paramsMergeLeads><winningLeadKeyList>" + Attribute("SHOESIZE", "9") +
               "</winningLeadKeyList><losingLeadKeyLists><keyList>" + Attribute("IDNUM", "13") +
               "</keyList></losingLeadKeyLists></ns1:paramsMergeLeads>");
  ExpectLeadFault(r, 20102, "Lead Key Bad", "Unknown lead key type 'SHOESIZE'");
  // Keys other than IDNUM: the winner by email (the newest of its leads), the loser by SFDC id.
  r = Call(server_, "mergeLeads",
           "<ns1:paramsMergeLeads><winningLeadKeyList>" + Attribute("EMAIL", "lead3@example.com") +
               "</winningLeadKeyList><losingLeadKeyLists><keyList>" +
               Attribute("SFDCLEADID", "00Q300000000002") +
               "</keyList></losingLeadKeyLists></ns1:paramsMergeLeads>");
  EXPECT_EQ(Text(r.body, "status"), "MERGED");
  EXPECT_EQ(Text(r.body, "winningLeadId"), "909");
  EXPECT_EQ(Texts(r.body, "integerItem"), (std::vector<std::string>{"2"}));
}

TEST(LeadDumpTest, DumpShowsLeadsListsWorkspacesAndActivityCounts) {
  MockServerProcess server;
  const std::string cookie = "id:123-ABC-456&token:_mch-dump-1";
  ASSERT_EQ(Call(server, "syncLead",
                 SyncLeadBody({"", "dumped@example.com", "CRM-DUMP", "CUSTOM", {}}, false, cookie))
                .status,
            200);
  ASSERT_EQ(Call(server, "getLead", GetLeadBody("IDNUM", "1001")).status, 200);
  server.Stop();
  const json d = json::parse(server.ReadDump());
  EXPECT_EQ(d["counters"]["calls"]["syncLead"], 1);
  EXPECT_EQ(d["counters"]["calls"]["getLead"], 1);
  EXPECT_EQ(d["counters"]["objects"]["CREATED"]["Lead"], 1);
  EXPECT_EQ(d["object_counts"]["Lead"], 1001);
  EXPECT_EQ(d["object_counts"]["Program"], 251);  // MObject data unchanged
  EXPECT_EQ(d["activity_counts"]["New Lead"], 1001);
  EXPECT_GT(d["activity_counts"]["Visit Webpage"], 100);
  EXPECT_GT(d["activity_counts"]["Add to List"], 300);
  EXPECT_EQ(d["static_lists"].size(), 6u);
  EXPECT_EQ(d["static_lists"][0]["name"], "Newsletter Subscribers");
  EXPECT_EQ(d["workspaces"][1]["name"], "EMEA");
  bool saw_new = false, saw_lead3 = false;
  for (const auto& o : d["objects"]) {
    if (o["type"] != "Lead") continue;
    if (o["id"] == 1001) {
      saw_new = true;
      EXPECT_EQ(o["attributes"]["Email"], "dumped@example.com");
      EXPECT_EQ(o["attributes"]["ForeignSysPersonId"], "CRM-DUMP");
      EXPECT_EQ(o["attributes"]["ForeignSysType"], "CUSTOM");
      EXPECT_EQ(o["cookies"], json::array({cookie}));
      EXPECT_EQ(o["partition"], "Default");
    }
    if (o["id"] == 3) {
      saw_lead3 = true;
      EXPECT_EQ(o["cookies"][0], kLead3Cookie);
      EXPECT_EQ(o["attributes"]["ExternalLeadId"], "LEAD-0003");
    }
    if (o["id"] == 16) {
      EXPECT_EQ(o["lists"], json::array({1, 3, 5}));
      EXPECT_EQ(o["partition"], "EMEA Partners");
    }
  }
  EXPECT_TRUE(saw_new);
  EXPECT_TRUE(saw_lead3);
}

}  // namespace
}  // namespace marketo_test
