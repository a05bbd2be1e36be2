// Marketo's request limits: rate per sliding 20 s, concurrency, daily quota; answer latency.
// Protocol: docs/protocol.md, "Limits".
#ifndef MARKETO_MOCK_SERVER_POLICY_LIMITS_H_
#define MARKETO_MOCK_SERVER_POLICY_LIMITS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <random>

namespace mock {

// How long each answer is delayed: base plus a uniform jitter from a seeded generator.
class Latency {
 public:
  Latency(int base_ms, int jitter_ms, std::optional<std::uint64_t> seed)
      : base_(base_ms), jitter_(jitter_ms), rng_(seed ? *seed : std::random_device{}()) {}
  std::chrono::milliseconds Next();

 private:
  int base_, jitter_;
  std::mutex mu_;
  std::mt19937_64 rng_;
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // limit calls per window; limit 0 = off.
  RateLimiter(int limit, Clock::duration window) : limit_(limit), window_(window) {}
  // Admits the call (and records it) or refuses it; refused calls are not recorded, so a client
  // that backs off recovers after one window.
  bool Admit(Clock::time_point now);

 private:
  int limit_;
  Clock::duration window_;
  std::mutex mu_;
  std::deque<Clock::time_point> calls_;
};

class DailyQuota {
 public:
  explicit DailyQuota(std::uint64_t quota) : quota_(quota) {}
  bool Admit() { return quota_ == 0 || used_.fetch_add(1) < quota_; }

 private:
  std::uint64_t quota_;
  std::atomic<std::uint64_t> used_{0};
};

// Counts calls in flight for the lifetime of an InFlight guard.
class ConcurrencyGauge {
 public:
  explicit ConcurrencyGauge(int limit) : limit_(limit) {}
  class InFlight {
   public:
    explicit InFlight(ConcurrencyGauge& g) : g_(g), over_(false) {
      const int now = ++g_.in_flight_;
      over_ = g_.limit_ > 0 && now > g_.limit_;
    }
    ~InFlight() { Release(); }
    // Stops counting this call early (a hung call must not block everybody else).
    void Release() {
      if (!released_) --g_.in_flight_;
      released_ = true;
    }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    // True when this call arrived while the limit was already reached.
    bool over_limit() const { return over_; }

   private:
    ConcurrencyGauge& g_;
    bool over_;
    bool released_ = false;
  };

 private:
  int limit_;
  std::atomic<int> in_flight_{0};
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_POLICY_LIMITS_H_
