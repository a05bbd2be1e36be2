// The campaign, channel and tag operations through the real gSOAP connection over the Wire seam:
// the XML they send (schema order, absent optionals left out), canned responses with nil and
// empty values, faults, and the retry rule: requestCampaign and scheduleCampaign are never
// repeated once a request may have reached the server; the reads are.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "marketo/campaign_client.h"
#include "marketo/error_codes.h"
#include "marketo/tag_client.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo::CampaignClient;
using marketo::CampaignLeadState;
using marketo::LeadKey;
using marketo::StatusCode;
using marketo::TagClient;
using marketo_test::Envelope;
using marketo_test::FaultReply;
using marketo_test::FlattenXml;
using marketo_test::HttpReply;
using marketo_test::ScriptedWire;
using ::testing::Contains;
using ::testing::HasSubstr;

class CampaignWireTest : public ::testing::Test {
 protected:
  marketo::ClientOptions Options() {
    marketo::ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {"demo17_1_809934544BFABAE58E5D27", "s3cret-Key-42"};
    time_.Install(o);
    o.retry.backoff.jitter = marketo::Jitter::kNone;
    return o;
  }
  std::shared_ptr<marketo::Connection> Transport() {
    return marketo::internal::MakeSoapConnection(Options(), wire_);
  }
  std::shared_ptr<marketo::Connection> Stack() {
    return marketo::internal::MakeConnection(Options(), wire_);
  }
  std::vector<std::string> Body() {
    std::vector<std::string> body;
    for (const auto& line : FlattenXml(wire_->LastBody())) {
      if (line.rfind("/Envelope/Body/", 0) == 0) body.push_back(line.substr(15));
    }
    return body;
  }

  marketo_test::FakeTime time_;
  std::shared_ptr<ScriptedWire> wire_ = std::make_shared<ScriptedWire>();
};

std::string RunOk(const char* op, const char* success = "true") {
  return HttpReply(Envelope(std::string("<ns1:success") + op + "><result><success>" + success +
                            "</success></result></ns1:success" + op + ">"));
}

TEST_F(CampaignWireTest, RequestCampaignByNamesSendsLeadsAndTokensInSchemaOrder) {
  wire_->Push(RunOk("RequestCampaign"));
  marketo::RequestCampaignRequest r;
  r.source = marketo::CampaignSource::kSalesInsight;
  r.program_name = "Q3 Webinar Series";
  r.campaign_name = "Webinar Registration";
  r.leads = {LeadKey::Id(5), LeadKey::Email("ada@example.com")};
  r.tokens = {{"{{my.Speaker}}", "Grace & Ada"}};
  const auto got = CampaignClient(Transport()).RequestCampaign(r);
  ASSERT_TRUE(got.status.ok()) << got.status.ToString();
  EXPECT_EQ(got.leads[1].state, CampaignLeadState::kRequested);
  EXPECT_THAT(wire_->requests[0],
              HasSubstr("SOAPAction: \"http://www.marketo.com/mktows/requestCampaign\""));
  const std::vector<std::string> want = {
      "paramsRequestCampaign/source=SALES",
      "paramsRequestCampaign/leadList/leadKey/keyType=IDNUM",
      "paramsRequestCampaign/leadList/leadKey/keyValue=5",
      "paramsRequestCampaign/leadList/leadKey=",
      "paramsRequestCampaign/leadList/leadKey/keyType=EMAIL",
      "paramsRequestCampaign/leadList/leadKey/keyValue=ada@example.com",
      "paramsRequestCampaign/leadList/leadKey=",
      "paramsRequestCampaign/leadList=",
      "paramsRequestCampaign/programName=Q3 Webinar Series",
      "paramsRequestCampaign/campaignName=Webinar Registration",
      "paramsRequestCampaign/programTokenList/attrib/name={{my.Speaker}}",
      "paramsRequestCampaign/programTokenList/attrib/value=Grace &amp; Ada",
      "paramsRequestCampaign/programTokenList/attrib=",
      "paramsRequestCampaign/programTokenList=",
      "paramsRequestCampaign=",
  };
  EXPECT_EQ(Body(), want);
}

