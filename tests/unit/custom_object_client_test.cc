// CustomObjectClient over the shipped gmock connection: validation before any call (errors name
// the index and field), splitting any count into calls of at most 100 with one result per input
// in input order, and the walk's stop and resume.
#include "marketo/custom_object_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "marketo/mocks/mock_connection.h"

namespace {

using marketo::CustomObject;
using marketo::CustomObjectClient;
using marketo::CustomObjectResult;
using marketo::CustomObjectStatus;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::SyncCustomObjectsRequest;
using marketo::SyncOperation;
using marketo::mocks::MockConnection;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Return;

std::vector<CustomObject> Cars(std::size_t n) {
  std::vector<CustomObject> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i].Key("VIN", "V" + std::to_string(i)).Set("MKTOID", "1");
  return v;
}

// Answers CREATED for every record, echoing its key.
StatusOr<std::vector<CustomObjectResult>> EchoCreated(const SyncCustomObjectsRequest& r) {
  std::vector<CustomObjectResult> out;
  for (std::size_t i = 0; i < r.objects.size(); ++i) {
    CustomObjectResult res;
    res.index = i;
    res.keys = r.objects[i].keys;
    res.status = CustomObjectStatus::kCreated;
    res.raw_status = "CREATED";
    out.push_back(res);
  }
  return out;
}

TEST(CustomObjectClient, SplitsIntoCallsOfAtMost100AndKeepsInputOrder) {
  auto mock = std::make_shared<MockConnection>();
  std::vector<std::size_t> sizes;
  EXPECT_CALL(*mock, SyncCustomObjects(_)).WillRepeatedly([&](const SyncCustomObjectsRequest& r) {
    sizes.push_back(r.objects.size());
    EXPECT_EQ(r.object_name, "Car");
    EXPECT_EQ(r.operation, SyncOperation::kUpdate);
    return EchoCreated(r);
  });
  CustomObjectClient client(mock);
  marketo::CustomObjectBatchOptions options;
  options.batch_size = 500;  // more than a call may carry: 100
  const auto cars = Cars(250);
  auto r = client.SyncCustomObjects("Car", cars, SyncOperation::kUpdate, options);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(sizes, (std::vector<std::size_t>{100, 100, 50}));
  EXPECT_EQ(r.calls, 3u);
  ASSERT_EQ(r.results.size(), 250u);
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    EXPECT_EQ(r.results[i].index, i);
    EXPECT_EQ(r.results[i].keys[0].value, "V" + std::to_string(i));
  }
}

TEST(CustomObjectClient, InvalidRecordsAreNotSentAndNameIndexAndField) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, SyncCustomObjects(_)).WillOnce([](const SyncCustomObjectsRequest& r) {
    EXPECT_EQ(r.objects.size(), 1u);
    return EchoCreated(r);
  });
  std::vector<CustomObject> cars = Cars(5);
  cars[0].keys.clear();
  cars[1].keys.push_back({"", "x", std::nullopt});
  cars[2].keys.push_back({"VIN", "again", std::nullopt});
  cars[3].Set("VIN", "also-in-attributes");
  CustomObjectClient client(mock);
  auto r = client.SyncCustomObjects("Car", cars, SyncOperation::kUpsert);
  EXPECT_TRUE(r.status.ok());
  EXPECT_EQ(r.results[0].error, "customObj[0] has no key (customObjKeyList is empty)");
  EXPECT_EQ(r.results[1].error, "customObj[1] customObjKeyList[1] has no name");
  EXPECT_EQ(r.results[2].error, "customObj[2] customObjKeyList: \"VIN\" is given twice");
  EXPECT_EQ(r.results[3].error,
            "customObj[3] customObjAttributeList: \"VIN\" is also in the other list of the record");
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(r.results[i].status, CustomObjectStatus::kFailed);
    EXPECT_EQ(r.results[i].call_status.code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(r.results[4].status, CustomObjectStatus::kCreated);
  EXPECT_EQ(r.results[4].index, 4u);
}

TEST(CustomObjectClient, AnEmptyObjectNameFailsEveryInputWithoutACall) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, SyncCustomObjects(_)).Times(0);
  EXPECT_CALL(*mock, DeleteCustomObjects(_)).Times(0);
  CustomObjectClient client(mock);
  auto r = client.SyncCustomObjects("", Cars(3), SyncOperation::kUpsert);
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(r.results.size(), 3u);
  EXPECT_EQ(r.results[2].error, "objTypeName is empty");
  EXPECT_EQ(r.calls, 0u);
  std::vector<marketo::CustomObjectKey> keys{{}};
  auto d = client.DeleteCustomObjects("Car", keys);
  EXPECT_EQ(d.results[0].error, "keyList[0] is empty");
}

