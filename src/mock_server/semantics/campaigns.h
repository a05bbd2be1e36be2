// The campaign family (getCampaignsForSource, requestCampaign, scheduleCampaign) and channels
// and tags (getChannels, getTags) over the Store (its CampaignBook, Programs, tag types, leads
// and ActivityLog). The mock's choices where Marketo is silent are marked "Choice:" and listed
// in src/mock_server/README.md. Request-level problems throw MarketoFault.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_CAMPAIGNS_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_CAMPAIGNS_H_

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "semantics/leads_model.h"
#include "semantics/store.h"
#include "stats.h"

namespace mock {

// docs/protocol.md, "Limits": Marketo ignores leads beyond 100; 10 clones a day.
inline constexpr std::size_t kMaxCampaignLeads = 100;
inline constexpr int kMaxClonesPerDay = 10;

struct CampaignQuery {
  std::string source;  // MKTOWS, SALES
  std::optional<std::string> name;
  bool exact_name = false;
};

struct CampaignOut {
  int id = 0;
  std::string name;
  std::string description;
};

struct CampaignRequest {
  std::string source;
  std::optional<int> campaign_id;
  std::optional<std::string> program_name;
  std::optional<std::string> campaign_name;
  std::vector<LeadKey> leads;
  std::optional<std::vector<Attr>> tokens;  // programTokenList, when sent
};

struct ScheduleRequest {
  std::string program_name;
  std::string campaign_name;
  std::optional<std::string> clone_to;
  std::optional<std::time_t> run_at;
  std::vector<Attr> tokens;
};

struct ChannelOut {
  std::string name;
  std::vector<std::vector<Attr>> statuses;  // Status, Step, Success, extras
};

struct TagOut {
  std::string type;
  std::vector<std::string> values;
};

class CampaignOps {
 public:
  CampaignOps(Store& store, Stats& stats) : store_(store), stats_(stats) {}

  // campaigns.cc
  std::vector<CampaignOut> GetCampaignsForSource(const CampaignQuery& query);
  void RequestCampaign(const CampaignRequest& request, std::time_t now);
  void ScheduleCampaign(const ScheduleRequest& request, std::time_t now);
  // campaigns_tags.cc; empty: all channels / every non-channel type.
  std::vector<ChannelOut> GetChannels(const std::vector<std::string>& names);
  std::vector<TagOut> GetTags(const std::vector<std::string>& types);

 private:
  Store& store_;
  Stats& stats_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_CAMPAIGNS_H_
