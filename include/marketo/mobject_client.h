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

#include "marketo/connection.h"
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
  /// validation count as finished from the first call on. When SyncAll runs more than one
  /// worker (see `concurrency`) it is called from the worker threads, but never by two threads
  /// at once, and `done` never decreases.
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// Number of requests on the wire at once (0 is treated as 1): the server never has more
  /// than this many of SyncAll's calls at a time. Default 1: one batch after the other.
  ///
  /// With the SDK's own connection (MakeConnection()), SyncAll runs 2 x N workers (the calling
  /// thread plus threads it starts and joins before returning) of which N may be on the wire
  /// (Connection::WireLimited): the others validate, build and serialise the next request, or
  /// parse the last response, meanwhile, so the client's own work overlaps the server's. With a
  /// connection that cannot work ahead (a user's, a mock) it runs N workers, each making whole
  /// calls. Results are one per input, in input order, whatever the concurrency.
  ///
  /// The connection also bounds it: ClientOptions::max_connections (gSOAP contexts, default
  /// 10; one per worker) and LimitOptions::max_in_flight (calls, default 10) make extra workers
  /// wait, and the rate window (100 calls per 20 s by default) still applies. Batches are
  /// independent: a failing batch fails only its own objects. With stop_on_call_error, SyncAll
  /// prepares nothing ahead (N workers); batches already in flight finish normally and only
  /// batches not yet started are "not sent". SyncAllResult::status is the failure of the first
  /// failed batch in input order.
  std::size_t concurrency = 1;
};

/// A cheap, copyable handle over a shared Connection. Copies share the connection, and so may
/// the other family clients; the client is safe to use from several threads at once (see
/// MakeConnection).
///
/// Every operation validates its input before any I/O (see validation.h) and reports failures
/// as Status; no exception is thrown except by StatusOr::value().
class MObjectClient {
 public:
  /// Uses `connection` for every call. It must not be null.
  explicit MObjectClient(std::shared_ptr<Connection> connection);
  /// Convenience: MObjectClient(MakeConnection(std::move(options))).
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
  const std::shared_ptr<Connection>& connection() const noexcept { return connection_; }

 private:
  std::shared_ptr<Connection> connection_;
};

}  // namespace marketo

#endif  // MARKETO_MOBJECT_CLIENT_H_