TEST(CustomObjectClient, ACallFailureFailsItsBatchOnly) {
  auto mock = std::make_shared<MockConnection>();
  int call = 0;
  EXPECT_CALL(*mock, SyncCustomObjects(_))
      .WillRepeatedly(
          [&](const SyncCustomObjectsRequest& r) -> StatusOr<std::vector<CustomObjectResult>> {
            if (++call == 2) return marketo::Status(StatusCode::kUnavailable, "down");
            return EchoCreated(r);
          });
  CustomObjectClient client(mock);
  auto r = client.SyncCustomObjects("Car", Cars(250), SyncOperation::kUpsert);
  EXPECT_EQ(r.status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.failed_calls, 1u);
  EXPECT_EQ(r.results[99].status, CustomObjectStatus::kCreated);
  EXPECT_EQ(r.results[100].status, CustomObjectStatus::kFailed);
  EXPECT_EQ(r.results[199].call_status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.results[200].status, CustomObjectStatus::kCreated);
}

TEST(CustomObjectClient, OneCallValidation) {
  SyncCustomObjectsRequest r;
  r.object_name = "Car";
  const auto many = Cars(101);
  r.objects = many;
  EXPECT_THAT(marketo::ValidateSyncCustomObjectsRequest(r).message(),
              HasSubstr("101 customObj, at most 100 per call"));
  marketo::GetCustomObjectsRequest g;
  g.query.object_name = "Car";
  g.batch_size = 101;
  EXPECT_EQ(marketo::ValidateGetCustomObjectsRequest(g).message(),
            "batchSize must be from 1 to 100, got 101");
  g.batch_size = 10;
  g.query.include_attributes = {"Color", ""};
  EXPECT_EQ(marketo::ValidateGetCustomObjectsRequest(g).message(), "includeAttributes[1] is empty");
  EXPECT_TRUE(marketo::SyncCustomObjectsCreatesUnkeyed({"Car", {}, SyncOperation::kInsert}));
  EXPECT_FALSE(marketo::SyncCustomObjectsCreatesUnkeyed({"Car", many, SyncOperation::kUpsert}));
}

marketo::CustomObjectsPage Page(int first, int n, int remaining, const std::string& next) {
  marketo::CustomObjectsPage p;
  for (int i = first; i < first + n; ++i) {
    p.objects.emplace_back().Key("VIN", "V" + std::to_string(i));
  }
  p.return_count = n;
  p.remaining_count = remaining;
  p.new_stream_position = marketo::StreamPosition(next);
  return p;
}

TEST(CustomObjectClient, WalkStopsEarlyAndResumesFromASavedPosition) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, GetCustomObjects(_))
      .WillRepeatedly([](const marketo::GetCustomObjectsRequest& r) {
        EXPECT_EQ(r.batch_size, 3);
        if (r.stream_position.empty()) {
          return StatusOr<marketo::CustomObjectsPage>(Page(0, 3, 2, "p2"));
        }
        EXPECT_EQ(r.stream_position.text(), "p2");
        return StatusOr<marketo::CustomObjectsPage>(Page(3, 2, 0, ""));
      });
  CustomObjectClient client(mock);
  marketo::ReadCustomObjectsOptions options;
  options.batch_size = 3;
  std::vector<std::string> seen;
  marketo::CustomObjectReadPosition saved;
  auto visit = [&](CustomObject&& o, const marketo::CustomObjectReadPosition& after) {
    seen.push_back(*o.Find("VIN"));
    saved = after;
    return seen.size() < 4;
  };
  ASSERT_TRUE(client.ForEachCustomObject({"Car", {}, {}}, options, visit).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"V0", "V1", "V2", "V3"}));
  options.resume_from = marketo::CustomObjectReadPosition::FromText(saved.text());
  auto rest = client.GetAllCustomObjects({"Car", {}, {}}, options);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ(*(*rest)[0].Find("VIN"), "V4");
  options.resume_from = marketo::CustomObjectReadPosition::FromText("garbage");
  EXPECT_EQ(client.GetAllCustomObjects({"Car", {}, {}}, options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(CustomObjectClient, WalkRefusesAPositionThatDoesNotAdvance) {
  auto mock = std::make_shared<MockConnection>();
  EXPECT_CALL(*mock, GetCustomObjects(_)).WillOnce(Return(Page(0, 1, 5, "")));
  CustomObjectClient client(mock);
  auto r = client.GetAllCustomObjects({"Car", {}, {}});
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse);
}

TEST(CustomObjectClient, StatusNamesRoundTrip) {
  for (auto s :
       {CustomObjectStatus::kCreated, CustomObjectStatus::kUpdated, CustomObjectStatus::kUnchanged,
        CustomObjectStatus::kDeleted, CustomObjectStatus::kSkipped, CustomObjectStatus::kFailed}) {
    EXPECT_EQ(marketo::ParseCustomObjectStatus(marketo::ToString(s)), s);
  }
  EXPECT_EQ(marketo::ParseCustomObjectStatus("UNKNOWN"), CustomObjectStatus::kUnknown);
}

}  // namespace
