#ifndef MARKETO_SRC_CLIENT_OPERATIONS_SYNC_CONTRADICTIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_SYNC_CONTRADICTIONS_H_

#include <string>
#include <vector>

#include "marketo/mobject.h"
#include "marketo/span.h"
#include "marketo/sync.h"

namespace marketo {
namespace internal {

// Why the server's answer for one object contradicts what was asked, or "" when it does not:
// an UPDATE answered CREATED, an INSERT answered UPDATED, or another id than the one sent.
inline std::string SyncContradiction(const SyncResult& r, const MObject& sent, SyncOperation op) {
  if (r.status == SyncStatus::kFailed) return {};
  if (op == SyncOperation::kUpdate && r.status == SyncStatus::kCreated) {
    return "status CREATED contradicts UPDATE";
  }
  if (op == SyncOperation::kInsert && r.status == SyncStatus::kUpdated) {
    return "status UPDATED contradicts INSERT";
  }
  if (sent.id && r.id && *sent.id != *r.id) {
    return "the answer names id " + std::to_string(*r.id) + " but id " + std::to_string(*sent.id) +
           " was sent";
  }
  return {};
}

// Marks each contradicting result as kUnknown with the reason in `error` (raw_status keeps
// what the server said), so that no summary counts it as a success.
inline void FlagSyncContradictions(std::vector<SyncResult>& results, MObjectSpan sent,
                                   SyncOperation op) {
  for (SyncResult& r : results) {
    if (r.index >= sent.size()) continue;
    std::string why = SyncContradiction(r, sent[r.index], op);
    if (why.empty()) continue;
    r.status = SyncStatus::kUnknown;
    r.error = r.error.empty() ? std::move(why) : std::move(why) + "; " + r.error;
  }
}

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_SYNC_CONTRADICTIONS_H_
