#include "marketo/sync.h"

#include "marketo/query.h"

namespace marketo {

const char* ToString(SyncOperation op) noexcept {
  switch (op) {
    case SyncOperation::kInsert:
      return "INSERT";
    case SyncOperation::kUpdate:
      return "UPDATE";
    case SyncOperation::kUpsert:
      return "UPSERT";
  }
  return "UNKNOWN";
}

std::optional<SyncOperation> ParseSyncOperation(std::string_view text) noexcept {
  if (text == "INSERT") return SyncOperation::kInsert;
  if (text == "UPDATE") return SyncOperation::kUpdate;
  if (text == "UPSERT") return SyncOperation::kUpsert;
  return std::nullopt;
}

const char* ToString(SyncStatus status) noexcept {
  switch (status) {
    case SyncStatus::kCreated:
      return "CREATED";
    case SyncStatus::kUpdated:
      return "UPDATED";
    case SyncStatus::kDeleted:
      return "DELETED";
    case SyncStatus::kUnchanged:
      return "UNCHANGED";
    case SyncStatus::kSkipped:
      return "SKIPPED";
    case SyncStatus::kFailed:
      return "FAILED";
    case SyncStatus::kUnknown:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

SyncStatus ParseSyncStatus(std::string_view text) noexcept {
  if (text == "CREATED") return SyncStatus::kCreated;
  if (text == "UPDATED") return SyncStatus::kUpdated;
  if (text == "DELETED") return SyncStatus::kDeleted;
  if (text == "UNCHANGED") return SyncStatus::kUnchanged;
  if (text == "SKIPPED") return SyncStatus::kSkipped;
  if (text == "FAILED") return SyncStatus::kFailed;
  return SyncStatus::kUnknown;
}

SyncSummary Summarize(const std::vector<SyncResult>& results) noexcept {
  SyncSummary s;
  for (const auto& r : results) {
    switch (r.status) {
      case SyncStatus::kCreated:
        ++s.created;
        break;
      case SyncStatus::kUpdated:
        ++s.updated;
        break;
      case SyncStatus::kDeleted:
        ++s.deleted;
        break;
      case SyncStatus::kUnchanged:
        ++s.unchanged;
        break;
      case SyncStatus::kSkipped:
        ++s.skipped;
        break;
      case SyncStatus::kFailed:
        ++s.failed;
        if (r.call_status.code() == StatusCode::kInvalidArgument) ++s.rejected;
        break;
      case SyncStatus::kUnknown:
        ++s.unknown;
        break;
    }
  }
  return s;
}

const char* ToString(Comparison c) noexcept {
  switch (c) {
    case Comparison::kEq:
      return "EQ";
    case Comparison::kNe:
      return "NE";
    case Comparison::kLt:
      return "LT";
    case Comparison::kLe:
      return "LE";
    case Comparison::kGt:
      return "GT";
    case Comparison::kGe:
      return "GE";
  }
  return "EQ";
}

}  // namespace marketo
