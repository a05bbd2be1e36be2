// A per-object status that contradicts the request (issue 15, case 13) is flagged in that
// object's result instead of passing as a success; canned answers through the Wire seam.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "marketo/mobject_client.h"
#include "operations/soap_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo::MObject;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::Envelope;
using marketo_test::HttpReply;
using ::testing::HasSubstr;

std::string Statuses(const std::string& items) {
  return HttpReply(Envelope("<ns1:successSyncMObjects><result><mObjStatusList>" + items +
                            "</mObjStatusList></result></ns1:successSyncMObjects>"));
}

std::string Item(long long id, const char* status) {
  return "<mObjStatus><id>" + std::to_string(id) + "</id><status>" + status +
         "</status></mObjStatus>";
}

std::vector<marketo::SyncResult> Sync(const std::vector<MObject>& objects, SyncOperation op,
                                      const std::string& reply) {
  auto wire = std::make_shared<marketo_test::ScriptedWire>();
  wire->Push(reply);
  marketo::ClientOptions o;
  o.endpoint = "http://mock.invalid/soap/mktows/3_1";
  o.credentials = {"user", "key-for-the-wire-test"};
  marketo::MObjectClient client(marketo::internal::MakeSoapConnection(o, wire));
  auto r = client.Sync(objects, op);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<marketo::SyncResult>{};
}

TEST(SyncContradiction, UpdateAnsweredCreatedWithAnotherIdIsNotCreated) {
  auto r = Sync({marketo::Opportunity(64).SetAmount("1")}, SyncOperation::kUpdate,
                Statuses(Item(999999, "CREATED")));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, SyncStatus::kUnknown);
  EXPECT_EQ(r[0].raw_status, "CREATED");
  EXPECT_EQ(r[0].id, 999999);
  EXPECT_THAT(r[0].error, HasSubstr("status CREATED contradicts UPDATE"));
  EXPECT_EQ(marketo::Summarize(r).created, 0u);
}

TEST(SyncContradiction, InsertAnsweredUpdatedIsFlagged) {
  auto r = Sync({marketo::Opportunity().SetName("n")}, SyncOperation::kInsert,
                Statuses(Item(7, "UPDATED")));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, SyncStatus::kUnknown);
  EXPECT_THAT(r[0].error, HasSubstr("status UPDATED contradicts INSERT"));
}

TEST(SyncContradiction, AnotherIdThanTheOneSentIsFlagged) {
  auto r = Sync({marketo::Opportunity(64).SetAmount("1"), marketo::Opportunity(65).SetAmount("2")},
                SyncOperation::kUpsert, Statuses(Item(64, "UPDATED") + Item(66, "UPDATED")));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].status, SyncStatus::kUpdated);
  EXPECT_TRUE(r[0].error.empty());
  EXPECT_EQ(r[1].status, SyncStatus::kUnknown);
  EXPECT_EQ(r[1].raw_status, "UPDATED");
  EXPECT_THAT(r[1].error, HasSubstr("id 66 but id 65 was sent"));
}

TEST(SyncContradiction, ConsistentAnswersPass) {
  auto r = Sync({marketo::Opportunity().SetName("n"), marketo::Opportunity(5).SetAmount("1")},
                SyncOperation::kUpsert, Statuses(Item(9, "CREATED") + Item(5, "UNCHANGED")));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].status, SyncStatus::kCreated);
  EXPECT_EQ(r[1].status, SyncStatus::kUnchanged);
}

}  // namespace
