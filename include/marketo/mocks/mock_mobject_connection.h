#ifndef MARKETO_MOCKS_MOCK_MOBJECT_CONNECTION_H_
#define MARKETO_MOCKS_MOCK_MOBJECT_CONNECTION_H_

/// @file
/// A gmock MObjectConnection for testing code that uses MObjectClient (header-only; link
/// GTest::gmock yourself).

#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "marketo/mobject_connection.h"

namespace marketo {
/// Test doubles for the SDK's interfaces.
namespace mocks {

/// gmock implementation of MObjectConnection. Example:
/// @code
/// auto mock = std::make_shared<marketo::mocks::MockMObjectConnection>();
/// EXPECT_CALL(*mock, ListMObjects())
///     .WillOnce(testing::Return(std::vector<std::string>{"Opportunity"}));
/// marketo::MObjectClient client(mock);
/// @endcode
class MockMObjectConnection : public MObjectConnection {
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
};

}  // namespace mocks
}  // namespace marketo

#endif  // MARKETO_MOCKS_MOCK_MOBJECT_CONNECTION_H_
