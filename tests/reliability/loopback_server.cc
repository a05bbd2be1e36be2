#include "loopback_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace marketo_test {
namespace {

using Clock = std::chrono::steady_clock;

int RemainingMs(Clock::time_point deadline) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return ms < 0 ? 0 : static_cast<int>(ms);
}

int ConnectNonBlocking(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  (void)::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  return fd;
}

}  // namespace

bool LoopbackConn::WaitReadable(Clock::time_point deadline) {
  if (ssl_ != nullptr && SSL_pending(ssl_) > 0) return true;
  while (!stop_->load()) {
    pollfd p{fd_, POLLIN, 0};
    const int wait = std::min(RemainingMs(deadline), 50);
    const int rc = ::poll(&p, 1, wait);
    if (rc > 0) return true;
    if (Clock::now() >= deadline) return false;
  }
  return false;
}

std::string LoopbackConn::ReadSome(std::size_t n, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string out(n, '\0');
  while (WaitReadable(deadline)) {
    const int got = ssl_ != nullptr ? SSL_read(ssl_, out.data(), static_cast<int>(n))
                                    : static_cast<int>(::recv(fd_, out.data(), n, 0));
    if (got > 0) {
      out.resize(static_cast<std::size_t>(got));
      return out;
    }
    if (ssl_ != nullptr && SSL_get_error(ssl_, got) == SSL_ERROR_WANT_READ) continue;
    break;
  }
  return {};
}

std::string LoopbackConn::ReadRequest(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string req;
  std::size_t want = std::string::npos;
  while (want == std::string::npos || req.size() < want) {
    const std::string chunk = ReadSome(65536, std::chrono::milliseconds(RemainingMs(deadline)));
    if (chunk.empty()) return req;
    req += chunk;
    if (want == std::string::npos) {
      const auto end = req.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      std::size_t length = 0;
      // Header names are case-insensitive; gSOAP writes "Content-Length".
      for (const char* name : {"Content-Length:", "content-length:"}) {
        const auto p = req.find(name);
        if (p != std::string::npos && p < end) {
          length = std::strtoul(req.c_str() + p + 15, nullptr, 10);
        }
      }
      want = end + 4 + length;
    }
  }
  return req;
}

bool LoopbackConn::Write(const std::string& bytes) {
  std::size_t off = 0;
  while (off < bytes.size()) {
    const std::size_t n = bytes.size() - off;
    const int w = ssl_ != nullptr
                      ? SSL_write(ssl_, bytes.data() + off, static_cast<int>(n))
                      : static_cast<int>(::send(fd_, bytes.data() + off, n, MSG_NOSIGNAL));
    if (w <= 0) return false;
    off += static_cast<std::size_t>(w);
  }
  return true;
}

void LoopbackConn::Hang(std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (!stop_->load() && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void LoopbackConn::Reset() {
  reset_ = true;
  linger l{1, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ::shutdown(fd_, SHUT_RD);
}

std::string HttpResponseBytes(int status, const std::string& content_type, const std::string& body,
                              const std::string& extra_headers) {
  std::string r = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Status") +
                  "\r\nContent-Type: " + content_type +
                  "\r\nContent-Length: " + std::to_string(body.size()) +
                  "\r\nConnection: close\r\n" + extra_headers + "\r\n";
  return r + body;
}

LoopbackServer::LoopbackServer(Handler handler, int max_connections)
    : handler_(std::move(handler)) {
  Listen(16);
  thread_ = std::thread([this, max_connections] { Run(max_connections); });
}

LoopbackServer::LoopbackServer(Handler handler, const Tls& tls, int max_connections)
    : handler_(std::move(handler)) {
  ctx_ = SSL_CTX_new(TLS_server_method());
  if (ctx_ == nullptr) throw std::runtime_error("SSL_CTX_new failed");
  if (tls.security_level >= 0) SSL_CTX_set_security_level(ctx_, tls.security_level);
  if (tls.min_version != 0) SSL_CTX_set_min_proto_version(ctx_, tls.min_version);
  if (tls.max_version != 0) SSL_CTX_set_max_proto_version(ctx_, tls.max_version);
  if (SSL_CTX_use_certificate_chain_file(ctx_, tls.cert_pem.c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(ctx_, tls.cert_pem.c_str(), SSL_FILETYPE_PEM) != 1) {
    SSL_CTX_free(ctx_);
    throw std::runtime_error("cannot load " + tls.cert_pem);
  }
  Listen(16);
  thread_ = std::thread([this, max_connections] { Run(max_connections); });
}

LoopbackServer::LoopbackServer(NonAccepting) {
  Listen(0);
  // Linux queues backlog + 1 completed connections; two more fill the SYN side for good measure.
  for (int i = 0; i < 3; ++i) fillers_.push_back(ConnectNonBlocking(port_));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

void LoopbackServer::Listen(int backlog) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = 0;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::listen(listen_fd_, backlog) != 0) {
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  socklen_t len = sizeof a;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
  port_ = ntohs(a.sin_port);
}

void LoopbackServer::Run(int max_connections) {
  // A peer that went away must not kill the test process: only this thread blocks SIGPIPE, so
  // the client threads keep the process's default disposition.
  sigset_t pipe_set;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, nullptr);
  for (int served = 0; served < max_connections && !stop_.load();) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    ++served;
    ++accepted_;
    SSL* ssl = nullptr;
    bool ok = true;
    if (ctx_ != nullptr) {
      ssl = SSL_new(ctx_);
      SSL_set_fd(ssl, fd);
      ok = SSL_accept(ssl) == 1;  // blocking; the client's handshake is local
    }
    bool conn_reset = false;
    if (ok) {
      LoopbackConn conn(fd, ssl, &stop_);
      handler_(conn);
      conn_reset = conn.was_reset();
    }
    if (ssl != nullptr) {
      if (ok && !conn_reset) SSL_shutdown(ssl);
      SSL_free(ssl);
    }
    ::close(fd);
  }
}

std::string LoopbackServer::url(const std::string& scheme, const std::string& host) const {
  return scheme + "://" + host + ":" + std::to_string(port_) + "/soap/mktows/3_1";
}

void LoopbackServer::Stop() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
}

LoopbackServer::~LoopbackServer() {
  Stop();
  for (int fd : fillers_) ::close(fd);
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (ctx_ != nullptr) SSL_CTX_free(ctx_);
}

}  // namespace marketo_test
