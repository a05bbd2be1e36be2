#ifndef MARKETO_CONNECTION_H_
#define MARKETO_CONNECTION_H_

/// @file
/// Connection: the one transport-neutral interface behind every family client, and
/// MakeConnection(), which builds the SDK's own.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "marketo/campaign_client.h"
#include "marketo/custom_object_client.h"
#include "marketo/lead_client.h"
#include "marketo/list_client.h"
#include "marketo/metadata.h"
#include "marketo/mobject.h"
#include "marketo/operation.h"
#include "marketo/options.h"
#include "marketo/query.h"
#include "marketo/status_or.h"
#include "marketo/sync.h"
#include "marketo/tag_client.h"

namespace marketo {

/// A kUnimplemented Status naming `operation`: what Connection's default methods return.
Status UnimplementedError(Operation operation);

/// One virtual per Marketo SOAP operation, using SDK types only. Every family client
/// (MObjectClient, ...) is a thin handle over a shared Connection, so one connection means one
/// rate limiter, one context pool and one retry policy for all calls to a subscription (Marketo
/// counts its 100 calls per 20 s and 10 concurrent calls per subscription).
///
/// A connection makes single calls: no splitting and no validation (the clients add those). The
/// one built by MakeConnection() retries and rate-limits each call; another implementation need
/// not.
///
/// Every method has a default that returns UnimplementedError(), so a test double overrides just
/// what it needs and keeps compiling when operations are added. Mock it with
/// marketo::mocks::MockConnection.
///
/// @par Thread Safety
/// Implementations must be safe to call from several threads at once.
class Connection {
 public:
  virtual ~Connection() = default;

  /// syncMObjects. On success returns one result per object, in order, with
  /// `SyncResult::index` relative to `objects`.
  virtual StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan /*objects*/,
                                                         SyncOperation /*operation*/) {
    return UnimplementedError(Operation::kSyncMObjects);
  }
  /// getMObjects: one page.
  virtual StatusOr<GetMObjectsPage> GetMObjects(const GetMObjectsRequest& /*request*/) {
    return UnimplementedError(Operation::kGetMObjects);
  }
  /// deleteMObjects; results as for SyncMObjects.
  virtual StatusOr<std::vector<SyncResult>> DeleteMObjects(MObjectSpan /*objects*/) {
    return UnimplementedError(Operation::kDeleteMObjects);
  }
  /// describeMObject.
  virtual StatusOr<ObjectMetadata> DescribeMObject(const std::string& /*object_name*/) {
    return UnimplementedError(Operation::kDescribeMObject);
  }
  /// listMObjects.
  virtual StatusOr<std::vector<std::string>> ListMObjects() {
    return UnimplementedError(Operation::kListMObjects);
  }

  /// syncLead (with the MktowsContextHeader when the request names a workspace).
  virtual StatusOr<SyncLeadResult> SyncLead(const SyncLeadRequest& /*request*/) {
    return UnimplementedError(Operation::kSyncLead);
  }
  /// syncMultipleLeads. On success returns one result per lead, in order, with
  /// `LeadSyncResult::index` relative to `request.leads`.
  virtual StatusOr<std::vector<LeadSyncResult>> SyncMultipleLeads(
      const SyncMultipleLeadsRequest& /*request*/) {
    return UnimplementedError(Operation::kSyncMultipleLeads);
  }
  /// getLead: every lead the key matches.
  virtual StatusOr<std::vector<LeadRecord>> GetLead(const LeadKey& /*key*/) {
    return UnimplementedError(Operation::kGetLead);
  }
  /// getMultipleLeads: one page.
  virtual StatusOr<LeadsPage> GetMultipleLeads(const GetMultipleLeadsRequest& /*request*/) {
    return UnimplementedError(Operation::kGetMultipleLeads);
  }
  /// getLeadActivity: one page.
  virtual StatusOr<ActivityPage> GetLeadActivity(const GetLeadActivityRequest& /*request*/) {
    return UnimplementedError(Operation::kGetLeadActivity);
  }
  /// getLeadChanges: one page.
  virtual StatusOr<ActivityPage> GetLeadChanges(const GetLeadChangesRequest& /*request*/) {
    return UnimplementedError(Operation::kGetLeadChanges);
  }
  /// mergeLeads.
  virtual StatusOr<MergeLeadsResult> MergeLeads(const MergeLeadsRequest& /*request*/) {
    return UnimplementedError(Operation::kMergeLeads);
  }

