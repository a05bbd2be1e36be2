#ifndef MARKETO_MOCKS_MOCK_CONNECTION_H_
#define MARKETO_MOCKS_MOCK_CONNECTION_H_

/// @file
/// A gmock Connection for testing code that uses the SDK's clients (header-only; link
/// GTest::gmock yourself).

#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "marketo/connection.h"

namespace marketo {
/// Test doubles for the SDK's interfaces.
namespace mocks {

/// gmock implementation of Connection: one mocked method per operation. Example:
/// @code
/// auto mock = std::make_shared<marketo::mocks::MockConnection>();
/// EXPECT_CALL(*mock, ListMObjects())
///     .WillOnce(testing::Return(std::vector<std::string>{"Opportunity"}));
/// marketo::MObjectClient client(mock);
/// @endcode
/// WireLimited() is not mocked: it returns nullptr, as for any connection that cannot tell when
/// a request is on the wire.
class MockConnection : public Connection {
 public:
  /// Mocked syncMObjects.
  MOCK_METHOD(StatusOr<std::vector<SyncResult>>, SyncMObjects,
              (MObjectSpan objects, SyncOperation operation), (override));
  /// Mocked getMObjects.
  MOCK_METHOD(StatusOr<GetMObjectsPage>, GetMObjects, (const GetMObjectsRequest& request),
              (override));
  /// Mocked deleteMObjects.
  MOCK_METHOD(StatusOr<std::vector<SyncResult>>, DeleteMObjects, (MObjectSpan objects), (override));
  /// Mocked describeMObject.
  MOCK_METHOD(StatusOr<ObjectMetadata>, DescribeMObject, (const std::string& object_name),
              (override));
  /// Mocked listMObjects.
  MOCK_METHOD(StatusOr<std::vector<std::string>>, ListMObjects, (), (override));
  /// Mocked syncLead.
  MOCK_METHOD(StatusOr<SyncLeadResult>, SyncLead, (const SyncLeadRequest& request), (override));
  /// Mocked syncMultipleLeads.
  MOCK_METHOD(StatusOr<std::vector<LeadSyncResult>>, SyncMultipleLeads,
              (const SyncMultipleLeadsRequest& request), (override));
  /// Mocked getLead.
  MOCK_METHOD(StatusOr<std::vector<LeadRecord>>, GetLead, (const LeadKey& key), (override));
  /// Mocked getMultipleLeads.
  MOCK_METHOD(StatusOr<LeadsPage>, GetMultipleLeads, (const GetMultipleLeadsRequest& request),
              (override));
  /// Mocked getLeadActivity.
  MOCK_METHOD(StatusOr<ActivityPage>, GetLeadActivity, (const GetLeadActivityRequest& request),
              (override));
  /// Mocked getLeadChanges.
  MOCK_METHOD(StatusOr<ActivityPage>, GetLeadChanges, (const GetLeadChangesRequest& request),
              (override));
  /// Mocked mergeLeads.
  MOCK_METHOD(StatusOr<MergeLeadsResult>, MergeLeads, (const MergeLeadsRequest& request),
              (override));
  /// Mocked syncCustomObjects.
  MOCK_METHOD(StatusOr<std::vector<CustomObjectResult>>, SyncCustomObjects,
              (const SyncCustomObjectsRequest& request), (override));
  /// Mocked deleteCustomObjects.
  MOCK_METHOD(StatusOr<std::vector<CustomObjectResult>>, DeleteCustomObjects,
              (const DeleteCustomObjectsRequest& request), (override));
  /// Mocked getCustomObjects.
  MOCK_METHOD(StatusOr<CustomObjectsPage>, GetCustomObjects,
              (const GetCustomObjectsRequest& request), (override));
  /// Mocked getCampaignsForSource.
  MOCK_METHOD(StatusOr<std::vector<CampaignRecord>>, GetCampaignsForSource,
              (const GetCampaignsForSourceRequest& request), (override));
  /// Mocked requestCampaign.
  MOCK_METHOD(StatusOr<CampaignCallResult>, RequestCampaign,
              (const RequestCampaignRequest& request), (override));
  /// Mocked scheduleCampaign.
  MOCK_METHOD(StatusOr<CampaignCallResult>, ScheduleCampaign,
              (const ScheduleCampaignRequest& request), (override));
  /// Mocked getChannels.
  MOCK_METHOD(StatusOr<std::vector<Channel>>, GetChannels, (const GetChannelsRequest& request),
              (override));
  /// Mocked getTags.
  MOCK_METHOD(StatusOr<std::vector<TagType>>, GetTags, (const GetTagsRequest& request), (override));
  /// Mocked getImportToListStatus.
  MOCK_METHOD(StatusOr<ImportStatusInfo>, GetImportToListStatus,
              (const ImportStatusRequest& request), (override));
  /// Mocked importToList.
  MOCK_METHOD(StatusOr<ImportToListResult>, ImportToList, (const ImportToListRequest& request),
              (override));
  /// Mocked listOperation.
  MOCK_METHOD(StatusOr<ListOperationResult>, ListOperation, (const ListOperationRequest& request),
              (override));
};

}  // namespace mocks
}  // namespace marketo

#endif  // MARKETO_MOCKS_MOCK_CONNECTION_H_
