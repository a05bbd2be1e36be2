#ifndef MARKETO_SRC_CLIENT_TRANSPORT_CONTEXT_H_
#define MARKETO_SRC_CLIENT_TRANSPORT_CONTEXT_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "marketo/options.h"
#include "marketo/status.h"
#include "soapMktowsApiSoapBindingProxy.h"
#include "transport/call_io.h"
#include "transport/hardening.h"
#include "transport/request_builder.h"
#include "transport/wire.h"
#include "transport/wire_gate.h"

namespace marketo {
namespace internal {

// One gSOAP context with its keep-alive connection, TLS setup, timeouts and I/O hooks, plus the
// bookkeeping of the call it is serving. Exactly one thread uses it at a time (see ContextPool).
struct Context {
  // With a Wire, requests go to wire->RoundTrip() instead of a socket.
  Context(const ClientOptions& opts, const std::shared_ptr<Wire>& w);
  ~Context() = default;
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  struct soap* soap() const {
    return proxy.soap;
  }

  const ClientOptions& options;
  Wire* wire;
  bool capture;  // keep the bytes sent/received (a Wire needs the request; the wire log both)
  std::string user_agent;
  CallIo io;
  std::string wire_response;
  std::size_t wire_pos = 0;
  bool wire_fetched = false;
  WireGate* gate = nullptr;    // the gate of the WireLimited() view this call came through
  bool holds_permit = false;   // this call holds one of gate's permits
  Clock::time_point deadline;  // of the current attempt: call_timeout or the retry budget
  std::chrono::milliseconds deadline_span{0};  // its length, for the message
  bool deadline_by_budget = false;             // the retry budget, not call_timeout, set it
  mktows__AuthenticationHeaderInfo auth;
  Status setup_error;  // e.g. an unreadable CA file: the first call's error
  int (*orig_fsend)(struct soap*, const char*, size_t) = nullptr;
  size_t (*orig_frecv)(struct soap*, char*, size_t) = nullptr;
  int (*orig_fposthdr)(struct soap*, const char*, const char*) = nullptr;
  int (*orig_fparsehdr)(struct soap*, const char*, const char*) = nullptr;
  SOAP_SOCKET (*orig_fopen)(struct soap*, const char*, const char*, int) = nullptr;
  // Destroyed before the members above it: its destructor may still call our callbacks.
  MktowsApiSoapBindingProxy proxy;
  // Holds the largest request this context has built until the context goes; gSOAP keeps no
  // pointer to these between calls.
  RequestBuilder builder{proxy.soap};
};

inline Context* Ctx(struct soap* s) { return static_cast<Context*>(s->user); }

// Frees everything gSOAP allocated for one call (arena objects and the parsed response) and
// hands the recycled request objects out afresh.
class ArenaGuard {
 public:
  explicit ArenaGuard(Context& c) : c_(c) { c_.builder.Reset(); }
  ~ArenaGuard() { c_.proxy.destroy(); }
  ArenaGuard(const ArenaGuard&) = delete;
  ArenaGuard& operator=(const ArenaGuard&) = delete;

 private:
  Context& c_;
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_TRANSPORT_CONTEXT_H_
