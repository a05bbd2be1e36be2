// LeadClient over real sockets against marketo-mock-server and its seeded leads (see
// src/mock_server/README.md, "Seeded data"), over HTTP and HTTPS.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace {

using marketo::LeadClient;
using marketo::LeadKey;
using marketo::LeadRecord;
using marketo::LeadSelector;
using marketo::LeadSyncStatus;
using marketo::StatusCode;
using marketo_test::MockServerProcess;
using ::testing::HasSubstr;
using Clock = std::chrono::system_clock;

marketo::ClientOptions Options(const std::string& url) {
  marketo::ClientOptions o;
  o.endpoint = url;
  o.credentials = {marketo_test::kMockUserId, marketo_test::kMockEncryptionKey};
  o.connect_timeout = std::chrono::seconds(5);
  o.send_timeout = std::chrono::seconds(10);
  o.receive_timeout = std::chrono::seconds(10);
  o.limits = marketo::LimitOptions::Unlimited();
  return o;
}

Clock::time_point Day(int y, int m, int d) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  return Clock::from_time_t(timegm(&tm));
}

std::vector<std::int64_t> Ids(const std::vector<LeadRecord>& leads) {
  std::vector<std::int64_t> out;
  for (const auto& l : leads) out.push_back(l.id.value_or(0));
  return out;
}

TEST(LeadIntegration, SyncLeadCreatesUpdatesAndReturnsTheLead) {
  MockServerProcess server;
  LeadClient client(Options(server.url()));
  marketo::SyncLeadRequest r;
  r.lead.email = "new.person@example.org";
  r.lead.Set("FirstName", "Newt").Set("LastName", "Person");
  r.return_lead = true;
  auto created = client.SyncLead(r);
  ASSERT_TRUE(created.ok()) << created.status().ToString() << server.ReadStderr();
  EXPECT_EQ(created->status, LeadSyncStatus::kCreated);
  EXPECT_GE(created->lead_id, 1001);
  ASSERT_TRUE(created->lead.has_value());
  EXPECT_EQ(created->lead->FirstName(), "Newt");

  r.lead.Set("FirstName", "Newton");
  r.return_lead = false;
  auto updated = client.SyncLead(r);  // matched by email
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->status, LeadSyncStatus::kUpdated);
  EXPECT_EQ(updated->lead_id, created->lead_id);
  EXPECT_FALSE(updated->lead.has_value());

  auto got = client.GetLead(LeadKey::Id(created->lead_id));
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].FirstName(), "Newton");

  // The update left a "Change Data Value" activity with the old and the new value.
  marketo::GetLeadActivityRequest activity;
  activity.key = LeadKey::Id(created->lead_id);
  activity.filter.include_types = {"ChangeDataValue"};
  auto page = client.GetLeadActivity(activity);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_FALSE(page->activities.empty());
  bool found = false;
  for (const auto& a : page->activities) {
    const std::string* old_value = a.Find("Old Value");
    const std::string* new_value = a.Find("New Value");
    if (old_value != nullptr && new_value != nullptr && *old_value == "Newt" &&
        *new_value == "Newton") {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "no Change Data Value Newt -> Newton";
}

TEST(LeadIntegration, GetLeadByEmailReturnsEveryMatchAndAMissingLeadIs20103) {
  MockServerProcess server;
  LeadClient client(Options(server.url()));
  auto shared = client.GetLead(LeadKey::Email("lead1@example.com"));
  ASSERT_TRUE(shared.ok()) << shared.status().ToString();
  auto ids = Ids(*shared);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 101, 404, 707}));

  auto missing = client.GetLead(LeadKey::Id(999999));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().marketo_error_code(), marketo::error_codes::kLeadNotFound);
}

TEST(LeadIntegration, SyncLeadsAnswersEveryLeadInOrderAndDedupOffCreatesAgain) {
  MockServerProcess server;
  LeadClient client(Options(server.url()));
  std::vector<LeadRecord> leads(650);
  for (std::size_t i = 0; i < leads.size(); ++i) {
    leads[i].email = "bulk" + std::to_string(i) + "@example.org";
    leads[i].Set("LastName", "Bulk" + std::to_string(i));
  }
  auto first = client.SyncLeads(leads);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_EQ(first.calls, 3u);  // 300 + 300 + 50
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < leads.size(); ++i) {
    ASSERT_EQ(first.results[i].index, i);
    ASSERT_EQ(first.results[i].status, LeadSyncStatus::kCreated) << i;
    ids.insert(*first.results[i].lead_id);
  }
  EXPECT_EQ(ids.size(), 650u);

  // Again, de-duplicated by email: every lead is found and updated, none created.
  std::vector<LeadRecord> again(leads.begin(), leads.begin() + 10);
  auto second = client.SyncLeads(again);
  ASSERT_TRUE(second.status.ok());
  for (std::size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(second.results[i].lead_id, first.results[i].lead_id);
  }
  // Without de-duplication the same emails make new leads.
  marketo::SyncLeadsOptions no_dedup;
  no_dedup.dedup_enabled = false;
  auto third = client.SyncLeads(again, no_dedup);
  ASSERT_TRUE(third.status.ok());
  EXPECT_EQ(third.results[0].status, LeadSyncStatus::kCreated);
  EXPECT_NE(third.results[0].lead_id, first.results[0].lead_id);
  auto both = client.GetLead(LeadKey::Email("bulk0@example.org"));
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->size(), 2u);
}

