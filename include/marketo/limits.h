#ifndef MARKETO_LIMITS_H_
#define MARKETO_LIMITS_H_

/// @file
/// Client-side call limiter: keeps one client within Marketo's rate and concurrency limits
/// instead of learning them from 20023/20024 faults.
///
/// Every connection built by MakeMObjectConnection() owns one limiter, shared by all calls (and
/// all copies of the MObjectClient) using that connection, and every attempt, including each
/// retry, passes through it. A call waits for an in-flight slot and a rate slot, and holds its
/// in-flight slot until the response has been handled.
///
/// @par The rate rule
/// Marketo counts a call when it arrives, which the client cannot see. So a call holds its rate
/// slot from when it is admitted until `window + margin` after its response (or its failure)
/// was seen, and at most `max_calls_per_window` calls hold a slot at once. The moment the server
/// counts a call lies between those two, so the server never counts more than the limit of this
/// client's calls in any window, whatever the latency. A steady job therefore runs at
/// `max_calls_per_window` calls per `window + margin + latency`. After a 20023 "Rate Limit
/// Exceeded" (the subscription's window was filled, e.g. by another integration) every free slot
/// is held for `window + margin` from then, so the retry waits for the server's window to pass.
///
/// Marketo's limits are per subscription and shared with every other integration, so configure
/// lower values when other API users run at the same time.

#include <chrono>
#include <cstddef>

#include "marketo/timing.h"

namespace marketo {

/// Limits applied to every call of one connection (ClientOptions::limits). Defaults are
/// Marketo's documented limits: 100 calls per 20 s and 10 concurrent calls.
struct LimitOptions {
  /// At most this many calls may hold a rate slot at once (see "The rate rule"); 0 disables the
  /// rate limit.
  std::size_t max_calls_per_window = 100;
  /// Length of the server's sliding rate window. Default 20 s.
  std::chrono::milliseconds window{20000};
  /// Extra time a finished call keeps its rate slot beyond `window`, against the server's clock
  /// resolution. Default 250 ms.
  std::chrono::milliseconds margin{250};
  /// At most this many calls may be in flight at once; 0 disables the concurrency limit.
  std::size_t max_in_flight = 10;
  /// Longest a call waits for the limiter, for the in-flight slot plus the rate slot (each
  /// bounded by this value; capped at 24 h). A call that would wait longer fails at once with
  /// kResourceExhausted ("client-side limiter ...", `request_may_have_reached_server() ==
  /// false`), which is not retried. Default 2 minutes.
  ///
  /// The wait for an in-flight slot, or for a rate slot while every slot is held by a running
  /// call, is measured in real time (a condition variable); the wait for a slot that frees at a
  /// known time uses `clock` and `sleeper`.
  std::chrono::milliseconds max_wait{120000};
  /// Time source of the rate window; empty means std::chrono::steady_clock::now.
  SteadyClockFunction clock;
  /// Waits for a rate slot; empty means std::this_thread::sleep_for.
  SleepFunction sleeper;

  /// Options with both limits disabled (for tests against a local mock).
  static LimitOptions Unlimited() {
    LimitOptions o;
    o.max_calls_per_window = 0;
    o.max_in_flight = 0;
    return o;
  }
};

}  // namespace marketo

#endif  // MARKETO_LIMITS_H_
