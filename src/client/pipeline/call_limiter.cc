#include "pipeline/call_limiter.h"

#include <algorithm>
#include <string>
#include <thread>
#include <utility>

namespace marketo {
namespace internal {
namespace {

constexpr std::chrono::milliseconds kMaxWaitCap = std::chrono::hours(24);

std::chrono::milliseconds NonNegative(std::chrono::milliseconds d) {
  return std::max(d, std::chrono::milliseconds(0));
}

}  // namespace

CallLimiter::CallLimiter(LimitOptions options)
    : options_(std::move(options)),
      max_wait_(std::clamp(options_.max_wait, std::chrono::milliseconds(0), kMaxWaitCap)),
      hold_(NonNegative(options_.window) + NonNegative(options_.margin)) {}

CallLimiter::TimePoint CallLimiter::Now() const {
  return options_.clock ? options_.clock() : std::chrono::steady_clock::now();
}

Status CallLimiter::TooLong(const char* op, const char* what) const {
  ErrorInfo info;
  info.request_may_have_reached_server = false;
  return Status(StatusCode::kResourceExhausted,
                std::string(op) + ": client-side limiter: no " + what + " within max_wait (" +
                    std::to_string(max_wait_.count()) + " ms); call not sent",
                std::move(info));
}

bool CallLimiter::InFlightFree() const {
  return options_.max_in_flight == 0 || in_flight_ < options_.max_in_flight;
}

// Some slot is free or frees at a known time (its holder has ended).
bool CallLimiter::RateSlotKnown() const {
  return options_.max_calls_per_window == 0 || running_ < options_.max_calls_per_window;
}

CallLimiter::TimePoint CallLimiter::NextStart(TimePoint now) {
  while (!ended_.empty() && ended_.front() <= now) ended_.pop_front();
  if (running_ + ended_.size() < options_.max_calls_per_window) return now;
  return ended_.front();  // non-empty: RateSlotKnown() held
}

void CallLimiter::TakeRateSlot() {
  if (running_ + ended_.size() >= options_.max_calls_per_window) ended_.pop_front();
  ++running_;
}

Status CallLimiter::Acquire(const char* op) {
  std::chrono::milliseconds wait{0};
  {
    std::unique_lock<std::mutex> lock(mu_);
    const bool ready =
        cv_.wait_for(lock, max_wait_, [this] { return InFlightFree() && RateSlotKnown(); });
    if (!ready) return TooLong(op, InFlightFree() ? "rate slot" : "in-flight slot");
    if (options_.max_calls_per_window > 0) {
      const TimePoint now = Now();
      // Round up: sleeping a little longer than needed never breaks the window.
      wait = std::chrono::ceil<std::chrono::milliseconds>(NextStart(now) - now);
      if (wait > max_wait_) {
        cv_.notify_all();  // we took nothing; let the next waiter check
        return TooLong(op, "rate slot");
      }
      TakeRateSlot();
    }
    ++in_flight_;
  }
  if (wait > std::chrono::milliseconds(0)) {
    if (options_.sleeper) {
      options_.sleeper(wait);
    } else {
      std::this_thread::sleep_for(wait);
    }
  }
  return Status();
}

void CallLimiter::Release() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (in_flight_ > 0) --in_flight_;
    if (options_.max_calls_per_window > 0 && running_ > 0) {
      --running_;
      ended_.push_back(Now() + hold_);
    }
  }
  cv_.notify_all();
}

void CallLimiter::OnRateLimitFault() {
  const std::size_t n = options_.max_calls_per_window;
  if (n == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  const TimePoint until = Now() + hold_;
  ended_.assign(n > running_ ? n - running_ : 0, until);
}

std::size_t CallLimiter::in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return in_flight_;
}

}  // namespace internal
}  // namespace marketo