  /// syncCustomObjects. On success returns one result per record, in order, with
  /// `CustomObjectResult::index` relative to `request.objects`.
  virtual StatusOr<std::vector<CustomObjectResult>> SyncCustomObjects(
      const SyncCustomObjectsRequest& /*request*/) {
    return UnimplementedError(Operation::kSyncCustomObjects);
  }
  /// deleteCustomObjects; results as for SyncCustomObjects, relative to `request.keys`.
  virtual StatusOr<std::vector<CustomObjectResult>> DeleteCustomObjects(
      const DeleteCustomObjectsRequest& /*request*/) {
    return UnimplementedError(Operation::kDeleteCustomObjects);
  }
  /// getCustomObjects: one page.
  virtual StatusOr<CustomObjectsPage> GetCustomObjects(const GetCustomObjectsRequest& /*request*/) {
    return UnimplementedError(Operation::kGetCustomObjects);
  }
  /// getCampaignsForSource.
  virtual StatusOr<std::vector<CampaignRecord>> GetCampaignsForSource(
      const GetCampaignsForSourceRequest& /*request*/) {
    return UnimplementedError(Operation::kGetCampaignsForSource);
  }
  /// requestCampaign: one call, at most kMaxCampaignLeadsPerCall leads.
  virtual StatusOr<CampaignCallResult> RequestCampaign(const RequestCampaignRequest& /*request*/) {
    return UnimplementedError(Operation::kRequestCampaign);
  }
  /// scheduleCampaign.
  virtual StatusOr<CampaignCallResult> ScheduleCampaign(
      const ScheduleCampaignRequest& /*request*/) {
    return UnimplementedError(Operation::kScheduleCampaign);
  }
  /// getChannels.
  virtual StatusOr<std::vector<Channel>> GetChannels(const GetChannelsRequest& /*request*/) {
    return UnimplementedError(Operation::kGetChannels);
  }
  /// getTags.
  virtual StatusOr<std::vector<TagType>> GetTags(const GetTagsRequest& /*request*/) {
    return UnimplementedError(Operation::kGetTags);
  }
  /// getImportToListStatus.
  virtual StatusOr<ImportStatusInfo> GetImportToListStatus(const ImportStatusRequest& /*request*/) {
    return UnimplementedError(Operation::kGetImportToListStatus);
  }
  /// importToList.
  virtual StatusOr<ImportToListResult> ImportToList(const ImportToListRequest& /*request*/) {
    return UnimplementedError(Operation::kImportToList);
  }
  /// listOperation: one call of at most 1000 leads.
  virtual StatusOr<ListOperationResult> ListOperation(const ListOperationRequest& /*request*/) {
    return UnimplementedError(Operation::kListOperation);
  }

  /// For batch helpers such as MObjectClient::SyncAll, which prepare the next request while
  /// others are on the wire. Returns a connection that makes the same calls through the same
  /// pool, limiter and retry policy, except that at most `max_on_wire` of the calls made through
  /// it are on the wire at once: a call waits for a wire slot just before its request's first
  /// byte and frees it when its whole response has arrived. So callers beyond `max_on_wire` can
  /// build requests and parse responses meanwhile, while the server never sees more than
  /// `max_on_wire` of them.
  ///
  /// Returns nullptr when the connection cannot tell when a request is on the wire; that is the
  /// default, and batch helpers then run one caller per slot. The SDK's own connections support
  /// it.
  virtual std::shared_ptr<Connection> WireLimited(std::size_t /*max_on_wire*/) { return nullptr; }
};

/// Creates the SDK's gSOAP-backed connection: every call runs through the retry loop
/// (`options.retry`, see retry.h) and the client-side limiter (`options.limits`, see limits.h),
/// and every attempt carries a freshly signed AuthenticationHeader. Share the result between all
/// family clients of one subscription.
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
std::shared_ptr<Connection> MakeConnection(ClientOptions options);

}  // namespace marketo

#endif  // MARKETO_CONNECTION_H_
