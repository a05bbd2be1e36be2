// CampaignClient and TagClient over the shipped gmock connection: validation before any call
// (errors naming the index and field), requestCampaign split into calls of at most 100 leads
// with one outcome per input lead, and forwarding.
#include "marketo/campaign_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "marketo/mocks/mock_connection.h"
#include "marketo/tag_client.h"

namespace {

using marketo::CampaignCallResult;
using marketo::CampaignClient;
using marketo::CampaignLeadState;
using marketo::LeadKey;
using marketo::RequestCampaignRequest;
using marketo::Status;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::mocks::MockConnection;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Return;

RequestCampaignRequest ById(std::size_t leads) {
  RequestCampaignRequest r;
  r.campaign_id = 3001;
  for (std::size_t i = 0; i < leads; ++i) {
    r.leads.push_back(LeadKey::Id(static_cast<std::int64_t>(1 + i)));
  }
  return r;
}

RequestCampaignRequest ByNames(std::size_t leads) {
  RequestCampaignRequest r = ById(leads);
  r.campaign_id.reset();
  r.program_name = "Q3 Webinar Series";
  r.campaign_name = "Webinar Registration";
  return r;
}

// Every invalid request: nothing sent, every lead kNotSent with the validation Status.
void ExpectRejected(const RequestCampaignRequest& r, const std::string& message) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, RequestCampaign(_)).Times(0);
  const auto got = CampaignClient(mock).RequestCampaign(r);
  EXPECT_EQ(got.status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(got.status.message(), HasSubstr(message));
  EXPECT_FALSE(got.status.error_info().request_may_have_reached_server);
  EXPECT_EQ(got.calls, 0u);
  ASSERT_EQ(got.leads.size(), r.leads.size());
  for (std::size_t i = 0; i < got.leads.size(); ++i) {
    EXPECT_EQ(got.leads[i].index, i);
    EXPECT_EQ(got.leads[i].state, CampaignLeadState::kNotSent);
  }
}

TEST(CampaignClient, RequestNamesTheCampaignOneWayOnly) {
  RequestCampaignRequest both = ById(2);
  both.program_name = "P";
  both.campaign_name = "C";
  ExpectRejected(both, "campaignId goes alone");
  RequestCampaignRequest id_tokens = ById(2);
  id_tokens.tokens = {{"{{my.Speaker}}", "Ada"}};
  ExpectRejected(id_tokens, "tokens need programName and campaignName");
  RequestCampaignRequest half = ByNames(2);
  half.campaign_name.reset();
  ExpectRejected(half, "by campaignId alone or by programName and campaignName");
  RequestCampaignRequest none = ById(1);
  none.campaign_id.reset();
  ExpectRejected(none, "by campaignId alone or by programName and campaignName");
  RequestCampaignRequest empty_name = ByNames(1);
  empty_name.program_name = "";
  ExpectRejected(empty_name, "programName is empty");
  RequestCampaignRequest big_id = ById(1);
  big_id.campaign_id = 1LL << 40;
  ExpectRejected(big_id, "campaignId must be from 1 to");
}

TEST(CampaignClient, RequestChecksLeadsAndTokensNamingTheIndex) {
  ExpectRejected(ById(0), "leads is empty");
  RequestCampaignRequest bad_key = ById(150);
  bad_key.leads[120] = LeadKey::Email("");
  ExpectRejected(bad_key, "leads[120].value: EMAIL key has no value");
  RequestCampaignRequest bad_id = ById(3);
  bad_id.leads[2].value = "x7";
  ExpectRejected(bad_id, "leads[2].value: IDNUM key must be a lead id");
  RequestCampaignRequest bad_token = ByNames(1);
  bad_token.tokens = {{"{{my.Speaker}}", "Ada"}, {"my.Date", "2013"}};
  ExpectRejected(bad_token, "tokens[1].name \"my.Date\" is not of the form {{my.name}}");
  RequestCampaignRequest twice = ByNames(1);
  twice.tokens = {{"{{my.A}}", "1"}, {"{{my.A}}", "2"}};
  ExpectRejected(twice, "tokens[1].name \"{{my.A}}\" is given twice");
  EXPECT_TRUE(marketo::IsProgramTokenName("{{my.Webinar Title}}"));
  EXPECT_FALSE(marketo::IsProgramTokenName("{{my.}}"));
  EXPECT_FALSE(marketo::IsProgramTokenName("{{my.a}}b}}"));
  EXPECT_FALSE(marketo::IsProgramTokenName("{{system.date}}"));
}

TEST(CampaignClient, RequestSplitsIntoCallsOfAtMost100InInputOrder) {
  auto mock = std::make_shared<MockConnection>();
  std::vector<std::vector<LeadKey>> sent;
  EXPECT_CALL(*mock, RequestCampaign(_))
      .Times(3)
      .WillRepeatedly([&](const RequestCampaignRequest& r) -> StatusOr<CampaignCallResult> {
        sent.push_back(r.leads);
        EXPECT_EQ(r.tokens.size(), 1u);
        EXPECT_EQ(r.program_name, "Q3 Webinar Series");
        return CampaignCallResult{true};
      });
  RequestCampaignRequest r = ByNames(250);
  r.tokens = {{"{{my.Speaker}}", "Ada"}};
  const auto got = CampaignClient(mock).RequestCampaign(r);
  ASSERT_TRUE(got.status.ok()) << got.status.ToString();
  EXPECT_EQ(got.calls, 3u);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].size(), 100u);
  EXPECT_EQ(sent[1].size(), 100u);
  EXPECT_EQ(sent[2].size(), 50u);
  EXPECT_EQ(sent[1][0], LeadKey::Id(101));
  EXPECT_EQ(sent[2][49], LeadKey::Id(250));
  ASSERT_EQ(got.leads.size(), 250u);
  for (std::size_t i = 0; i < 250; ++i) {
    EXPECT_EQ(got.leads[i].index, i);
    EXPECT_EQ(got.leads[i].call, i / 100);
    EXPECT_EQ(got.leads[i].state, CampaignLeadState::kRequested);
  }
}