TEST_F(CampaignWireTest, RequestCampaignByIdSendsNoNamesOrTokensAndSuccessFalseIsAFailure) {
  wire_->Push(RunOk("RequestCampaign", "false"));
  marketo::RequestCampaignRequest r;
  r.campaign_id = 3001;
  r.leads = {LeadKey::Id(7)};
  const auto got = CampaignClient(Transport()).RequestCampaign(r);
  EXPECT_EQ(got.leads[0].state, CampaignLeadState::kFailed);
  EXPECT_THAT(got.status.message(), HasSubstr("success=false"));
  const auto body = Body();
  EXPECT_EQ(body[0], "paramsRequestCampaign/source=MKTOWS");
  EXPECT_EQ(body[1], "paramsRequestCampaign/campaignId=3001");
  for (const auto& line : body) {
    EXPECT_EQ(line.find("programName"), std::string::npos) << line;
    EXPECT_EQ(line.find("programTokenList"), std::string::npos) << line;
  }
}

TEST_F(CampaignWireTest, ScheduleCampaignPutsTheCloneNameBeforeTheCampaignName) {
  wire_->Push(RunOk("ScheduleCampaign"));
  marketo::ScheduleCampaignRequest s;
  s.program_name = "Q3 Webinar Series";
  s.campaign_name = "Webinar Attendance";
  s.clone_to_program_name = "Q4 Webinar Series";
  s.run_at = std::chrono::system_clock::from_time_t(1374141600);  // 2013-07-18T10:00:00Z
  s.tokens = {{"{{my.Webinar Title}}", ""}};
  auto got = CampaignClient(Transport()).ScheduleCampaign(s);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_TRUE(got->success);
  const std::vector<std::string> want = {
      "paramsScheduleCampaign/programName=Q3 Webinar Series",
      "paramsScheduleCampaign/cloneToProgramName=Q4 Webinar Series",
      "paramsScheduleCampaign/campaignName=Webinar Attendance",
      "paramsScheduleCampaign/campaignRunAt=2013-07-18T10:00:00Z",
      "paramsScheduleCampaign/programTokenList/attrib/name={{my.Webinar Title}}",
      "paramsScheduleCampaign/programTokenList/attrib/value=",
      "paramsScheduleCampaign/programTokenList/attrib=",
      "paramsScheduleCampaign/programTokenList=",
      "paramsScheduleCampaign=",
  };
  EXPECT_EQ(Body(), want);
}

TEST_F(CampaignWireTest, CampaignsForSourceReadsRecordsNilListsAndEmptyDescriptions) {
  wire_->Push(HttpReply(
      Envelope("<ns1:successGetCampaignsForSource><result><returnCount>2</returnCount>"
               "<campaignRecordList><campaignRecord><id>3001</id><name>Webinar Registration</name>"
               "<description>Registers</description></campaignRecord><campaignRecord><id>3007</id>"
               "<name>Partner Welcome</name><description></description></campaignRecord>"
               "</campaignRecordList></result></ns1:successGetCampaignsForSource>")));
  wire_->Push(HttpReply(Envelope(
      "<ns1:successGetCampaignsForSource><result><returnCount>0</returnCount>"
      "<campaignRecordList xsi:nil=\"true\"/></result></ns1:successGetCampaignsForSource>")));
  CampaignClient client(Transport());
  marketo::GetCampaignsForSourceRequest g;
  g.name = "Webinar";
  g.exact_name = false;
  auto two = client.GetCampaignsForSource(g);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  ASSERT_EQ(two->size(), 2u);
  EXPECT_EQ((*two)[1].id, 3007);
  EXPECT_EQ((*two)[1].description, "");
  EXPECT_THAT(Body(), Contains("paramsGetCampaignsForSource/exactName=false"));
  auto none = client.GetCampaignsForSource({});
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(Body(), (std::vector<std::string>{"paramsGetCampaignsForSource/source=MKTOWS",
                                              "paramsGetCampaignsForSource="}));
}

