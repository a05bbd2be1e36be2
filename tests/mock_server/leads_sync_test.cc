// syncLead and syncMultipleLeads against marketo-mock-server: key precedence, returnLead,
// cookies, workspaces, de-duplication, per-record statuses and request-level faults.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "leads_util.h"

namespace marketo_test {
namespace {

using nlohmann::json;

class LeadSyncTest : public ::testing::Test {
 protected:
  HttpResponse Sync(const LeadXml& lead, bool return_lead = false, const std::string& cookie = "",
                    const std::string& move = "") {
    return Call(server_, "syncLead", SyncLeadBody(lead, return_lead, cookie, move));
  }
  // The one leadRecord getLead answers for a key that finds a single lead.
  std::string Lead(const std::string& type, const std::string& value) {
    const auto r = Call(server_, "getLead", GetLeadBody(type, value));
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(Text(r.body, "count"), "1") << r.body;
    return Text(r.body, "leadRecord");
  }
  MockServerProcess server_;
};

TEST_F(LeadSyncTest, IdWinsAndThenForeignSysPersonIdIsUpdated) {
  const auto r = Sync({"10", "", "CUST-X1", "CUSTOM", {{"Title", "CTO"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "leadId"), "10");
  EXPECT_EQ(Text(r.body, "status"), "UPDATED");
  const std::string lead = Lead("IDNUM", "10");
  EXPECT_EQ(Text(lead, "ForeignSysPersonId"), "CUST-X1");
  EXPECT_EQ(Text(lead, "ForeignSysType"), "CUSTOM");
  EXPECT_EQ(AttrValue(lead, "Title"), "CTO");
}

TEST_F(LeadSyncTest, ForeignSysPersonIdBeatsEmailAndTheEmailIsUpdated) {
  // 00Q300000000002 is seeded lead 2's SFDC id; lead5@example.com is lead 5's email.
  auto r = Sync({"", "lead5@example.com", "00Q300000000002", "SFDC", {}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Text(r.body, "leadId"), "2");
  EXPECT_EQ(Text(Lead("IDNUM", "2"), "Email"), "lead5@example.com");
  // A foreign id nobody has: the Email finds the lead, which gets the foreign id.
  r = Sync({"", "lead6@example.com", "NEW-6", "NETSUITE", {}});
  EXPECT_EQ(Text(r.body, "leadId"), "6");
  EXPECT_EQ(Text(Lead("IDNUM", "6"), "ForeignSysPersonId"), "NEW-6");
  // A foreign id that belongs to another lead cannot be given to this one.
  r = Sync({"10", "", "00Q300000000002", "SFDC", {}});
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_NE(Text(r.body, "error").find("already belongs to lead 2"), std::string::npos);
}

TEST_F(LeadSyncTest, CookieBeatsEmailAndEmailDeduplicatesToTheNewestLead) {
  auto r = Sync({"", "someone.new@example.com", "", "", {}}, false, kLead3Cookie);
  EXPECT_EQ(Text(r.body, "leadId"), "3");
  EXPECT_EQ(Text(Lead("IDNUM", "3"), "Email"), "someone.new@example.com");
  // lead1@example.com is shared by leads 1, 101, 404 and 707: the most recent is updated.
  r = Sync({"", "lead1@example.com", "", "", {{"Title", "Dedup"}}});
  EXPECT_EQ(Text(r.body, "leadId"), "707");
  EXPECT_EQ(AttrValue(Lead("IDNUM", "707"), "Title"), "Dedup");
}

TEST_F(LeadSyncTest, AnAnonymousCookieLeadBecomesKnown) {
  const std::string cookie = "id:123-ABC-456&token:_mch-example.com-1700000000000-77777";
  auto r = Sync({"", "", "", "", {{"City", "Lisbon"}}}, false, cookie);
  ASSERT_EQ(Text(r.body, "status"), "CREATED") << r.body;
  const std::string id = Text(r.body, "leadId");
  EXPECT_EQ(id, "1001");  // new ids start at 1001
  const std::string anonymous = Lead("COOKIE", cookie);
  EXPECT_EQ(Text(anonymous, "Id"), id);
  EXPECT_EQ(anonymous.find("<Email>"), std::string::npos) << anonymous;

  r = Sync({"", "known.now@example.com", "", "", {{"FirstName", "Known"}}}, true, cookie);
  EXPECT_EQ(Text(r.body, "status"), "UPDATED");
  EXPECT_EQ(Text(r.body, "leadId"), id);
  EXPECT_EQ(Text(Lead("EMAIL", "known.now@example.com"), "Id"), id);
  EXPECT_EQ(AttrValue(Text(r.body, "leadRecord"), "FirstName"), "Known");
}

TEST_F(LeadSyncTest, MoveCookieMovesACookieOfAnotherLead) {
  auto r = Sync({"10", "", "", "", {}}, false, kLead3Cookie);
  EXPECT_EQ(Text(r.body, "leadId"), "10");
  EXPECT_EQ(Text(Lead("COOKIE", kLead3Cookie), "Id"), "3");  // stays without moveCookie
  r = Sync({"10", "", "", "", {}}, false, kLead3Cookie, "true");
  EXPECT_EQ(Text(r.body, "leadId"), "10");
  EXPECT_EQ(Text(Lead("COOKIE", kLead3CookieToken), "Id"), "10");
  // A cookie nobody has joins the synced lead with or without moveCookie.
  Sync({"11", "", "", "", {}}, false, "id:123-ABC-456&token:_mch-fresh-1");
  EXPECT_EQ(Text(Lead("COOKIE", "_mch-fresh-1"), "Id"), "11");
}

TEST_F(LeadSyncTest, ReturnLeadTrueReturnsTheStoredLeadFalseIsNil) {
  auto r = Sync({"12", "", "", "", {{"LeadScore", "77"}}}, true);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string lead = Text(r.body, "leadRecord");
  EXPECT_EQ(Text(lead, "Id"), "12");
  EXPECT_EQ(Text(lead, "Email"), "lead12@example.com");
  EXPECT_EQ(AttrValue(lead, "LeadScore"), "77");
  EXPECT_EQ(AttrValue(lead, "LastName"), "Person12");
  EXPECT_NE(r.body.find("<error xsi:nil=\"true\"/>"), std::string::npos) << r.body;

  r = Sync({"12", "", "", "", {{"LeadScore", "78"}}}, false);
  EXPECT_NE(r.body.find("<leadRecord xsi:nil=\"true\"/>"), std::string::npos) << r.body;
  EXPECT_EQ(Text(r.body, "leadId"), "12");
}

TEST_F(LeadSyncTest, PerRecordProblemsAreFailedStatuses) {
  auto r = Sync({"999999", "", "", "", {}});
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Text(r.body, "leadId"), "0");
  EXPECT_EQ(Text(r.body, "error"), "No lead with Id 999999");
  r = Sync({"12", "", "", "", {{"LeadScore", "lots"}}});
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_EQ(Text(r.body, "leadId"), "12");
  r = Sync({"12", "", "", "", {{"UpdatedAt", "2013-01-01T00:00:00+00:00"}}});
  EXPECT_EQ(Text(r.body, "error"), "Field 'UpdatedAt' is read-only");
  r = Sync({"", "", "", "", {{"City", "Nowhere"}}});  // no key at all
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
}

TEST_F(LeadSyncTest, UnknownFieldIs20105NamingTheField) {
  ExpectLeadFault(Sync({"12", "", "", "", {{"FirstName", "A"}, {"pants", "blue"}}}), 20105,
                  "Lead Attribute Bad",
                  "syncLead operation failed: unknown fields for import: pants");
  EXPECT_EQ(AttrValue(Lead("IDNUM", "12"), "FirstName"), "Ada");  // nothing applied
  ExpectLeadFault(Call(server_, "syncMultipleLeads",
                       SyncMultipleBody({{"", "a@example.com", "", "", {{"shoes", "x"}}}}, "")),
                  20105, "Lead Attribute Bad",
                  "syncMultipleLeads operation failed: unknown fields for import: shoes");
}

TEST_F(LeadSyncTest, EmptyValuesClearFieldsAndAreNotReturned) {
  Sync({"12", "", "", "", {{"Title", ""}}});
  const std::string lead = Lead("IDNUM", "12");
  EXPECT_EQ(AttrValue(lead, "Title"), "<missing>");
  EXPECT_EQ(lead.find("<attrValue></attrValue>"), std::string::npos) << lead;
}

// A header with the AuthenticationHeader and a MktowsContextHeader naming `workspace`.
std::string WorkspaceEnvelope(const std::string& workspace, const std::string& body) {
  return SoapEnvelope(
      AuthHeaderXml(kMockUserId, kMockEncryptionKey, W3cTimestamp(std::time(nullptr))) +
          "<ns1:MktowsContextHeader><targetWorkspace>" + workspace +
          "</targetWorkspace></ns1:MktowsContextHeader>",
      body);
}

TEST_F(LeadSyncTest, TargetWorkspaceChoosesThePartitionAndGuardsKeyedUpdates) {
  const auto sync = [&](const std::string& ws, const LeadXml& lead) {
    return PostSoap(server_.url(), "syncLead", WorkspaceEnvelope(ws, SyncLeadBody(lead, false)));
  };
  auto r = sync("EMEA", {"", "emea.new@example.com", "", "", {}});
  ASSERT_EQ(Text(r.body, "status"), "CREATED") << r.body;
  const std::string emea_id = Text(r.body, "leadId");
  r = Sync({"", "default.new@example.com", "", "", {}});  // no header: Default
  const std::string default_id = Text(r.body, "leadId");

  // By Id the lead must be in the workspace's primary partition; by Email the header is ignored.
  r = sync("EMEA", {default_id, "", "", "", {{"Title", "x"}}});
  EXPECT_EQ(Text(r.body, "status"), "FAILED");
  EXPECT_NE(Text(r.body, "error").find("not in the primary partition of workspace 'EMEA'"),
            std::string::npos);
  r = sync("EMEA", {"", "default.new@example.com", "", "", {{"Title", "y"}}});
  EXPECT_EQ(Text(r.body, "status"), "UPDATED");
  r = sync("emea", {emea_id, "", "", "", {{"Title", "z"}}});  // names are case-insensitive
  EXPECT_EQ(Text(r.body, "status"), "UPDATED");
  ExpectLeadFault(sync("Mars", {"", "x@example.com", "", "", {}}), 20110, "Bad Parameter",
                  "Unknown workspace 'Mars' in MktowsContextHeader");

  server_.Stop();
  const json d = json::parse(server_.ReadDump());
  std::map<std::string, std::string> partition;
  for (const auto& o : d["objects"]) {
    if (o["type"] == "Lead") partition[std::to_string(o["id"].get<int>())] = o["partition"];
  }
  EXPECT_EQ(partition[emea_id], "EMEA");
  EXPECT_EQ(partition[default_id], "Default");
}

TEST_F(LeadSyncTest, SyncMultipleLeadsAnswersOneStatusPerRecordInOrder) {
  const std::vector<LeadXml> leads = {
      {"", "brand.new@example.com", "", "", {{"FirstName", "Brand"}}},  // CREATED
      {"10", "", "", "", {{"Title", "Updated"}}},                       // UPDATED
      {"999999", "", "", "", {}},                                       // FAILED: unknown Id
      {"", "", "", "", {{"City", "Keyless"}}},                          // FAILED: no key
      {"", "other.new@example.com", "CRM-NEW-1", "CUSTOM", {}},         // CREATED
  };
  const auto r = Call(server_, "syncMultipleLeads", SyncMultipleBody(leads, ""));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Texts(r.body, "status"),
            (std::vector<std::string>{"CREATED", "UPDATED", "FAILED", "FAILED", "CREATED"}));
  EXPECT_EQ(Texts(r.body, "leadId"), (std::vector<std::string>{"1001", "10", "0", "0", "1002"}));
  EXPECT_EQ(Texts(r.body, "error").size(), 5u);  // three of them xsi:nil
  EXPECT_EQ(Text(Lead("IDNUM", "1002"), "ForeignSysPersonId"), "CRM-NEW-1");
  EXPECT_EQ(AttrValue(Lead("IDNUM", "10"), "Title"), "Updated");
}

TEST_F(LeadSyncTest, SyncMultipleLeadsChangesEmailOnlyAsAnAttribute) {
  auto r = Call(server_, "syncMultipleLeads",
                SyncMultipleBody({{"10", "changed@example.com", "", "", {}}}, ""));
  EXPECT_EQ(Text(r.body, "status"), "UPDATED");
  EXPECT_EQ(Text(Lead("IDNUM", "10"), "Email"), "lead10@example.com");
  r = Call(server_, "syncMultipleLeads",
           SyncMultipleBody({{"10", "", "", "", {{"Email", "changed@example.com"}}}}, ""));
  EXPECT_EQ(Text(Lead("IDNUM", "10"), "Email"), "changed@example.com");
}

TEST_F(LeadSyncTest, DedupEnabledFalseCreatesDuplicates) {
  const LeadXml lead{"", "lead5@example.com", "", "", {{"Title", "Again"}}};
  auto r = Call(server_, "syncMultipleLeads", SyncMultipleBody({lead}, "true"));
  EXPECT_EQ(Text(r.body, "leadId"), "5");
  EXPECT_EQ(Text(r.body, "status"), "UPDATED");
  r = Call(server_, "syncMultipleLeads", SyncMultipleBody({lead, lead}, "false"));
  EXPECT_EQ(Texts(r.body, "status"), (std::vector<std::string>{"CREATED", "CREATED"}));
  const auto found = Call(server_, "getLead", GetLeadBody("EMAIL", "lead5@example.com"));
  EXPECT_EQ(Text(found.body, "count"), "3");
  EXPECT_EQ(Ids(found.body), (std::vector<std::string>{"5", "1001", "1002"}));
}

TEST_F(LeadSyncTest, MoreThan1000RecordsIs20110AndNothingIsApplied) {
  std::vector<LeadXml> leads(1001, LeadXml{"", "bulk@example.com", "", "", {}});
  ExpectLeadFault(Call(server_, "syncMultipleLeads", SyncMultipleBody(leads, "false")), 20110,
                  "Bad Parameter",
                  "syncMultipleLeads accepts at most 1000 leads per call, got 1001");
  const auto r = Call(server_, "getLead", GetLeadBody("EMAIL", "bulk@example.com"));
  ExpectLeadFault(r, 20103, "Lead Not Found", "No lead found with EMAIL = bulk@example.com");
  leads.pop_back();
  EXPECT_EQ(Call(server_, "syncMultipleLeads", SyncMultipleBody(leads, "false")).status, 200);
}

TEST(LeadPolicyTest, InjectedFaultsAndTheStoreApplyToLeadOperations) {
  MockServerProcess server({"--fault", "every=1:code=20023:op=syncLead"});
  ExpectLeadFault(
      Call(server, "syncLead", SyncLeadBody({"", "injected@example.com", "", "", {}}, false)),
      20023, "Rate Limit Exceeded");
  ExpectLeadFault(Call(server, "getLead", GetLeadBody("EMAIL", "injected@example.com")), 20103,
                  "Lead Not Found");
}

}  // namespace
}  // namespace marketo_test
