#include "transport/deadline_io.h"

#include <fcntl.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>

namespace marketo {
namespace internal {
namespace {

using std::chrono::milliseconds;

// How long the next wait may last: the per-operation timeout or what is left of the deadline,
// whichever is shorter. Sets `by_deadline` when the deadline is the limit.
int WaitMs(const Context& c, milliseconds timeout, bool& by_deadline) {
  const auto left = std::chrono::ceil<milliseconds>(c.deadline - Clock::now());
  by_deadline = left <= timeout;
  const long long ms = std::max<long long>(std::min(left, timeout).count(), 0);
  return static_cast<int>(std::min<long long>(ms, INT_MAX));
}

bool Transient(int err) { return err == EINTR || err == EAGAIN || err == EWOULDBLOCK; }

// Waits for `events`; false when the wait ran out (and says which limit did).
bool Wait(Context& c, struct soap* s, short events, milliseconds timeout, bool& timed_out) {
  bool by_deadline = false;
  const int ms = WaitMs(c, timeout, by_deadline);
  pollfd p{s->socket, events, 0};
  int r = ms > 0 ? poll(&p, 1, ms) : 0;
  while (r < 0 && errno == EINTR) r = poll(&p, 1, WaitMs(c, timeout, by_deadline));
  if (r > 0) return true;
  if (r == 0) (by_deadline ? c.io.deadline_hit : timed_out) = true;
  s->errnum = r < 0 ? errno : 0;
  return false;
}

// One read attempt: > 0 bytes, 0 at EOF or a hard error, -1 to wait for `events` and retry.
long ReadOnce(struct soap* s, char* buf, size_t len, short& events) {
  if (s->ssl != nullptr) {
    const int r = SSL_read(s->ssl, buf, static_cast<int>(std::min<size_t>(len, INT_MAX)));
    if (r > 0) return r;
    const int err = SSL_get_error(s->ssl, r);
    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) return 0;
    events = err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
    return -1;
  }
  const ssize_t r = recv(s->socket, buf, len, MSG_DONTWAIT);
  if (r >= 0) return static_cast<long>(r);
  if (!Transient(errno)) {
    s->errnum = errno;
    return 0;
  }
  events = POLLIN;
  return -1;
}

// One write attempt: bytes written (> 0), 0 on a hard error, -1 to wait for `events`.
long WriteOnce(struct soap* s, const char* data, size_t n, short& events) {
  if (s->ssl != nullptr) {
    const int r = SSL_write(s->ssl, data, static_cast<int>(std::min<size_t>(n, INT_MAX)));
    if (r > 0) return r;
    const int err = SSL_get_error(s->ssl, r);
    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) return 0;
    events = err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
    return -1;
  }
  const ssize_t r = send(s->socket, data, n, s->socket_flags | MSG_DONTWAIT);
  if (r > 0) return static_cast<long>(r);
  if (r < 0 && !Transient(errno)) {
    s->errnum = errno;
    return 0;
  }
  events = POLLOUT;
  return -1;
}

}  // namespace

int ToSoapTimeout(milliseconds ms) {
  const long long v = std::max<long long>(ms.count(), 1);
  if (v % 1000 == 0 && v / 1000 <= INT_MAX) return static_cast<int>(v / 1000);
  if (v <= INT_MAX / 1000) return -static_cast<int>(v * 1000);
  return static_cast<int>(std::min<long long>((v + 999) / 1000, INT_MAX));
}

size_t DeadlineRecv(Context& c, struct soap* s, char* buf, size_t len) {
  // Bytes OpenSSL already decrypted need no wait.
  short events = s->ssl != nullptr && SSL_pending(s->ssl) > 0 ? 0 : POLLIN;
  for (;;) {
    if (events != 0 && !Wait(c, s, events, c.options.receive_timeout, c.io.recv_timed_out)) {
      return 0;
    }
    const long r = ReadOnce(s, buf, len, events);
    if (r >= 0) return static_cast<size_t>(r);
  }
}

int DeadlineSend(Context& c, struct soap* s, const char* data, size_t n) {
  short events = POLLOUT;
  while (n > 0) {
    if (!Wait(c, s, events, c.options.send_timeout, c.io.send_timed_out)) return SOAP_EOF;
    const long r = WriteOnce(s, data, n, events);
    if (r == 0) return SOAP_EOF;
    if (r > 0) {
      data += r;
      n -= static_cast<size_t>(r);
      events = POLLOUT;
    }
  }
  return SOAP_OK;
}

SOAP_SOCKET DeadlineOpen(struct soap* s, const char* endpoint, const char* host, int port) {
  Context& c = *Ctx(s);
  bool by_deadline = false;
  const int ms = WaitMs(c, c.options.connect_timeout, by_deadline);
  if (ms <= 0) {
    c.io.deadline_hit = true;
    soap_set_receiver_error(s, "call deadline exceeded before connecting", nullptr, SOAP_TCP_ERROR);
    return SOAP_INVALID_SOCKET;
  }
  const int saved = s->connect_timeout;
  s->connect_timeout = ToSoapTimeout(milliseconds(ms));
  const SOAP_SOCKET fd = c.orig_fopen(s, endpoint, host, port);
  s->connect_timeout = saved;
  if (soap_valid_socket(fd)) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  } else if (by_deadline && Clock::now() >= c.deadline) {
    c.io.deadline_hit = true;
  }
  return fd;
}

}  // namespace internal
}  // namespace marketo
