// Trigger a "Campaign is Requested" smart campaign for 150 leads with a My Token override, then
// print what it did to one lead. CampaignClient sends the leads 100 per call and reports one
// outcome per lead, so a failure part-way says exactly which leads the campaign ran for.
#include <cstdio>
#include <map>
#include <string>

#include "../common/example_args.h"

int main(int argc, char** argv) {
  auto connection = marketo::MakeConnection(examples::OptionsFromArgs(argc, argv));
  marketo::CampaignClient campaigns(connection);
  marketo::LeadClient leads(connection);

  auto requestable = campaigns.GetCampaignsForSource({});
  if (!requestable.ok()) return examples::PrintCallError(requestable.status());
  std::printf("%zu campaign(s) the API may request:\n", requestable->size());
  for (const auto& c : *requestable) {
    std::printf("  %lld %s\n", static_cast<long long>(c.id), c.name.c_str());
  }

  marketo::RequestCampaignRequest request;
  request.program_name = "Q3 Webinar Series";
  request.campaign_name = "Webinar Registration";
  request.tokens = {{"{{my.Webinar Title}}", "Campaigns from C++"}};
  for (int id = 1; id <= 150; ++id) request.leads.push_back(marketo::LeadKey::Id(id));
  const marketo::RequestCampaignResult result = campaigns.RequestCampaign(request);
  std::map<marketo::CampaignLeadState, int> per_state;
  for (const auto& lead : result.leads) ++per_state[lead.state];
  std::printf("requested=%d failed=%d not_sent=%d calls=%zu\n",
              per_state[marketo::CampaignLeadState::kRequested],
              per_state[marketo::CampaignLeadState::kFailed],
              per_state[marketo::CampaignLeadState::kNotSent], result.calls);
  if (!result.status.ok()) return examples::PrintCallError(result.status);

  marketo::GetLeadActivityRequest activity;
  activity.key = marketo::LeadKey::Id(42);
  activity.batch_size = 2;  // newest first: the two activities the request just wrote
  auto page = leads.GetLeadActivity(activity);
  if (!page.ok()) return examples::PrintCallError(page.status());
  for (const auto& a : page->activities) {
    std::printf("lead 42: %s (%s)\n", a.activity_type.c_str(),
                a.mktg_asset_name.value_or("").c_str());
    for (const auto& attr : a.attributes) {
      std::printf("    %s = %s\n", attr.name.c_str(), attr.value.c_str());
    }
  }
  return 0;
}
