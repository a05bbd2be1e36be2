#include "pipeline/call_pipeline.h"

#include <algorithm>
#include <chrono>
#include <functional>

namespace marketo {
namespace internal {
namespace {

// Gives the limiter slot back however the attempt ends.
class LimiterSlot {
 public:
  explicit LimiterSlot(CallLimiter& limiter) : limiter_(limiter) {}
  ~LimiterSlot() { limiter_.Release(); }
  LimiterSlot(const LimiterSlot&) = delete;
  LimiterSlot& operator=(const LimiterSlot&) = delete;

 private:
  CallLimiter& limiter_;
};

// How long the limiter holds its slots after a 20023; 0 when it has no rate limit.
std::chrono::milliseconds LimiterRateWait(const LimitOptions& limits) {
  if (limits.max_calls_per_window == 0) return std::chrono::milliseconds(0);
  return std::max(limits.window, std::chrono::milliseconds(1)) +
         std::max(limits.margin, std::chrono::milliseconds(0));
}

}  // namespace

CallPipeline::CallPipeline(const ClientOptions& options)
    : idempotency_(options.retry.idempotency),
      retry_(options.retry, LimiterRateWait(options.limits)) {
  if (options.limits.max_calls_per_window > 0 || options.limits.max_in_flight > 0) {
    limiter_ = std::make_unique<CallLimiter>(options.limits);
  }
}

Status CallPipeline::RunAttempts(const CallDescription& call, const char* mode,
                                 const std::function<Status()>& attempt) {
  const Idempotency idempotency = idempotency_ ? idempotency_(call) : DefaultIdempotency(call);
  const char* name = ToString(call.operation);
  auto limited = [&] {
    if (limiter_ == nullptr) return attempt();
    if (Status s = limiter_->Acquire(name); !s.ok()) return s;
    LimiterSlot slot(*limiter_);
    Status status = attempt();
    if (ClassifyForRetry(status) == RetryClass::kRateLimited) limiter_->OnRateLimitFault();
    return status;
  };
  // std::ref: the std::function then stores a pointer, not a copy of the captures.
  return retry_.Run(idempotency, CallLabel{name, mode}, std::ref(limited));
}

}  // namespace internal
}  // namespace marketo
