// Fault matrix, custom objects: each call's retry rule when its answer is lost (INSERT is never
// repeated once it may have reached the server; UPSERT and UPDATE by key, get and delete are),
// short and unknown status lists, and a walk whose position does not advance.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "fault_matrix.h"

namespace {
using marketo::CustomObject;
using marketo::CustomObjectClient;
using marketo::CustomObjectStatus;
using marketo::Status;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo_test::CountedClient;
using marketo_test::Envelope;
using marketo_test::LoopbackConn;
using marketo_test::LoopbackServer;
using marketo_test::fault_matrix::ExpectNoSecrets;
using marketo_test::fault_matrix::kRawKey;
using marketo_test::fault_matrix::kRetries;
using marketo_test::fault_matrix::Ok;
using marketo_test::fault_matrix::Options;
using marketo_test::fault_matrix::Reply;
using marketo_test::fault_matrix::Timed;

std::vector<CustomObject> TwoCars() {
  std::vector<CustomObject> cars(2);
  cars[0].Key("VIN", "FM-1").Set("MKTOID", "5");
  cars[1].Key("VIN", "FM-2").Set("MKTOID", "6");
  return cars;
}

std::string CarStatuses(const std::vector<std::string>& statuses) {
  std::string s;
  for (const auto& st : statuses) {
    s += "<syncCustomObjStatus><objTypeName>Car</objTypeName><customObjKeyList/><status>" + st +
         "</status><error xsi:nil=\"true\"/></syncCustomObjStatus>";
  }
  return Ok(Envelope("<ns1:successSyncCustomObjects><result><syncCustomObjStatusList>" + s +
                     "</syncCustomObjStatusList></result></ns1:successSyncCustomObjects>"));
}

struct LostAnswerCase {
  const char* id;
  const char* name;
  std::function<Status(CustomObjectClient&)> call;
  int attempts;  // with kRetries retries
};

void PrintTo(const LostAnswerCase& c, std::ostream* os) { *os << c.name; }

Status SyncWith(CustomObjectClient& c, SyncOperation op) {
  return c.SyncCustomObjects("Car", TwoCars(), op).status;
}

std::vector<LostAnswerCase> LostAnswerCases() {
  std::vector<LostAnswerCase> cases;
  cases.push_back({"SyncInsert", "syncCustomObjects INSERT (a repeat inserts again)",
                   [](CustomObjectClient& c) { return SyncWith(c, SyncOperation::kInsert); }, 1});
  cases.push_back({"SyncUpsert", "syncCustomObjects UPSERT by key",
                   [](CustomObjectClient& c) { return SyncWith(c, SyncOperation::kUpsert); },
                   1 + kRetries});
  cases.push_back({"SyncUpdate", "syncCustomObjects UPDATE by key",
                   [](CustomObjectClient& c) { return SyncWith(c, SyncOperation::kUpdate); },
                   1 + kRetries});
  cases.push_back({"Delete", "deleteCustomObjects",
                   [](CustomObjectClient& c) {
                     std::vector<marketo::CustomObjectKey> keys{{{"VIN", "FM-1", std::nullopt}}};
                     return c.DeleteCustomObjects("Car", keys).status;
                   },
                   1 + kRetries});
  cases.push_back({"Get", "getCustomObjects",
                   [](CustomObjectClient& c) {
                     marketo::GetCustomObjectsRequest r;
                     r.query.object_name = "Car";
                     return c.GetCustomObjects(r).status();
                   },
                   1 + kRetries});
  return cases;
}

class FaultMatrixCustomObjectLostAnswer : public ::testing::TestWithParam<LostAnswerCase> {};

// The request arrived whole; the connection is reset before any answer.
TEST_P(FaultMatrixCustomObjectLostAnswer, RetriedOnlyWhenARepeatIsHarmless) {
  const LostAnswerCase& lc = GetParam();
  LoopbackServer server([](LoopbackConn& c) {
    c.ReadRequest();
    c.Reset();
  });
  auto o = Options(server.url());
  CountedClient cc(o);
  const Status s = Timed(o, 1 + kRetries, [&] { return lc.call(cc.custom_objects); });
  ASSERT_FALSE(s.ok()) << lc.name;
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << lc.name << ": " << s.ToString();
  EXPECT_TRUE(s.request_may_have_reached_server()) << lc.name;
  EXPECT_EQ(cc.attempts(), lc.attempts) << lc.name;
  ExpectNoSecrets(s, kRawKey);
}

INSTANTIATE_TEST_SUITE_P(EveryCustomObjectCall, FaultMatrixCustomObjectLostAnswer,
                         ::testing::ValuesIn(LostAnswerCases()),
                         [](const auto& test) { return std::string(test.param.id); });

TEST(FaultMatrixCustomObject, FewerStatusesThanRecordsFailsEveryRecordOfTheBatch) {
  LoopbackServer server(Reply(CarStatuses({"CREATED"})));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto all = Timed(o, 1, [&] {
    return cc.custom_objects.SyncCustomObjects("Car", TwoCars(), SyncOperation::kUpsert);
  });
  EXPECT_EQ(all.status.code(), StatusCode::kResponseMismatch) << all.status.ToString();
  for (const auto& r : all.results) EXPECT_EQ(r.status, CustomObjectStatus::kFailed);
  EXPECT_EQ(cc.attempts(), 1);
}

TEST(FaultMatrixCustomObject, UnknownStatusIsKeptAsUnknown) {
  LoopbackServer server(Reply(CarStatuses({"UPDATED", "SKIPPED_LATER"})));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto all = Timed(o, 1, [&] {
    return cc.custom_objects.SyncCustomObjects("Car", TwoCars(), SyncOperation::kUpsert);
  });
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  EXPECT_EQ(all.results[0].status, CustomObjectStatus::kUpdated);
  EXPECT_EQ(all.results[1].status, CustomObjectStatus::kUnknown);
  EXPECT_EQ(all.results[1].raw_status, "SKIPPED_LATER");
}

TEST(FaultMatrixCustomObject, AWalkWhosePositionDoesNotAdvanceStops) {
  LoopbackServer server(Reply(Ok(Envelope(
      "<ns1:successGetCustomObjects><result><objTypeName>Car</objTypeName><returnCount>0"
      "</returnCount><remainingCount>3</remainingCount><newStreamPosition/><customObjList/>"
      "</result></ns1:successGetCustomObjects>"))));
  auto o = Options(server.url());
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.custom_objects.GetAllCustomObjects({"Car", {}, {}}); });
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse);
  EXPECT_EQ(cc.attempts(), 1);
}

}  // namespace
