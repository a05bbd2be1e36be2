// No-loss: SyncAll of 10,000 objects with retries on, against marketo-mock-server injecting about
// 20 % random transient faults (seeded, so every run sees the same faults), including the
// "-after-commit" kinds that store the objects and then lose the answer.
//
//   * UPSERT by externalKey (8,000 objects) is idempotent: every batch is retried until it is
//     answered, and each object ends up stored exactly once.
//   * INSERT without a key (2,000 objects) is not idempotent: with the default policy an attempt
//     that may have reached the server is not repeated, so a lost answer becomes a call-level
//     failure for that batch, never a duplicate. Admission faults (20024) are retried.
#include "no_loss.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "reliability_util.h"
#include "support/mock_server_process.h"

namespace {

using marketo::MObject;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::CountedClient;
using marketo_test::MockServerProcess;
using marketo_test::no_loss::AfterCommitInjected;
using marketo_test::no_loss::Counter;
using marketo_test::no_loss::FaultArgs;
using marketo_test::no_loss::Name;
using marketo_test::no_loss::Options;
using marketo_test::no_loss::StoredValues;

constexpr std::size_t kUpserts = 8000;
constexpr std::size_t kInserts = 2000;
constexpr std::size_t kBatch = 100;

std::map<std::string, int> StoredNames(const std::string& dump, const std::string& prefix) {
  return StoredValues(dump, "Name", prefix);
}

TEST(NoLoss, UpsertByExternalKeyStoresEveryObjectExactlyOnce) {
  MockServerProcess server(FaultArgs());
  auto o = Options(server.url());
  o.retry.max_retries = 10;  // 0.2^11: every batch gets answered
  CountedClient cc(o);
  std::vector<MObject> objects;
  for (std::size_t i = 0; i < kUpserts; ++i) {
    objects.push_back(marketo::Opportunity()
                          .SetName(Name("NL-U", i))
                          .SetAmount(std::to_string(i))
                          .SetExternalKey("ExternalOpportunityId", Name("NLU", i)));
  }
  auto all = cc.client.SyncAll(objects, SyncOperation::kUpsert);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.results.size(), kUpserts);
  EXPECT_EQ(all.calls, kUpserts / kBatch);
  EXPECT_EQ(all.failed_calls, 0u);
  std::size_t batches_not_created = 0;
  for (std::size_t b = 0; b < kUpserts / kBatch; ++b) {
    bool not_created = false;
    for (std::size_t i = b * kBatch; i < (b + 1) * kBatch; ++i) {
      const auto& r = all.results[i];
      ASSERT_EQ(r.index, i);
      // A lost answer followed by a retry finds the object: UNCHANGED instead of CREATED.
      ASSERT_TRUE(r.status == SyncStatus::kCreated || r.status == SyncStatus::kUnchanged ||
                  r.status == SyncStatus::kUpdated)
          << i << ": " << r.raw_status << " " << r.error;
      ASSERT_TRUE(r.id.has_value());
      not_created = not_created || r.status != SyncStatus::kCreated;
    }
    batches_not_created += not_created ? 1 : 0;
  }
  ASSERT_EQ(server.Stop(), 0);
  const std::string dump = server.ReadDump();
  const auto names = StoredNames(dump, "NL-U-");
  ASSERT_EQ(names.size(), kUpserts);
  for (std::size_t i = 0; i < kUpserts; ++i) {
    auto it = names.find(Name("NL-U", i));
    ASSERT_NE(it, names.end()) << Name("NL-U", i) << " lost";
    ASSERT_EQ(it->second, 1) << Name("NL-U", i) << " duplicated";
  }
  // The faults really happened, and every attempt the client made reached the server's count.
  const std::uint64_t injected_after_commit = AfterCommitInjected(dump);
  EXPECT_GT(Counter(dump, "reset"), 0u);
  EXPECT_GT(injected_after_commit, 0u);
  EXPECT_GT(batches_not_created, 0u);
  EXPECT_LE(batches_not_created, injected_after_commit);
  EXPECT_EQ(Counter(dump, "calls_total"), static_cast<std::uint64_t>(cc.attempts()));
  EXPECT_GT(cc.attempts(), static_cast<int>(kUpserts / kBatch)) << "no retries happened";
  std::printf(
      "no_loss upsert: %d attempts for %zu batches, %llu after-commit faults, "
      "%zu batches answered UNCHANGED after a lost answer\n",
      cc.attempts(), kUpserts / kBatch, static_cast<unsigned long long>(injected_after_commit),
      batches_not_created);
}

TEST(NoLoss, InsertNeverDuplicatesWhenAnswersAreLost) {
  MockServerProcess server(FaultArgs());
  auto o = Options(server.url());  // default policy: INSERT retried only when provably not run
  CountedClient cc(o);
  std::vector<MObject> objects;
  for (std::size_t i = 0; i < kInserts; ++i) {
    objects.push_back(marketo::Opportunity().SetName(Name("NL-I", i)).SetAmount("1"));
  }
  auto all = cc.client.SyncAll(objects, SyncOperation::kInsert);
  ASSERT_EQ(all.results.size(), kInserts);
  EXPECT_EQ(all.calls, kInserts / kBatch);
  ASSERT_EQ(server.Stop(), 0);
  const std::string dump = server.ReadDump();
  const auto names = StoredNames(dump, "NL-I-");

  std::size_t failed_batches = 0, failed_but_stored = 0;
  for (std::size_t b = 0; b < kInserts / kBatch; ++b) {
    const bool failed = !all.results[b * kBatch].call_status.ok();
    std::size_t stored = 0;
    for (std::size_t i = b * kBatch; i < (b + 1) * kBatch; ++i) {
      const auto& r = all.results[i];
      ASSERT_EQ(r.index, i);
      auto it = names.find(Name("NL-I", i));
      const int count = it == names.end() ? 0 : it->second;
      ASSERT_LE(count, 1) << Name("NL-I", i) << " duplicated";
      stored += static_cast<std::size_t>(count);
      if (failed) {
        ASSERT_EQ(r.status, SyncStatus::kFailed);
        ASSERT_FALSE(r.call_status.ok());
        ASSERT_TRUE(r.call_status.request_may_have_reached_server());
      } else {
        ASSERT_EQ(r.status, SyncStatus::kCreated) << r.raw_status << " " << r.error;
        ASSERT_EQ(count, 1) << Name("NL-I", i) << " reported created but not stored";
      }
    }
    if (failed) {
      ++failed_batches;
      // All or nothing: the batch either ran (answer lost after commit) or did not run.
      ASSERT_TRUE(stored == 0 || stored == kBatch) << "batch " << b << ": " << stored;
      if (stored == kBatch) ++failed_but_stored;
    }
  }
  EXPECT_EQ(all.failed_calls, failed_batches);
  EXPECT_EQ(all.status.ok(), failed_batches == 0);
  EXPECT_GT(failed_batches, 0u) << "the seeded faults should hit some INSERT batch";
  // Exactly the after-commit faults stored a batch whose answer was lost (never retried).
  EXPECT_EQ(failed_but_stored, AfterCommitInjected(dump));
  EXPECT_EQ(Counter(dump, "calls_total"), static_cast<std::uint64_t>(cc.attempts()));
  std::printf(
      "no_loss insert: %d attempts for %zu batches, %zu failed batches, %zu of them "
      "stored (answer lost after commit), none duplicated\n",
      cc.attempts(), kInserts / kBatch, failed_batches, failed_but_stored);
}

}  // namespace
