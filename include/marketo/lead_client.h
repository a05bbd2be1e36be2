#ifndef MARKETO_LEAD_CLIENT_H_
#define MARKETO_LEAD_CLIENT_H_

/// @file
/// LeadClient and the requests and results of the seven lead operations (syncLead,
/// syncMultipleLeads, getLead, getMultipleLeads, getLeadActivity, getLeadChanges, mergeLeads).
///
/// connection.h includes this header for the request types, so it only declares Connection;
/// build the connection with MakeConnection() from marketo/connection.h (marketo/marketo.h has
/// both).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marketo/lead.h"
#include "marketo/lead_activity.h"
#include "marketo/options.h"
#include "marketo/status_or.h"

namespace marketo {

class Connection;

/// Most records one syncMultipleLeads call may carry as the SDK sends it. Marketo advises at
/// most 300 (SyncLeadsOptions::batch_size), and the SDK never sends more than this.
inline constexpr std::size_t kMaxSyncLeadsBatchSize = 1000;

/// One syncLead call: upsert one lead.
struct SyncLeadRequest {
  /// The lead. It needs a match key: `id`, `foreign_sys_person_id` (with `foreign_sys_type`),
  /// `email`, or `marketo_cookie` below. Precedence: id, then foreign id, then cookie, then email.
  LeadRecord lead;
  /// Return the stored lead in SyncLeadResult::lead.
  bool return_lead = false;
  /// A Munchkin cookie to associate with the lead (an anonymous lead with it becomes known).
  std::optional<std::string> marketo_cookie;
  /// API 3_1's moveCookie flag, sent as given (Marketo does not document it).
  std::optional<bool> move_cookie;
  /// The workspace for a new lead (the MktowsContextHeader, sent only with syncLead).
  std::optional<std::string> target_workspace;
};

/// Per-lead outcome of a sync (schema `LeadSyncStatus`), plus kUnknown.
enum class LeadSyncStatus {
  /// CREATED.
  kCreated,
  /// UPDATED.
  kUpdated,
  /// FAILED; see the result's error.
  kFailed,
  /// A status this SDK version does not know; raw_status keeps it.
  kUnknown,
};

/// Wire name ("CREATED", ...) or "UNKNOWN".
const char* ToString(LeadSyncStatus status) noexcept;
/// Maps a wire status to LeadSyncStatus; anything unrecognised is kUnknown.
LeadSyncStatus ParseLeadSyncStatus(std::string_view text) noexcept;

/// The outcome for one synced lead.
struct LeadSyncResult {
  /// Position of the lead in the caller's input.
  std::size_t index = 0;
  /// The lead's Marketo id, when the server returned one.
  std::optional<std::int64_t> lead_id;
  /// The mapped status; kFailed for inputs that were rejected or lost with a failed call.
  LeadSyncStatus status = LeadSyncStatus::kUnknown;
  /// The status exactly as received (empty when the lead was never sent).
  std::string raw_status;
  /// The server's error text, or the SDK's reason for a rejected or lost input.
  std::string error;
  /// OK unless the outcome comes from a validation rejection or a call-level failure.
  Status call_status;
};

/// Result of one syncLead call.
struct SyncLeadResult {
  /// The lead's Marketo id.
  std::int64_t lead_id = 0;
  /// CREATED, UPDATED or FAILED.
  LeadSyncStatus status = LeadSyncStatus::kUnknown;
  /// The status exactly as received.
  std::string raw_status;
  /// The server's error text for kFailed.
  std::string error;
  /// The stored lead, when SyncLeadRequest::return_lead was set.
  std::optional<LeadRecord> lead;
};

/// One syncMultipleLeads call (Connection::SyncMultipleLeads; LeadClient::SyncLeads splits any
/// number of leads into such calls).
struct SyncMultipleLeadsRequest {
  /// The leads, each with `id`, `foreign_sys_person_id` or `email`.
  LeadSpan leads;
  /// False turns off Marketo's de-duplication by email: a lead matched only by email is then
  /// created again.
  bool dedup_enabled = true;
};

/// Options of LeadClient::SyncLeads.
struct SyncLeadsOptions {
  /// Leads per call, 1..1000; default 300, Marketo's advice.
  std::size_t batch_size = 300;
  /// See SyncMultipleLeadsRequest::dedup_enabled.
  bool dedup_enabled = true;
  /// Calls on the wire at once, as SyncAllOptions::concurrency (0 is treated as 1).
  std::size_t concurrency = 1;
  /// Stop at the first call-level failure; later batches are "not sent".
  bool stop_on_call_error = false;
  /// Called after each batch with (leads finished, total), never by two threads at once.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Result of LeadClient::SyncLeads: one result per input, in input order.
struct SyncLeadsResult {
  /// Exactly one entry per input lead (`results[i].index == i`).
  std::vector<LeadSyncResult> results;
  /// OK when every batch was answered; otherwise the first failed batch's Status.
  Status status;
  /// Calls made.
  std::size_t calls = 0;
  /// Calls that failed at call level.
  std::size_t failed_calls = 0;
};

/// Most keys one getMultipleLeads call may name (Marketo ignores the rest).
inline constexpr std::size_t kMaxLeadKeysPerCall = 100;
/// The longest update window one call may ask for (Marketo answers 20022 beyond it).
inline constexpr std::chrono::hours kMaxUpdateWindow{24 * 30};
/// The largest page one getMultipleLeads call may ask for.
inline constexpr int kMaxLeadsPageSize = 1000;

/// One getMultipleLeads call: one page of the leads `selector` selects.
struct GetMultipleLeadsRequest {
  /// Which leads: at most 100 keys, and a window of at most 30 days, per call.
  LeadSelector selector;
  /// Only these fields are returned; empty means every field.
  std::vector<std::string> include_attributes;
  /// Leads per page, 1..1000; absent means the server's default.
  std::optional<int> batch_size;
  /// Where the previous page ended; empty for the first page.
  StreamPosition stream_position;
};

/// One page of a getMultipleLeads read.
struct LeadsPage {
  /// The leads of this page.
  std::vector<LeadRecord> leads;
  /// How many leads the server says this page holds.
  int return_count = 0;
  /// How many leads are left after this page; 0 at the end.
  int remaining_count = 0;
  /// Pass it back for the next page.
  StreamPosition new_stream_position;
};

/// Where a LeadClient::ForEachLead walk stands, as an opaque printable token: which part of
/// the selection (a split key list or window), the page, and how many of its leads were
/// delivered. Persist text() and resume the same walk (same selector) with it.
class LeadReadPosition {
 public:
  /// The start of the walk.
  LeadReadPosition() = default;
  /// text() of a position saved earlier; a malformed one fails the walk with
  /// kInvalidArgument.
  static LeadReadPosition FromText(std::string text);
  /// The token, safe to print and to store.
  const std::string& text() const noexcept { return text_; }
  /// True at the start of the walk.
  bool empty() const noexcept { return text_.empty(); }

