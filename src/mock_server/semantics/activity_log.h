// Every lead's activity history in one log, in creation order: ids ascend with activityDateTime,
// so getLeadChanges can walk the log and getLeadActivity a lead's slice of it. Activities are never
// removed; a merge moves the losers' activities to the winner. Callers hold Store::mutex().
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_ACTIVITY_LOG_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_ACTIVITY_LOG_H_

#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "semantics/model.h"

namespace mock {

struct Activity {
  std::int64_t id = 0;
  int lead_id = 0;
  std::time_t at = 0;
  std::string type;   // display name, e.g. "Visit Webpage"
  std::string asset;  // mktgAssetName
  std::vector<Attr> attrs;
  std::string campaign;
};

// The types the mock produces: the WSDL's ActivityType token (type filters) and the display name
// (records and activityNameFilter).
struct ActivityTypeName {
  const char* token;
  const char* display;
};
const std::vector<ActivityTypeName>& ActivityTypeNames();
// The display name of an ActivityType token; nullptr for a token the mock never produces.
const char* ActivityDisplayName(const std::string& token);

inline constexpr char kNewLead[] = "New Lead";
inline constexpr char kChangeDataValue[] = "Change Data Value";
inline constexpr char kMergeLeads[] = "Merge Leads";
inline constexpr char kAddToList[] = "Add to List";
inline constexpr char kRequestCampaign[] = "Request Campaign";
inline constexpr char kChangeStatusInProgression[] = "Change Status in Progression";

// marketoGUID of an activity: a UUID-shaped text derived from its id.
std::string ActivityGuid(std::int64_t id);

class ActivityLog {
 public:
  static constexpr std::int64_t kFirstId = 1000001;

  // Seeding: orders the items by time (ties keep their order) and numbers them.
  void Seed(std::vector<Activity> items);
  // Numbers and stores a; a time before the last activity's is raised to it so that ids and
  // times keep the same order.
  const Activity& Append(Activity a);
  const std::vector<Activity>& all() const { return items_; }
  // Positions in all() of the lead's activities, ascending.
  const std::vector<std::size_t>& Of(int lead) const;
  // Position in all() of the activity with this id.
  std::optional<std::size_t> PositionOf(std::int64_t id) const;
  // First position whose time is not before t.
  std::size_t LowerBound(std::time_t t) const;
  void Reassign(int from_lead, int to_lead);
  std::map<std::string, std::uint64_t> CountsByType() const;

 private:
  std::vector<Activity> items_;
  std::unordered_map<int, std::vector<std::size_t>> by_lead_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_ACTIVITY_LOG_H_
