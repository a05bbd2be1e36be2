// The public seam: a user's fake that implements one operation compiles and serves it, every
// other operation answers kUnimplemented, and the old names still work.
#include "marketo/connection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "marketo/mobject_client.h"
#include "marketo/mobject_connection.h"
#include "marketo/mocks/mock_mobject_connection.h"

namespace {

using marketo::Connection;
using marketo::MObjectClient;
using marketo::Operation;
using marketo::StatusCode;
using ::testing::HasSubstr;

// What a user writes to test code that only lists MObject types.
class ListOnly : public Connection {
 public:
  marketo::StatusOr<std::vector<std::string>> ListMObjects() override {
    return std::vector<std::string>{"Opportunity", "Program"};
  }
};

TEST(Connection, AFakeOfOneOperationServesItAndTheOthersAreUnimplemented) {
  MObjectClient client(std::make_shared<ListOnly>());
  auto list = client.List();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->size(), 2u);

  auto describe = client.Describe("Opportunity");
  ASSERT_FALSE(describe.ok());
  EXPECT_EQ(describe.status().code(), StatusCode::kUnimplemented);
  EXPECT_THAT(describe.status().message(), HasSubstr("describeMObject"));
  EXPECT_FALSE(describe.status().request_may_have_reached_server());

  std::vector<marketo::MObject> objects{marketo::Opportunity().SetName("x")};
  auto sync = client.Sync(objects, marketo::SyncOperation::kInsert);
  ASSERT_FALSE(sync.ok());
  EXPECT_EQ(sync.status().code(), StatusCode::kUnimplemented);
  EXPECT_THAT(sync.status().message(), HasSubstr("syncMObjects"));

  marketo::GetMObjectsRequest get;
  get.type = "Opportunity";
  EXPECT_EQ(client.Get(get).status().code(), StatusCode::kUnimplemented);
  objects.front().id = 1;
  EXPECT_EQ(client.Remove(objects).status().code(), StatusCode::kUnimplemented);
}

TEST(Connection, AFakeCannotWorkAheadSoSyncAllMakesWholeCalls) {
  ListOnly fake;
  EXPECT_EQ(fake.WireLimited(4), nullptr);
  MObjectClient client(std::make_shared<ListOnly>());
  std::vector<marketo::MObject> objects(150, marketo::Opportunity().SetName("x"));
  marketo::SyncAllOptions options;
  options.concurrency = 2;
  auto all = client.SyncAll(objects, marketo::SyncOperation::kInsert, options);
  EXPECT_EQ(all.status.code(), StatusCode::kUnimplemented);
  EXPECT_EQ(all.calls, 2u);
  ASSERT_EQ(all.results.size(), 150u);
  EXPECT_EQ(all.results[149].status, marketo::SyncStatus::kFailed);
}

TEST(Connection, UnimplementedErrorNamesEveryOperation) {
  for (std::size_t i = 0; i < marketo::kOperationCount; ++i) {
    const auto op = static_cast<Operation>(i);
    const marketo::Status s = marketo::UnimplementedError(op);
    EXPECT_EQ(s.code(), StatusCode::kUnimplemented);
    EXPECT_THAT(s.message(), HasSubstr(marketo::ToString(op)));
    EXPECT_EQ(marketo::ToString(s.code()), std::string("Unimplemented"));
  }
}

TEST(Connection, OperationNamesRoundTripInWsdlOrder) {
  EXPECT_STREQ(marketo::ToString(Operation::kDeleteMObjects), "deleteMObjects");
  EXPECT_STREQ(marketo::ToString(Operation::kSyncMObjects), "syncMObjects");
  EXPECT_STREQ(marketo::ToString(Operation::kGetTags), "getTags");
  for (std::size_t i = 0; i < marketo::kOperationCount; ++i) {
    const auto op = static_cast<Operation>(i);
    EXPECT_EQ(marketo::ParseOperation(marketo::ToString(op)), op);
  }
  EXPECT_EQ(marketo::ParseOperation("SyncMObjects"), std::nullopt);
  EXPECT_EQ(marketo::ParseOperation(""), std::nullopt);
}

TEST(Connection, TheFirstNamesAreTheSameTypes) {
  static_assert(std::is_same_v<marketo::MObjectConnection, Connection>);
  static_assert(
      std::is_same_v<marketo::mocks::MockMObjectConnection, marketo::mocks::MockConnection>);
  // MakeMObjectConnection builds the same stack as MakeConnection; a call without an endpoint
  // fails before any I/O.
  std::shared_ptr<Connection> c = marketo::MakeMObjectConnection(marketo::ClientOptions{});
  auto r = c->ListMObjects();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(r.status().request_may_have_reached_server());
}

TEST(Connection, TheSdkConnectionCanWorkAhead) {
  auto c = marketo::MakeConnection(marketo::ClientOptions{});
  auto view = c->WireLimited(3);
  ASSERT_NE(view, nullptr);
  EXPECT_NE(view.get(), c.get());
  // A view makes the same calls.
  EXPECT_EQ(view->ListMObjects().status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