 private:
  std::string text_;
};

/// Options of LeadClient::ForEachLead and GetAllLeads.
struct ReadLeadsOptions {
  /// Only these fields are returned; empty means every field.
  std::vector<std::string> include_attributes;
  /// Leads per page, 1..1000. Default 200, Marketo's advice.
  int batch_size = 200;
  /// Continue a walk that stopped here.
  LeadReadPosition resume_from;
};

/// Called for each lead of a walk, in order, with the position to resume from after it. Return
/// false to stop.
using LeadVisitor = std::function<bool(LeadRecord&& lead, const LeadReadPosition& after)>;

/// Options of LeadClient::ExportLeads.
struct ExportLeadsOptions {
  /// Sub-windows read at once.
  std::size_t concurrency = 4;
  /// Length of each sub-window (at most 30 days).
  std::chrono::hours slice{24};
  /// Only these fields are returned; empty means every field.
  std::vector<std::string> include_attributes;
  /// Leads per page, 1..1000.
  int batch_size = 200;
};

/// One mergeLeads call: losing leads merged into a winning lead.
struct MergeLeadsRequest {
  /// Keys of the winning lead (one or more, all naming the same lead).
  std::vector<LeadKey> winner;
  /// For each losing lead, its keys.
  std::vector<std::vector<LeadKey>> losers;
  /// Merge in the CRM as well.
  std::optional<bool> merge_in_sales;
};

/// Outcome of mergeLeads (schema `LeadMergeStatusEnum`), plus kUnknown.
enum class LeadMergeStatus {
  /// MERGED.
  kMerged,
  /// FAILED; see MergeLeadsResult::error.
  kFailed,
  /// A status this SDK version does not know; raw_status keeps it.
  kUnknown,
};

/// Result of mergeLeads.
struct MergeLeadsResult {
  /// The winning lead's id.
  std::optional<std::int64_t> winning_lead_id;
  /// The ids of the leads merged into it.
  std::vector<std::int64_t> losing_lead_ids;
  /// MERGED or FAILED.
  LeadMergeStatus status = LeadMergeStatus::kUnknown;
  /// The status exactly as received.
  std::string raw_status;
  /// The server's error text for kFailed.
  std::string error;
};

/// Called for each activity of a walk, in order, with the position to resume from after it.
/// Return false to stop.
using ActivityVisitor =
    std::function<bool(ActivityRecord&& activity, const LeadReadPosition& after)>;

/// Options of the activity walks (ForEachActivity, ForEachLeadChange).
struct ReadActivityOptions {
  /// Records per page (1..100 for activity, 1..1000 for changes); default 100.
  int batch_size = 100;
  /// Continue a walk that stopped here.
  LeadReadPosition resume_from;
};

/// A winner and at least one loser, each with valid keys, and no loser that is the winner.
Status ValidateMergeLeadsRequest(const MergeLeadsRequest& request);

/// A selector one call can carry: one kind with its fields, at most 100 keys, a window of at
/// most 30 days that does not end before it starts.
Status ValidateLeadSelector(const LeadSelector& selector);

/// The checks of one getMultipleLeads call: a selector of one kind with its fields, at most 100
/// keys, a window of at most 30 days that does not end before it starts, field names and page
/// size.
Status ValidateGetMultipleLeadsRequest(const GetMultipleLeadsRequest& request);

/// The checks LeadClient::SyncLead runs before any I/O: a match key, a foreign id only with its
/// type (and the other way round), ids within the schema's range, no empty field names.
Status ValidateSyncLeadRequest(const SyncLeadRequest& request);
/// The checks of one record of syncMultipleLeads (as above, without the cookie).
Status ValidateSyncLeadsRecord(const LeadRecord& lead);
/// A key with a value (a positive decimal id for kIdnum).
Status ValidateLeadKey(const LeadKey& key);

/// Idempotency traits of syncLead for the retry table: every valid request has a match key, so
/// a repeat updates what the first attempt created. Always false.
bool SyncLeadCreatesUnkeyed(const SyncLeadRequest& request) noexcept;
/// For syncMultipleLeads: true when de-duplication is off and some lead is keyed by email only
/// (a repeat would create it again).
bool SyncMultipleLeadsCreatesUnkeyed(const SyncMultipleLeadsRequest& request) noexcept;

/// Typed, validated calls of the lead family over a shared Connection. Cheap to copy; safe to
/// use from several threads at once.
class LeadClient {
 public:
  /// Uses `connection` for every call; share it with the other family clients. Not null.
  explicit LeadClient(std::shared_ptr<Connection> connection);
  /// Convenience: LeadClient(MakeConnection(std::move(options))).
  explicit LeadClient(ClientOptions options);

