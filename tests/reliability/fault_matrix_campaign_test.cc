// Fault matrix, campaigns, channels and tags: each call's retry rule when an answer is lost
// (requestCampaign and scheduleCampaign never repeated, the reads retried), a run whose answer
// the mock loses after it ran (exactly one run, visible in the lead's activity), and responses
// without a result. Every case is bounded in time and leaks no secret.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "fault_matrix.h"

namespace {
using marketo::CampaignClient;
using marketo::CampaignLeadState;
using marketo::LeadKey;
using marketo::Status;
using marketo::StatusCode;
using marketo::TagClient;
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

marketo::RequestCampaignRequest RequestFor(int lead) {
  marketo::RequestCampaignRequest r;
  r.program_name = "Q3 Webinar Series";
  r.campaign_name = "Webinar Registration";
  r.leads = {LeadKey::Id(lead)};
  return r;
}

marketo::ScheduleCampaignRequest Attendance() {
  return {"Q3 Webinar Series", "Webinar Attendance", {}, {}, {}};
}

struct LostAnswerCase {
  const char* id;
  const char* name;
  std::function<Status(CampaignClient&, TagClient&)> call;
  int attempts;  // with kRetries retries
};

void PrintTo(const LostAnswerCase& c, std::ostream* os) { *os << c.name; }

std::vector<LostAnswerCase> LostAnswerCases() {
  return {
      {"GetCampaignsForSource", "getCampaignsForSource",
       [](CampaignClient& c, TagClient&) { return c.GetCampaignsForSource({}).status(); },
       1 + kRetries},
      {"RequestCampaign", "requestCampaign (never repeated: the campaign would run twice)",
       [](CampaignClient& c, TagClient&) { return c.RequestCampaign(RequestFor(5)).status; }, 1},
      {"ScheduleCampaign", "scheduleCampaign (never repeated: a second run)",
       [](CampaignClient& c, TagClient&) { return c.ScheduleCampaign(Attendance()).status(); }, 1},
      {"GetChannels", "getChannels",
       [](CampaignClient&, TagClient& t) { return t.GetChannels().status(); }, 1 + kRetries},
      {"GetTags", "getTags", [](CampaignClient&, TagClient& t) { return t.GetTags().status(); },
       1 + kRetries},
  };
}

class FaultMatrixCampaignLostAnswer : public ::testing::TestWithParam<LostAnswerCase> {};

// The request arrived whole; the connection is reset before any answer.
TEST_P(FaultMatrixCampaignLostAnswer, RetriedOnlyWhenARepeatIsHarmless) {
  const LostAnswerCase& lc = GetParam();
  LoopbackServer server([](LoopbackConn& c) {
    c.ReadRequest();
    c.Reset();
  });
  auto o = Options(server.url());
  CountedClient cc(o);
  CampaignClient campaigns(cc.stack);
  TagClient tags(cc.stack);
  const Status s = Timed(o, 1 + kRetries, [&] { return lc.call(campaigns, tags); });
  ASSERT_FALSE(s.ok()) << lc.name;
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << lc.name << ": " << s.ToString();
  EXPECT_TRUE(s.request_may_have_reached_server()) << lc.name;
  EXPECT_EQ(cc.attempts(), lc.attempts) << lc.name;
  ExpectNoSecrets(s, kRawKey);
}

INSTANTIATE_TEST_SUITE_P(EveryCampaignAndTagCall, FaultMatrixCampaignLostAnswer,
                         ::testing::ValuesIn(LostAnswerCases()),
                         [](const auto& test) { return std::string(test.param.id); });

// The mock runs the campaign, then loses the answer: one attempt, one run on the lead, and the
// lead's outcome says the request may have reached the server.
TEST(FaultMatrixCampaign, ARunWhoseAnswerIsLostRanExactlyOnce) {
  MockServerProcess server({"--fault", "every=1:kind=reset-after-commit:op=requestCampaign"});
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  CountedClient cc(o);
  CampaignClient campaigns(cc.stack);
  auto got = Timed(o, 1, [&] { return campaigns.RequestCampaign(RequestFor(9)); });
  EXPECT_EQ(got.status.code(), StatusCode::kUnavailable) << got.status.ToString();
  EXPECT_EQ(cc.attempts(), 1);
  ASSERT_EQ(got.leads.size(), 1u);
  EXPECT_EQ(got.leads[0].state, CampaignLeadState::kFailed);
  EXPECT_TRUE(got.leads[0].call_status.error_info().request_may_have_reached_server);

  marketo::GetLeadActivityRequest r;
  r.key = LeadKey::Id(9);
  r.filter.include_types = {"RequestCampaign"};
  auto page = cc.leads.GetLeadActivity(r);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->activities.size(), 1u);
  ExpectNoSecrets(got.status, marketo_test::kMockEncryptionKey);
}

TEST(FaultMatrixCampaign, AnAnswerWithoutAResultIsMalformedAndNotRepeated) {
  LoopbackServer server(Reply(Ok(Envelope("<ns1:successRequestCampaign/>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  CampaignClient campaigns(cc.stack);
  auto got = Timed(o, 1, [&] { return campaigns.RequestCampaign(RequestFor(5)); });
  EXPECT_EQ(got.status.code(), StatusCode::kMalformedResponse) << got.status.ToString();
  EXPECT_EQ(got.leads[0].state, CampaignLeadState::kFailed);
  EXPECT_EQ(cc.attempts(), 1);
}

}  // namespace
