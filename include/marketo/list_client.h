#ifndef MARKETO_LIST_CLIENT_H_
#define MARKETO_LIST_CLIENT_H_

/// @file
/// ListClient and the requests and results of the static-list operations (listOperation,
/// importToList, getImportToListStatus).
///
/// connection.h includes this header for the request types, so it only declares Connection;
/// build the connection with MakeConnection() from marketo/connection.h (marketo/marketo.h has
/// both).

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marketo/lead.h"
#include "marketo/options.h"
#include "marketo/status_or.h"
#include "marketo/timing.h"

namespace marketo {

class Connection;

/// How a ListKey names a static list (schema `ListKeyType`).
enum class ListKeyType {
  /// MKTOLISTNAME: the list's name.
  kMktoListName,
  /// MKTOSALESUSERID.
  kMktoSalesUserId,
  /// SFDCLEADOWNERID.
  kSfdcLeadOwnerId,
};

/// Wire name ("MKTOLISTNAME", ...) or "UNKNOWN" for a value outside the enum.
const char* ToString(ListKeyType type) noexcept;

/// Names one static list (schema `ListKey`).
struct ListKey {
  /// What `value` is.
  ListKeyType type = ListKeyType::kMktoListName;
  /// The key, e.g. the list's name.
  std::string value;

  /// By list name.
  static ListKey Name(std::string name) { return {ListKeyType::kMktoListName, std::move(name)}; }
};

/// What listOperation does (schema `ListOperationType`, without 2_1's CLEARLIST).
enum class ListOperationType {
  /// ADDTOLIST.
  kAddToList,
  /// REMOVEFROMLIST.
  kRemoveFromList,
  /// ISMEMBEROFLIST.
  kIsMemberOfList,
};

/// Wire name ("ADDTOLIST", ...) or "UNKNOWN".
const char* ToString(ListOperationType type) noexcept;

/// Most leads one listOperation call may carry (Marketo's limit).
inline constexpr std::size_t kMaxListMembersPerCall = 1000;

/// One listOperation call (Connection::ListOperation; ListClient splits any count into these).
struct ListOperationRequest {
  /// ADD, REMOVE or ISMEMBEROF.
  ListOperationType operation = ListOperationType::kIsMemberOfList;
  /// The list.
  ListKey list;
  /// 1..1000 leads, normally by IDNUM (Marketo's documentation).
  std::vector<LeadKey> members;
  /// True: the whole call fails if any lead fails (all or nothing). Absent: not sent.
  std::optional<bool> strict;
};

/// One lead's outcome as listOperation returns it (schema `LeadStatus`).
struct LeadListStatus {
  /// The lead, as echoed by the server.
  LeadKey key;
  /// ADD/REMOVE: it worked; ISMEMBEROF: the lead is a member.
  bool status = false;
};

/// Result of one listOperation call.
struct ListOperationResult {
  /// Marketo's overall flag: false as soon as one lead's status is false (for ISMEMBEROFLIST a
  /// non-member makes it false: a normal answer, not an error).
  bool success = false;
  /// One per lead, in request order.
  std::vector<LeadListStatus> statuses;
};

/// The outcome for one lead of ListClient::AddToList, RemoveFromList or IsMemberOfList.
struct ListMemberResult {
  /// Position of the lead in the caller's input.
  std::size_t index = 0;
  /// The lead's key as given.
  LeadKey key;
  /// ADD/REMOVE: the server reports it done; ISMEMBEROF: the lead is a member. False when the
  /// lead was not sent or its call failed (see call_status).
  bool status = false;
  /// OK unless the lead's call failed.
  Status call_status;
};

/// Result of ListClient::AddToList, RemoveFromList or IsMemberOfList: one result per input, in
/// input order.
struct ListMembersResult {
  /// Exactly one entry per input lead (`results[i].index == i`).
  std::vector<ListMemberResult> results;
  /// OK when every call was answered; otherwise the first failed call's Status (the later calls
  /// are still made).
  Status status;
  /// Calls made.
  std::size_t calls = 0;
  /// Calls that failed.
  std::size_t failed_calls = 0;
};

/// Options of the ListClient membership calls.
struct ListOperationOptions {
  /// Marketo's all-or-nothing flag. It holds per call only, so the SDK refuses it (before any
  /// I/O) for more than kMaxListMembersPerCall leads, which would need several calls.
  bool strict = false;
};

/// importToList's mode (schema `ImportToListModeEnum`).
enum class ImportListMode {
  /// UPSERTLEADS: create or update the leads, then add them to the list.
  kUpsertLeads,
  /// LISTONLY: only add leads that exist already.
  kListOnly,
};

/// Wire name ("UPSERTLEADS", "LISTONLY") or "UNKNOWN".
const char* ToString(ImportListMode mode) noexcept;

/// State of an import job (schema `ImportToListStatusEnum`), plus kUnknown.
enum class ImportStatus {
  /// PROCESSING: still running.
  kProcessing,
  /// COMPLETE.
  kComplete,
  /// FAILED.
  kFailed,
  /// CANCELED.
  kCanceled,
  /// A status this SDK version does not know; raw_status keeps it.
  kUnknown,
};

/// Wire name ("PROCESSING", ...) or "UNKNOWN".
const char* ToString(ImportStatus status) noexcept;
/// Maps a wire status; anything unrecognised is kUnknown.
ImportStatus ParseImportStatus(std::string_view text) noexcept;

/// One importToList call, from typed rows: the SDK writes the CSV header and rows (RFC 4180
/// quoting), so no caller writes CSV by hand.
struct ImportToListRequest {
  /// The program that holds the list.
  std::string program_name;
  /// The static list to import into.
  std::string list_name;
  /// The header: lead field display names, and `{{my.token}}` names for per-lead token values.
  std::vector<std::string> columns;
  /// One cell per column in each row, in column order.
  std::vector<std::vector<std::string>> rows;
  /// UPSERTLEADS or LISTONLY.
  ImportListMode mode = ImportListMode::kUpsertLeads;
  /// Empty the list first.
  bool clear_list = false;
  /// The campaign that consumes the `{{my.token}}` values on its next run; absent is sent nil.
  std::optional<std::string> campaign_name;
};

/// Result of importToList: the job's state when it was accepted.
struct ImportToListResult {
  /// Usually kProcessing.
  ImportStatus status = ImportStatus::kUnknown;
  /// The status exactly as received.
  std::string raw_status;
};

/// getImportToListStatus: which job (one per program and list).
struct ImportStatusRequest {
  /// The program of the import.
  std::string program_name;
  /// The list of the import.
  std::string list_name;
};

/// An import job's progress (schema `ResultGetImportToListStatus`); absent fields were nil.
struct ImportStatusInfo {
  /// The job's state.
  ImportStatus status = ImportStatus::kUnknown;
  /// The status exactly as received.
  std::string raw_status;
  /// When it started.
  std::optional<std::chrono::system_clock::time_point> started;
  /// When it ended.
  std::optional<std::chrono::system_clock::time_point> ended;
  /// Marketo's estimate of the time left (as sent, an xs:int).
  std::optional<int> estimated_time;
  /// Rows Marketo expects to process.
  std::optional<int> estimated_rows;
  /// Rows imported.
  std::optional<int> rows_imported;
  /// Rows that failed.
  std::optional<int> rows_failed;
  /// Rows ignored (LISTONLY rows of leads that do not exist, for example).
  std::optional<int> rows_ignored;
  /// Marketo's summary text.
  std::optional<std::string> summary;
};

/// Options of ListClient::WaitForImport.
struct WaitForImportOptions {
  /// Time between two polls. Marketo asks for at most one poll per minute; keep the default
  /// against a real subscription.
  std::chrono::milliseconds poll_interval = std::chrono::minutes(1);
  /// Give up when the next poll would start later than this after the first.
  std::chrono::milliseconds timeout = std::chrono::hours(1);
  /// "Now" for the deadline and the interval; empty means std::chrono::steady_clock::now.
  SteadyClockFunction clock;
  /// How to wait between polls; empty means std::this_thread::sleep_for.
  SleepFunction sleep;
};

/// Result of ListClient::WaitForImport.
struct ImportWaitResult {
  /// OK when the job left PROCESSING (COMPLETE, FAILED, CANCELED, or a status this SDK does
  /// not know: see last->status);
  /// kDeadlineExceeded, naming the last status seen, when the timeout came first; else the
  /// failed poll's Status.
  Status status;
  /// The last status seen, if any poll succeeded.
  std::optional<ImportStatusInfo> last;
  /// Polls made.
  std::size_t polls = 0;
};

/// One call's checks: a list key of a known type with a value, a known operation, 1..1000
/// member keys each valid (errors name `member[i]`).
Status ValidateListOperationRequest(const ListOperationRequest& request);
/// Program and list names, a header of non-empty column names without repeats, at least one
/// row, every row with one cell per column (errors name `row[i]`), a known mode, a campaign
/// name that is not empty when given.
Status ValidateImportToListRequest(const ImportToListRequest& request);
/// Program and list names that are not empty.
Status ValidateImportStatusRequest(const ImportStatusRequest& request);

/// Typed, validated calls of the static-list family over a shared Connection. Cheap to copy;
/// safe to use from several threads at once.
class ListClient {
 public:
  /// Uses `connection` for every call; share it with the other family clients. Not null.
  explicit ListClient(std::shared_ptr<Connection> connection);
  /// Convenience: ListClient(MakeConnection(std::move(options))).
  explicit ListClient(ClientOptions options);

