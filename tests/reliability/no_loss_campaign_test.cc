// No-loss for campaigns: CampaignClient::RequestCampaign for the 1,000 seeded leads (ten calls)
// against marketo-mock-server with the same seeded ~20 % transient faults as no_loss_test.cc.
// requestCampaign is never repeated once a request may have reached the server, so every lead
// gets exactly one outcome, no lead's campaign runs twice, and the leads the client reports as
// requested are exactly those it ran for, give or take the failed calls that may have run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "marketo/marketo.h"
#include "no_loss.h"
#include "reliability_util.h"
#include "support/mock_server_process.h"

namespace {

using marketo::CampaignLeadState;
using marketo_test::CountedClient;
using marketo_test::MockServerProcess;
using marketo_test::no_loss::Counter;
using marketo_test::no_loss::FaultArgs;
using marketo_test::no_loss::Options;

constexpr int kLeads = 1000;

// Leads whose status in program 1970 the flow set to Registered (one entry per lead).
std::size_t Registered(const std::string& dump) {
  const std::size_t begin = dump.find("\"program_members\"");
  const std::size_t end = dump.find("\"campaign_runs\"");
  std::size_t n = 0;
  for (std::size_t p = dump.find("\"Registered\"", begin); p < end;
       p = dump.find("\"Registered\"", p + 1)) {
    ++n;
  }
  return n;
}

TEST(NoLossCampaigns, EveryLeadHasOneOutcomeAndNoCampaignRunsTwice) {
  MockServerProcess server(FaultArgs());
  auto o = Options(server.url());
  o.retry.max_retries = 10;
  CountedClient cc(o);
  marketo::CampaignClient campaigns(cc.stack);
  marketo::RequestCampaignRequest r;
  r.campaign_id = 3001;  // its flow sets the program status, once per lead
  for (int id = 1; id <= kLeads; ++id) r.leads.push_back(marketo::LeadKey::Id(id));
  marketo::RequestCampaignOptions options;
  options.stop_on_call_error = false;
  const auto got = campaigns.RequestCampaign(r, options);
  ASSERT_EQ(got.leads.size(), static_cast<std::size_t>(kLeads));
  EXPECT_EQ(got.calls, 10u);
  std::size_t requested = 0, maybe_ran = 0;
  for (std::size_t i = 0; i < got.leads.size(); ++i) {
    const auto& lead = got.leads[i];
    ASSERT_EQ(lead.index, i);
    ASSERT_NE(lead.state, CampaignLeadState::kNotSent) << i;
    if (lead.state == CampaignLeadState::kRequested) ++requested;
    if (lead.state == CampaignLeadState::kFailed &&
        lead.call_status.error_info().request_may_have_reached_server) {
      ++maybe_ran;
    }
  }
  EXPECT_EQ(requested + 100 * got.failed_calls, static_cast<std::size_t>(kLeads));
  ASSERT_EQ(server.Stop(), 0);
  const std::string dump = server.ReadDump();
  const std::size_t runs = Counter(dump, "Request Campaign");  // activity_counts
  EXPECT_EQ(runs, Registered(dump));                           // no lead requested twice
  EXPECT_GE(runs, requested);
  EXPECT_LE(runs, requested + maybe_ran);
  std::printf("requested=%zu failed_calls=%zu ran=%zu attempts=%d\n", requested, got.failed_calls,
              runs, cc.attempts());
}

}  // namespace
