// The seeded campaigns, My Tokens and channel progressions. The campaigns live in Programs the
// store already seeds (1970 "Q3 Webinar Series", channel Webinar; 1001-1250); the channels are
// the store's "Channel" tag values. Also the CampaignBook lookups.
#include <string>

#include "semantics/store.h"
#include "semantics/values.h"

namespace mock {

Campaign* CampaignBook::Find(int id) {
  auto it = campaigns.find(id);
  return it == campaigns.end() ? nullptr : &it->second;
}

Campaign* CampaignBook::Find(int program_id, const std::string& name) {
  for (auto& [id, c] : campaigns) {
    if (c.program_id == program_id && EqualsIgnoreCase(c.name, name)) return &c;
  }
  return nullptr;
}

namespace {

constexpr char kRequested[] = "Campaign is Requested";

ProgressionStep Step(const char* status, int step, bool success, std::vector<Attr> extra = {}) {
  return ProgressionStep{status, step, success, std::move(extra)};
}

// Status, Step, Success per channel, as Marketo's default channel templates have them.
std::vector<ProgressionStep> StepsOf(const std::string& channel) {
  const Attr checked_in{"Check-in Status", "Checked in"};
  if (channel == "Webinar") {
    return {Step("Invited", 1, false), Step("Registered", 2, false), Step("No Show", 3, false),
            Step("Attended", 3, true), Step("Attended On-demand", 4, true)};
  }
  if (channel == "Tradeshow" || channel == "Event") {
    return {Step("Invited", 1, false), Step("Registered", 2, false), Step("No Show", 3, false),
            Step("Attended", 3, true, {checked_in})};
  }
  if (channel == "Content Syndication") {
    return {Step("Member", 1, false), Step("Downloaded", 2, true)};
  }
  if (channel == "Online Advertising") return {Step("Member", 1, false), Step("Clicked", 2, true)};
  return {Step("Member", 1, false), Step("Engaged", 2, true)};  // Blog, Email
}

}  // namespace

void Store::SeedCampaigns() {
  for (const auto& channel : tag_types_["Channel"]) campaigns_.channels[channel] = StepsOf(channel);
  campaigns_.program_tokens[1970] = {{"{{my.Webinar Title}}", "Q3 Product Webinar"},
                                     {"{{my.Webinar Date}}", "2013-07-18"},
                                     {"{{my.Speaker}}", "Ada Person1"}};
  campaigns_.program_tokens[1004] = {{"{{my.Subject}}", "News from Event 1004"}};
  const std::set<std::string> api{"MKTOWS"}, sales{"SALES"}, both{"MKTOWS", "SALES"};
  const auto add = [this](Campaign c) { campaigns_.campaigns[c.id] = std::move(c); };
  add({3001, "Webinar Registration", "Registers the lead for the Q3 webinar", 1970,
       CampaignKind::kTrigger, kRequested, api, std::nullopt, "Registered"});
  add({3002, "Webinar Reminder", "Sends the {{my.Webinar Title}} reminder", 1970,
       CampaignKind::kTrigger, kRequested, both, std::nullopt, ""});
  add({3003,
       "Webinar Attendance",
       "Marks the webinar attendees (list 2)",
       1970,
       CampaignKind::kBatch,
       "",
       {},
       2,
       "Attended"});
  add({3004,
       "Webinar Scoring",
       "Scores form fills; not requestable",
       1970,
       CampaignKind::kTrigger,
       "Fills Out Form",
       {},
       std::nullopt,
       ""});
  add({3005, "Sales Nurture Request", "", 1002, CampaignKind::kTrigger, kRequested, sales,
       std::nullopt, ""});
  add({3006,
       "Monthly Newsletter",
       "Newsletter to list 1",
       1004,
       CampaignKind::kBatch,
       "",
       {},
       1,
       "Member"});
  add({3007, "Partner Welcome", "Welcome for EMEA partners", 1010, CampaignKind::kTrigger,
       kRequested, api, std::nullopt, ""});
  add({3008,
       "Flow Step Request",
       "Requested by other campaigns only",
       1010,
       CampaignKind::kTrigger,
       kRequested,
       {},
       std::nullopt,
       ""});
  campaigns_.next_campaign_id = 3101;
}

}  // namespace mock
