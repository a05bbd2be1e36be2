// LeadClient over the shipped gmock connection: validation before any call, batching of any
// number of leads with one result per input, and forwarding.
#include "marketo/lead_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "marketo/mocks/mock_connection.h"

namespace {

using marketo::LeadClient;
using marketo::LeadKey;
using marketo::LeadRecord;
using marketo::LeadSyncResult;
using marketo::LeadSyncStatus;
using marketo::Status;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::SyncMultipleLeadsRequest;
using marketo::mocks::MockConnection;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Return;

// Leads keyed by email "lead<N>@example.com", N = 1000 + input index.
std::vector<LeadRecord> EmailLeads(std::size_t n) {
  std::vector<LeadRecord> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    v[i].email = "lead" + std::to_string(1000 + i) + "@example.com";
  }
  return v;
}

// Answers UPDATED for every lead, with the number in its email as the lead id.
StatusOr<std::vector<LeadSyncResult>> EchoUpdated(const SyncMultipleLeadsRequest& r) {
  std::vector<LeadSyncResult> out;
  for (std::size_t i = 0; i < r.leads.size(); ++i) {
    LeadSyncResult res;
    res.index = i;
    res.lead_id = std::stoll(r.leads[i].email->substr(4));
    res.status = LeadSyncStatus::kUpdated;
    res.raw_status = "UPDATED";
    out.push_back(res);
  }
  return out;
}

TEST(LeadClient, SyncLeadValidatesBeforeAnyCall) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, SyncLead(_)).Times(0);
  LeadClient client(mock);
  marketo::SyncLeadRequest r;
  r.lead.Set("FirstName", "Ada");
  auto s = client.SyncLead(r);
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
}

TEST(LeadClient, SyncLeadForwardsTheRequest) {
  auto mock = std::make_shared<MockConnection>();
  marketo::SyncLeadResult answer;
  answer.lead_id = 77;
  answer.status = LeadSyncStatus::kCreated;
  EXPECT_CALL(*mock, SyncLead(_)).WillOnce([&](const marketo::SyncLeadRequest& r) {
    EXPECT_EQ(r.target_workspace, "EMEA");
    EXPECT_TRUE(r.return_lead);
    return answer;
  });
  marketo::SyncLeadRequest r;
  r.lead.email = "new@example.com";
  r.return_lead = true;
  r.target_workspace = "EMEA";
  auto got = LeadClient(mock).SyncLead(r);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->lead_id, 77);
}

TEST(LeadClient, SyncLeadsSplits650Into300And300And50InInputOrder) {
  auto mock = std::make_shared<MockConnection>();
  std::vector<std::size_t> sizes;
  EXPECT_CALL(*mock, SyncMultipleLeads(_))
      .Times(3)
      .WillRepeatedly([&](const SyncMultipleLeadsRequest& r) {
        sizes.push_back(r.leads.size());
        EXPECT_FALSE(r.dedup_enabled);
        return EchoUpdated(r);
      });
  marketo::SyncLeadsOptions options;
  options.dedup_enabled = false;
  auto all = LeadClient(mock).SyncLeads(EmailLeads(650), options);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  EXPECT_EQ(sizes, (std::vector<std::size_t>{300, 300, 50}));
  EXPECT_EQ(all.calls, 3u);
  ASSERT_EQ(all.results.size(), 650u);
  for (std::size_t i = 0; i < 650; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    EXPECT_EQ(all.results[i].lead_id, static_cast<std::int64_t>(1000 + i));
  }
}

TEST(LeadClient, SyncLeadsRejectsInvalidLeadsWithoutSendingThem) {
  auto mock = std::make_shared<MockConnection>();
  auto leads = EmailLeads(5);
  leads[2].email.reset();  // no key at all
  leads[3].attributes.push_back({"", "x", std::nullopt});
  std::vector<std::size_t> sent;
  EXPECT_CALL(*mock, SyncMultipleLeads(_)).WillOnce([&](const SyncMultipleLeadsRequest& r) {
    for (const auto& l : r.leads) sent.push_back(std::stoul(l.email->substr(4)) - 1000);
    return EchoUpdated(r);
  });
  auto all = LeadClient(mock).SyncLeads(leads);
  EXPECT_EQ(sent, (std::vector<std::size_t>{0, 1, 4}));
  ASSERT_EQ(all.results.size(), 5u);
  EXPECT_EQ(all.results[2].status, LeadSyncStatus::kFailed);
  EXPECT_EQ(all.results[2].call_status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(all.results[2].error, HasSubstr("lead[2] needs a match key"));
  EXPECT_THAT(all.results[3].error, HasSubstr("lead[3] attribute[0] has no name"));
  EXPECT_EQ(all.results[4].status, LeadSyncStatus::kUpdated);
  EXPECT_EQ(all.results[4].index, 4u);
  EXPECT_TRUE(all.status.ok());  // rejections are not call-level failures
}

TEST(LeadClient, AFailedCallFailsOnlyItsLeadsAndAShortAnswerIsAMismatch) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, SyncMultipleLeads(_))
      .WillOnce(Return(Status(StatusCode::kUnavailable, "syncMultipleLeads: reset")))
      .WillOnce([](const SyncMultipleLeadsRequest& r) {
        auto out = EchoUpdated(r);
        out->pop_back();
        return out;
      });
  marketo::SyncLeadsOptions options;
  options.batch_size = 2;
  auto all = LeadClient(mock).SyncLeads(EmailLeads(4), options);
  EXPECT_EQ(all.failed_calls, 2u);
  EXPECT_EQ(all.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(all.results[0].status, LeadSyncStatus::kFailed);
  EXPECT_EQ(all.results[3].call_status.code(), StatusCode::kResponseMismatch);
  EXPECT_THAT(all.results[3].error, HasSubstr("sent 2 leads but got 1 statuses"));
}

TEST(LeadClient, GetLeadValidatesTheKeyAndForwardsIt) {
  auto mock = std::make_shared<MockConnection>();
  LeadRecord lead;
  lead.id = 19;
  EXPECT_CALL(*mock, GetLead(LeadKey::Email("x@y.z")))
      .WillOnce(Return(std::vector<LeadRecord>{lead, lead}));
  LeadClient client(mock);
  EXPECT_EQ(client.GetLead({marketo::LeadKeyType::kIdnum, "abc"}).status().code(),
            StatusCode::kInvalidArgument);
  auto got = client.GetLead(LeadKey::Email("x@y.z"));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->size(), 2u);
}

}  // namespace
