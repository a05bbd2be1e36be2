#include "marketo/mobject_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "marketo/mocks/mock_mobject_connection.h"
#include "support/numbered_objects.h"

namespace {

using marketo::GetMObjectsPage;
using marketo::GetMObjectsRequest;
using marketo::MObject;
using marketo::MObjectClient;
using marketo::MObjectSpan;
using marketo::Opportunity;
using marketo::Status;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::SyncOperation;
using marketo::SyncResult;
using marketo::SyncStatus;
using marketo::mocks::MockMObjectConnection;
using marketo_test::Numbered;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::Return;

// Echoes one CREATED result per object, with the object's Name parsed as its id.
StatusOr<std::vector<SyncResult>> EchoCreated(MObjectSpan objects, SyncOperation) {
  std::vector<SyncResult> out;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    SyncResult r;
    r.index = i;
    r.id = std::stoll(*objects[i].Find("Name"));
    r.status = SyncStatus::kCreated;
    r.raw_status = "CREATED";
    out.push_back(r);
  }
  return out;
}

TEST(MObjectClient, SyncValidatesBeforeAnyCall) {
  auto mock = std::make_shared<MockMObjectConnection>();
  EXPECT_CALL(*mock, SyncMObjects).Times(0);
  MObjectClient client(mock);
  std::vector<MObject> v{marketo::Program(1).AddTag("Channel", "Webinar")};
  auto r = client.Sync(v, SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  auto too_many = client.Sync(Numbered(101), SyncOperation::kInsert);
  EXPECT_EQ(too_many.status().code(), StatusCode::kInvalidArgument);
}

TEST(MObjectClient, SyncDetectsStatusCountMismatch) {
  auto mock = std::make_shared<MockMObjectConnection>();
  EXPECT_CALL(*mock, SyncMObjects).WillOnce(Return(std::vector<SyncResult>(1)));
  MObjectClient client(mock);
  auto r = client.Sync(Numbered(2), SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResponseMismatch);
}

TEST(MObjectClient, SyncAllSplits250Into100And100And50InInputOrder) {
  auto mock = std::make_shared<MockMObjectConnection>();
  std::vector<std::size_t> sizes;
  EXPECT_CALL(*mock, SyncMObjects(_, SyncOperation::kInsert))
      .Times(3)
      .WillRepeatedly(Invoke([&](MObjectSpan objects, SyncOperation op) {
        sizes.push_back(objects.size());
        return EchoCreated(objects, op);
      }));
  MObjectClient client(mock);
  std::vector<std::pair<std::size_t, std::size_t>> progress;
  marketo::SyncAllOptions opts;
  opts.progress = [&](std::size_t done, std::size_t total) { progress.emplace_back(done, total); };
  auto all = client.SyncAll(Numbered(250), SyncOperation::kInsert, opts);
  EXPECT_TRUE(all.status.ok());
  EXPECT_EQ(sizes, (std::vector<std::size_t>{100, 100, 50}));
  EXPECT_EQ(all.calls, 3u);
  ASSERT_EQ(all.results.size(), 250u);
  for (std::size_t i = 0; i < 250; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    EXPECT_EQ(all.results[i].id, static_cast<std::int64_t>(1000 + i));
    EXPECT_EQ(all.results[i].status, SyncStatus::kCreated);
  }
  EXPECT_EQ(progress.back(), std::make_pair(std::size_t{250}, std::size_t{250}));
}

TEST(MObjectClient, SyncAllReportsFailedBatchPerObjectAndContinues) {
  auto mock = std::make_shared<MockMObjectConnection>();
  marketo::ErrorInfo info;
  info.marketo_error_code = 20011;
  const Status boom(StatusCode::kSoapFault, "syncMObjects: SOAP fault 20011: Internal Error", info);
  EXPECT_CALL(*mock, SyncMObjects)
      .WillOnce(Invoke(EchoCreated))
      .WillOnce(Return(boom))
      .WillOnce(Invoke(EchoCreated));
  MObjectClient client(mock);
  auto all = client.SyncAll(Numbered(250), SyncOperation::kInsert);
  EXPECT_EQ(all.status, boom);
  EXPECT_EQ(all.failed_calls, 1u);
  ASSERT_EQ(all.results.size(), 250u);
  EXPECT_EQ(all.results[99].status, SyncStatus::kCreated);
  for (std::size_t i = 100; i < 200; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    EXPECT_EQ(all.results[i].status, SyncStatus::kFailed);
    EXPECT_THAT(all.results[i].error, HasSubstr("20011"));
    EXPECT_EQ(all.results[i].call_status.marketo_error_code(), 20011);
  }
  EXPECT_EQ(all.results[200].status, SyncStatus::kCreated);
  EXPECT_EQ(all.results[249].id, 1249);
}

TEST(MObjectClient, SyncAllStopOnCallErrorDoesNotSendLaterBatches) {
  auto mock = std::make_shared<MockMObjectConnection>();
  EXPECT_CALL(*mock, SyncMObjects)
      .WillOnce(Return(Status(StatusCode::kSoapFault, "SOAP fault 20014: Authentication failed")));
  MObjectClient client(mock);
  marketo::SyncAllOptions opts;
  opts.stop_on_call_error = true;
  auto all = client.SyncAll(Numbered(150), SyncOperation::kInsert, opts);
  EXPECT_EQ(all.calls, 1u);
  EXPECT_EQ(all.status.code(), StatusCode::kSoapFault);
  EXPECT_EQ(all.results[149].status, SyncStatus::kFailed);
  EXPECT_THAT(all.results[149].error, HasSubstr("not sent"));
}

TEST(MObjectClient, SyncAllRejectsInvalidObjectsWithoutSendingThem) {
  auto mock = std::make_shared<MockMObjectConnection>();
  std::vector<MObject> v = Numbered(5);
  v[2] = marketo::Program(1).AddTag("Channel", "Webinar");  // Program + INSERT: rejected
  std::vector<std::string> sent_names;
  EXPECT_CALL(*mock, SyncMObjects).WillOnce(Invoke([&](MObjectSpan objects, SyncOperation op) {
    for (const auto& o : objects) sent_names.push_back(*o.Find("Name"));
    return EchoCreated(objects, op);
  }));
  MObjectClient client(mock);
  auto all = client.SyncAll(v, SyncOperation::kInsert);
  EXPECT_TRUE(all.status.ok());
  EXPECT_EQ(sent_names, (std::vector<std::string>{"1000", "1001", "1003", "1004"}));
  EXPECT_EQ(all.results[2].status, SyncStatus::kFailed);
  EXPECT_EQ(all.results[2].call_status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(all.results[2].error, HasSubstr("object[2] Program: Program supports only UPDATE"));
  EXPECT_EQ(all.results[3].id, 1003);
  EXPECT_EQ(all.results[3].index, 3u);
  EXPECT_EQ(marketo::Summarize(all.results).rejected, 1u);
}

TEST(MObjectClient, SyncAllMismatchFailsTheBatch) {
  auto mock = std::make_shared<MockMObjectConnection>();
  EXPECT_CALL(*mock, SyncMObjects).WillOnce(Return(std::vector<SyncResult>(3)));
  MObjectClient client(mock);
  auto all = client.SyncAll(Numbered(4), SyncOperation::kInsert);
  EXPECT_EQ(all.status.code(), StatusCode::kResponseMismatch);
  EXPECT_EQ(all.results[0].status, SyncStatus::kFailed);
}

GetMObjectsPage Page(const std::vector<std::int64_t>& ids, bool more, std::string next) {
  GetMObjectsPage p;
  for (auto id : ids) p.objects.push_back(Opportunity(id));
  p.return_count = static_cast<int>(ids.size());
  p.has_more = more;
  p.new_stream_position = std::move(next);
  return p;
}

TEST(MObjectClient, ForEachWalksPagesWithStreamPosition) {
  auto mock = std::make_shared<MockMObjectConnection>();
  std::vector<std::string> positions;
  EXPECT_CALL(*mock, GetMObjects)
      .Times(3)
      .WillRepeatedly(Invoke([&](const GetMObjectsRequest& r) -> StatusOr<GetMObjectsPage> {
        positions.push_back(r.stream_position);
        if (r.stream_position.empty()) return Page({1, 2}, true, "p2");
        if (r.stream_position == "p2") return Page({3}, true, "p3");
        return Page({4}, false, "");
      }));
  MObjectClient client(mock);
  GetMObjectsRequest req;
  req.type = "Opportunity";
  auto all = client.GetAll(req);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[3].id, 4);
  EXPECT_EQ(positions, (std::vector<std::string>{"", "p2", "p3"}));
}

TEST(MObjectClient, ForEachStopsEarlyAndGuardsAgainstLoops) {
  auto mock = std::make_shared<MockMObjectConnection>();
  EXPECT_CALL(*mock, GetMObjects).WillOnce(Return(Page({1, 2}, true, "p2")));
  MObjectClient client(mock);
  GetMObjectsRequest req;
  req.type = "Program";
  int seen = 0;
  EXPECT_TRUE(client.ForEachMObject(req, [&](MObject&&) { return ++seen < 1; }).ok());
  EXPECT_EQ(seen, 1);

  auto loop = std::make_shared<MockMObjectConnection>();
  EXPECT_CALL(*loop, GetMObjects).WillOnce(Return(Page({1}, true, "")));
  EXPECT_EQ(MObjectClient(loop).GetAll(req).status().code(), StatusCode::kMalformedResponse);
}

TEST(MObjectClient, StreamAtEndFaultEndsWalk) {
  auto mock = std::make_shared<MockMObjectConnection>();
  marketo::ErrorInfo info;
  info.marketo_error_code = 20123;
  EXPECT_CALL(*mock, GetMObjects)
      .WillOnce(Return(Page({1}, true, "p2")))
      .WillOnce(Return(Status(StatusCode::kSoapFault, "Stream at End", info)));
  GetMObjectsRequest req;
  req.type = "Program";
  auto all = MObjectClient(mock).GetAll(req);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
}

TEST(MObjectClient, RemoveDescribeListValidateAndForward) {
  auto mock = std::make_shared<MockMObjectConnection>();
  EXPECT_CALL(*mock, DeleteMObjects).Times(0);
  EXPECT_CALL(*mock, DescribeMObject("Opportunity"))
      .WillOnce(Return(marketo::ObjectMetadata{"Opportunity", std::nullopt, false, false, {}, {}}));
  EXPECT_CALL(*mock, ListMObjects())
      .WillOnce(Return(std::vector<std::string>{"ActivityRecord", "Opportunity"}));
  MObjectClient client(mock);
  std::vector<MObject> no_id{Opportunity()};
  EXPECT_EQ(client.Remove(no_id).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(client.Describe("Nope").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(client.Describe("Opportunity")->name, "Opportunity");
  EXPECT_EQ(client.List()->size(), 2u);
}

}  // namespace
