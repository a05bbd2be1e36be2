#ifndef MARKETO_CUSTOM_OBJECT_CLIENT_H_
#define MARKETO_CUSTOM_OBJECT_CLIENT_H_

/// @file
/// CustomObjectClient and the requests and results of the three custom-object operations
/// (syncCustomObjects, getCustomObjects, deleteCustomObjects).
///
/// connection.h includes this header for the request types, so it only declares Connection;
/// build the connection with MakeConnection() from marketo/connection.h (marketo/marketo.h has
/// both).

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marketo/lead.h"
#include "marketo/lead_client.h"
#include "marketo/options.h"
#include "marketo/span.h"
#include "marketo/status_or.h"
#include "marketo/sync.h"

namespace marketo {

class Connection;

/// Most objects (or key lists) one syncCustomObjects or deleteCustomObjects call may carry.
inline constexpr std::size_t kMaxCustomObjectsPerCall = 100;
/// The largest page one getCustomObjects call may ask for.
inline constexpr int kMaxCustomObjectsPageSize = 100;

/// One field of a custom object (schema `Attribute`): name, value and optional type hint.
using CustomObjectAttribute = LeadAttribute;

/// The fields that name one custom object: its key (dedupe) fields, and for objects of the old
/// custom-object UI the link field too (schema `customObjKeyList`).
using CustomObjectKey = std::vector<CustomObjectAttribute>;

/// A custom object record (schema `CustomObj`): key fields and other fields, kept apart as the
/// wire keeps them.
struct CustomObject {
  /// customObjKeyList: the fields that name the record, e.g. {"VIN", "1HGCM..."}.
  CustomObjectKey keys;
  /// customObjAttributeList: every other field, e.g. the link field MKTOID and "Color".
  std::vector<CustomObjectAttribute> attributes;

  /// Sets key field `name` (replacing an earlier value of that name) and returns *this.
  CustomObject& Key(std::string_view name, std::string value);
  /// Sets field `name` (replacing an earlier value of that name) and returns *this.
  CustomObject& Set(std::string_view name, std::string value);
  /// The value of field `name`, looked up in the keys first, then the attributes; or nullptr.
  const std::string* Find(std::string_view name) const noexcept;
};

/// A non-owning view of contiguous CustomObjects (see Span).
using CustomObjectSpan = Span<CustomObject>;
/// A non-owning view of contiguous key lists (deleteCustomObjects).
using CustomObjectKeySpan = Span<CustomObjectKey>;

/// Per-record outcome (schema `SyncStatusEnum`), plus values Marketo's docs mention but the
/// schema lacks (UNCHANGED, SKIPPED), plus kUnknown.
enum class CustomObjectStatus {
  /// CREATED.
  kCreated,
  /// UPDATED.
  kUpdated,
  /// UNCHANGED: the record already had these values.
  kUnchanged,
  /// DELETED.
  kDeleted,
  /// SKIPPED.
  kSkipped,
  /// FAILED; see the result's error.
  kFailed,
  /// A status this SDK version does not know; raw_status keeps it.
  kUnknown,
};

/// Wire name ("CREATED", ...) or "UNKNOWN".
const char* ToString(CustomObjectStatus status) noexcept;
/// Maps a wire status to CustomObjectStatus; anything unrecognised is kUnknown.
CustomObjectStatus ParseCustomObjectStatus(std::string_view text) noexcept;

/// The outcome for one synced or deleted record (schema `SyncCustomObjStatus`).
struct CustomObjectResult {
  /// Position of the record in the caller's input.
  std::size_t index = 0;
  /// The key list the server echoed (empty when the record was never sent).
  CustomObjectKey keys;
  /// The mapped status; kFailed for inputs that were rejected or lost with a failed call.
  CustomObjectStatus status = CustomObjectStatus::kUnknown;
  /// The status exactly as received (empty when the record was never sent).
  std::string raw_status;
  /// The server's error text, or the SDK's reason for a rejected or lost input.
  std::string error;
  /// OK unless the outcome comes from a validation rejection or a call-level failure.
  Status call_status;
};

/// One syncCustomObjects call (Connection::SyncCustomObjects; CustomObjectClient splits any
/// number of records into such calls).
struct SyncCustomObjectsRequest {
  /// objTypeName: the custom object's API name, e.g. "Car".
  std::string object_name;
  /// At most 100 records, each with a key.
  CustomObjectSpan objects;
  /// INSERT, UPDATE or UPSERT (always sent, although the schema makes it optional).
  SyncOperation operation = SyncOperation::kUpsert;
};

/// One deleteCustomObjects call.
struct DeleteCustomObjectsRequest {
  /// objTypeName.
  std::string object_name;
  /// At most 100 key lists, one per record to delete.
  CustomObjectKeySpan keys;
};

/// Options of CustomObjectClient::SyncCustomObjects and DeleteCustomObjects.
struct CustomObjectBatchOptions {
  /// Records per call, 1..100 (larger values are treated as 100).
  std::size_t batch_size = kMaxCustomObjectsPerCall;
  /// Calls on the wire at once, as SyncAllOptions::concurrency (0 is treated as 1).
  std::size_t concurrency = 1;
  /// Stop at the first call-level failure; later batches are "not sent".
  bool stop_on_call_error = false;
  /// Called after each batch with (records finished, total), never by two threads at once.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Result of a batched sync or delete: one result per input, in input order.
struct CustomObjectBatchResult {
  /// Exactly one entry per input (`results[i].index == i`).
  std::vector<CustomObjectResult> results;
  /// OK when every batch was answered; otherwise the first failed batch's Status (or the
  /// request's validation error, when no call was made).
  Status status;
  /// Calls made.
  std::size_t calls = 0;
  /// Calls that failed at call level.
  std::size_t failed_calls = 0;
};

/// What a custom-object read selects: one type, optionally narrowed by one key list.
struct CustomObjectQuery {
  /// objTypeName.
  std::string object_name;
  /// customObjKeyList: records whose fields have these values (e.g. {"MKTOID", "5"} for the
  /// records linked to lead 5); empty means every record of the type.
  CustomObjectKey key;
  /// Only these fields are returned; empty means every field.
  std::vector<std::string> include_attributes;
};

/// One getCustomObjects call: one page.
struct GetCustomObjectsRequest {
  /// What to read.
  CustomObjectQuery query;
  /// Records per page, 1..100; absent means the server's default.
  std::optional<int> batch_size;
  /// Where the previous page ended; empty for the first page.
  StreamPosition stream_position;
};

/// One page of a getCustomObjects read.
struct CustomObjectsPage {
  /// The type the server answered for.
  std::string object_name;
  /// The records of this page.
  std::vector<CustomObject> objects;
  /// How many records the server says this page holds.
  int return_count = 0;
  /// How many records are left after this page; 0 at the end.
  int remaining_count = 0;
  /// Pass it back for the next page.
  StreamPosition new_stream_position;
};

/// Where a ForEachCustomObject walk stands: the same opaque, printable token as the lead walks
/// (the page's server position and how many of its records were delivered). Persist text() and
/// resume the same walk (same query) with it.
using CustomObjectReadPosition = LeadReadPosition;

/// Options of CustomObjectClient::ForEachCustomObject and GetAllCustomObjects.
struct ReadCustomObjectsOptions {
  /// Records per page, 1..100.
  int batch_size = kMaxCustomObjectsPageSize;
  /// Continue a walk that stopped here.
  CustomObjectReadPosition resume_from;
};

/// Called for each record of a walk, in order, with the position to resume from after it.
/// Return false to stop.
using CustomObjectVisitor =
    std::function<bool(CustomObject&& object, const CustomObjectReadPosition& after)>;

/// The checks of one record of syncCustomObjects: a key, field names that are not empty, no
/// field named twice in its list or in both lists. Errors name the field's list and index.
Status ValidateCustomObject(const CustomObject& object);
/// The checks of one syncCustomObjects call: an object name, 1..100 records, each valid (errors
/// name `customObj[i]`).
Status ValidateSyncCustomObjectsRequest(const SyncCustomObjectsRequest& request);
/// The checks of one deleteCustomObjects call: an object name, 1..100 key lists, each valid.
Status ValidateDeleteCustomObjectsRequest(const DeleteCustomObjectsRequest& request);
/// The checks of one getCustomObjects call: an object name, a valid key (may be empty), field
/// names that are not empty and not repeated, a page size of 1..100.
Status ValidateGetCustomObjectsRequest(const GetCustomObjectsRequest& request);

/// Idempotency traits of syncCustomObjects for the retry table: true for INSERT (a repeat would
/// try to create the records again) and for any record without a key.
bool SyncCustomObjectsCreatesUnkeyed(const SyncCustomObjectsRequest& request) noexcept;

/// Typed, validated calls of the custom-object family over a shared Connection. Cheap to copy;
/// safe to use from several threads at once.
class CustomObjectClient {
 public:
  /// Uses `connection` for every call; share it with the other family clients. Not null.
  explicit CustomObjectClient(std::shared_ptr<Connection> connection);
  /// Convenience: CustomObjectClient(MakeConnection(std::move(options))).
  explicit CustomObjectClient(ClientOptions options);

