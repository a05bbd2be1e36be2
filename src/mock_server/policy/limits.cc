#include "policy/limits.h"

namespace mock {

std::chrono::milliseconds Latency::Next() {
  if (jitter_ <= 0) return std::chrono::milliseconds(base_);
  std::lock_guard<std::mutex> lock(mu_);
  const auto extra = static_cast<int>(rng_() % (static_cast<std::uint64_t>(jitter_) + 1));
  return std::chrono::milliseconds(base_ + extra);
}

bool RateLimiter::Admit(Clock::time_point now) {
  if (limit_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mu_);
  while (!calls_.empty() && now - calls_.front() >= window_) calls_.pop_front();
  if (static_cast<int>(calls_.size()) >= limit_) return false;
  calls_.push_back(now);
  return true;
}

}  // namespace mock
