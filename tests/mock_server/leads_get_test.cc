// getLead and getMultipleLeads against marketo-mock-server: every key type, several matches,
// the three selectors, paging to the end, includeAttributes and the request-level faults.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "leads_util.h"

namespace marketo_test {
namespace {

class LeadGetTest : public ::testing::Test {
 protected:
  HttpResponse Get(const std::string& type, const std::string& value) {
    return Call(server_, "getLead", GetLeadBody(type, value));
  }
  HttpResponse Multiple(const std::string& selector, const std::string& rest = "") {
    return Call(server_, "getMultipleLeads",
                "<ns1:paramsGetMultipleLeads>" + selector + rest + "</ns1:paramsGetMultipleLeads>");
  }
  // Every page of the selector; the ids in order. Checks returnCount and remainingCount.
  std::vector<std::string> PageAll(const std::string& selector, int batch, int* pages) {
    std::vector<std::string> ids;
    std::string token;
    int remaining = -1;
    for (*pages = 0; *pages < 50; ++*pages) {
      const std::string position =
          token.empty() ? "" : "<streamPosition>" + token + "</streamPosition>";
      const auto r =
          Multiple(selector, position + "<batchSize>" + std::to_string(batch) + "</batchSize>");
      EXPECT_EQ(r.status, 200) << r.body;
      const auto page = Ids(r.body);
      EXPECT_EQ(Text(r.body, "returnCount"), std::to_string(page.size()));
      const int now_remaining = std::stoi(Text(r.body, "remainingCount"));
      if (remaining >= 0) {
        EXPECT_EQ(remaining, static_cast<int>(page.size()) + now_remaining);
      }
      remaining = now_remaining;
      ids.insert(ids.end(), page.begin(), page.end());
      token = Text(r.body, "newStreamPosition");
      if (remaining == 0) {
        EXPECT_EQ(token, "");
        ++*pages;
        break;
      }
    }
    return ids;
  }
  MockServerProcess server_;
};

TEST_F(LeadGetTest, ByEmailSeveralLeadsMatch) {
  const auto r = Get("EMAIL", "LEAD1@example.com");  // case-insensitive
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "count"), "4");
  EXPECT_EQ(Ids(r.body), (std::vector<std::string>{"1", "101", "404", "707"}));
  const std::string first = Text(r.body, "leadRecord");
  EXPECT_EQ(Text(first, "Email"), "lead1@example.com");
  EXPECT_EQ(AttrValue(first, "FirstName"), "Grace");
  EXPECT_EQ(AttrValue(first, "LastName"), "Person1");
  EXPECT_EQ(AttrValue(first, "Company"), "Globex");
  EXPECT_EQ(AttrValue(first, "ExternalLeadId"), "LEAD-0001");
  EXPECT_EQ(AttrValue(first, "CreatedAt"), "2013-01-01T00:02:00+00:00");
  EXPECT_NE(first.find("<attrName>LeadScore</attrName><attrType>integer</attrType>"),
            std::string::npos);
}

TEST_F(LeadGetTest, ByEachKeyType) {
  EXPECT_EQ(Ids(Get("IDNUM", "19").body), (std::vector<std::string>{"19"}));
  EXPECT_EQ(Ids(Get("COOKIE", kLead3Cookie).body), (std::vector<std::string>{"3"}));
  EXPECT_EQ(Ids(Get("COOKIE", kLead3CookieToken).body), (std::vector<std::string>{"3"}));
  EXPECT_EQ(Ids(Get("SFDCLEADID", "00Q300000000002").body), (std::vector<std::string>{"2"}));
  EXPECT_EQ(Ids(Get("SFDCCONTACTID", "003300000000007").body), (std::vector<std::string>{"7"}));
  EXPECT_EQ(Ids(Get("SFDCOPPTYID", "006300000000007").body), (std::vector<std::string>{"7"}));
  // Owner and account keys name many leads; lead 2's are among them.
  const std::string lead2 = Text(Get("IDNUM", "2").body, "leadRecord");
  EXPECT_EQ(Text(lead2, "ForeignSysPersonId"), "00Q300000000002");
  EXPECT_EQ(Text(lead2, "ForeignSysType"), "SFDC");
  for (const auto& [type, field] :
       std::vector<std::pair<std::string, std::string>>{{"LEADOWNEREMAIL", "LeadOwnerEmail"},
                                                        {"SFDCLEADOWNERID", "SFDCLeadOwnerId"},
                                                        {"SFDCACCOUNTID", "SFDCAccountId"}}) {
    SCOPED_TRACE(type);
    const std::string value = AttrValue(lead2, field);
    ASSERT_NE(value, "<missing>");
    const auto ids = Ids(Get(type, value).body);
    EXPECT_GT(ids.size(), 1u);
    EXPECT_NE(std::find(ids.begin(), ids.end(), "2"), ids.end());
  }
  EXPECT_EQ(AttrValue(lead2, "LeadOwnerEmail"), "owner3@sales.example.com");
}

