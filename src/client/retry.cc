#include "marketo/retry.h"

#include <algorithm>
#include <cmath>

#include "marketo/error_codes.h"

namespace marketo {
namespace {

// Whole milliseconds, rounded to nearest and clamped to [0, max_ms].
std::chrono::milliseconds ToMillis(double ms, double max_ms) {
  ms = std::clamp(ms, 0.0, max_ms);
  return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(std::llround(ms)));
}

}  // namespace

const char* ToString(Jitter jitter) noexcept {
  switch (jitter) {
    case Jitter::kNone:
      return "None";
    case Jitter::kFull:
      return "Full";
    case Jitter::kDecorrelated:
      return "Decorrelated";
  }
  return "Unknown";
}

ExponentialBackoff::ExponentialBackoff(BackoffPolicy policy, std::uint64_t seed)
    : policy_(policy), rng_(seed) {
  if (policy_.initial_delay < std::chrono::milliseconds(1)) {
    policy_.initial_delay = std::chrono::milliseconds(1);
  }
  if (policy_.max_delay < std::chrono::milliseconds(0)) {
    policy_.max_delay = std::chrono::milliseconds(0);
  }
  if (!(policy_.multiplier >= 1.0)) policy_.multiplier = 1.0;  // also catches NaN
  ceiling_ms_ = static_cast<double>(policy_.initial_delay.count());
  previous_ms_ = 0;
}

double ExponentialBackoff::Uniform01() {
  // 53 random bits -> [0, 1); identical on every standard library.
  return static_cast<double>(rng_() >> 11) * (1.0 / 9007199254740992.0);
}

std::chrono::milliseconds ExponentialBackoff::NextDelay() {
  const double max_ms = static_cast<double>(policy_.max_delay.count());
  const double initial_ms = static_cast<double>(policy_.initial_delay.count());
  double delay = 0;
  switch (policy_.jitter) {
    case Jitter::kNone:
      delay = std::min(ceiling_ms_, max_ms);
      break;
    case Jitter::kFull:
      delay = Uniform01() * std::min(ceiling_ms_, max_ms);
      break;
    case Jitter::kDecorrelated: {
      if (previous_ms_ <= 0) {
        delay = initial_ms;
      } else {
        const double hi = std::max(initial_ms, 3.0 * previous_ms_);
        delay = initial_ms + Uniform01() * (hi - initial_ms);
      }
      delay = std::min(delay, max_ms);
      previous_ms_ = delay;
      break;
    }
  }
  // The ceiling stops growing once it passes max_delay (no overflow after many retries).
  if (ceiling_ms_ < max_ms) ceiling_ms_ *= policy_.multiplier;
  return ToMillis(delay, max_ms);
}

const char* ToString(RetryClass retry_class) noexcept {
  switch (retry_class) {
    case RetryClass::kPermanent:
      return "Permanent";
    case RetryClass::kTransient:
      return "Transient";
    case RetryClass::kRateLimited:
      return "RateLimited";
    case RetryClass::kRequestExpired:
      return "RequestExpired";
    case RetryClass::kDailyQuotaExhausted:
      return "DailyQuotaExhausted";
  }
  return "Unknown";
}

RetryClass ClassifyForRetry(const Status& status) noexcept {
  if (status.ok()) return RetryClass::kPermanent;
  // A Marketo code decides, whatever StatusCode carries it (kSoapFault or kResourceExhausted).
  namespace codes = error_codes;
  switch (status.marketo_error_code()) {
    case 0:
      break;
    case codes::kInternalError:
    case codes::kApiServiceFailure:
    case codes::kConcurrencyLimitExceeded:
      return RetryClass::kTransient;
    case codes::kRateLimitExceeded:
      return RetryClass::kRateLimited;
    case codes::kRequestExpired:
      return RetryClass::kRequestExpired;
    case codes::kRequestLimitExceeded:
      return RetryClass::kDailyQuotaExhausted;
    default:
      return RetryClass::kPermanent;
  }
  switch (status.code()) {
    case StatusCode::kUnavailable:
    case StatusCode::kDeadlineExceeded:
      return RetryClass::kTransient;
    case StatusCode::kHttpError:
      switch (status.http_status()) {
        case 408:  // Request Timeout
        case 429:  // Too Many Requests (a proxy; Marketo itself answers 20023)
        case 502:  // Bad Gateway
        case 503:  // Service Unavailable
        case 504:  // Gateway Timeout
          return RetryClass::kTransient;
        default:
          return RetryClass::kPermanent;
      }
    default:
      return RetryClass::kPermanent;
  }
}

bool RequestProvablyNotExecuted(const Status& status) noexcept {
  if (status.ok()) return false;
  if (!status.request_may_have_reached_server()) return true;
  // Marketo refuses these at admission, before the operation runs.
  namespace codes = error_codes;
  switch (status.marketo_error_code()) {
    case codes::kAccessDenied:
    case codes::kAuthenticationFailed:
    case codes::kRequestLimitExceeded:
    case codes::kRequestExpired:
    case codes::kRateLimitExceeded:
    case codes::kConcurrencyLimitExceeded:
      return true;
    default:
      return false;
  }
}

}  // namespace marketo
