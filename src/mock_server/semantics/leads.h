// The lead family: syncLead, syncMultipleLeads, getLead, getMultipleLeads, getLeadActivity,
// getLeadChanges and mergeLeads over the Store (its LeadBook and ActivityLog). Protocol:
// docs/protocol.md, "Leads and activities"; the mock's choices where Marketo is silent are marked
// "Choice:" and listed in src/mock_server/README.md. Request-level problems throw MarketoFault.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_LEADS_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_LEADS_H_

#include <ctime>
#include <vector>

#include "semantics/leads_model.h"
#include "semantics/store.h"
#include "stats.h"

namespace mock {

// docs/protocol.md, "Limits"; the syncMultipleLeads bound is ours (Marketo advises 300).
inline constexpr std::size_t kMaxSyncLeads = 1000;
inline constexpr std::size_t kMaxSelectorKeys = 100;
inline constexpr int kDefaultLeadBatch = 100;
inline constexpr int kMaxLeadBatch = 1000;
inline constexpr int kMaxActivityBatch = 100;
inline constexpr int kMaxChangesBatch = 1000;
inline constexpr std::time_t kMaxUpdateWindow = std::time_t{30} * 86400;

class LeadOps {
 public:
  LeadOps(Store& store, Stats& stats) : store_(store), stats_(stats) {}

  LeadSyncOutcome SyncLead(const SyncLeadRequest& request, std::time_t now);  // leads_sync.cc
  // One outcome per record, in order.
  std::vector<LeadSyncOutcome> SyncMultipleLeads(const std::vector<LeadIn>& leads, bool dedup,
                                                 std::time_t now);
  std::vector<LeadOut> GetLead(const LeadKey& key);  // leads_get.cc
  LeadsPage GetMultipleLeads(const LeadsQuery& query, std::time_t now);
  ActivityPage GetLeadActivity(const ActivityQuery& query);  // leads_activity.cc
  ActivityPage GetLeadChanges(const ChangesQuery& query, std::time_t now);
  MergeOutcome MergeLeads(const MergeRequest& request, std::time_t now);  // leads_merge.cc

 private:
  void Count(Status status) { stats_.CountObject(StatusName(status), "Lead"); }

  Store& store_;
  Stats& stats_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_LEADS_H_