TEST_F(CampaignWireTest, ChannelsKeepEveryAttribAndTypeOnlyWhatParses) {
  wire_->Push(HttpReply(Envelope(
      "<ns1:successGetChannels><result><tags><tagStatus><tagValue>Event</tagValue><statusList>"
      "<progressionStatusItem><progressionStatus><attrib><name>Status</name><value>Attended"
      "</value></attrib><attrib><name>Step</name><value>3</value></attrib><attrib><name>Success"
      "</name><value>true</value></attrib><attrib><name>Check-in Status</name><value>Checked in"
      "</value></attrib></progressionStatus></progressionStatusItem><progressionStatusItem>"
      "<progressionStatus><attrib><name>Status</name><value>Odd</value></attrib><attrib><name>"
      "Step</name><value>n/a</value></attrib></progressionStatus></progressionStatusItem>"
      "</statusList></tagStatus><tagStatus><tagValue>Blog</tagValue><statusList/></tagStatus>"
      "</tags></result></ns1:successGetChannels>")));
  TagClient client(Transport());
  auto got = client.GetChannels({{"Event", "Blog"}});
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 2u);
  const auto& event = (*got)[0];
  ASSERT_EQ(event.statuses.size(), 2u);
  EXPECT_EQ(event.statuses[0].status, "Attended");
  EXPECT_EQ(event.statuses[0].step, 3);
  EXPECT_EQ(event.statuses[0].success, true);
  ASSERT_EQ(event.statuses[0].attributes.size(), 4u);
  EXPECT_EQ(event.statuses[0].attributes[3].name, "Check-in Status");
  EXPECT_EQ(event.statuses[1].step, std::nullopt);  // kept raw in attributes
  EXPECT_EQ(event.statuses[1].attributes[1].value, "n/a");
  EXPECT_EQ(event.statuses[1].success, std::nullopt);
  EXPECT_TRUE((*got)[1].statuses.empty());
  EXPECT_THAT(Body(), Contains("paramsGetChannels/tag/values/stringItem=Blog"));
}

TEST_F(CampaignWireTest, TagsComeBackWithTheirValuesAndAllMeansNoTagList) {
  wire_->Push(HttpReply(
      Envelope("<ns1:successGetTags><result><tagList><tag><type>Region</type><values>"
               "<stringItem>EMEA</stringItem><stringItem></stringItem></values></tag><tag>"
               "<type>Empty</type></tag></tagList></result></ns1:successGetTags>")));
  auto got = TagClient(Transport()).GetTags();
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].values, (std::vector<std::string>{"EMEA", ""}));
  EXPECT_TRUE((*got)[1].values.empty());
  EXPECT_EQ(Body(), (std::vector<std::string>{"paramsGetTags="}));
}

TEST_F(CampaignWireTest, ALostAnswerRepeatsTheReadsButNeverARun) {
  wire_->Push(std::nullopt);
  wire_->Push(
      HttpReply(Envelope("<ns1:successGetTags><result><tagList/></result></ns1:successGetTags>")));
  auto stack = Stack();
  ASSERT_TRUE(TagClient(stack).GetTags().ok());
  EXPECT_EQ(wire_->requests.size(), 2u);

  wire_->Push(std::nullopt);
  marketo::RequestCampaignRequest r;
  r.campaign_id = 3001;
  r.leads = {LeadKey::Id(5)};
  const auto req = CampaignClient(stack).RequestCampaign(r);
  EXPECT_EQ(wire_->requests.size(), 3u);
  EXPECT_EQ(req.leads[0].state, CampaignLeadState::kFailed);
  EXPECT_THAT(req.status.message(), HasSubstr("not retried"));

  wire_->Push(std::nullopt);
  marketo::ScheduleCampaignRequest s{"Q3 Webinar Series", "Webinar Attendance", {}, {}, {}};
  EXPECT_EQ(CampaignClient(stack).ScheduleCampaign(s).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(wire_->requests.size(), 4u);
}

TEST_F(CampaignWireTest, FaultsAreTypedAndAMissingResultIsMalformed) {
  wire_->Push(FaultReply(20113, "Campaign Not Found"));
  wire_->Push(HttpReply(Envelope("<ns1:successScheduleCampaign/>")));
  CampaignClient client(Transport());
  marketo::RequestCampaignRequest r;
  r.campaign_id = 9999;
  r.leads = {LeadKey::Id(5)};
  const auto got = client.RequestCampaign(r);
  EXPECT_EQ(got.status.marketo_error_code(), marketo::error_codes::kCampaignNotFound);
  EXPECT_EQ(got.leads[0].call_status.marketo_error_code(), 20113);
  marketo::ScheduleCampaignRequest s{"P", "C", {}, {}, {}};
  EXPECT_EQ(client.ScheduleCampaign(s).status().code(), StatusCode::kMalformedResponse);
}

}  // namespace
