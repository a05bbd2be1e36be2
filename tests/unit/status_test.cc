#include "marketo/status.h"

#include <gtest/gtest.h>

#include <string>

#include "marketo/status_or.h"
#include "marketo/sync.h"

namespace {

using marketo::Status;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::SyncStatus;

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_FALSE(s.request_may_have_reached_server());
}

TEST(Status, CarriesErrorInfo) {
  marketo::ErrorInfo info;
  info.http_status = 500;
  info.marketo_error_code = 20014;
  info.fault_code = "SOAP-ENV:Client";
  Status s(StatusCode::kSoapFault, "auth failed", info);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kSoapFault);
  EXPECT_EQ(s.http_status(), 500);
  EXPECT_EQ(s.marketo_error_code(), 20014);
  EXPECT_EQ(s.fault_code(), "SOAP-ENV:Client");
  EXPECT_TRUE(s.request_may_have_reached_server());
  EXPECT_EQ(s.ToString(), "SoapFault: auth failed [HTTP 500] [Marketo 20014]");
}

TEST(StatusOr, ValueAndError) {
  StatusOr<int> good(42);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  EXPECT_EQ(good.value(), 42);

  StatusOr<int> bad(Status(StatusCode::kUnavailable, "refused"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kUnavailable);
  try {
    (void)bad.value();
    FAIL() << "value() must throw";
  } catch (const marketo::RuntimeError& e) {
    EXPECT_EQ(e.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(std::string(e.what()).find("refused"), std::string::npos);
  }
}

TEST(StatusOr, OkStatusIsTurnedIntoInternal) {
  StatusOr<int> s{Status()};
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInternal);
}

TEST(SyncStatusMapping, EveryWireValueMaps) {
  EXPECT_EQ(marketo::ParseSyncStatus("CREATED"), SyncStatus::kCreated);
  EXPECT_EQ(marketo::ParseSyncStatus("UPDATED"), SyncStatus::kUpdated);
  EXPECT_EQ(marketo::ParseSyncStatus("DELETED"), SyncStatus::kDeleted);
  EXPECT_EQ(marketo::ParseSyncStatus("UNCHANGED"), SyncStatus::kUnchanged);
  EXPECT_EQ(marketo::ParseSyncStatus("SKIPPED"), SyncStatus::kSkipped);
  EXPECT_EQ(marketo::ParseSyncStatus("FAILED"), SyncStatus::kFailed);
}

TEST(SyncStatusMapping, UnknownValuesAreKUnknown) {
  EXPECT_EQ(marketo::ParseSyncStatus("MERGED"), SyncStatus::kUnknown);
  EXPECT_EQ(marketo::ParseSyncStatus("created"), SyncStatus::kUnknown);
  EXPECT_EQ(marketo::ParseSyncStatus(""), SyncStatus::kUnknown);
}

TEST(SyncStatusMapping, ToStringRoundTrips) {
  for (auto s : {SyncStatus::kCreated, SyncStatus::kUpdated, SyncStatus::kDeleted,
                 SyncStatus::kUnchanged, SyncStatus::kSkipped, SyncStatus::kFailed}) {
    EXPECT_EQ(marketo::ParseSyncStatus(marketo::ToString(s)), s);
  }
}

TEST(SyncOperationMapping, RoundTrips) {
  for (auto op : {marketo::SyncOperation::kInsert, marketo::SyncOperation::kUpdate,
                  marketo::SyncOperation::kUpsert}) {
    EXPECT_EQ(marketo::ParseSyncOperation(marketo::ToString(op)), op);
  }
  EXPECT_FALSE(marketo::ParseSyncOperation("upsert").has_value());
}

TEST(Summary, CountsByStatusAndRejections) {
  std::vector<marketo::SyncResult> r(4);
  r[0].status = SyncStatus::kCreated;
  r[1].status = SyncStatus::kFailed;
  r[2].status = SyncStatus::kFailed;
  r[2].call_status = Status(StatusCode::kInvalidArgument, "bad");
  r[3].status = SyncStatus::kUnknown;
  auto s = marketo::Summarize(r);
  EXPECT_EQ(s.created, 1u);
  EXPECT_EQ(s.failed, 2u);
  EXPECT_EQ(s.rejected, 1u);
  EXPECT_EQ(s.unknown, 1u);
}

}  // namespace
