#ifndef MARKETO_RETRY_H_
#define MARKETO_RETRY_H_

/// @file
/// Retry policy: which failures are retried, how long to wait between attempts, and which calls
/// are safe to repeat (idempotency).
///
/// Every connection built by MakeMObjectConnection() runs each call through one retry loop
/// configured by ClientOptions::retry. **Retries are on by default**: up to 4 retries (5
/// attempts), exponential backoff from 500 ms doubling up to 30 s with full jitter, a wait for the
/// rate window to pass after a rate-limit fault (20023), all within a 2 minute budget per call. Set
/// RetryPolicy::max_retries to 0 to turn retrying off.
///
/// Each attempt is a complete new request with a freshly computed AuthenticationHeader
/// (timestamp and signature), and each attempt passes through the client-side limiter
/// (limits.h) again, so retries count against the rate and concurrency limits like any call.
///
/// @par What is retried (see ClassifyForRetry)
/// - kTransient, retried after the backoff delay: kUnavailable (connect refused, reset, EOF,
///   connection closed mid-response), kDeadlineExceeded (connect, send or receive timeout),
///   kHttpError 408, 429, 502, 503 and 504 without a SOAP fault, and Marketo 10001 and 20011
///   (internal error) and 20024 (concurrency limit).
/// - kRateLimited, Marketo 20023 (more than 100 calls in 20 s): when the connection's limiter
///   has a rate limit (the default, limits.h), the retry waits in the limiter for the server's
///   window to pass (LimitOptions::window + margin after the fault) and the loop adds no delay;
///   with the rate limit off, it is retried after RetryPolicy::rate_limit_delay (20 s) plus the
///   backoff delay.
/// - kRequestExpired, retried once after RetryPolicy::expired_retry_delay (1 s) with a new
///   timestamp and signature: Marketo 20016.
/// - kDailyQuotaExhausted, never retried: Marketo 20015 (the status says "daily API request
///   quota exhausted"; the quota resets daily at 12:00 AM CST).
/// - kPermanent, never retried: every other failure, e.g. Marketo 20012, 20013, 20014, 20017,
///   20019, 20022, 20101-20114, 20122, 20123 and unknown codes, other HTTP statuses (including
///   500 without a fault), kTlsError, kMalformedResponse, kResponseMismatch, kInvalidArgument,
///   kInternal, and client-side limiter timeouts.
///
/// A truncated response or a connection reset mid-response is reported by the connection as
/// kUnavailable and is therefore transient; a complete response that cannot be understood
/// (kMalformedResponse) is permanent, as repeating the call would most likely get the same answer.
///
/// @par Idempotency
/// A retryable failure of an idempotent call is always retried. Whether a call is idempotent is
/// decided per call by RetryPolicy::idempotency, by default the per-operation table of
/// idempotency.h (for syncMObjects: an INSERT, a keyless UPSERT, or a Program cost line without
/// a cost Id is not; see SyncIdempotency). A non-idempotent call
/// is retried only when RequestProvablyNotExecuted() holds for the failure
/// (nothing was sent, e.g. connect refused; or Marketo rejected the whole request before running
/// it: 20016, 20023, 20024), or when RetryPolicy::retry_non_idempotent is set. So an INSERT
/// whose response was lost (reset or timeout after the request was sent) is **not** repeated by
/// default: it fails with that error and may or may not have created the objects.
///
/// @par The final Status
/// When a call fails after more than one attempt, or is not retried because it is not
/// idempotent, the returned Status is the last attempt's (same code, Marketo code, HTTP status)
/// with the reason appended to its message, e.g. "(after 5 attempts; no retries left)" or
/// "(not retried: syncMObjects INSERT is not idempotent ...)".
/// `request_may_have_reached_server()` is true when ANY attempt may have reached the server.

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>

#include "marketo/idempotency.h"
#include "marketo/status.h"
#include "marketo/timing.h"

