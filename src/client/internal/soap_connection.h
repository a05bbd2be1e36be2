#ifndef MARKETO_SRC_CLIENT_INTERNAL_SOAP_CONNECTION_H_
#define MARKETO_SRC_CLIENT_INTERNAL_SOAP_CONNECTION_H_

#include <memory>

#include "internal/wire.h"
#include "marketo/mobject_connection.h"
#include "marketo/options.h"

namespace marketo {
namespace internal {

// The gSOAP-backed MObjectConnection. With a null `wire` it talks to options.endpoint over
// TCP/TLS; with a Wire every request goes to wire->RoundTrip() instead (no socket), which is
// the seam for unit tests and the fuzzer. Everything else (serialisation, auth header, HTTP
// parsing, error mapping, wire log) is the production code path.
std::shared_ptr<MObjectConnection> MakeSoapMObjectConnection(ClientOptions options,
                                                             std::shared_ptr<Wire> wire);

// gSOAP hardening limits (see soap_connection.cc for the reasoning).
inline constexpr unsigned kMaxXmlDepth = 32;
inline constexpr long kMaxStringLength = 4L * 1024 * 1024;
inline constexpr std::size_t kMaxOccurs = 10000;

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_INTERNAL_SOAP_CONNECTION_H_
