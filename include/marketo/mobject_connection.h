#ifndef MARKETO_MOBJECT_CONNECTION_H_
#define MARKETO_MOBJECT_CONNECTION_H_

/// @file
/// MObjectConnection: the transport-facing interface behind MObjectClient (and the test seam).

#include <memory>
#include <string>
#include <vector>

#include "marketo/metadata.h"
#include "marketo/mobject.h"
#include "marketo/options.h"
#include "marketo/query.h"
#include "marketo/status_or.h"
#include "marketo/sync.h"

namespace marketo {

/// One virtual per MObject operation, using SDK types only. No splitting and no validation
/// (MObjectClient adds those). The connection built by MakeMObjectConnection() retries and
/// rate-limits each call (retry.h, limits.h); a custom implementation need not.
///
/// Implementations must be safe to call from several threads at once. Mock it with
/// marketo::mocks::MockMObjectConnection to test code that uses MObjectClient.
class MObjectConnection {
 public:
  virtual ~MObjectConnection() = default;

  /// syncMObjects. On success returns one result per object, in order, with
  /// `SyncResult::index` relative to `objects`.
  virtual StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan objects,
                                                         SyncOperation operation) = 0;
  /// getMObjects: one page.
  virtual StatusOr<GetMObjectsPage> GetMObjects(const GetMObjectsRequest& request) = 0;
  /// deleteMObjects; results as for SyncMObjects.
  virtual StatusOr<std::vector<SyncResult>> DeleteMObjects(MObjectSpan objects) = 0;
  /// describeMObject.
  virtual StatusOr<ObjectMetadata> DescribeMObject(const std::string& object_name) = 0;
  /// listMObjects.
  virtual StatusOr<std::vector<std::string>> ListMObjects() = 0;
};

/// Creates the real gSOAP-backed connection stack: the retry loop (`options.retry`, see retry.h)
/// over the client-side limiter (`options.limits`, see limits.h) over the SOAP transport. Every
/// attempt passes through the limiter and carries a freshly signed AuthenticationHeader. The
/// limiter and the retry random source are shared by all calls made through the returned object.
///
/// Thread safety: the connection may be shared by any number of threads. Each call borrows a
/// gSOAP context from a bounded pool (at most `options.max_connections`, created lazily; a call
/// waits while all are busy); each context keeps its own HTTP keep-alive connection, so
/// consecutive calls reuse TCP/TLS sessions.
///
/// SIGPIPE: the connection sends with MSG_NOSIGNAL and, because OpenSSL writes with write(),
/// additionally blocks SIGPIPE in the calling thread for the duration of each call and discards
/// a SIGPIPE that became pending meanwhile, so a peer closing early never kills the process.
///
/// Never fails: option problems (e.g. an unreadable CA file) surface as the first call's error.
std::shared_ptr<MObjectConnection> MakeMObjectConnection(ClientOptions options);

}  // namespace marketo

#endif  // MARKETO_MOBJECT_CONNECTION_H_
