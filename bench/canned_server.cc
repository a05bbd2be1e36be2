// canned_server: a loopback HTTP server for W1 on a server that costs (almost) nothing. It reads
// each request's head and Content-Length body and answers the same pre-built bytes, the
// 100-status syncMObjects response of workload.h, with no XML work, keeping connections alive.
// One thread per connection. So what a client driver measures against it is its own cost.
//
//   canned_server [--port N]
//
// Prints "listening on http://127.0.0.1:PORT/soap/mktows/3_1" and serves until killed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "workload.h"

namespace {

bool SendAll(int fd, const std::string& bytes) {
  std::size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<std::size_t>(n);
  }
  return true;
}

// The Content-Length of a request head (case-insensitive name); 0 when absent.
std::size_t ContentLength(const std::string& head) {
  for (std::size_t p = head.find("\r\n"); p != std::string::npos; p = head.find("\r\n", p + 2)) {
    if (strncasecmp(head.c_str() + p + 2, "Content-Length:", 15) == 0) {
      return std::strtoul(head.c_str() + p + 17, nullptr, 10);
    }
  }
  return 0;
}

// Answers every request on `fd` until the peer closes.
void Serve(int fd, const std::string& response) {
  std::string buf;
  char chunk[65536];
  for (;;) {
    std::size_t head_end;
    while ((head_end = buf.find("\r\n\r\n")) == std::string::npos) {
      const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return close(fd), void();
      buf.append(chunk, static_cast<std::size_t>(n));
    }
    const std::size_t need = head_end + 4 + ContentLength(buf.substr(0, head_end + 2));
    while (buf.size() < need) {
      const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return close(fd), void();
      buf.append(chunk, static_cast<std::size_t>(n));
    }
    buf.erase(0, need);
    if (!SendAll(fd, response)) return close(fd), void();
  }
}

int Listen(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(fd, 64) != 0) {
    std::perror("canned_server: bind/listen");
    std::exit(1);
  }
  return fd;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  if (argc == 3 && std::strcmp(argv[1], "--port") == 0) {
    port = std::atoi(argv[2]);
  } else if (argc != 1) {
    std::fprintf(stderr, "usage: canned_server [--port N]\n");
    return 2;
  }
  const std::string response = bench::CannedSyncResponse(bench::kBatch);
  const int lfd = Listen(port);
  sockaddr_in a{};
  socklen_t len = sizeof a;
  getsockname(lfd, reinterpret_cast<sockaddr*>(&a), &len);
  std::printf("listening on http://127.0.0.1:%d/soap/mktows/3_1\n", ntohs(a.sin_port));
  std::fflush(stdout);
  for (;;) {
    const int fd = accept(lfd, nullptr, nullptr);
    if (fd < 0) continue;
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::thread(Serve, fd, std::cref(response)).detach();
  }
}