TEST(CampaignClient, AFailurePartWayTellsWhichLeadsRanFailedAndWereNotSent) {
  auto mock = std::make_shared<MockConnection>();
  Status lost(StatusCode::kUnavailable, "requestCampaign: connection reset");
  EXPECT_CALL(*mock, RequestCampaign(_))
      .WillOnce(Return(CampaignCallResult{true}))
      .WillOnce(Return(lost));
  const auto got = CampaignClient(mock).RequestCampaign(ById(250));
  EXPECT_EQ(got.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(got.calls, 2u);
  EXPECT_EQ(got.failed_calls, 1u);
  ASSERT_EQ(got.leads.size(), 250u);
  EXPECT_EQ(got.leads[99].state, CampaignLeadState::kRequested);
  EXPECT_EQ(got.leads[100].state, CampaignLeadState::kFailed);
  EXPECT_TRUE(got.leads[100].call_status.error_info().request_may_have_reached_server);
  EXPECT_EQ(got.leads[199].state, CampaignLeadState::kFailed);
  EXPECT_EQ(got.leads[200].state, CampaignLeadState::kNotSent);
  EXPECT_FALSE(got.leads[249].call_status.error_info().request_may_have_reached_server);
  EXPECT_THAT(got.leads[249].call_status.message(), HasSubstr("not sent: an earlier call failed"));
}

TEST(CampaignClient, WithoutStoppingEveryCallIsMadeAndSuccessFalseIsAFailure) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, RequestCampaign(_))
      .WillOnce(Return(Status(StatusCode::kSoapFault, "requestCampaign: SOAP fault 20103")))
      .WillOnce(Return(CampaignCallResult{false}))
      .WillOnce(Return(CampaignCallResult{true}));
  marketo::RequestCampaignOptions options;
  options.stop_on_call_error = false;
  const auto got = CampaignClient(mock).RequestCampaign(ById(201), options);
  EXPECT_EQ(got.calls, 3u);
  EXPECT_EQ(got.failed_calls, 2u);
  EXPECT_THAT(got.status.message(), HasSubstr("20103"));
  EXPECT_EQ(got.leads[0].state, CampaignLeadState::kFailed);
  EXPECT_EQ(got.leads[150].state, CampaignLeadState::kFailed);
  EXPECT_THAT(got.leads[150].call_status.message(), HasSubstr("success=false"));
  EXPECT_EQ(got.leads[200].state, CampaignLeadState::kRequested);
  EXPECT_STREQ(marketo::ToString(got.leads[200].state), "REQUESTED");
}

TEST(CampaignClient, ScheduleAndGetCampaignsValidateThenForward) {
  auto mock = std::make_shared<MockConnection>();
  CampaignClient client(mock);
  marketo::ScheduleCampaignRequest s;
  s.program_name = "Q3 Webinar Series";
  EXPECT_CALL(*mock, ScheduleCampaign(_)).WillOnce(Return(CampaignCallResult{true}));
  EXPECT_THAT(client.ScheduleCampaign(s).status().message(), HasSubstr("campaignName is empty"));
  s.campaign_name = "Webinar Attendance";
  s.clone_to_program_name = "";
  EXPECT_THAT(client.ScheduleCampaign(s).status().message(),
              HasSubstr("cloneToProgramName is empty"));
  s.clone_to_program_name.reset();
  s.tokens = {{"Speaker", "x"}};
  EXPECT_THAT(client.ScheduleCampaign(s).status().message(), HasSubstr("tokens[0].name"));
  s.tokens.clear();
  auto ok = client.ScheduleCampaign(s);
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->success);

  marketo::GetCampaignsForSourceRequest g;
  g.exact_name = true;
  EXPECT_THAT(client.GetCampaignsForSource(g).status().message(),
              HasSubstr("exactName needs a name"));
  g.name = "";
  EXPECT_THAT(client.GetCampaignsForSource(g).status().message(), HasSubstr("name is empty"));
  g.name = "Webinar";
  EXPECT_CALL(*mock, GetCampaignsForSource(_))
      .WillOnce(Return(std::vector<marketo::CampaignRecord>{{3001, "Webinar Registration", ""}}));
  auto list = client.GetCampaignsForSource(g);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ((*list)[0].id, 3001);
}

TEST(TagClient, ValidatesNamesAndForwards) {
  auto mock = std::make_shared<MockConnection>();
  marketo::TagClient client(mock);
  EXPECT_THAT(client.GetChannels({{"Webinar", ""}}).status().message(),
              HasSubstr("names[1] is empty"));
  EXPECT_THAT(client.GetTags({{"Region", "Region"}}).status().message(),
              HasSubstr("types[1] \"Region\" is given twice"));
  EXPECT_CALL(*mock, GetChannels(_))
      .WillOnce(Return(std::vector<marketo::Channel>{{"Webinar", {}}}));
  EXPECT_CALL(*mock, GetTags(_)).WillOnce(Return(std::vector<marketo::TagType>{}));
  EXPECT_EQ(client.GetChannels()->at(0).name, "Webinar");
  EXPECT_TRUE(client.GetTags()->empty());
}

}  // namespace