TEST_F(LeadGetTest, AnonymousLeadsHaveNoEmptyFields) {
  const std::string lead = Text(Get("IDNUM", "37").body, "leadRecord");
  EXPECT_EQ(AttrValue(lead, "FirstName"), "<missing>");
  EXPECT_NE(lead.find("<Email xsi:nil=\"true\"/>"), std::string::npos) << lead;
  EXPECT_NE(AttrValue(lead, "City"), "<missing>");
  EXPECT_EQ(lead.find("<attrValue></attrValue>"), std::string::npos);
}

TEST_F(LeadGetTest, NoMatchIs20103) {
  ExpectLeadFault(Get("IDNUM", "999999"), 20103, "Lead Not Found",
                  "No lead found with IDNUM = 999999");
  ExpectLeadFault(Get("EMAIL", "nobody@example.com"), 20103, "Lead Not Found",
                  "No lead found with EMAIL = nobody@example.com");
  ExpectLeadFault(Get("EMAIL", ""), 20101, "Lead Key Required");
}

TEST_F(LeadGetTest, KeySelectorTakes100KeysAndIgnoresTheRest) {
  std::vector<std::string> keys;
  for (int id = 1; id <= 120; ++id) keys.push_back(std::to_string(id));
  const auto r = Multiple(KeySelector("IDNUM", keys), "<batchSize>1000</batchSize>");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto ids = Ids(r.body);
  EXPECT_EQ(ids.size(), 100u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).count("101"), 0u);
  EXPECT_EQ(Text(r.body, "remainingCount"), "0");
  // EMAIL keys find every lead with the address.
  EXPECT_EQ(Ids(Multiple(KeySelector("EMAIL", {"lead2@example.com"})).body).size(), 4u);
}

TEST_F(LeadGetTest, StaticListPagesToTheEndWithoutGapsOrRepeats) {
  int pages = 0;
  const auto ids =
      PageAll(Selector("StaticListSelector", "<staticListId>1</staticListId>"), 100, &pages);
  std::set<std::string> expected;  // list 1: every lead with id % 3 == 1 that has an email
  for (int id = 1; id <= 1000; ++id) {
    if (id % 3 == 1 && id % 50 != 37) expected.insert(std::to_string(id));
  }
  EXPECT_EQ(ids.size(), expected.size());
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), expected);
  EXPECT_EQ(pages, static_cast<int>((expected.size() + 99) / 100));
  // By name, case-insensitively: the same members.
  const auto by_name = Multiple(
      Selector("StaticListSelector", "<staticListName>newsletter subscribers</staticListName>"),
      "<batchSize>1000</batchSize>");
  EXPECT_EQ(Ids(by_name.body).size(), expected.size());
  const auto empty = Multiple(Selector("StaticListSelector", "<staticListId>6</staticListId>"));
  EXPECT_EQ(Text(empty.body, "returnCount"), "0");
  EXPECT_EQ(Text(empty.body, "remainingCount"), "0");
}

TEST_F(LeadGetTest, LastUpdateWindowPagesInUpdateOrder) {
  int pages = 0;
  const std::string selector =
      UpdateSelector("2013-02-01T00:00:00+00:00", "2013-02-20T00:00:00+00:00");
  const auto ids = PageAll(selector, 37, &pages);
  EXPECT_GT(ids.size(), 100u);
  EXPECT_GT(pages, 3);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  // One big page has the same leads in the same order, each updated inside the window.
  const auto all = Multiple(selector, "<batchSize>1000</batchSize>");
  EXPECT_EQ(Ids(all.body), ids);
  std::string previous;
  for (const auto& lead : Texts(all.body, "leadRecord")) {
    const std::string updated = AttrValue(lead, "UpdatedAt");
    EXPECT_GE(updated, "2013-02-01T00:00:00+00:00");
    EXPECT_LE(updated, "2013-02-20T00:00:00+00:00");
    EXPECT_GE(updated, previous);
    previous = updated;
  }
}

TEST_F(LeadGetTest, IncludeAttributesRestrictsTheFields) {
  const auto r = Multiple(KeySelector("IDNUM", {"12", "13"}),
                          Strings("includeAttributes", {"LastName", "City"}));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto leads = Texts(r.body, "leadRecord");
  ASSERT_EQ(leads.size(), 2u);
  for (const auto& lead : leads) {
    EXPECT_EQ(Texts(lead, "attrName"), (std::vector<std::string>{"LastName", "City"}));
    EXPECT_NE(Text(lead, "Email"), "<missing>");  // elements of LeadRecord stay
  }
  EXPECT_EQ(AttrValue(leads[0], "LastName"), "Person12");
}

TEST_F(LeadGetTest, RequestLevelFaults) {
  ExpectLeadFault(
      Multiple(UpdateSelector("2013-01-01T00:00:00+00:00", "2013-02-15T00:00:00+00:00")), 20022,
      "Time range specified in query filter exceeded limit");
  // Without latestUpdatedAt the window runs to now.
  ExpectLeadFault(Multiple(UpdateSelector("2013-01-01T00:00:00+00:00", "")), 20022,
                  "Time range specified in query filter exceeded limit");
  EXPECT_EQ(Multiple(UpdateSelector(Around(-3600), "")).status, 200);
  ExpectLeadFault(Multiple(Selector("StaticListSelector", "<staticListId>77</staticListId>")),
                  20111, "List Not Found", "Static list 77 not found");
  ExpectLeadFault(
      Multiple(Selector("StaticListSelector", "<staticListName>No Such List</staticListName>")),
      20111, "List Not Found");
  ExpectLeadFault(Multiple(""), 20109, "Parameter Required", "leadSelector is required");
  ExpectLeadFault(Multiple(KeySelector("IDNUM", {"1"}), "<batchSize>0</batchSize>"), 20110,
                  "Bad Parameter");
}

