// No-loss for custom objects: CustomObjectClient::SyncCustomObjects of 4,000 Cars against
// marketo-mock-server with the same seeded ~20 % transient faults as no_loss_test.cc.
//
//   * UPSERT by key (3,000 cars): every batch is retried until answered, and each VIN ends up
//     on exactly one record.
//   * INSERT (1,000 cars): a repeat would insert again, so an attempt that may have reached the
//     server is not repeated: a lost answer fails that batch (stored whole or not at all), and
//     no VIN is stored twice.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "no_loss.h"
#include "reliability_util.h"
#include "support/mock_server_process.h"

namespace {

using marketo::CustomObject;
using marketo::CustomObjectStatus;
using marketo::SyncOperation;
using marketo_test::CountedClient;
using marketo_test::MockServerProcess;
using marketo_test::no_loss::AfterCommitInjected;
using marketo_test::no_loss::Counter;
using marketo_test::no_loss::FaultArgs;
using marketo_test::no_loss::Name;
using marketo_test::no_loss::Options;
using marketo_test::no_loss::StoredValues;

constexpr std::size_t kUpserted = 3000;
constexpr std::size_t kInserted = 1000;

// Cars linked to the seeded leads 1..1000.
std::vector<CustomObject> Cars(const char* prefix, std::size_t n) {
  std::vector<CustomObject> cars(n);
  for (std::size_t i = 0; i < n; ++i) {
    cars[i].Key("VIN", Name(prefix, i)).Set("MKTOID", std::to_string(1 + i % 1000));
    cars[i].Set("Color", i % 2 == 0 ? "Red" : "Blue");
  }
  return cars;
}

// How often each VIN with `prefix` is stored (the dump lists one record a line).
std::map<std::string, int> StoredVins(const std::string& dump, const char* prefix) {
  return StoredValues(dump, "key", std::string("VIN = ") + prefix);
}

TEST(NoLossCustomObjects, UpsertStoresEveryVinOnExactlyOneRecord) {
  MockServerProcess server(FaultArgs());
  auto o = Options(server.url());
  o.retry.max_retries = 10;  // 0.2^11: every batch gets answered
  CountedClient cc(o);
  const auto cars = Cars("nl-co", kUpserted);
  marketo::CustomObjectBatchOptions options;
  options.concurrency = 2;
  const auto all =
      cc.custom_objects.SyncCustomObjects("Car", cars, SyncOperation::kUpsert, options);
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.results.size(), kUpserted);
  EXPECT_EQ(all.calls, kUpserted / 100);
  std::size_t repeated = 0;
  for (std::size_t i = 0; i < kUpserted; ++i) {
    const auto& r = all.results[i];
    ASSERT_EQ(r.index, i);
    ASSERT_EQ(r.keys.at(0).value, Name("nl-co", i));
    // A retry after a lost answer finds the record: UNCHANGED instead of CREATED.
    ASSERT_TRUE(r.status == CustomObjectStatus::kCreated ||
                r.status == CustomObjectStatus::kUnchanged)
        << i << ": " << r.raw_status << " " << r.error;
    repeated += r.status == CustomObjectStatus::kUnchanged ? 1 : 0;
  }
  ASSERT_EQ(server.Stop(), 0);
  const std::string dump = server.ReadDump();
  const auto stored = StoredVins(dump, "nl-co-");
  ASSERT_EQ(stored.size(), kUpserted);
  for (std::size_t i = 0; i < kUpserted; ++i) {
    auto it = stored.find("VIN = " + Name("nl-co", i));
    ASSERT_NE(it, stored.end()) << Name("nl-co", i) << " lost";
    ASSERT_EQ(it->second, 1) << Name("nl-co", i) << " duplicated";
  }
  EXPECT_GT(AfterCommitInjected(dump), 0u);
  EXPECT_GT(repeated, 0u) << "no lost answer was retried";
  EXPECT_EQ(Counter(dump, "calls_total"), static_cast<std::uint64_t>(cc.attempts()));
  std::printf(
      "no_loss custom objects upsert: %d attempts for %zu batches, %zu records answered "
      "UNCHANGED after a lost answer\n",
      cc.attempts(), all.calls, repeated);
}

TEST(NoLossCustomObjects, InsertIsNeverRepeatedAndNoVinIsStoredTwice) {
  MockServerProcess server(FaultArgs());
  auto o = Options(server.url());  // default policy: retried only when provably not sent
  CountedClient cc(o);
  const auto cars = Cars("nl-ci", kInserted);
  const auto all = cc.custom_objects.SyncCustomObjects("Car", cars, SyncOperation::kInsert);
  ASSERT_EQ(all.results.size(), kInserted);
  ASSERT_EQ(server.Stop(), 0);
  const std::string dump = server.ReadDump();
  const auto stored = StoredVins(dump, "nl-ci-");
  std::size_t failed_batches = 0, failed_but_stored = 0;
  for (std::size_t b = 0; b < kInserted / 100; ++b) {
    const bool failed = !all.results[b * 100].call_status.ok();
    std::size_t kept = 0;
    for (std::size_t i = b * 100; i < (b + 1) * 100; ++i) {
      const auto& r = all.results[i];
      ASSERT_EQ(r.index, i);
      auto it = stored.find("VIN = " + Name("nl-ci", i));
      const int count = it == stored.end() ? 0 : it->second;
      ASSERT_LE(count, 1) << Name("nl-ci", i) << " duplicated";
      kept += static_cast<std::size_t>(count);
      if (failed) {
        ASSERT_EQ(r.status, CustomObjectStatus::kFailed);
        ASSERT_TRUE(r.call_status.request_may_have_reached_server());
      } else {
        ASSERT_EQ(r.status, CustomObjectStatus::kCreated) << r.raw_status << " " << r.error;
        ASSERT_EQ(count, 1) << Name("nl-ci", i) << " reported created but not stored";
      }
    }
    if (failed) {
      ++failed_batches;
      ASSERT_TRUE(kept == 0 || kept == 100) << "batch " << b << ": " << kept;
      if (kept == 100) ++failed_but_stored;
    }
  }
  EXPECT_EQ(all.failed_calls, failed_batches);
  EXPECT_GT(failed_batches, 0u) << "the seeded faults should hit some batch";
  EXPECT_EQ(failed_but_stored, AfterCommitInjected(dump));
  EXPECT_EQ(Counter(dump, "calls_total"), static_cast<std::uint64_t>(cc.attempts()));
  std::printf(
      "no_loss custom objects insert: %d attempts for %zu batches, %zu failed batches, "
      "%zu of them stored, none duplicated\n",
      cc.attempts(), all.calls, failed_batches, failed_but_stored);
}

}  // namespace