  /// Syncs any number of records of type `object_name` with syncCustomObjects, in calls of at
  /// most `options.batch_size`. Never fails as a whole: one result per input, in input order. A
  /// record that fails validation is not sent (kFailed, call_status kInvalidArgument, error
  /// naming `customObj[i]` and the field); the records of a failed call get kFailed with that
  /// call's Status. An empty `object_name` fails every input and makes no call.
  CustomObjectBatchResult SyncCustomObjects(const std::string& object_name,
                                            CustomObjectSpan objects, SyncOperation operation,
                                            const CustomObjectBatchOptions& options = {});

  /// Deletes any number of records by key with deleteCustomObjects, batched and answered as
  /// SyncCustomObjects (errors name `keyList[i]`).
  CustomObjectBatchResult DeleteCustomObjects(const std::string& object_name,
                                              CustomObjectKeySpan keys,
                                              const CustomObjectBatchOptions& options = {});

  /// One getCustomObjects call (one page), validated first. An unknown object name is a
  /// kSoapFault with marketo_error_code() == error_codes::kBadParameter.
  StatusOr<CustomObjectsPage> GetCustomObjects(const GetCustomObjectsRequest& request);

  /// Walks every record `query` selects, page by page, calling `visit` for each in order; stops
  /// early (returning OK) when it returns false. Resume with ReadCustomObjectsOptions::resume_from.
  Status ForEachCustomObject(const CustomObjectQuery& query,
                             const ReadCustomObjectsOptions& options,
                             const CustomObjectVisitor& visit);

  /// Every record `query` selects (see ForEachCustomObject).
  StatusOr<std::vector<CustomObject>> GetAllCustomObjects(
      const CustomObjectQuery& query, const ReadCustomObjectsOptions& options = {});

  /// The underlying connection.
  const std::shared_ptr<Connection>& connection() const noexcept { return connection_; }

 private:
  std::shared_ptr<Connection> connection_;
};

}  // namespace marketo

#endif  // MARKETO_CUSTOM_OBJECT_CLIENT_H_