TEST_F(LeadGetTest, ForeignOrGarbledStreamPositionIs20122) {
  const std::string list1 = Selector("StaticListSelector", "<staticListId>1</staticListId>");
  const std::string list2 = Selector("StaticListSelector", "<staticListId>2</staticListId>");
  const auto first = Multiple(list1, "<batchSize>10</batchSize>");
  const std::string token = Text(first.body, "newStreamPosition");
  ASSERT_FALSE(token.empty());
  EXPECT_EQ(Multiple(list1, "<streamPosition>" + token + "</streamPosition>").status, 200);
  ExpectLeadFault(Multiple(list2, "<streamPosition>" + token + "</streamPosition>"), 20122,
                  "Bad Stream Position");
  ExpectLeadFault(Multiple(list1, "<streamPosition>garbage</streamPosition>"), 20122,
                  "Bad Stream Position");
}

TEST_F(LeadGetTest, TheSevenLeadOperationsAreServed) {
  const std::vector<std::pair<std::string, std::string>> served = {
      {"getLead", GetLeadBody("IDNUM", "1")},
      {"getMultipleLeads", "<ns1:paramsGetMultipleLeads>" + KeySelector("IDNUM", {"1"}) +
                               "</ns1:paramsGetMultipleLeads>"},
      {"getLeadActivity",
       "<ns1:paramsGetLeadActivity>" + LeadKeyXml("IDNUM", "1") + "</ns1:paramsGetLeadActivity>"},
      {"getLeadChanges",
       "<ns1:paramsGetLeadChanges><startPosition><oldestCreatedAt>2013-01-01T00:00:00Z"
       "</oldestCreatedAt></startPosition><batchSize>1</batchSize></ns1:paramsGetLeadChanges>"},
      {"syncLead", SyncLeadBody({"1", "", "", "", {}}, false)},
      {"syncMultipleLeads", SyncMultipleBody({{"1", "", "", "", {}}}, "")},
      {"mergeLeads", "<ns1:paramsMergeLeads><winningLeadKeyList>" + Attribute("IDNUM", "1") +
                         "</winningLeadKeyList><losingLeadKeyLists><keyList>" +
                         Attribute("IDNUM", "2") +
                         "</keyList></losingLeadKeyLists></ns1:paramsMergeLeads>"}};
  for (const auto& [op, body] : served) {
    SCOPED_TRACE(op);
    EXPECT_EQ(Call(server_, op, body).status, 200);
  }
}

// --seed-leads N (for bench/w6_driver): N more leads, 1000001.., spread over 100 hours of 2014,
// N / 100 in each whole hour; the seeded window of 2013 is unchanged.
TEST(LeadBulkSeedTest, SeedLeadsSpreadsBulkLeadsOverTheHundredHours) {
  MockServerProcess server({"--seed-leads", "2500"});
  auto window = [&](const std::string& oldest, const std::string& latest) {
    std::vector<std::string> ids;
    std::string token;
    for (int page = 0; page < 10; ++page) {
      const std::string position =
          token.empty() ? "" : "<streamPosition>" + token + "</streamPosition>";
      const auto r =
          Call(server, "getMultipleLeads",
               "<ns1:paramsGetMultipleLeads>" + UpdateSelector(oldest, latest) + position +
                   "<batchSize>1000</batchSize></ns1:paramsGetMultipleLeads>");
      EXPECT_EQ(r.status, 200) << r.body;
      const auto got = Ids(r.body);
      ids.insert(ids.end(), got.begin(), got.end());
      token = Text(r.body, "newStreamPosition");
      if (Text(r.body, "remainingCount") == "0") break;
    }
    return ids;
  };
  const auto all = window("2014-01-01T00:00:00+00:00", "2014-01-05T04:00:00+00:00");
  ASSERT_EQ(all.size(), 2500u);
  const std::set<std::string> distinct(all.begin(), all.end());
  EXPECT_EQ(distinct.size(), 2500u);
  EXPECT_EQ(
      *std::min_element(all.begin(), all.end(),
                        [](const auto& a, const auto& b) { return std::stol(a) < std::stol(b); }),
      "1000001");
  EXPECT_EQ(window("2014-01-01T05:00:00+00:00", "2014-01-01T06:00:00+00:00").size(), 25u);
  const auto seeded = window("2013-02-01T00:00:00+00:00", "2013-02-20T00:00:00+00:00");
  EXPECT_GT(seeded.size(), 100u);
  for (const auto& id : seeded) EXPECT_LE(std::stol(id), 1000) << id;
}

}  // namespace
}  // namespace marketo_test