namespace marketo {

/// How the exponential backoff delay is randomised.
enum class Jitter {
  /// No randomness: initial_delay × multiplier^n, capped at max_delay.
  kNone,
  /// "Full jitter": uniform in [0, min(max_delay, initial_delay × multiplier^n)].
  kFull,
  /// "Decorrelated jitter": d₀ = initial_delay; dₙ = min(max_delay, uniform in
  /// [initial_delay, 3 × dₙ₋₁]). `multiplier` is not used.
  kDecorrelated,
};

/// Returns the enumerator name without the `k`, e.g. "Full".
const char* ToString(Jitter jitter) noexcept;

/// Truncated, randomised exponential backoff. Defaults: 500 ms, ×2, at most 30 s, full jitter.
struct BackoffPolicy {
  /// Delay ceiling before the first retry. Values below 1 ms are treated as 1 ms.
  std::chrono::milliseconds initial_delay{500};
  /// Upper bound of any single backoff delay.
  std::chrono::milliseconds max_delay{30000};
  /// Growth factor of the ceiling per retry; values below 1 are treated as 1.
  double multiplier = 2.0;
  /// Randomisation; jitter spreads retries of concurrent callers apart.
  Jitter jitter = Jitter::kFull;
};

/// Retry settings of a connection (ClientOptions::retry). A plain value type; copy freely.
///
/// The defaults respect Marketo's limits: five attempts at most, and a wait of at least the whole
/// 20 s rate window after "Rate Limit Exceeded" (20023), in the limiter or here.
struct RetryPolicy {
  /// Attempts after the first one; 0 (or less) disables retrying. Default 4 (5 attempts in
  /// total).
  int max_retries = 4;
  /// Delay schedule between attempts.
  BackoffPolicy backoff;
  /// Extra wait added to the backoff delay after a 20023 "Rate Limit Exceeded" fault, so the
  /// next attempt falls into a new 20 s rate window. Only used when the client-side rate limit
  /// is off (LimitOptions::max_calls_per_window == 0); otherwise the limiter waits. Default 20 s.
  std::chrono::milliseconds rate_limit_delay{20000};
  /// Wait before re-sending a request rejected with 20016 "Request Expired" (instead of the
  /// backoff delay). The retry carries a new timestamp and signature; timestamps have seconds
  /// precision, so the default of 1 s guarantees the new one differs from the rejected one.
  std::chrono::milliseconds expired_retry_delay{1000};
  /// Overall budget of one call, measured from its first attempt: attempts and the sleeps
  /// between them together never exceed it. No retry is started whose backoff would end after
  /// the budget, and each attempt is cut off (kDeadlineExceeded) when the budget runs out, as it
  /// is at ClientOptions::call_timeout. Default 2 minutes.
  std::chrono::milliseconds max_total_time{120000};
  /// Decides per call whether it is idempotent; empty (the default) means DefaultIdempotency,
  /// the table of idempotency.h. Override it to change the rule of some operations, e.g.
  /// `[](const CallDescription& c) { return c.operation == Operation::kDeleteMObjects ?
  /// Idempotency::kNonIdempotent : DefaultIdempotency(c); }`.
  IdempotencyPolicy idempotency;
  /// Retry non-idempotent calls (INSERT, keyless UPSERT, Program cost lines without an Id) even
  /// when the failed attempt may have been executed by the server. Doing so can create
  /// duplicates; default false.
  bool retry_non_idempotent = false;
  /// Sleeps between attempts; empty means std::this_thread::sleep_for.
  SleepFunction sleeper;
  /// Measures the time budget; empty means std::chrono::steady_clock::now.
  SteadyClockFunction clock;
  /// Seed of the jitter random source; nullopt (default) seeds from std::random_device. Set it
  /// for reproducible delays (tests).
  std::optional<std::uint64_t> random_seed;

  /// A policy that makes exactly one attempt per call.
  static RetryPolicy NoRetries() {
    RetryPolicy p;
    p.max_retries = 0;
    return p;
  }
};

/// The delay sequence of one call's retries. Deterministic for a given policy and seed on every
/// platform (it does not use the implementation-defined standard distributions).
///
/// @par Thread Safety
/// Not thread-safe; each call of the retry loop uses its own instance.
class ExponentialBackoff {
 public:
  /// A schedule for `policy` whose jitter is drawn from a generator seeded with `seed`.
  ExponentialBackoff(BackoffPolicy policy, std::uint64_t seed);

  /// The delay before the next retry; each call advances the schedule by one retry.
  std::chrono::milliseconds NextDelay();

 private:
  double Uniform01();

  BackoffPolicy policy_;
  std::mt19937_64 rng_;
  double ceiling_ms_;
  double previous_ms_;
};

/// How the retry loop treats a failure.
enum class RetryClass {
  /// Not retried: repeating the call would fail the same way (or the outcome is unknown).
  kPermanent,
  /// Retried after an exponential backoff delay.
  kTransient,
  /// Marketo 20023: the limiter waits for the window (or rate_limit_delay plus the backoff).
  kRateLimited,
  /// Marketo 20016: retried after RetryPolicy::expired_retry_delay with a new timestamp and
  /// signature, but only once per call (a second 20016 means the local clock is wrong and is
  /// returned).
  kRequestExpired,
  /// Marketo 20015: the daily quota is used up; never retried (it resets daily at 12:00 AM CST).
  kDailyQuotaExhausted,
};

/// Returns the enumerator name without the `k`, e.g. "RateLimited".
const char* ToString(RetryClass retry_class) noexcept;

/// Classifies a failed call's Status (see the table in this file's description). OK statuses
/// are kPermanent (nothing to retry).
RetryClass ClassifyForRetry(const Status& status) noexcept;

/// True when the failed call cannot have been executed by the server: either no byte of the
/// request reached the network (`!status.request_may_have_reached_server()`, e.g. connect
/// refused or a client-side rejection), or Marketo refused the whole request at admission with
/// 20013, 20014, 20015, 20016, 20023 or 20024. Repeating a non-idempotent call is safe only then.
bool RequestProvablyNotExecuted(const Status& status) noexcept;

}  // namespace marketo

#endif  // MARKETO_RETRY_H_
