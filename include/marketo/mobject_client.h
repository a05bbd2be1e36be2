#ifndef MARKETO_MOBJECT_CLIENT_H_
#define MARKETO_MOBJECT_CLIENT_H_

/// @file
/// MObjectClient: the typed client for syncMObjects, getMObjects, deleteMObjects,
/// describeMObject and listMObjects.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "marketo/metadata.h"
#include "marketo/mobject.h"
#include "marketo/mobject_connection.h"
#include "marketo/query.h"
#include "marketo/status_or.h"
#include "marketo/sync.h"
#include "marketo/validation.h"

namespace marketo {

/// Options for MObjectClient::SyncAll.
struct SyncAllOptions {
  /// Objects per call (1..100).
  std::size_t batch_size = kMaxSyncBatchSize;
  /// When true, the first call-level failure stops the run: later batches are not sent and
  /// their objects get kFailed with a "not sent" error. When false (default) every batch is
  /// attempted.
  bool stop_on_call_error = false;
  /// Called after each batch with (objects finished so far, total objects). Objects rejected by
  /// validation count as finished from the first call on. With `concurrency` > 1 it is called
  /// from the worker threads, but never by two threads at once, and `done` never decreases.
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// Number of batches in flight at once (0 is treated as 1). Default 1: batches are sent one
  /// after the other on the calling thread. With N > 1, SyncAll runs the batches on N threads
  /// (the calling thread plus N - 1 it starts and joins before returning); results are still
  /// one per input, in input order, exactly as with 1.
  ///
  /// The effective parallelism is also bounded by the connection: ClientOptions::max_connections
  /// (gSOAP contexts, default 10) and LimitOptions::max_in_flight (default 10, Marketo's limit)
  /// make extra batches wait, and the rate window (100 calls per 20 s by default) still applies,
  /// so values above min(max_connections, limits.max_in_flight) only add idle threads. Batches
  /// are independent: a failing batch fails only its own objects. With stop_on_call_error,
  /// batches already in flight finish normally and only batches not yet started are "not sent".
  /// SyncAllResult::status is the failure of the first failed batch in input order.
  std::size_t concurrency = 1;
};

/// A cheap, copyable handle over a shared MObjectConnection. Copies share the connection; the
/// client is safe to use from several threads at once (see MakeMObjectConnection).
///
/// Every operation validates its input before any I/O (see validation.h) and reports failures
/// as Status; no exception is thrown except by StatusOr::value().
class MObjectClient {
 public:
  /// Uses `connection` for every call. It must not be null.
  explicit MObjectClient(std::shared_ptr<MObjectConnection> connection);
  /// Convenience: MObjectClient(MakeMObjectConnection(std::move(options))).
  explicit MObjectClient(ClientOptions options);

  /// One syncMObjects call with at most 100 objects; validated first. Returns one result per
  /// object in input order. A response with a different number of statuses fails with
  /// kResponseMismatch. An empty input returns an empty vector without a call.
  StatusOr<std::vector<SyncResult>> Sync(MObjectSpan objects, SyncOperation operation);

  /// Syncs any number of objects in batches of at most 100.
  ///
  /// Error model: never fails as a whole. The result has exactly one SyncResult per input, in
  /// input order. An object that fails validation is not sent: kFailed, error = the validation
  /// message, call_status = kInvalidArgument. Objects of a batch whose call failed get kFailed,
  /// error = the call's message and call_status = that Status; SyncAllResult::status holds the
  /// first such call-level failure (so `status.ok()` means every batch was answered).
  /// SyncAllOptions::concurrency runs several batches at once (see there). An exception thrown
  /// by the connection is rethrown here after every started batch has finished.
  SyncAllResult SyncAll(MObjectSpan objects, SyncOperation operation,
                        const SyncAllOptions& options = {});

  /// One getMObjects call (one page, at most 100 objects).
  StatusOr<GetMObjectsPage> Get(const GetMObjectsRequest& request);

  /// Walks all pages starting at `request.stream_position`, calling `on_object` for each object
  /// in order; stops early (returning OK) when it returns false. A "Stream at End" fault (20123)
  /// after the first page ends the walk normally. A page claiming more data without a new
  /// stream position fails with kMalformedResponse instead of looping.
  Status ForEachMObject(GetMObjectsRequest request,
                        const std::function<bool(MObject&&)>& on_object);

  /// Collects every object of every page (see ForEachMObject).
  StatusOr<std::vector<MObject>> GetAll(GetMObjectsRequest request);

  /// One deleteMObjects call; each object needs type (Opportunity or OpportunityPersonRole) and
  /// id. Returns one result per object (DELETED, UNCHANGED or FAILED).
  StatusOr<std::vector<SyncResult>> Remove(MObjectSpan objects);

  /// describeMObject for ActivityRecord, LeadRecord, Opportunity or OpportunityPersonRole.
  StatusOr<ObjectMetadata> Describe(const std::string& object_name);

  /// listMObjects: names accepted by Describe().
  StatusOr<std::vector<std::string>> List();

  /// The underlying connection.
  const std::shared_ptr<MObjectConnection>& connection() const noexcept { return connection_; }

 private:
  std::shared_ptr<MObjectConnection> connection_;
};

}  // namespace marketo

#endif  // MARKETO_MOBJECT_CLIENT_H_
