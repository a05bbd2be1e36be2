// A scripted HTTP(S) peer on 127.0.0.1 for fault tests where marketo-mock-server cannot misbehave
// enough: one thread accepts connections one at a time and hands each to a handler that reads
// the request and writes whatever bytes the test wants (or nothing at all).
#ifndef MARKETO_TESTS_RELIABILITY_LOOPBACK_SERVER_H_
#define MARKETO_TESTS_RELIABILITY_LOOPBACK_SERVER_H_

#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace marketo_test {

// One accepted connection, plain TCP or TLS.
class LoopbackConn {
 public:
  LoopbackConn(int fd, SSL* ssl, const std::atomic<bool>* stop) : fd_(fd), ssl_(ssl), stop_(stop) {}
  // Reads one HTTP request (head plus Content-Length body); returns what arrived ("" on error
  // or after `timeout`).
  std::string ReadRequest(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Reads at most `n` bytes (whatever arrives first, within `timeout`).
  std::string ReadSome(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Writes all bytes; false when the peer went away.
  bool Write(const std::string& bytes);
  // Blocks until the server is stopped or `limit` passed (a peer that never answers).
  void Hang(std::chrono::milliseconds limit);
  // Closes with SO_LINGER 0, so the peer gets a TCP RST.
  void Reset();
  bool was_reset() const { return reset_; }

 private:
  bool WaitReadable(std::chrono::steady_clock::time_point deadline);
  int fd_;
  SSL* ssl_;
  const std::atomic<bool>* stop_;
  bool reset_ = false;
};

// Builds a complete HTTP/1.1 response.
std::string HttpResponseBytes(int status, const std::string& content_type, const std::string& body,
                              const std::string& extra_headers = "");

class LoopbackServer {
 public:
  using Handler = std::function<void(LoopbackConn&)>;
  struct Tls {
    std::string cert_pem;  // certificate (+ key) PEM
    int min_version = 0;   // e.g. TLS1_2_VERSION; 0 = OpenSSL default
    int max_version = 0;
    int security_level = -1;  // -1 = OpenSSL default
  };

  // Listens on 127.0.0.1:0 and serves at most `max_connections` connections with `handler`.
  explicit LoopbackServer(Handler handler, int max_connections = 16);
  LoopbackServer(Handler handler, const Tls& tls, int max_connections = 16);
  // A socket that listens with backlog 0 and never accepts (connect-timeout tests); the
  // constructor fills the accept queue, so the kernel drops further SYNs.
  struct NonAccepting {};
  explicit LoopbackServer(NonAccepting);
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& scheme = "http", const std::string& host = "127.0.0.1") const;
  int accepted() const { return accepted_.load(); }
  void Stop();

 private:
  void Listen(int backlog);
  void Run(int max_connections);

  Handler handler_;
  SSL_CTX* ctx_ = nullptr;
  int listen_fd_ = -1;
  int port_ = 0;
  std::vector<int> fillers_;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
  std::thread thread_;
};

}  // namespace marketo_test

#endif  // MARKETO_TESTS_RELIABILITY_LOOPBACK_SERVER_H_