  /// Adds any number of leads to `list`, in calls of at most 1000. One result per input, in
  /// input order; an invalid input fails the whole request before any I/O.
  ListMembersResult AddToList(const ListKey& list, const std::vector<LeadKey>& members,
                              const ListOperationOptions& options = {});
  /// Removes any number of leads from `list` (as AddToList).
  ListMembersResult RemoveFromList(const ListKey& list, const std::vector<LeadKey>& members,
                                   const ListOperationOptions& options = {});
  /// Checks membership of any number of leads (as AddToList); a non-member is status false with
  /// an OK call_status.
  ListMembersResult IsMemberOfList(const ListKey& list, const std::vector<LeadKey>& members,
                                   const ListOperationOptions& options = {});

  /// One listOperation call, validated first.
  StatusOr<ListOperationResult> ListOperation(const ListOperationRequest& request);

  /// One importToList call, validated first. Never repeated once it may have reached the server
  /// (a repeat would start a second import job).
  StatusOr<ImportToListResult> ImportToList(const ImportToListRequest& request);
  /// One getImportToListStatus call, validated first.
  StatusOr<ImportStatusInfo> GetImportStatus(const ImportStatusRequest& request);
  /// Polls getImportToListStatus until the job ends or `options.timeout` passes, never more
  /// often than `options.poll_interval`.
  ImportWaitResult WaitForImport(const ImportStatusRequest& request,
                                 const WaitForImportOptions& options = {});

  /// The underlying connection.
  const std::shared_ptr<Connection>& connection() const noexcept { return connection_; }

 private:
  ListMembersResult RunMembers(ListOperationType operation, const ListKey& list,
                               const std::vector<LeadKey>& members,
                               const ListOperationOptions& options);

  std::shared_ptr<Connection> connection_;
};

}  // namespace marketo

#endif  // MARKETO_LIST_CLIENT_H_
