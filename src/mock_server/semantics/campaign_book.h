// The campaign side of the store: smart campaigns (in the store's Programs), the Programs' My
// Tokens, each channel's progression statuses (the channels are the store's "Channel" tag type),
// each program's members with their status, and every campaign run. Callers hold
// Store::mutex().
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_CAMPAIGN_BOOK_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_CAMPAIGN_BOOK_H_

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "semantics/model.h"

namespace mock {

// One step of a channel: Status, Step, Success, plus any extra attribs (e.g. Check-in Status).
struct ProgressionStep {
  std::string status;
  int step = 0;
  bool success = false;
  std::vector<Attr> extra;
};

enum class CampaignKind { kTrigger, kBatch };

struct Campaign {
  int id = 0;
  std::string name;
  std::string description;
  int program_id = 0;
  CampaignKind kind = CampaignKind::kTrigger;
  // The trigger of a trigger campaign, e.g. "Campaign is Requested" or "Fills Out Form".
  std::string trigger;
  // "Campaign is Requested" sources: MKTOWS (Web Service API), SALES (Sales Insight). Empty:
  // not requestable from the API.
  std::set<std::string> request_sources;
  // Batch: the static list its smart list selects.
  std::optional<int> smart_list;
  // Its flow's "Change Program Status" target; empty when the flow has none.
  std::string flow_status;
};

// One requestCampaign or scheduleCampaign call that the mock accepted.
struct CampaignRun {
  std::string op;  // requestCampaign, scheduleCampaign
  int campaign_id = 0;
  std::string source;  // MKTOWS, SALES; "" for scheduleCampaign
  std::time_t at = 0;
  std::optional<std::time_t> run_at;
  std::string state;  // ran, scheduled
  std::vector<Attr> tokens;
  std::size_t leads = 0;  // leads the run acted on
  std::optional<int> cloned_program;
};

struct CampaignBook {
  std::map<int, Campaign> campaigns;
  std::map<int, std::vector<Attr>> program_tokens;               // program id -> My Tokens
  std::map<std::string, std::vector<ProgressionStep>> channels;  // channel -> its statuses
  std::map<int, std::map<int, std::string>> members;             // program -> lead -> status
  std::vector<CampaignRun> runs;
  std::map<std::string, int> clones_per_day;  // UTC day -> scheduleCampaign calls that cloned
  int next_campaign_id = 1;

  Campaign* Find(int id);
  // A campaign of the program by name (case-insensitive).
  Campaign* Find(int program_id, const std::string& name);
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_CAMPAIGN_BOOK_H_
