#include "marketo/connection.h"

#include <string>

namespace marketo {

Status UnimplementedError(Operation operation) {
  ErrorInfo info;
  info.request_may_have_reached_server = false;
  return Status(StatusCode::kUnimplemented,
                std::string(ToString(operation)) + ": not implemented by this connection",
                std::move(info));
}

}  // namespace marketo
