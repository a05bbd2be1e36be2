#ifndef MARKETO_TIMING_H_
#define MARKETO_TIMING_H_

/// @file
/// Injectable time hooks shared by the retry policy (retry.h) and the call limiter (limits.h).

#include <chrono>
#include <functional>

namespace marketo {

/// Blocks the calling thread for the given duration. An empty SleepFunction means
/// std::this_thread::sleep_for. Tests inject a fake that records the delays (and usually advances
/// a fake SteadyClockFunction) so no test sleeps in real time.
///
/// Called from every thread that uses the client, so an injected function must be thread-safe
/// and must not throw.
using SleepFunction = std::function<void(std::chrono::milliseconds)>;

/// Monotonic "now" used to measure waits and budgets. An empty SteadyClockFunction means
/// std::chrono::steady_clock::now. Must be thread-safe and must not go backwards.
using SteadyClockFunction = std::function<std::chrono::steady_clock::time_point()>;

}  // namespace marketo

#endif  // MARKETO_TIMING_H_
