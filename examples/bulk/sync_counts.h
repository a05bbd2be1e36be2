// The tally behind mobject-sync's summary line, one counter per row status.
#ifndef MARKETO_EXAMPLES_BULK_SYNC_COUNTS_H_
#define MARKETO_EXAMPLES_BULK_SYNC_COUNTS_H_

#include <cstddef>
#include <string>

#include "marketo/sync.h"

namespace bulk {

struct SyncCounts {
  std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0, deleted = 0, failed = 0,
              rejected = 0, unknown = 0;

  void Add(marketo::SyncStatus s) {
    switch (s) {
      case marketo::SyncStatus::kCreated:
        ++created;
        break;
      case marketo::SyncStatus::kUpdated:
        ++updated;
        break;
      case marketo::SyncStatus::kUnchanged:
        ++unchanged;
        break;
      case marketo::SyncStatus::kSkipped:
        ++skipped;
        break;
      case marketo::SyncStatus::kDeleted:
        ++deleted;
        break;
      case marketo::SyncStatus::kFailed:
      case marketo::SyncStatus::kUnknown:  // never count it as success
        ++failed;
        break;
    }
  }

  // "created=N updated=N ... rejected=N", then " unknown=N" when there are any.
  std::string Summary() const {
    std::string s = "created=" + std::to_string(created) + " updated=" + std::to_string(updated) +
                    " unchanged=" + std::to_string(unchanged) +
                    " skipped=" + std::to_string(skipped) + " deleted=" + std::to_string(deleted) +
                    " failed=" + std::to_string(failed) + " rejected=" + std::to_string(rejected);
    if (unknown > 0) s += " unknown=" + std::to_string(unknown);
    return s;
  }
};

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_SYNC_COUNTS_H_
