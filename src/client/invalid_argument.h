// The one way the clients report a request that fails validation: kInvalidArgument, and marked
// as never sent, so no retry policy or caller mistakes it for a call that may have run.
#ifndef MARKETO_SRC_CLIENT_INVALID_ARGUMENT_H_
#define MARKETO_SRC_CLIENT_INVALID_ARGUMENT_H_

#include <string>
#include <utility>

#include "marketo/status.h"

namespace marketo {
namespace internal {

inline Status Invalid(std::string message) {
  ErrorInfo info;
  info.request_may_have_reached_server = false;
  return Status(StatusCode::kInvalidArgument, std::move(message), std::move(info));
}

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_INVALID_ARGUMENT_H_
