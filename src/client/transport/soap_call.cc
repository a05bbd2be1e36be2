#include "transport/soap_call.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

#include "call_deadline.h"
#include "invalid_argument.h"
#include "marketo/auth.h"
#include "transport/error_mapping.h"
#include "transport/io_hooks.h"
#include "transport/sigpipe_guard.h"
#include "transport/xml_text.h"

namespace marketo {
namespace internal {
namespace {

Status NoEndpoint(const char* op) {
  ErrorInfo info;
  info.request_may_have_reached_server = false;
  return Status(StatusCode::kInvalidArgument, std::string(op) + ": no endpoint configured",
                std::move(info));
}

void ResetCall(Context& c, WireGate* gate) {
  c.io.Reset();
  c.wire_response.clear();
  c.wire_pos = 0;
  c.wire_fetched = false;
  c.gate = gate;
  c.holds_permit = false;
}

// The attempt ends at call_timeout or at the end of the retry budget, whichever comes first.
void SetDeadline(Context& c) {
  using std::chrono::milliseconds;
  const auto now = Clock::now();
  // Capped so that adding it to the clock cannot overflow.
  c.deadline_span = std::min<milliseconds>(c.options.call_timeout, std::chrono::hours(24 * 365));
  c.deadline = now + c.deadline_span;
  c.deadline_by_budget = false;
  if (const auto budget = BudgetDeadline::Current(); budget && *budget < c.deadline) {
    c.deadline = *budget;
    c.deadline_span = std::chrono::ceil<milliseconds>(std::max(*budget - now, Clock::duration{}));
    c.deadline_by_budget = true;
  }
}

// Signed per attempt: a retry must never reuse an old timestamp (20016).
void Sign(Context& c) {
  const ClientOptions& o = c.options;
  const auto now = o.clock ? o.clock() : std::chrono::system_clock::now();
  c.auth.mktowsUserId = o.credentials.user_id;
  c.auth.requestTimestamp = FormatW3CTimestamp(now, o.timestamp_utc_offset);
  c.auth.requestSignature = ComputeSignature(c.auth.requestTimestamp, o.credentials.user_id,
                                             o.credentials.encryption_key);
  // gSOAP clears soap->header after every call, so it is set again each time.
  c.proxy.soap_header(&c.auth, c.builder.context_header());
}

void EmitWireLog(const Context& c) {
  const WireLogHook& log = c.options.wire_log;
  try {
    if (!c.io.sent.empty()) {
      std::string body = HttpBody(c.io.sent);
      MaskCredentials(body);
      log(WireDirection::kRequest, body);
    }
    if (!c.io.received.empty()) {
      std::string body = HttpBody(c.io.received);
      MaskCredentials(body);
      log(WireDirection::kResponse, body);
    }
  } catch (...) {
    // A logging hook must not turn a call into a crash.
  }
}

}  // namespace

Status Exchange(Context& c, const char* op, WireGate* gate, const std::function<int()>& invoke) {
  if (!c.setup_error.ok()) return c.setup_error;
  if (c.options.endpoint.empty()) return NoEndpoint(op);
  if (c.options.call_timeout <= std::chrono::milliseconds(0)) {
    return Invalid(std::string(op) + ": ClientOptions::call_timeout must be > 0");
  }
  ResetCall(c, gate);
  SetDeadline(c);
  Sign(c);
  // Serialise the request once: in its default output mode gSOAP serialises every request
  // twice, once to count its Content-Length and once to send it. SOAP_IO_STORE builds it once
  // in memory and sends it with the same Content-Length (not chunked), so the bytes on the wire
  // are unchanged. Set per call because gSOAP resets the output I/O mode after a call.
  c.soap()->omode = (c.soap()->omode & ~SOAP_IO) | SOAP_IO_STORE;
  const auto t0 = Clock::now();
  int rc;
  {
    SigpipeGuard sigpipe;
    WireExit wire_exit(c);
    rc = invoke();
  }
  const auto elapsed = Clock::now() - t0;
  c.gate = nullptr;
  if (c.options.wire_log) EmitWireLog(c);
  if (rc == SOAP_OK) return Status();
  Status st = MapError(c, op, elapsed);
  soap_force_closesock(c.soap());
  return st;
}

}  // namespace internal
}  // namespace marketo
