#ifndef MARKETO_SRC_CLIENT_TRANSPORT_ERROR_MAPPING_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_ERROR_MAPPING_H_

#include "marketo/status.h"
#include "transport/call_io.h"
#include "transport/context.h"

namespace marketo {
namespace internal {

// Turns a failed gSOAP call on `c` into the SDK's Status: a SOAP fault (with Marketo's code from
// detail/serviceException), a transport failure (connect, TLS, reset, timeout, a response cut
// off), an HTTP error, or a response that cannot be read. `op` prefixes the message; the
// encryption key and the request's signature never appear in it.
Status MapError(const Context& c, const char* op, Clock::duration elapsed);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_ERROR_MAPPING_H_
