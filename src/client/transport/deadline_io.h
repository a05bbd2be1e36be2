#ifndef MARKETO_SRC_CLIENT_TRANSPORT_DEADLINE_IO_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_DEADLINE_IO_H_

#include <chrono>
#include <cstddef>

#include "transport/context.h"

namespace marketo {
namespace internal {

// gSOAP timeout value of `ms`: > 0 seconds, < 0 microseconds (never 0, which means forever).
int ToSoapTimeout(std::chrono::milliseconds ms);

// Socket I/O under the attempt's deadline (Context::deadline) as well as the per-send /
// per-receive timeouts. gSOAP's own loops wait the full timeout again after every byte (and its
// TLS read loop repeats inside one call), so a peer trickling bytes could extend a call without
// end; these loops poll with min(timeout, time left) each time and stop once the deadline has
// passed, setting CallIo::deadline_hit.
size_t DeadlineRecv(Context& c, struct soap* s, char* buf, size_t len);
int DeadlineSend(Context& c, struct soap* s, const char* data, size_t n);

// Connect and TLS handshake with connect_timeout shrunk to the time left; the new socket is
// made non-blocking for the loops above.
SOAP_SOCKET DeadlineOpen(struct soap* s, const char* endpoint, const char* host, int port);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_DEADLINE_IO_H_