  /// One syncLead call, validated first (ValidateSyncLeadRequest).
  StatusOr<SyncLeadResult> SyncLead(const SyncLeadRequest& request);

  /// Syncs any number of leads with syncMultipleLeads, in batches of at most
  /// `options.batch_size`. Never fails as a whole: one result per input, in input order. A lead
  /// that fails validation is not sent (kFailed, call_status kInvalidArgument, error naming
  /// `lead[i]` and the field); the leads of a failed call get kFailed with that call's Status.
  SyncLeadsResult SyncLeads(LeadSpan leads, const SyncLeadsOptions& options = {});

  /// getLead: every lead the key matches (an email may match several). No match is a
  /// kSoapFault with marketo_error_code() == error_codes::kLeadNotFound.
  StatusOr<std::vector<LeadRecord>> GetLead(const LeadKey& key);

  /// One getMultipleLeads call (one page), validated first.
  StatusOr<LeadsPage> GetMultipleLeads(const GetMultipleLeadsRequest& request);

  /// Walks every lead `selector` selects, page by page, calling `visit` for each in order;
  /// stops early (returning OK) when it returns false. Key lists longer than 100 are read in
  /// parts of 100, windows longer than 30 days in parts of 30 days (never sent whole); a lead
  /// that a later part returns again (updated during the walk) is delivered once. Resume a walk
  /// with ReadLeadsOptions::resume_from.
  Status ForEachLead(const LeadSelector& selector, const ReadLeadsOptions& options,
                     const LeadVisitor& visit);

  /// Every lead `selector` selects (see ForEachLead).
  StatusOr<std::vector<LeadRecord>> GetAllLeads(const LeadSelector& selector,
                                                const ReadLeadsOptions& options = {});

  /// Reads the leads updated in [oldest, latest] as Marketo advises for large exports: the
  /// window is cut into sub-windows of `options.slice`, read `options.concurrency` at a time,
  /// and merged without duplicates. `on_lead` is called for each lead once, from the worker
  /// threads but never by two at once; returning false stops the export (OK). The first failed
  /// call stops it and is returned.
  Status ExportLeads(std::chrono::system_clock::time_point oldest,
                     std::chrono::system_clock::time_point latest,
                     const ExportLeadsOptions& options,
                     const std::function<bool(LeadRecord&& lead)>& on_lead);

  /// One getLeadActivity call (one page), validated first.
  StatusOr<ActivityPage> GetLeadActivity(const GetLeadActivityRequest& request);
  /// Walks all of one lead's activity from `request.start_position`, page by page (see
  /// ForEachLead for stopping and resuming).
  Status ForEachActivity(const GetLeadActivityRequest& request, const ReadActivityOptions& options,
                         const ActivityVisitor& visit);

  /// One getLeadChanges call (one page), validated first.
  StatusOr<ActivityPage> GetLeadChanges(const GetLeadChangesRequest& request);
  /// Walks the change stream from `request.start_position`, page by page.
  Status ForEachLeadChange(const GetLeadChangesRequest& request, const ReadActivityOptions& options,
                           const ActivityVisitor& visit);

  /// One mergeLeads call, validated first. Never repeated once it may have reached the server.
  StatusOr<MergeLeadsResult> MergeLeads(const MergeLeadsRequest& request);

  /// The underlying connection.
  const std::shared_ptr<Connection>& connection() const noexcept { return connection_; }

 private:
  std::shared_ptr<Connection> connection_;
};

}  // namespace marketo

#endif  // MARKETO_LEAD_CLIENT_H_
