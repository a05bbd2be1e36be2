// No-loss for leads: LeadClient::SyncLeads of 10,000 leads against marketo-mock-server with the
// same seeded ~20 % transient faults as no_loss_test.cc.
//
//   * With de-duplication on (8,000 leads keyed by email) syncMultipleLeads is an upsert: every
//     batch is retried until answered, and each email ends up on exactly one lead.
//   * With dedupEnabled=false (2,000 leads) a repeat would create the leads again, so an attempt
//     that may have reached the server is not repeated: a lost answer fails that batch, and no
//     email is ever stored twice.
#include <gmock/gmock.h>
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

using marketo::LeadRecord;
using marketo::LeadSyncStatus;
using marketo_test::CountedClient;
using marketo_test::MockServerProcess;
using marketo_test::no_loss::AfterCommitInjected;
using marketo_test::no_loss::Counter;
using marketo_test::no_loss::FaultArgs;
using marketo_test::no_loss::Name;
using marketo_test::no_loss::Options;
using marketo_test::no_loss::StoredValues;

constexpr std::size_t kDeduped = 8000;
constexpr std::size_t kUndeduped = 2000;

std::string Email(const char* prefix, std::size_t i) { return Name(prefix, i) + "@example.org"; }

std::vector<LeadRecord> Leads(const char* prefix, std::size_t n) {
  std::vector<LeadRecord> leads(n);
  for (std::size_t i = 0; i < n; ++i) {
    leads[i].email = Email(prefix, i);
    leads[i].Set("LastName", Name("Last", i));
  }
  return leads;
}

TEST(NoLossLeads, DedupedSyncStoresEveryEmailOnExactlyOneLead) {
  MockServerProcess server(FaultArgs());
  auto o = Options(server.url());
  o.retry.max_retries = 10;  // 0.2^11: every batch gets answered
  CountedClient cc(o);
  const auto leads = Leads("nl-d", kDeduped);
  const auto all = cc.leads.SyncLeads(leads);  // batches of 300, dedup on
  ASSERT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.results.size(), kDeduped);
  EXPECT_EQ(all.calls, (kDeduped + 299) / 300);
  EXPECT_EQ(all.failed_calls, 0u);
  std::size_t updated = 0;
  for (std::size_t i = 0; i < kDeduped; ++i) {
    const auto& r = all.results[i];
    ASSERT_EQ(r.index, i);
    // A retry after a lost answer finds the lead by email: UPDATED instead of CREATED.
    ASSERT_TRUE(r.status == LeadSyncStatus::kCreated || r.status == LeadSyncStatus::kUpdated)
        << i << ": " << r.raw_status << " " << r.error;
    ASSERT_TRUE(r.lead_id.has_value());
    updated += r.status == LeadSyncStatus::kUpdated ? 1 : 0;
  }
  ASSERT_EQ(server.Stop(), 0);
  const std::string dump = server.ReadDump();
  const auto stored = StoredValues(dump, "Email", "nl-d-");
  ASSERT_EQ(stored.size(), kDeduped);
  for (std::size_t i = 0; i < kDeduped; ++i) {
    auto it = stored.find(Email("nl-d", i));
    ASSERT_NE(it, stored.end()) << Email("nl-d", i) << " lost";
    ASSERT_EQ(it->second, 1) << Email("nl-d", i) << " duplicated";
  }
  const std::uint64_t after_commit = AfterCommitInjected(dump);
  EXPECT_GT(Counter(dump, "reset"), 0u);
  EXPECT_GT(after_commit, 0u);
  EXPECT_GT(updated, 0u) << "no lost answer was retried";
  EXPECT_EQ(Counter(dump, "calls_total"), static_cast<std::uint64_t>(cc.attempts()));
  std::printf(
      "no_loss leads deduped: %d attempts for %zu batches, %llu after-commit faults, %zu "
      "leads answered UPDATED after a lost answer\n",
      cc.attempts(), all.calls, static_cast<unsigned long long>(after_commit), updated);
}

TEST(NoLossLeads, UndedupedSyncNeverStoresAnEmailTwice) {
  MockServerProcess server(FaultArgs());
  auto o = Options(server.url());  // default policy: retried only when provably not sent
  CountedClient cc(o);
  const auto leads = Leads("nl-n", kUndeduped);
  marketo::SyncLeadsOptions options;
  options.batch_size = 100;
  options.dedup_enabled = false;
  const auto all = cc.leads.SyncLeads(leads, options);
  ASSERT_EQ(all.results.size(), kUndeduped);
  ASSERT_EQ(server.Stop(), 0);
  const std::string dump = server.ReadDump();
  const auto stored = StoredValues(dump, "Email", "nl-n-");

  std::size_t failed_batches = 0, failed_but_stored = 0;
  for (std::size_t b = 0; b < kUndeduped / 100; ++b) {
    const bool failed = !all.results[b * 100].call_status.ok();
    std::size_t kept = 0;
    for (std::size_t i = b * 100; i < (b + 1) * 100; ++i) {
      const auto& r = all.results[i];
      ASSERT_EQ(r.index, i);
      auto it = stored.find(Email("nl-n", i));
      const int count = it == stored.end() ? 0 : it->second;
      ASSERT_LE(count, 1) << Email("nl-n", i) << " duplicated";
      kept += static_cast<std::size_t>(count);
      if (failed) {
        ASSERT_EQ(r.status, LeadSyncStatus::kFailed);
        ASSERT_TRUE(r.call_status.request_may_have_reached_server());
      } else {
        ASSERT_EQ(r.status, LeadSyncStatus::kCreated) << r.raw_status << " " << r.error;
        ASSERT_EQ(count, 1) << Email("nl-n", i) << " reported created but not stored";
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
      "no_loss leads without dedup: %d attempts for %zu batches, %zu failed batches, %zu "
      "of them stored (answer lost after commit), none duplicated\n",
      cc.attempts(), all.calls, failed_batches, failed_but_stored);
}

}  // namespace
