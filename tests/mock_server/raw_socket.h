// Raw loopback sockets for the mock's hostile-peer tests: exact bytes out, bounded reads back.
#ifndef MARKETO_TESTS_MOCK_SERVER_RAW_SOCKET_H_
#define MARKETO_TESTS_MOCK_SERVER_RAW_SOCKET_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace marketo_test {

class RawSocket {
 public:
  explicit RawSocket(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) Close();
  }
  ~RawSocket() { Close(); }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool ok() const { return fd_ >= 0; }
  bool Send(const std::string& bytes) {
    return fd_ >= 0 && ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
                           static_cast<ssize_t>(bytes.size());
  }
  void ShutdownWrite() {
    if (fd_ >= 0) ::shutdown(fd_, SHUT_WR);
  }
  // Reads until the peer closes, `stop` appears in what arrived, or `timeout` passes.
  // *closed tells whether the peer closed (EOF or reset).
  std::string ReadUntil(std::chrono::milliseconds timeout, bool* closed,
                        const std::string& stop = "</SOAP-ENV:Envelope>") {
    std::string got;
    *closed = false;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (fd_ >= 0 && (stop.empty() || got.find(stop) == std::string::npos)) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        *closed = true;
        break;
      }
      got.append(buf, static_cast<std::size_t>(n));
    }
    return got;
  }

 private:
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int fd_ = -1;
};

// A POST of `body` as the SDK would send it, with optional extra header lines ("Name: v\r\n").
inline std::string RawPost(const std::string& body, const std::string& extra_headers = "",
                           bool with_length = true) {
  std::string head =
      "POST /soap/mktows/3_1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; "
      "charset=utf-8\r\nSOAPAction: \"http://www.marketo.com/mktows/listMObjects\"\r\n" +
      extra_headers;
  if (with_length) head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return head + "\r\n" + body;
}

}  // namespace marketo_test

#endif  // MARKETO_TESTS_MOCK_SERVER_RAW_SOCKET_H_
