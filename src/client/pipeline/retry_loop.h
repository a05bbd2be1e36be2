#ifndef MARKETO_SRC_CLIENT_PIPELINE_RETRY_LOOP_H_
#define MARKETO_SRC_CLIENT_PIPELINE_RETRY_LOOP_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>

#include "marketo/retry.h"
#include "marketo/status.h"

namespace marketo {
namespace internal {

// Names a call in the retry loop's messages, e.g. {"syncMObjects", "INSERT"}.
struct CallLabel {
  const char* operation = "";
  const char* mode = nullptr;  // optional second word

  std::string ToString() const;
};

// The one retry loop of every operation (google-cloud-cpp's internal/retry_loop.h is the
// model): repeats an attempt until it succeeds, fails permanently, fails in a way that makes a
// non-idempotent call unsafe to repeat, runs out of retries, or would overrun the time budget.
// Thread-safe; one instance serves every call of a connection.
class RetryLoop {
 public:
  // `limiter_rate_wait` > 0: a limiter before every attempt waits about that long after a 20023
  // (CallLimiter::OnRateLimitFault), so the loop adds no delay of its own then; it only checks
  // the budget against that wait. 0: the loop waits rate_limit_delay plus the backoff.
  explicit RetryLoop(RetryPolicy policy,
                     std::chrono::milliseconds limiter_rate_wait = std::chrono::milliseconds(0));
  RetryLoop(const RetryLoop&) = delete;
  RetryLoop& operator=(const RetryLoop&) = delete;

  // Returns the last attempt's Status, with the attempt count and the reason for stopping
  // appended to its message and request_may_have_reached_server() true if any attempt may have
  // reached the server (so a caller never wrongly concludes that a lost INSERT is safe to
  // resend).
  Status Run(Idempotency idempotency, const CallLabel& label,
             const std::function<Status()>& attempt);

 private:
  using TimePoint = std::chrono::steady_clock::time_point;

  struct Progress {
    TimePoint start;
    int attempts = 0;
    bool reached_any = false;
    bool expired_retried = false;
    std::optional<ExponentialBackoff> backoff;
  };

  TimePoint Now() const;
  Status RunBounded(const std::function<Status()>& attempt, TimePoint start) const;
  void Sleep(std::chrono::milliseconds d) const;
  std::uint64_t NextSeed();
  // Why the loop ends after `status`, or nullopt to retry. An empty note ends it silently.
  std::optional<std::string> StopNote(const Status& status, RetryClass retry_class,
                                      Idempotency idempotency, const CallLabel& label,
                                      const Progress& progress) const;
  std::chrono::milliseconds NextDelay(RetryClass retry_class, Progress& progress);

  RetryPolicy policy_;
  std::chrono::milliseconds limiter_rate_wait_;
  std::mutex mu_;
  std::mt19937_64 seeds_;  // guarded by mu_
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_PIPELINE_RETRY_LOOP_H_
