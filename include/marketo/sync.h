#ifndef MARKETO_SYNC_H_
#define MARKETO_SYNC_H_

/// @file
/// Sync/delete operations and their per-object results.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marketo/mobject.h"
#include "marketo/status.h"

namespace marketo {

/// syncMObjects mode (schema `SyncOperationEnum`).
enum class SyncOperation {
  /// Create only; existing objects are skipped.
  kInsert,
  /// Modify existing objects only; unknown ones are skipped. The only mode Program accepts.
  kUpdate,
  /// Create or modify.
  kUpsert,
};

/// Wire name: "INSERT", "UPDATE" or "UPSERT".
const char* ToString(SyncOperation op) noexcept;
/// Parses "INSERT"/"UPDATE"/"UPSERT" (case-sensitive); nullopt otherwise.
std::optional<SyncOperation> ParseSyncOperation(std::string_view text) noexcept;

/// Per-object outcome (schema `MObjStatusEnum`) plus kUnknown for values the SDK does not know.
enum class SyncStatus {
  /// CREATED.
  kCreated,
  /// UPDATED.
  kUpdated,
  /// DELETED (deleteMObjects).
  kDeleted,
  /// UNCHANGED.
  kUnchanged,
  /// SKIPPED, e.g. INSERT of an existing or UPDATE of a missing object.
  kSkipped,
  /// FAILED; see SyncResult::error. Also used by SyncAll for objects that were not sent.
  kFailed,
  /// A status string this SDK version does not know; SyncResult::raw_status keeps it.
  kUnknown,
};

/// Wire name ("CREATED", ...) or "UNKNOWN".
const char* ToString(SyncStatus status) noexcept;
/// Maps a wire status string to SyncStatus; anything unrecognised is kUnknown.
SyncStatus ParseSyncStatus(std::string_view text) noexcept;

/// The outcome for one input object.
struct SyncResult {
  /// Position of the object in the caller's input.
  std::size_t index = 0;
  /// Marketo id, when the server returned one (absent e.g. for a failed insert).
  std::optional<std::int64_t> id;
  /// The external key echoed by the server, when one was used.
  std::optional<Attrib> external_key;
  /// The mapped status.
  SyncStatus status = SyncStatus::kUnknown;
  /// The status string exactly as received (empty when the object was never sent).
  std::string raw_status;
  /// Error text from the server for FAILED objects, or the SDK's reason for objects that were
  /// rejected by validation or lost with a failed call.
  std::string error;
  /// OK unless this object's outcome comes from a call-level failure or a validation rejection
  /// (SyncAll only); then it is that Status and `status` is kFailed.
  Status call_status;
};

/// Counts of results per SyncStatus; handy for summaries.
struct SyncSummary {
  /// Number of kCreated results.
  std::size_t created = 0;
  /// Number of kUpdated results.
  std::size_t updated = 0;
  /// Number of kDeleted results.
  std::size_t deleted = 0;
  /// Number of kUnchanged results.
  std::size_t unchanged = 0;
  /// Number of kSkipped results.
  std::size_t skipped = 0;
  /// Number of kFailed results (including objects lost with a failed call).
  std::size_t failed = 0;
  /// Number of kUnknown results.
  std::size_t unknown = 0;
  /// kFailed results whose call_status is kInvalidArgument (rejected before sending).
  std::size_t rejected = 0;
};

/// Tallies results by status.
SyncSummary Summarize(const std::vector<SyncResult>& results) noexcept;

/// Result of MObjectClient::SyncAll: one SyncResult per input, plus the first call-level error.
struct SyncAllResult {
  /// Exactly one entry per input object, in input order (`results[i].index == i`).
  std::vector<SyncResult> results;
  /// OK when every batch got a valid answer; otherwise the first call-level failure (transport,
  /// HTTP, fault, malformed or mismatched response). Validation rejections do not set it.
  Status status;
  /// Number of calls (batches) made.
  std::size_t calls = 0;
  /// Number of calls that failed at call level.
  std::size_t failed_calls = 0;
};

}  // namespace marketo

#endif  // MARKETO_SYNC_H_
