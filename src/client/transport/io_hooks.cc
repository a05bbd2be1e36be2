#include "transport/io_hooks.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <string_view>

#include "transport/deadline_io.h"

namespace marketo {
namespace internal {
namespace {

// An idle keep-alive connection the server has closed: EOF or an error is pending. (Data that
// is pending, e.g. a TLS session ticket, does not mean closed.)
bool PeerClosed(SOAP_SOCKET fd) {
  if (!soap_valid_socket(fd)) return false;
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, 0) <= 0) return false;
  if (p.revents & (POLLERR | POLLNVAL)) return true;
  char b;
  const ssize_t r = recv(fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
  return r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

// Before a request's first byte: waits for the call's wire permit. gSOAP checked the kept-alive
// connection before serialising; if the server closed it while we waited, the call fails as
// not sent, which is always safe to retry, instead of writing into a dead socket.
int EnterWire(Context& c, struct soap* s) {
  if (c.gate == nullptr || c.holds_permit) return SOAP_OK;
  const bool waited = c.gate->Acquire();
  c.holds_permit = true;
  if (waited && c.wire == nullptr && PeerClosed(s->socket)) {
    c.io.send_errno = s->errnum = ECONNRESET;
    return SOAP_EOF;
  }
  return SOAP_OK;
}

int FSend(struct soap* s, const char* data, size_t n) {
  Context& c = *Ctx(s);
  if (c.io.bytes_sent == 0) {
    if (const int rc = EnterWire(c, s); rc != SOAP_OK) return rc;
  }
  if (c.capture) c.io.sent.append(data, n);
  // In SOAP_IO_STORE mode (see Exchange) gSOAP sends the HTTP head on its own and the stored
  // body right after it; MSG_MORE lets TCP put both in one segment instead of sending the head
  // as a tiny packet of its own (TCP_NODELAY). socket_flags only affects plain TCP.
  const bool head = c.io.bytes_sent == 0 && (s->omode & SOAP_IO) == SOAP_IO_STORE;
  c.io.bytes_sent += n;  // counted before sending: a partial write may reach the server
  if (c.wire != nullptr) return SOAP_OK;
  const int flags = s->socket_flags;
  if (head) s->socket_flags |= MSG_MORE;
  const int rc = DeadlineSend(c, s, data, n);
  s->socket_flags = flags;
  if (rc != SOAP_OK) c.io.send_errno = s->errnum;
  return rc;
}

// With a Wire: the whole request goes to RoundTrip() at the first read; throwing there
// simulates a closed connection.
size_t ReadFromWire(Context& c, char* buf, size_t len) {
  if (!c.wire_fetched) {
    c.wire_fetched = true;
    try {
      c.wire_response = c.wire->RoundTrip(c.io.sent);
    } catch (...) {
      c.wire_response.clear();
    }
  }
  const size_t n = std::min(len, c.wire_response.size() - c.wire_pos);
  std::copy_n(c.wire_response.data() + c.wire_pos, n, buf);
  c.wire_pos += n;
  return n;
}

size_t FRecv(struct soap* s, char* buf, size_t len) {
  Context& c = *Ctx(s);
  size_t n = 0;  // a response refused from its head ends here
  if (c.io.refused.empty()) {
    n = c.wire != nullptr ? ReadFromWire(c, buf, len) : DeadlineRecv(c, s, buf, len);
  }
  if (n == 0) c.io.recv_eof = true;
  c.io.TrackHead(buf, n);
  c.io.bytes_received += n;
  if (c.capture && c.options.wire_log) c.io.received.append(buf, n);
  // The server is done with the request: the permit goes to the next one while this response
  // is parsed. (A chunked response is released when the call ends.)
  if (c.holds_permit && (n == 0 || c.io.Complete())) LeaveWire(c);
  return n;
}

int FPostHdr(struct soap* s, const char* key, const char* value) {
  Context& c = *Ctx(s);
  if (key != nullptr) {
    // No compressed responses: keeps the wire log readable and removes the inflate path.
    if (std::strcmp(key, "Accept-Encoding") == 0) return SOAP_OK;
    if (std::strcmp(key, "User-Agent") == 0) value = c.user_agent.c_str();
  }
  return c.orig_fposthdr(s, key, value);
}

// A Content-Length that is not plain decimal digits (gSOAP would read "-85" as a huge unsigned
// length and try to allocate it) or that announces more than max_response_bytes is refused
// before any of the body is read. gSOAP replaces the error code while it looks for a fault in
// the body, so the reason is kept in CallIo and FRecv reads nothing more.
int CheckContentLength(Context& c, std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  const bool digits = !v.empty() && v.size() <= 19 && std::all_of(v.begin(), v.end(), [](char ch) {
    return ch >= '0' && ch <= '9';
  });
  if (!digits) {
    c.io.refused = "invalid Content-Length header";
  } else if (std::stoull(std::string(v)) > c.options.max_response_bytes) {
    c.io.refused = "response exceeds max_response_bytes (" +
                   std::to_string(c.options.max_response_bytes) + "): Content-Length " +
                   std::string(v);
  }
  return c.io.refused.empty() ? SOAP_OK : SOAP_LENGTH;
}

// The key is matched as gSOAP matches it (soap_tag_cmp: any case, and the '-' of the pattern
// stands for any one character), so every header gSOAP takes for the length is checked:
// "ContentXLength: -85" once slipped past a plain comparison (found by the fuzzer).
int FParseHdr(struct soap* s, const char* key, const char* value) {
  Context& c = *Ctx(s);
  if (key != nullptr && value != nullptr && soap_tag_cmp(key, "Content-Length") == 0) {
    if (const int rc = CheckContentLength(c, value); rc != SOAP_OK) return rc;
  }
  return c.orig_fparsehdr(s, key, value);
}

SOAP_SOCKET WireOpen(struct soap*, const char*, const char*, int) {
  // Any valid-looking descriptor: with a Wire no socket call is ever made on it.
  return static_cast<SOAP_SOCKET>(INT_MAX - 1);
}

int WireClose(struct soap* s) {
  s->socket = SOAP_INVALID_SOCKET;
  return SOAP_OK;
}

}  // namespace

void InstallIoHooks(Context& c) {
  struct soap* s = c.soap();
  c.orig_fsend = s->fsend;
  c.orig_frecv = s->frecv;
  c.orig_fposthdr = s->fposthdr;
  c.orig_fparsehdr = s->fparsehdr;
  c.orig_fopen = s->fopen;
  s->fsend = FSend;
  s->frecv = FRecv;
  s->fposthdr = FPostHdr;
  s->fparsehdr = FParseHdr;
  if (c.wire != nullptr) {
    s->fopen = WireOpen;
    s->fclose = WireClose;
  } else {
    s->fopen = DeadlineOpen;
  }
}

void LeaveWire(Context& c) {
  if (!c.holds_permit) return;
  c.gate->Release();
  c.holds_permit = false;
}

}  // namespace internal
}  // namespace marketo
