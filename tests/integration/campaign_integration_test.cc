// CampaignClient and TagClient over real sockets against marketo-mock-server and its seeded
// campaigns, channels and tag types (see src/mock_server/README.md, "Seeded data"), over HTTP
// and HTTPS.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace {

using marketo::CampaignClient;
using marketo::CampaignLeadState;
using marketo::LeadKey;
using marketo::TagClient;
using marketo_test::MockServerProcess;

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

// The lead's newest activities, newest first.
std::vector<marketo::ActivityRecord> Activity(marketo::LeadClient& leads, std::int64_t id) {
  marketo::GetLeadActivityRequest r;
  r.key = LeadKey::Id(id);
  auto page = leads.GetLeadActivity(r);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? page->activities : std::vector<marketo::ActivityRecord>{};
}

TEST(CampaignIntegration, RequestCampaignFor250LeadsWritesTheirActivities) {
  MockServerProcess server;
  auto connection = marketo::MakeConnection(Options(server.url()));
  CampaignClient campaigns(connection);
  marketo::LeadClient leads(connection);

  marketo::GetCampaignsForSourceRequest g;
  g.name = "Webinar Registration";
  g.exact_name = true;
  auto found = campaigns.GetCampaignsForSource(g);
  ASSERT_TRUE(found.ok()) << found.status().ToString() << server.ReadStderr();
  ASSERT_EQ(found->size(), 1u);

  marketo::RequestCampaignRequest r;
  r.program_name = "Q3 Webinar Series";
  r.campaign_name = (*found)[0].name;
  r.tokens = {{"{{my.Webinar Title}}", "Integration"}};
  for (int id = 1; id <= 250; ++id) r.leads.push_back(LeadKey::Id(id));
  const auto got = campaigns.RequestCampaign(r);
  ASSERT_TRUE(got.status.ok()) << got.status.ToString();
  EXPECT_EQ(got.calls, 3u);
  for (const auto& lead : got.leads) EXPECT_EQ(lead.state, CampaignLeadState::kRequested);

  const auto records = Activity(leads, 250);
  ASSERT_GE(records.size(), 2u);
  EXPECT_EQ(records[0].activity_type, "Change Status in Progression");
  ASSERT_NE(records[0].Find("New Status"), nullptr);
  EXPECT_EQ(*records[0].Find("New Status"), "Registered");
  EXPECT_EQ(records[1].activity_type, "Request Campaign");
  EXPECT_EQ(records[1].campaign, "Webinar Registration");
  ASSERT_NE(records[1].Find("{{my.Webinar Title}}"), nullptr);
  EXPECT_EQ(*records[1].Find("{{my.Webinar Title}}"), "Integration");
}

TEST(CampaignIntegration, AFaultPartWayLeavesEarlierCallsDoneAndLaterOnesNotSent) {
  MockServerProcess server;
  auto connection = marketo::MakeConnection(Options(server.url()));
  CampaignClient campaigns(connection);
  marketo::LeadClient leads(connection);
  marketo::RequestCampaignRequest r;
  r.campaign_id = 3002;
  for (int id = 1; id <= 300; ++id) r.leads.push_back(LeadKey::Id(id));
  r.leads[150] = LeadKey::Id(999999);  // no such lead: the second call faults 20103
  const auto got = campaigns.RequestCampaign(r);
  EXPECT_EQ(got.status.marketo_error_code(), marketo::error_codes::kLeadNotFound);
  EXPECT_EQ(got.calls, 2u);
  EXPECT_EQ(got.leads[99].state, CampaignLeadState::kRequested);
  EXPECT_EQ(got.leads[100].state, CampaignLeadState::kFailed);
  EXPECT_EQ(got.leads[200].state, CampaignLeadState::kNotSent);
  EXPECT_EQ(Activity(leads, 100)[0].activity_type, "Request Campaign");
  EXPECT_NE(Activity(leads, 101)[0].activity_type, "Request Campaign");  // its call faulted
  EXPECT_NE(Activity(leads, 201)[0].activity_type, "Request Campaign");  // never sent

  r.leads.resize(1);
  r.campaign_id = 3004;  // a trigger without "Campaign is Requested"
  EXPECT_EQ(campaigns.RequestCampaign(r).status.marketo_error_code(),
            marketo::error_codes::kCampaignNotFound);
}

TEST(CampaignIntegration, ScheduleChannelsAndTagsOverHttps) {
  MockServerProcess server({"--tls-cert", marketo_test::TestCertsDir() + "/server.pem", "--tls-key",
                            marketo_test::TestCertsDir() + "/server.pem"});
  auto o = Options("https://localhost:" + std::to_string(server.port()) + "/soap/mktows/3_1");
  o.tls.ca_file = marketo_test::TestCertsDir() + "/ca.crt";
  auto connection = marketo::MakeConnection(o);
  CampaignClient campaigns(connection);
  TagClient tags(connection);
  marketo::LeadClient leads(connection);

  marketo::ScheduleCampaignRequest s;
  s.program_name = "Q3 Webinar Series";
  s.campaign_name = "Webinar Attendance";
  s.tokens = {{"{{my.Speaker}}", "Grace"}};
  auto ran = campaigns.ScheduleCampaign(s);
  ASSERT_TRUE(ran.ok()) << ran.status().ToString() << server.ReadStderr();
  EXPECT_TRUE(ran->success);
  EXPECT_EQ(Activity(leads, 14)[0].activity_type, "Change Status in Progression");  // list 2

  s.campaign_name = "Webinar Reminder";  // a trigger campaign
  EXPECT_EQ(campaigns.ScheduleCampaign(s).status().marketo_error_code(),
            marketo::error_codes::kBadParameter);

  auto webinar = tags.GetChannels({{"Webinar"}});
  ASSERT_TRUE(webinar.ok()) << webinar.status().ToString();
  ASSERT_EQ(webinar->size(), 1u);
  const auto& statuses = (*webinar)[0].statuses;
  ASSERT_EQ(statuses.size(), 5u);
  EXPECT_EQ(statuses[1].status, "Registered");
  EXPECT_EQ(statuses[1].step, 2);
  EXPECT_EQ(statuses[3].success, true);
  auto all = tags.GetTags();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].type, "Region");
  EXPECT_EQ((*all)[1].values, (std::vector<std::string>{"Americas", "EMEA", "APAC"}));
}

}  // namespace
