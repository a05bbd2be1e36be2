#include "transport/context.h"

#include <sys/socket.h>

#include <algorithm>
#include <mutex>
#include <utility>

#include "marketo/version.h"
#include "transport/deadline_io.h"
#include "transport/io_hooks.h"

namespace marketo {
namespace internal {
namespace {

std::once_flag g_ssl_once;

// TLS 1.2/1.3 with peer and host verification unless turned off. A pinned CA file replaces the
// system store so trust is exactly what the caller gave.
Status SetUpTls(struct soap* s, const TlsOptions& tls) {
  std::call_once(g_ssl_once, [] { soap_ssl_init(); });
  unsigned short flags = SOAP_TLSv1_2 | SOAP_TLSv1_3;
  if (tls.verify_peer) {
    flags |= SOAP_SSL_DEFAULT;
    if (!tls.ca_file.empty()) flags |= SOAP_SSL_NO_DEFAULT_CA_PATH;
  } else {
    flags |= SOAP_SSL_NO_AUTHENTICATION;
  }
  const char* cafile = tls.ca_file.empty() ? nullptr : tls.ca_file.c_str();
  const char* capath = tls.ca_path.empty() ? nullptr : tls.ca_path.c_str();
  if (soap_ssl_client_context(s, flags, nullptr, nullptr, cafile, capath, nullptr) == SOAP_OK) {
    return Status();
  }
  const char** fs = soap_faultstring(s);
  const char** fd = soap_faultdetail(s);
  std::string msg = "cannot set up TLS";
  if (fs != nullptr && *fs != nullptr) msg += std::string(": ") + *fs;
  if (fd != nullptr && *fd != nullptr) msg += std::string(" (") + *fd + ")";
  ErrorInfo info;
  info.request_may_have_reached_server = false;
  return Status(StatusCode::kTlsError, std::move(msg), std::move(info));
}

soap_mode ContextMode(bool over_wire) {
  // A Wire has no connection to keep alive; every call is a fresh round trip.
  return static_cast<soap_mode>(SOAP_C_UTFSTRING | (over_wire ? 0 : SOAP_IO_KEEPALIVE));
}

}  // namespace

Context::Context(const ClientOptions& opts, const std::shared_ptr<Wire>& w)
    : options(opts),
      wire(w.get()),
      capture(w != nullptr || static_cast<bool>(opts.wire_log)),
      user_agent(opts.user_agent.empty() ? "marketo-soap/" MARKETO_SOAP_VERSION_STRING
                                         : opts.user_agent),
      proxy(ContextMode(w != nullptr), ContextMode(w != nullptr)) {
  struct soap* s = proxy.soap;
  s->user = this;
  // Naming the table also makes a static link pull in the object that defines it (libgsoap
  // needs the symbol but sits after our archive on the link line).
  soap_set_namespaces(s, namespaces);
  s->connect_timeout = ToSoapTimeout(opts.connect_timeout);
  s->send_timeout = ToSoapTimeout(opts.send_timeout);
  s->recv_timeout = ToSoapTimeout(opts.receive_timeout);
  s->socket_flags = MSG_NOSIGNAL;
  s->recv_maxlength = static_cast<ULONG64>(opts.max_response_bytes);
  s->maxlevel = kMaxXmlDepth;
  s->maxlength = kMaxStringLength;
  s->maxoccurs = kMaxOccurs;
  InstallIoHooks(*this);
  if (wire == nullptr && opts.endpoint.compare(0, 8, "https://") == 0) {
    setup_error = SetUpTls(s, opts.tls);
  }
}

}  // namespace internal
}  // namespace marketo
