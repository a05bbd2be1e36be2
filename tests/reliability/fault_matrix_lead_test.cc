// Fault matrix, lead family: each lead call's retry rule when an answer is lost, per-lead status
// counts and unknown values, walks against a server whose position never advances, and a
// timestamp no clock can hold. Every case is bounded in time and leaks no secret.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "fault_matrix.h"

namespace {
using marketo::LeadClient;
using marketo::LeadKey;
using marketo::LeadRecord;
using marketo::LeadSyncStatus;
using marketo::Status;
using marketo::StatusCode;
using marketo_test::CountedClient;
using marketo_test::Envelope;
using marketo_test::LoopbackConn;
using marketo_test::LoopbackServer;
using marketo_test::MockServerProcess;
using marketo_test::fault_matrix::ExpectNoSecrets;
using marketo_test::fault_matrix::kRawKey;
using marketo_test::fault_matrix::kRetries;
using marketo_test::fault_matrix::Ok;
using marketo_test::fault_matrix::Options;
using marketo_test::fault_matrix::Reply;
using marketo_test::fault_matrix::Timed;
using ::testing::HasSubstr;

std::string LeadStatuses(const std::vector<std::string>& statuses) {
  std::string s;
  int id = 100;
  for (const auto& st : statuses) {
    s += "<syncStatus><leadId>" + std::to_string(id++) + "</leadId><status>" + st +
         "</status><error xsi:nil=\"true\"/></syncStatus>";
  }
  return Ok(Envelope("<ns1:successSyncMultipleLeads><result><syncStatusList>" + s +
                     "</syncStatusList></result></ns1:successSyncMultipleLeads>"));
}

std::vector<LeadRecord> TwoLeadsByEmail() {
  std::vector<LeadRecord> leads(2);
  leads[0].email = "a@example.org";
  leads[1].email = "b@example.org";
  return leads;
}

// ---- what a lost answer does to each lead call --------------------------------------------

struct LostAnswerCase {
  const char* id;  // the test name's suffix
  const char* name;
  std::function<Status(LeadClient&)> call;
  int attempts;  // with kRetries retries
};

void PrintTo(const LostAnswerCase& c, std::ostream* os) { *os << c.name; }

std::vector<LostAnswerCase> LostAnswerCases() {
  std::vector<LostAnswerCase> cases;
  cases.push_back({"GetLead", "getLead",
                   [](LeadClient& c) { return c.GetLead(LeadKey::Id(5)).status(); }, 1 + kRetries});
  cases.push_back({"GetMultipleLeads", "getMultipleLeads",
                   [](LeadClient& c) {
                     marketo::GetMultipleLeadsRequest r;
                     r.selector = marketo::LeadSelector::StaticListId(2);
                     return c.GetMultipleLeads(r).status();
                   },
                   1 + kRetries});
  cases.push_back({"GetLeadActivity", "getLeadActivity",
                   [](LeadClient& c) {
                     marketo::GetLeadActivityRequest r;
                     r.key = LeadKey::Id(5);
                     return c.GetLeadActivity(r).status();
                   },
                   1 + kRetries});
  cases.push_back({"SyncLeadByEmail", "syncLead by email (an upsert)",
                   [](LeadClient& c) {
                     marketo::SyncLeadRequest r;
                     r.lead.email = "a@example.org";
                     return c.SyncLead(r).status();
                   },
                   1 + kRetries});
  cases.push_back({"SyncMultipleLeadsDeduped", "syncMultipleLeads, dedup on (an upsert)",
                   [](LeadClient& c) { return c.SyncLeads(TwoLeadsByEmail()).status; },
                   1 + kRetries});
  cases.push_back({"SyncMultipleLeadsUndeduped",
                   "syncMultipleLeads, dedup off (a repeat creates again)",
                   [](LeadClient& c) {
                     marketo::SyncLeadsOptions o;
                     o.dedup_enabled = false;
                     return c.SyncLeads(TwoLeadsByEmail(), o).status;
                   },
                   1});
  cases.push_back({"MergeLeads", "mergeLeads (never repeated)",
                   [](LeadClient& c) {
                     marketo::MergeLeadsRequest m;
                     m.winner = {LeadKey::Id(5)};
                     m.losers = {{LeadKey::Id(6)}};
                     return c.MergeLeads(m).status();
                   },
                   1});
  return cases;
}

class FaultMatrixLeadLostAnswer : public ::testing::TestWithParam<LostAnswerCase> {};

// The request arrived whole; the connection is reset before any answer.
TEST_P(FaultMatrixLeadLostAnswer, RetriedOnlyWhenARepeatIsHarmless) {
  const LostAnswerCase& lc = GetParam();
  LoopbackServer server([](LoopbackConn& c) {
    c.ReadRequest();
    c.Reset();
  });
  auto o = Options(server.url());
  CountedClient cc(o);
  const Status s = Timed(o, 1 + kRetries, [&] { return lc.call(cc.leads); });
  ASSERT_FALSE(s.ok()) << lc.name;
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << lc.name << ": " << s.ToString();
  EXPECT_TRUE(s.request_may_have_reached_server()) << lc.name;
  EXPECT_EQ(cc.attempts(), lc.attempts) << lc.name;
  ExpectNoSecrets(s, kRawKey);
}

INSTANTIATE_TEST_SUITE_P(EveryLeadCall, FaultMatrixLeadLostAnswer,
                         ::testing::ValuesIn(LostAnswerCases()),
                         [](const auto& test) { return std::string(test.param.id); });

// ---- response content -------------------------------------------------------------------

TEST(FaultMatrixLead, FewerStatusesThanLeadsFailsEveryLeadOfTheBatch) {
  LoopbackServer server(Reply(LeadStatuses({"CREATED"})));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto all = Timed(o, 1, [&] { return cc.leads.SyncLeads(TwoLeadsByEmail()); });
  EXPECT_EQ(all.status.code(), StatusCode::kResponseMismatch) << all.status.ToString();
  ASSERT_EQ(all.results.size(), 2u);
  for (const auto& r : all.results) {
    EXPECT_EQ(r.status, LeadSyncStatus::kFailed);
    EXPECT_EQ(r.call_status.code(), StatusCode::kResponseMismatch);
  }
  EXPECT_EQ(cc.attempts(), 1);
  ExpectNoSecrets(all.status, kRawKey);
}

TEST(FaultMatrixLead, UnknownLeadStatusIsKeptAsUnknown) {
  LoopbackServer server(Reply(LeadStatuses({"UPDATED", "QUARANTINED"})));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto all = Timed(o, 1, [&] { return cc.leads.SyncLeads(TwoLeadsByEmail()); });
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  EXPECT_EQ(all.results[0].status, LeadSyncStatus::kUpdated);
  EXPECT_EQ(all.results[1].status, LeadSyncStatus::kUnknown);
  EXPECT_EQ(all.results[1].raw_status, "QUARANTINED");
}

// A page that says leads remain but hands back the position it was read from would make a
// naive walk loop for ever.
TEST(FaultMatrixLead, LeadWalkStopsWhenTheStreamPositionDoesNotAdvance) {
  LoopbackServer server(Reply(
      Ok(Envelope("<ns1:successGetMultipleLeads><result><returnCount>1</returnCount>"
                  "<remainingCount>5</remainingCount><newStreamPosition>stuck</newStreamPosition>"
                  "<leadRecordList><leadRecord><Id>3</Id></leadRecord></leadRecordList></result>"
                  "</ns1:successGetMultipleLeads>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  int delivered = 0;
  const Status s = Timed(o, 2, [&] {
    return cc.leads.ForEachLead(marketo::LeadSelector::StaticListId(2), {},
                                [&](LeadRecord&&, const marketo::LeadReadPosition&) {
                                  ++delivered;
                                  return true;
                                });
  });
  EXPECT_EQ(s.code(), StatusCode::kMalformedResponse) << s.ToString();
  EXPECT_THAT(s.message(), HasSubstr("did not advance"));
  EXPECT_EQ(cc.attempts(), 2);  // the first page, then the same position once
  EXPECT_EQ(delivered, 1);      // the repeated lead is not delivered twice
}

TEST(FaultMatrixLead, ActivityWalkStopsWhenTheStartPositionDoesNotAdvance) {
  LoopbackServer server(
      Reply(Ok(Envelope("<ns1:successGetLeadActivity><leadActivityList><returnCount>0</returnCount>"
                        "<remainingCount>9</remainingCount><newStartPosition><offset>stuck</offset>"
                        "</newStartPosition><activityRecordList/></leadActivityList>"
                        "</ns1:successGetLeadActivity>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  marketo::GetLeadActivityRequest r;
  r.key = LeadKey::Id(5);
  const Status s = Timed(o, 2, [&] {
    return cc.leads.ForEachActivity(
        r, {}, [](marketo::ActivityRecord&&, const marketo::LeadReadPosition&) { return true; });
  });
  EXPECT_EQ(s.code(), StatusCode::kMalformedResponse) << s.ToString();
  EXPECT_EQ(cc.attempts(), 2);
}

TEST(FaultMatrixLead, UnreadableActivityTimestampIsMalformedAndNotRetried) {
  LoopbackServer server(Reply(Ok(Envelope(
      "<ns1:successGetLeadActivity><leadActivityList><returnCount>1</returnCount>"
      "<remainingCount>0</remainingCount><newStartPosition/><activityRecordList><activityRecord>"
      "<id>1</id><activityDateTime>yesterday-ish</activityDateTime><activityType>New Lead"
      "</activityType><mktPersonId>5</mktPersonId></activityRecord></activityRecordList>"
      "</leadActivityList></ns1:successGetLeadActivity>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  marketo::GetLeadActivityRequest r;
  r.key = LeadKey::Id(5);
  auto page = Timed(o, 1, [&] { return cc.leads.GetLeadActivity(r); });
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kMalformedResponse) << page.status().ToString();
  EXPECT_EQ(cc.attempts(), 1);  // the same answer would come again
  ExpectNoSecrets(page.status(), kRawKey);
}

// ---- SOAP faults from the mock --------------------------------------------------------------

TEST(FaultMatrixLead, LeadNotFoundIs20103WithoutRetry) {
  MockServerProcess server;
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  CountedClient cc(o);
  auto got = Timed(o, 1, [&] { return cc.leads.GetLead(LeadKey::Id(999999)); });
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kSoapFault) << got.status().ToString();
  EXPECT_EQ(got.status().marketo_error_code(), marketo::error_codes::kLeadNotFound);
  EXPECT_EQ(cc.attempts(), 1);
  ExpectNoSecrets(got.status(), marketo_test::kMockEncryptionKey);
}

TEST(FaultMatrixLead, TooLongWindowFromTheServerIs20022WithoutRetry) {
  // The SDK never sends such a window; a server that rejects a shorter one is still answered
  // with the typed code (here injected for every call).
  MockServerProcess server({"--fault", "every=1:code=20022"});
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  CountedClient cc(o);
  marketo::GetMultipleLeadsRequest r;
  r.selector = marketo::LeadSelector::UpdatedBetween(std::chrono::system_clock::now() -
                                                     std::chrono::hours(24));
  auto page = Timed(o, 1, [&] { return cc.leads.GetMultipleLeads(r); });
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().marketo_error_code(), marketo::error_codes::kTimeRangeExceeded)
      << page.status().ToString();
  EXPECT_EQ(cc.attempts(), 1);
}

}  // namespace
