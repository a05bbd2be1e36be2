#include "pipeline/retry_loop.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "call_deadline.h"

namespace marketo {
namespace internal {
namespace {

Status Finish(const Status& last, int attempts, bool reached_any, const std::string& note) {
  ErrorInfo info = last.error_info();
  info.request_may_have_reached_server = reached_any;
  std::string message = last.message();
  std::string extra;
  if (attempts > 1) extra = "after " + std::to_string(attempts) + " attempts";
  if (!note.empty()) extra += (extra.empty() ? "" : "; ") + note;
  if (!extra.empty()) message += " (" + extra + ")";
  return Status(last.code(), std::move(message), std::move(info));
}

}  // namespace

std::string CallLabel::ToString() const {
  std::string s = operation;
  if (mode != nullptr) s += std::string(" ") + mode;
  return s;
}

RetryLoop::RetryLoop(RetryPolicy policy, std::chrono::milliseconds limiter_rate_wait)
    : policy_(std::move(policy)), limiter_rate_wait_(limiter_rate_wait) {
  seeds_.seed(policy_.random_seed ? *policy_.random_seed : std::random_device{}());
}

RetryLoop::TimePoint RetryLoop::Now() const {
  return policy_.clock ? policy_.clock() : std::chrono::steady_clock::now();
}

void RetryLoop::Sleep(std::chrono::milliseconds d) const {
  if (policy_.sleeper) {
    policy_.sleeper(d);
  } else {
    std::this_thread::sleep_for(d);
  }
}

// One seed per call from a shared generator: deterministic for a fixed random_seed and a fixed
// call order, and no generator is shared between concurrent calls.
std::uint64_t RetryLoop::NextSeed() {
  std::lock_guard<std::mutex> lock(mu_);
  return seeds_();
}

// The attempt may use only what is left of the budget, so attempts plus sleeps stay within it.
Status RetryLoop::RunBounded(const std::function<Status()>& attempt, TimePoint start) const {
  const auto left = policy_.max_total_time - (Now() - start);
  BudgetDeadline budget(std::chrono::steady_clock::now() +
                        std::max<std::chrono::steady_clock::duration>(left, {}));
  return attempt();
}

Status RetryLoop::Run(Idempotency idempotency, const CallLabel& label,
                      const std::function<Status()>& attempt) {
  Progress progress;
  progress.start = Now();
  for (;;) {
    ++progress.attempts;
    Status status = RunBounded(attempt, progress.start);
    if (status.ok()) return status;
    progress.reached_any = progress.reached_any || status.request_may_have_reached_server();
    const RetryClass retry_class = ClassifyForRetry(status);
    if (auto note = StopNote(status, retry_class, idempotency, label, progress)) {
      return Finish(status, progress.attempts, progress.reached_any, *note);
    }
    const std::chrono::milliseconds delay = NextDelay(retry_class, progress);
    const bool limiter_waits =
        retry_class == RetryClass::kRateLimited && limiter_rate_wait_.count() > 0;
    if (Now() - progress.start + (limiter_waits ? limiter_rate_wait_ : delay) >
        policy_.max_total_time) {
      return Finish(status, progress.attempts, progress.reached_any,
                    "the next retry would exceed the retry budget of " +
                        std::to_string(policy_.max_total_time.count()) + " ms");
    }
    if (delay > std::chrono::milliseconds(0)) Sleep(delay);
    if (retry_class == RetryClass::kRequestExpired) progress.expired_retried = true;
  }
}

std::optional<std::string> RetryLoop::StopNote(const Status& status, RetryClass retry_class,
                                               Idempotency idempotency, const CallLabel& label,
                                               const Progress& progress) const {
  if (retry_class == RetryClass::kPermanent || retry_class == RetryClass::kDailyQuotaExhausted ||
      policy_.max_retries <= 0) {
    return std::string();
  }
  if (retry_class == RetryClass::kRequestExpired && progress.expired_retried) {
    return std::string("expired again with a fresh timestamp: check the local clock");
  }
  if (idempotency == Idempotency::kNonIdempotent && !policy_.retry_non_idempotent &&
      !RequestProvablyNotExecuted(status)) {
    return "not retried: " + label.ToString() +
           " is not idempotent and the request may have reached the server; "
           "see RetryPolicy::retry_non_idempotent";
  }
  if (progress.attempts > policy_.max_retries) return std::string("no retries left");
  return std::nullopt;
}

std::chrono::milliseconds RetryLoop::NextDelay(RetryClass retry_class, Progress& progress) {
  if (retry_class == RetryClass::kRequestExpired) {
    // The next attempt is signed afresh by the transport; the pause makes its timestamp
    // (seconds precision) differ from the rejected one.
    return std::max(policy_.expired_retry_delay, std::chrono::milliseconds(0));
  }
  if (retry_class == RetryClass::kRateLimited && limiter_rate_wait_.count() > 0) {
    return std::chrono::milliseconds(0);  // the limiter waits for the server's window
  }
  if (!progress.backoff) progress.backoff.emplace(policy_.backoff, NextSeed());
  std::chrono::milliseconds delay = progress.backoff->NextDelay();
  if (retry_class == RetryClass::kRateLimited) {
    delay += std::max(policy_.rate_limit_delay, std::chrono::milliseconds(0));
  }
  return delay;
}

}  // namespace internal
}  // namespace marketo
