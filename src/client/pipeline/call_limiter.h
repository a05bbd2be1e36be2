#ifndef MARKETO_SRC_CLIENT_PIPELINE_CALL_LIMITER_H_
#define MARKETO_SRC_CLIENT_PIPELINE_CALL_LIMITER_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

#include "marketo/limits.h"
#include "marketo/status.h"

namespace marketo {
namespace internal {

// Sliding-window rate limit plus an in-flight cap (see marketo/limits.h). Thread-safe.
//
// Rate: the start times of the last N calls are kept; a new call starts no earlier than
// window after the Nth-last start. The start is reserved under the lock and the caller then
// sleeps (outside the lock) until it, so waiting callers are served in arrival order and no two
// callers ever claim the same slot. Reserved starts never decrease, so any N+1 consecutive
// starts span at least one window.
//
// In-flight: a counting semaphore on a condition variable. It is taken before the rate slot so
// a call starts (nearly) at its reserved time; holding it while sleeping for the rate slot only
// costs throughput when the rate limit binds anyway.
class CallLimiter {
 public:
  explicit CallLimiter(LimitOptions options);
  CallLimiter(const CallLimiter&) = delete;
  CallLimiter& operator=(const CallLimiter&) = delete;

  // Blocks until the call may start. On OK the caller owns an in-flight slot and must call
  // Release() exactly once. On error nothing is held; the Status is kResourceExhausted with
  // request_may_have_reached_server() == false and names `op`.
  Status Acquire(const char* op);
  void Release();

  // Observability for tests.
  std::size_t in_flight() const;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  TimePoint Now() const;
  Status TooLong(const char* op, const char* what) const;

  LimitOptions options_;
  std::chrono::milliseconds max_wait_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::size_t in_flight_ = 0;
  std::deque<TimePoint> starts_;  // reserved start times, at most max_calls_per_window
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_PIPELINE_CALL_LIMITER_H_
