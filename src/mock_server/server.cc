#include "server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "dump.h"
#include "soap/service.h"

namespace mock {
namespace {

constexpr std::uint64_t kRecvMaxLength = 8u << 20;  // whole request, inflated (gzip bombs)

// soap->user of every context (the master's too) is a RequestFramer.
ServerContext* ContextOf(struct soap* soap) {
  auto* framer = static_cast<RequestFramer*>(soap->user);
  return framer != nullptr ? static_cast<ServerContext*>(framer->ctx()) : nullptr;
}

// Forgets the socket before closing it, so shutdown never touches a reused descriptor.
int CloseSocket(struct soap* soap, SOAP_SOCKET fd) {
  if (auto* ctx = ContextOf(soap)) ctx->sockets.Remove(fd);
  return ::close(fd);
}

size_t GuardedRecv(struct soap* soap, char* buf, size_t len) {
  return static_cast<RequestFramer*>(soap->user)->Recv(soap, buf, len);
}

int CheckInflated(struct soap* soap, const char* p, size_t n) {
  return static_cast<RequestFramer*>(soap->user)->CheckInflated(soap, p, n);
}

ReadLimits LimitsOf(const Options& o) {
  return ReadLimits{std::chrono::milliseconds(o.header_timeout_ms),
                    std::chrono::milliseconds(o.body_timeout_ms),
                    std::chrono::seconds(o.io_timeout_s)};
}

// gSOAP's generated serve() loop, plus: the framer starts each request, and a request whose
// HTTP framing was read but whose envelope was not answers 20012 instead of silence (gSOAP
// sends no fault after end of input). No readable request at all: closed, the reason logged.
int Serve(MockService& conn, RequestFramer& framer) {
  struct soap* soap = conn.soap;
  soap->keep_alive = soap->max_keep_alive + 1;
  bool fresh = true;
  do {
    if (soap->keep_alive > 0 && soap->max_keep_alive > 0) soap->keep_alive--;
    framer.Begin(fresh);
    fresh = false;
    if (soap_begin_recv(soap) || soap_envelope_begin_in(soap) || soap_recv_header(soap) ||
        soap_body_begin_in(soap)) {
      // Codes above SOAP_STOP here (SOAP_POST: not XML, SOAP_GET_METHOD...) would need HTTP
      // handlers the mock does not install: they are unreadable requests too.
      if (soap->error == SOAP_STOP) continue;
      if (!framer.header_complete()) {
        if (!framer.stop_reason().empty()) {
          std::fprintf(stderr, "marketo-mock-server: closed a connection: %s (%zu bytes read)\n",
                       framer.stop_reason().c_str(), framer.bytes());
        }
        return soap->error;
      }
      soap->keep_alive = 0;
      conn.UnreadableRequest(framer.stop_reason().empty() ? "not a SOAP envelope"
                                                          : framer.stop_reason());
      return soap_send_fault(soap);
    }
    if ((conn.dispatch() || (soap->fserveloop && soap->fserveloop(soap))) && soap->error &&
        soap->error < SOAP_STOP) {
      return soap_send_fault(soap);
    }
  } while (soap->keep_alive);
  return SOAP_OK;
}

class ThreadCount {
 public:
  bool TryAdd(int max) {
    std::lock_guard<std::mutex> lock(mu_);
    if (n_ >= max) return false;
    ++n_;
    return true;
  }
  // Notifies under the lock: once WaitZero sees zero, RunServer destroys this object, so the
  // last thread must be done with cv_ before the waiter can take the mutex (TSan found it).
  void Done() {
    std::lock_guard<std::mutex> lock(mu_);
    --n_;
    cv_.notify_all();
  }
  bool WaitZero(std::chrono::seconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, timeout, [this] { return n_ == 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int n_ = 0;
};

bool SetUpTls(struct soap* soap, const Options& o) {
  const bool combined = o.tls_key.empty() || o.tls_key == o.tls_cert;
  if (soap_ssl_server_context(soap, SOAP_SSL_DEFAULT | SOAP_TLSv1_2 | SOAP_TLSv1_3,
                              combined ? o.tls_cert.c_str() : nullptr, nullptr, nullptr, nullptr,
                              nullptr, nullptr, "marketo-mock-server") != SOAP_OK) {
    soap_print_fault(soap, stderr);
    return false;
  }
  if (!combined) {
    if (soap->ctx == nullptr ||
        SSL_CTX_use_certificate_chain_file(soap->ctx, o.tls_cert.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(soap->ctx, o.tls_key.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(soap->ctx) != 1) {
      std::fprintf(stderr, "marketo-mock-server: cannot load %s / %s\n", o.tls_cert.c_str(),
                   o.tls_key.c_str());
      return false;
    }
  }
  return true;
}

// True once stdin is at end of file (the harness that owns the pipe is gone).
bool StdinClosed() {
  pollfd p{STDIN_FILENO, POLLIN, 0};
  if (poll(&p, 1, 0) <= 0) return false;
  char buf[256];
  const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
  return n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN);
}

// Timeouts and bounds of every connection (copies of the master inherit them).
void Configure(struct soap* soap, RequestFramer* master_user, ServerContext* ctx) {
  const Options& o = ctx->options;
  soap->user = master_user;
  soap->fclosesocket = CloseSocket;
  soap->bind_flags = SO_REUSEADDR;
  soap->accept_timeout = -250000;  // µs: poll the stop flag four times a second
  soap->recv_timeout = o.io_timeout_s;
  soap->send_timeout = o.io_timeout_s;
  soap->transfer_timeout = 2 * o.io_timeout_s;
  soap->recv_maxlength = kRecvMaxLength;
  soap->maxlevel = 64;
  soap->maxoccurs = 10000;
  soap->max_keep_alive = 1000;
  soap->socket_flags = MSG_NOSIGNAL;
}

// Binds 127.0.0.1:port and prints the listening line; the path is Marketo's (docs/protocol.md,
// "Endpoint and versions").
bool Listen(struct soap* soap, int port, bool tls) {
  if (!soap_valid_socket(soap_bind(soap, "127.0.0.1", port, 128))) {
    soap_print_fault(soap, stderr);
    return false;
  }
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  if (getsockname(soap->master, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return false;
  std::printf("listening on %s://127.0.0.1:%d/soap/mktows/3_1\n", tls ? "https" : "http",
              ntohs(addr.sin_port));
  std::fflush(stdout);
  return true;
}

// Accepts one connection (or times out) and serves it on its own thread.
void AcceptOne(MockService& master, ServerContext& ctx, bool tls, ThreadCount& threads,
               const ServerSignals& signals) {
  struct soap* soap = master.soap;
  const SOAP_SOCKET s = soap_accept(soap);
  if (!soap_valid_socket(s)) {
    if (soap->errnum != 0 && !*signals.stop) {
      // Transient accept() errors (EMFILE, ECONNABORTED): back off briefly, keep serving.
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return;
  }
  const int max = ctx.options.max_connections;
  // Every thread taken: evict a connection still waiting for its request (a slow peer's) and
  // admit this one; the evicted thread exits within moments, hence the small overshoot.
  if (!threads.TryAdd(max) && !(ctx.sockets.EvictOne() && threads.TryAdd(max + max / 4 + 1))) {
    soap_force_closesock(soap);  // over the thread bound: refuse this connection
    return;
  }
  ctx.sockets.Add(s, static_cast<std::uint32_t>(soap->ip));
  MockService* conn = master.copy();
  soap->socket = SOAP_INVALID_SOCKET;  // the connection thread owns it now
  if (conn == nullptr) {
    ctx.sockets.Remove(s);
    ::close(s);
    threads.Done();
    return;
  }
  std::thread([conn, tls, &threads, &ctx, s] {
    RequestFramer framer(&ctx, &ctx.sockets, s, LimitsOf(ctx.options), conn->soap->frecv);
    conn->soap->user = &framer;
    conn->soap->frecv = GuardedRecv;
    conn->soap->fpreparerecv = CheckInflated;
    // The TLS handshake counts as header time (each wait; eviction bounds the whole).
    const int io_timeout = conn->soap->recv_timeout;
    conn->soap->recv_timeout = -1000 * ctx.options.header_timeout_ms;
    const bool ready = !tls || conn->ssl_accept() == SOAP_OK;
    conn->soap->recv_timeout = io_timeout;
    if (ready) Serve(*conn, framer);
    conn->destroy();
    soap_force_closesock(conn->soap);
    delete conn;
    threads.Done();
  }).detach();
}

}  // namespace

int RunServer(ServerContext& ctx, const ServerSignals& signals) {
  const Options& o = ctx.options;
  const bool tls = !o.tls_cert.empty();
  const soap_mode common = SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING;
  MockService master(&ctx, common | SOAP_XML_STRICT, common);
  RequestFramer master_user(&ctx, &ctx.sockets, -1, LimitsOf(o), nullptr);
  Configure(master.soap, &master_user, &ctx);
  if (tls) {
    soap_ssl_init();
    if (!SetUpTls(master.soap, o)) return 2;
  }
  if (!Listen(master.soap, o.port, tls)) return 2;

  ThreadCount threads;
  while (!*signals.stop) {
    if (o.stop_on_stdin_eof && StdinClosed()) break;
    if (*signals.dump_now) {
      *signals.dump_now = 0;
      if (!o.dump_path.empty()) WriteDump(o.dump_path, ctx.store, ctx.stats);
    }
    AcceptOne(master, ctx, tls, threads, signals);
  }

  // Wake everything: sleeping calls, hanging calls, threads blocked in recv() on keep-alive.
  ctx.shutdown.Trigger();
  ctx.sockets.ForEach([](int fd) { ::shutdown(fd, SHUT_RDWR); });
  const bool drained = threads.WaitZero(std::chrono::seconds(10));
  if (!drained) std::fprintf(stderr, "marketo-mock-server: connections still open at exit\n");
  return drained ? 0 : 3;
}

}  // namespace mock
