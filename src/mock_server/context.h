// Everything the connection threads share.
#ifndef MARKETO_MOCK_SERVER_CONTEXT_H_
#define MARKETO_MOCK_SERVER_CONTEXT_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "connection_guard.h"
#include "options.h"
#include "policy/auth.h"
#include "policy/fault_injection.h"
#include "policy/limits.h"
#include "semantics/campaigns.h"
#include "semantics/custom_objects.h"
#include "semantics/leads.h"
#include "semantics/leads_bulk_seed.h"
#include "semantics/lists.h"
#include "semantics/mobjects.h"
#include "semantics/store.h"
#include "stats.h"

namespace mock {

// Wakes sleeping calls (latency, hang) when the server stops.
class Shutdown {
 public:
  void Trigger() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
  }
  bool stopping() const { return stopping_.load(); }
  // Sleeps up to d; false when interrupted by shutdown.
  template <typename Duration>
  bool SleepFor(Duration d) {
    std::unique_lock<std::mutex> lock(mu_);
    return !cv_.wait_for(lock, d, [this] { return stopping_.load(); });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> stopping_{false};
};

struct ServerContext {
  explicit ServerContext(const Options& o)
      : options(o),
        auth{o.user_id, o.encryption_key, o.max_skew_s},
        ops(store, stats),
        leads(store, stats),
        custom_objects(store, stats),
        campaigns(store, stats),
        lists(store, stats, std::chrono::milliseconds(o.import_ms)),
        faults(o.faults, o.seed),
        latency(o.latency_ms, o.latency_jitter_ms, o.seed),
        rate(o.rate_limit, std::chrono::milliseconds(o.rate_window_ms)),
        quota(o.daily_quota),
        concurrency(o.concurrency_limit) {
    SeedBulkLeads(store, o.seed_leads);
  }

  const Options options;
  const AuthConfig auth;
  Store store;
  Stats stats;
  MObjectOps ops;
  LeadOps leads;
  CustomObjectOps custom_objects;
  CampaignOps campaigns;
  ListOps lists;
  FaultInjector faults;
  Latency latency;
  RateLimiter rate;
  DailyQuota quota;
  ConcurrencyGauge concurrency;
  Shutdown shutdown;
  ConnectionTable sockets;  // open connections: shutdown wakes them, eviction picks from them
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_CONTEXT_H_
