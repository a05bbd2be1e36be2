#ifndef MARKETO_SRC_CLIENT_OPERATIONS_SOAP_CONNECTION_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_SOAP_CONNECTION_H_

#include <memory>

#include "marketo/connection.h"
#include "marketo/options.h"
#include "transport/wire.h"

namespace marketo {
namespace internal {

// The SDK's connection in its three configurations. All are the same class (soap_connection.cc)
// and support WireLimited().

// The production stack: every call through the pipeline (retry loop, limiter), every attempt
// through gSOAP. With a Wire, requests go to wire->RoundTrip() instead of a socket: the seam of
// unit tests, the fuzzer and benchmarks (serialisation, auth header, HTTP parsing, error mapping
// and wire log are the production code).
std::shared_ptr<Connection> MakeConnection(ClientOptions options, std::shared_ptr<Wire> wire);

// The transport alone: exactly one attempt per call, no limiter.
std::shared_ptr<Connection> MakeSoapConnection(ClientOptions options, std::shared_ptr<Wire> wire);

// The pipeline over any Connection: each attempt calls `inner`'s method (tests script
// failures with a fake, or count the attempts that reach the transport).
std::shared_ptr<Connection> MakeConnectionStack(ClientOptions options,
                                                std::shared_ptr<Connection> inner);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_SOAP_CONNECTION_H_
