#ifndef MARKETO_SRC_CLIENT_PIPELINE_CALL_PIPELINE_H_
#define MARKETO_SRC_CLIENT_PIPELINE_CALL_PIPELINE_H_

#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "marketo/idempotency.h"
#include "marketo/options.h"
#include "marketo/status_or.h"
#include "pipeline/call_limiter.h"
#include "pipeline/retry_loop.h"

namespace marketo {
namespace internal {

// The path every call of every operation takes, whatever the transport: the retry loop, ruled
// by the call's idempotency, around attempts that each first take a slot of the client-side
// limiter (so every retry queues again). An attempt signs, sends and maps its own errors.
class CallPipeline {
 public:
  explicit CallPipeline(const ClientOptions& options);
  CallPipeline(const CallPipeline&) = delete;
  CallPipeline& operator=(const CallPipeline&) = delete;

  // `mode` is an optional second word for messages, e.g. "INSERT".
  template <typename T, typename Attempt>
  StatusOr<T> Run(const CallDescription& call, const char* mode, Attempt&& attempt) {
    std::optional<StatusOr<T>> last;
    Status status = RunAttempts(call, mode, [&] {
      last.emplace(attempt());
      return last->status();
    });
    if (status.ok()) return std::move(*last);
    return status;
  }

 private:
  Status RunAttempts(const CallDescription& call, const char* mode,
                     const std::function<Status()>& attempt);

  IdempotencyPolicy idempotency_;
  RetryLoop retry_;
  std::unique_ptr<CallLimiter> limiter_;  // null when both limits are off
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_PIPELINE_CALL_PIPELINE_H_
