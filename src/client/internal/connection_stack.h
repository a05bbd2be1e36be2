#ifndef MARKETO_SRC_CLIENT_INTERNAL_CONNECTION_STACK_H_
#define MARKETO_SRC_CLIENT_INTERNAL_CONNECTION_STACK_H_

#include <memory>

#include "marketo/limits.h"
#include "marketo/mobject_connection.h"
#include "marketo/options.h"
#include "marketo/retry.h"

namespace marketo {
namespace internal {

// Every call of `inner` passes through one CallLimiter (Acquire before, Release after).
std::shared_ptr<MObjectConnection> MakeLimitingMObjectConnection(
    std::shared_ptr<MObjectConnection> inner, LimitOptions limits);

// Runs every call of `inner` through the retry loop of `policy` (see marketo/retry.h).
std::shared_ptr<MObjectConnection> MakeRetryingMObjectConnection(
    std::shared_ptr<MObjectConnection> inner, RetryPolicy policy);

// The production stack over any transport-level connection: retry(limit(inner)). The limiter
// layer is left out when both limits are 0. Each retry attempt goes through the limiter again,
// and the soap connection signs every attempt afresh.
std::shared_ptr<MObjectConnection> MakeConnectionStack(const ClientOptions& options,
                                                       std::shared_ptr<MObjectConnection> inner);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_INTERNAL_CONNECTION_STACK_H_
