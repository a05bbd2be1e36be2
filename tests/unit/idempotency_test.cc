// The idempotency table: one rule per WSDL operation, the same table in the README, applied per
// call, and overridable by the caller.
#include "marketo/idempotency.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "marketo/mobject_client.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"

namespace {

using marketo::CallDescription;
using marketo::Idempotency;
using marketo::IdempotencyRule;
using marketo::Operation;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo_test::FakeConnection;
using marketo_test::FakeTime;
using marketo_test::Transport;

// The rows of the README's idempotency table: `operation` -> rule name.
std::map<std::string, std::string> ReadmeTable() {
  std::ifstream in(std::string(MARKETO_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  std::map<std::string, std::string> rows;
  const std::regex row(
      R"(^\| `([A-Za-z]+)` \| (Idempotent|NonIdempotent|UnlessCreatesUnkeyed) \|)");
  std::string line;
  while (std::getline(text, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) rows[m[1]] = m[2];
  }
  return rows;
}

TEST(IdempotencyTable, TheReadmePrintsTheTableTheCodeUses) {
  const auto rows = ReadmeTable();
  EXPECT_EQ(rows.size(), marketo::kOperationCount);
  for (std::size_t i = 0; i < marketo::kOperationCount; ++i) {
    const auto op = static_cast<Operation>(i);
    auto it = rows.find(marketo::ToString(op));
    ASSERT_NE(it, rows.end()) << "README has no row for " << marketo::ToString(op);
    EXPECT_EQ(it->second, marketo::ToString(marketo::DefaultIdempotencyRule(op)))
        << marketo::ToString(op);
  }
}

TEST(IdempotencyTable, RulesOfTheIssues) {
  using R = IdempotencyRule;
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kGetMObjects), R::kIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kDeleteMObjects), R::kIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kSyncMObjects), R::kUnlessCreatesUnkeyed);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kRequestCampaign), R::kNonIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kScheduleCampaign), R::kNonIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kImportToList), R::kNonIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kMergeLeads), R::kNonIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kListOperation), R::kIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kSyncLead), R::kUnlessCreatesUnkeyed);
  EXPECT_EQ(marketo::DefaultIdempotencyRule(Operation::kSyncCustomObjects),
            R::kUnlessCreatesUnkeyed);
}

TEST(IdempotencyTable, TheRuleIsAppliedToTheCall) {
  EXPECT_EQ(marketo::DefaultIdempotency({Operation::kGetLead, true}), Idempotency::kIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotency({Operation::kMergeLeads, false}),
            Idempotency::kNonIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotency({Operation::kSyncMObjects, false}),
            Idempotency::kIdempotent);
  EXPECT_EQ(marketo::DefaultIdempotency({Operation::kSyncMObjects, true}),
            Idempotency::kNonIdempotent);
}

TEST(IdempotencyTable, DescribeSyncMObjectsFindsUnkeyedCreates) {
  std::vector<marketo::MObject> keyed{marketo::Opportunity(7)};
  std::vector<marketo::MObject> keyless{marketo::Opportunity().SetName("n")};
  std::vector<marketo::MObject> new_cost{marketo::Program(1970).AddCost("2013-06", "10")};
  std::vector<marketo::MObject> known_cost{marketo::Program(1970).AddCost("2013-06", "10", 153)};
  EXPECT_TRUE(marketo::DescribeSyncMObjects(keyed, SyncOperation::kInsert).creates_unkeyed);
  EXPECT_FALSE(marketo::DescribeSyncMObjects(keyed, SyncOperation::kUpsert).creates_unkeyed);
  EXPECT_TRUE(marketo::DescribeSyncMObjects(keyless, SyncOperation::kUpsert).creates_unkeyed);
  EXPECT_FALSE(marketo::DescribeSyncMObjects(keyless, SyncOperation::kUpdate).creates_unkeyed);
  EXPECT_TRUE(marketo::DescribeSyncMObjects(new_cost, SyncOperation::kUpdate).creates_unkeyed);
  EXPECT_FALSE(marketo::DescribeSyncMObjects(known_cost, SyncOperation::kUpdate).creates_unkeyed);
  EXPECT_EQ(marketo::DescribeSyncMObjects(keyed, SyncOperation::kUpdate).operation,
            Operation::kSyncMObjects);
}

// The caller's policy replaces the table, per call, for every operation.
TEST(IdempotencyPolicy, TheCallersPolicyDecides) {
  FakeTime time;
  marketo::ClientOptions o;
  time.Install(o);
  o.limits = marketo::LimitOptions::Unlimited();
  std::vector<CallDescription> seen;
  o.retry.idempotency = [&seen](const CallDescription& call) {
    seen.push_back(call);
    return call.operation == Operation::kDeleteMObjects ? Idempotency::kNonIdempotent
                                                        : marketo::DefaultIdempotency(call);
  };
  auto fake = std::make_shared<FakeConnection>();
  marketo::MObjectClient client(marketo::internal::MakeConnectionStack(o, fake));

  // deleteMObjects is idempotent by the table; the policy says no, so a lost response is final.
  fake->Script({Transport(StatusCode::kUnavailable, /*reached=*/true)});
  std::vector<marketo::MObject> objects{marketo::Opportunity(5)};
  auto removed = client.Remove(objects);
  ASSERT_FALSE(removed.ok());
  EXPECT_EQ(fake->calls(), 1);
  EXPECT_THAT(removed.status().message(), ::testing::HasSubstr("not retried: deleteMObjects"));

  // Other operations keep the table: a lost getMObjects response is retried.
  fake->Script({Transport(StatusCode::kUnavailable, true)});
  marketo::GetMObjectsRequest get;
  get.type = "Opportunity";
  EXPECT_TRUE(client.Get(get).ok());
  EXPECT_EQ(fake->calls(), 3);

  // A keyless UPSERT reaches the policy as a call that creates unkeyed records.
  std::vector<marketo::MObject> keyless{marketo::Opportunity().SetName("n")};
  EXPECT_TRUE(client.Sync(keyless, SyncOperation::kUpsert).ok());
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].operation, Operation::kDeleteMObjects);
  EXPECT_EQ(seen[1].operation, Operation::kGetMObjects);
  EXPECT_EQ(seen[2].operation, Operation::kSyncMObjects);
  EXPECT_TRUE(seen[2].creates_unkeyed);
}

}  // namespace
