#ifndef MARKETO_SRC_CLIENT_TRANSPORT_WIRE_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_WIRE_H_

#include <string>

namespace marketo {
namespace internal {

// Replaces the network under the real gSOAP connection (unit tests, fuzzing). RoundTrip gets
// the complete HTTP request (headers and body) exactly as gSOAP wrote it and returns the raw
// HTTP response bytes gSOAP will parse, e.g.
// "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 12\r\n\r\n<envelope/>".
// Returning fewer bytes simulates a truncated response; throwing simulates a closed connection
// (the client sees EOF).
class Wire {
 public:
  virtual ~Wire() = default;
  virtual std::string RoundTrip(const std::string& http_request) = 0;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_WIRE_H_