TEST(LeadIntegration, ListsWindowsAndTheParallelExportReturnEachLeadOnce) {
  MockServerProcess server;
  LeadClient client(Options(server.url()));
  auto webinar = client.GetAllLeads(LeadSelector::StaticList("Webinar Attendees Q1 2013"));
  ASSERT_TRUE(webinar.ok()) << webinar.status().ToString();
  EXPECT_EQ(webinar->size(), 139u);

  // A year: read in 30-day parts, every seeded lead exactly once.
  marketo::ReadLeadsOptions options;
  options.batch_size = 250;
  auto year =
      client.GetAllLeads(LeadSelector::UpdatedBetween(Day(2013, 1, 1), Day(2014, 1, 1)), options);
  ASSERT_TRUE(year.ok()) << year.status().ToString();
  const auto ids = Ids(*year);
  EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), ids.size());
  EXPECT_EQ(ids.size(), 1000u);

  marketo::ExportLeadsOptions parallel;
  parallel.concurrency = 4;
  parallel.slice = std::chrono::hours(24 * 7);
  std::set<std::int64_t> exported;
  std::size_t delivered = 0;
  auto s = client.ExportLeads(Day(2013, 1, 1), Day(2014, 1, 1), parallel, [&](LeadRecord&& l) {
    exported.insert(*l.id);
    ++delivered;
    return true;
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(delivered, 1000u);
  EXPECT_EQ(exported.size(), 1000u);
}

TEST(LeadIntegration, ActivityWalkAndMergeOverHttps) {
  MockServerProcess server({"--tls-cert", marketo_test::TestCertsDir() + "/server.pem", "--tls-key",
                            marketo_test::TestCertsDir() + "/server.pem"});
  auto o = Options("https://localhost:" + std::to_string(server.port()) + "/soap/mktows/3_1");
  o.tls.ca_file = marketo_test::TestCertsDir() + "/ca.crt";
  LeadClient client(o);

  marketo::GetLeadActivityRequest activity;
  activity.key = LeadKey::Id(19);
  marketo::ReadActivityOptions walk;
  walk.batch_size = 2;
  std::vector<std::string> types;
  auto walked = client.ForEachActivity(
      activity, walk, [&](marketo::ActivityRecord&& a, const marketo::LeadReadPosition&) {
        types.push_back(a.activity_type);
        return true;
      });
  ASSERT_TRUE(walked.ok()) << walked.ToString() << server.ReadStderr();
  EXPECT_NE(std::find(types.begin(), types.end(), "New Lead"), types.end());

  marketo::SyncLeadRequest a;
  a.lead.email = "merge.winner@example.org";
  marketo::SyncLeadRequest b;
  b.lead.email = "merge.loser@example.org";
  auto winner = client.SyncLead(a);
  auto loser = client.SyncLead(b);
  ASSERT_TRUE(winner.ok() && loser.ok());
  marketo::MergeLeadsRequest m;
  m.winner = {LeadKey::Id(winner->lead_id)};
  m.losers = {{LeadKey::Id(loser->lead_id)}};
  auto merged = client.MergeLeads(m);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->status, marketo::LeadMergeStatus::kMerged);
  EXPECT_EQ(merged->winning_lead_id, winner->lead_id);
  EXPECT_EQ(client.GetLead(LeadKey::Id(loser->lead_id)).status().marketo_error_code(),
            marketo::error_codes::kLeadNotFound);
}

TEST(LeadIntegration, UnknownFieldIs20105NamingIt) {
  MockServerProcess server;
  LeadClient client(Options(server.url()));
  marketo::SyncLeadRequest r;
  r.lead.email = "pants@example.org";
  r.lead.Set("pants", "blue");
  auto s = client.SyncLead(r);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().marketo_error_code(), marketo::error_codes::kLeadAttributeBad);
  EXPECT_THAT(s.status().message(), HasSubstr("pants"));
  EXPECT_EQ(s.status().code(), StatusCode::kSoapFault);
}

}  // namespace
