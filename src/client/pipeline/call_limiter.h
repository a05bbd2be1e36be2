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
// Rate: there are N slots (max_calls_per_window). A call holds one from Acquire() until
// window + margin after its Release(), i.e. after its response or failure was seen. The server
// counts a call at some moment between those two, so it can never count more than N calls of
// this client in any window. A slot whose holder has ended frees at a known time: a caller that
// finds every slot held reserves the earliest-freeing one under the lock and sleeps (outside
// the lock) until it frees, so callers are served in arrival order and never share a slot. When
// every slot is held by a call still running, the free time is not known yet: the caller waits
// on the condition variable for a Release().
//
// In-flight: a counting semaphore on the same condition variable. It is taken together with the
// rate slot, so a call starts (nearly) at its reserved time.
class CallLimiter {
 public:
  explicit CallLimiter(LimitOptions options);
  CallLimiter(const CallLimiter&) = delete;
  CallLimiter& operator=(const CallLimiter&) = delete;

  // Blocks until the call may start. On OK the caller owns an in-flight slot and a rate slot and
  // must call Release() exactly once, when the response or the failure has been seen. On error
  // nothing is held; the Status is kResourceExhausted with request_may_have_reached_server() ==
  // false and names `op`.
  Status Acquire(const char* op);
  void Release();

  // The server answered 20023: its window is full, whoever filled it. Every slot not held by a
  // running call is treated as held until window + margin from now, so the retry (and every
  // other call) waits for the server's window to pass instead of a blind backoff.
  void OnRateLimitFault();

  // Observability for tests.
  std::size_t in_flight() const;

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  TimePoint Now() const;
  Status TooLong(const char* op, const char* what) const;
  bool InFlightFree() const;
  bool RateSlotKnown() const;
  // When a call asking now may start (drops freed slots); then TakeRateSlot() claims it.
  TimePoint NextStart(TimePoint now);
  void TakeRateSlot();

  LimitOptions options_;
  std::chrono::milliseconds max_wait_;
  std::chrono::milliseconds hold_;  // window + margin
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::size_t in_flight_ = 0;
  std::size_t running_ = 0;      // rate slots held by calls not yet released
  std::deque<TimePoint> ended_;  // free times of slots held by released calls, ascending
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_PIPELINE_CALL_LIMITER_H_
