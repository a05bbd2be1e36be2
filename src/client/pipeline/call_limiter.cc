#include "pipeline/call_limiter.h"

#include <algorithm>
#include <string>
#include <thread>
#include <utility>

namespace marketo {
namespace internal {
namespace {

constexpr std::chrono::milliseconds kMaxWaitCap = std::chrono::hours(24);

}  // namespace

CallLimiter::CallLimiter(LimitOptions options)
    : options_(std::move(options)),
      max_wait_(std::clamp(options_.max_wait, std::chrono::milliseconds(0), kMaxWaitCap)) {
  if (options_.window < std::chrono::milliseconds(0)) options_.window = {};
}

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

Status CallLimiter::Acquire(const char* op) {
  std::chrono::milliseconds wait{0};
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (options_.max_in_flight > 0) {
      if (!cv_.wait_for(lock, max_wait_, [this] { return in_flight_ < options_.max_in_flight; })) {
        return TooLong(op, "in-flight slot");
      }
    }
    if (options_.max_calls_per_window > 0) {
      const TimePoint now = Now();
      TimePoint start = now;
      if (starts_.size() >= options_.max_calls_per_window) {
        start = std::max(now,
                         starts_[starts_.size() - options_.max_calls_per_window] + options_.window);
      }
      // Round up: sleeping a little longer than needed never breaks the window.
      wait = std::chrono::ceil<std::chrono::milliseconds>(start - now);
      if (wait > max_wait_) {
        cv_.notify_one();  // we did not take the in-flight slot; let the next waiter check
        return TooLong(op, "rate slot");
      }
      starts_.push_back(start);
      while (starts_.size() > options_.max_calls_per_window) starts_.pop_front();
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
  }
  cv_.notify_one();
}

std::size_t CallLimiter::in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return in_flight_;
}

}  // namespace internal
}  // namespace marketo
