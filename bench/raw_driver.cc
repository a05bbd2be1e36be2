// raw_driver: the wire's limit for W1. It signs and serialises ONE 100-object UPSERT request of
// the shared workload at start (with the SDK, through the in-memory Wire seam, so the bytes are
// exactly the SDK's), then each of N threads POSTs those bytes over its own kept-alive TCP
// connection as fast as the server answers, reading each response by Content-Length without
// any XML work. The signature's timestamp is fixed at start, which the mock accepts for
// --max-skew-s (900 s by default): plenty for a run of seconds.
//
//   raw_driver --endpoint http://127.0.0.1:PORT/path [--concurrency N] --seconds S
//              [--start-at EPOCH]
//
// Prints: objects=... seconds=... objects_per_s=... calls=... failed=... connects=...
//         cpu_us_per_call=... (getrusage user + system time of the window per call)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "marketo/marketo.h"
#include "operations/soap_connection.h"
#include "workload.h"

namespace {

[[noreturn]] void Die(const std::string& why) {
  std::fprintf(stderr, "raw_driver: %s\n", why.c_str());
  std::exit(2);
}

// Captures the request; answers with a canned response so the SDK call completes.
class CaptureWire : public marketo::internal::Wire {
 public:
  std::string RoundTrip(const std::string& request) override {
    request_ = request;
    return bench::CannedSyncResponse(bench::kBatch);
  }
  std::string request_;
};

std::string BuildRequest(const std::string& endpoint) {
  auto wire = std::make_shared<CaptureWire>();
  marketo::ClientOptions o;
  o.endpoint = endpoint;
  o.credentials = {bench::kUserId, bench::kEncryptionKey};
  marketo::MObjectClient client(marketo::internal::MakeSoapConnection(o, wire));
  auto r = client.Sync(bench::Objects(bench::kBatch), marketo::SyncOperation::kUpsert);
  if (!r.ok()) Die("cannot build the request: " + r.status().ToString());
  std::string req = wire->request_;
  // The Wire seam has no connection to keep alive; ask for keep-alive like the real client does.
  const std::size_t head_end = req.find("\r\n\r\n");
  std::size_t c = req.find("\r\nConnection:");
  if (c != std::string::npos && c < head_end) {
    const std::size_t eol = req.find("\r\n", c + 2);
    req.replace(c, eol - c, "\r\nConnection: keep-alive");
  } else {
    req.insert(req.find("\r\n"), "\r\nConnection: keep-alive");
  }
  return req;
}

struct Target {
  sockaddr_in addr{};
};

Target ParseEndpoint(const std::string& endpoint) {
  const std::string prefix = "http://";
  if (endpoint.compare(0, prefix.size(), prefix) != 0) Die("only http:// endpoints");
  const std::size_t host_end = endpoint.find_first_of(":/", prefix.size());
  const std::string host = endpoint.substr(prefix.size(), host_end - prefix.size());
  int port = 80;
  if (host_end != std::string::npos && endpoint[host_end] == ':') {
    port = std::atoi(endpoint.c_str() + host_end + 1);
  }
  Target t;
  t.addr.sin_family = AF_INET;
  t.addr.sin_port = htons(static_cast<uint16_t>(port));
  if (inet_pton(AF_INET, host.c_str(), &t.addr.sin_addr) != 1) Die("host must be an IPv4 address");
  return t;
}

std::atomic<long> g_connects{0};

// User + system CPU time of the whole process.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

int Connect(const Target& t) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) Die(std::string("socket: ") + std::strerror(errno));
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&t.addr), sizeof t.addr) != 0) {
    Die(std::string("connect: ") + std::strerror(errno));
  }
  ++g_connects;
  return fd;
}

// One call: send the request, read one HTTP response. Returns false when the connection was
// closed or the response was not 200; *reconnect tells the caller to open a new connection.
bool Call(int fd, const std::string& req, std::string& buf, bool* reconnect) {
  *reconnect = false;
  std::size_t off = 0;
  while (off < req.size()) {
    const ssize_t n = send(fd, req.data() + off, req.size() - off, MSG_NOSIGNAL);
    if (n <= 0) {
      *reconnect = true;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  buf.clear();
  std::size_t head_end = std::string::npos;
  std::size_t need = 0;
  char chunk[65536];
  for (;;) {
    if (head_end != std::string::npos && buf.size() >= need) break;
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) {
      *reconnect = true;
      return false;
    }
    buf.append(chunk, static_cast<std::size_t>(n));
    if (head_end == std::string::npos) {
      head_end = buf.find("\r\n\r\n");
      if (head_end == std::string::npos) continue;
      std::size_t cl = buf.find("Content-Length:");
      if (cl == std::string::npos || cl > head_end) cl = buf.find("content-length:");
      if (cl == std::string::npos || cl > head_end) Die("response without Content-Length");
      need = head_end + 4 + std::strtoul(buf.c_str() + cl + 15, nullptr, 10);
    }
  }
  const std::string head = buf.substr(0, head_end);
  if (head.find("Connection: close") != std::string::npos) *reconnect = true;
  return head.compare(0, 12, "HTTP/1.1 200") == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string endpoint;
  std::size_t concurrency = 1;
  double seconds = 0;
  double start_at = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--endpoint") {
      endpoint = argv[i + 1];
    } else if (flag == "--concurrency") {
      concurrency = std::strtoul(argv[i + 1], nullptr, 10);
    } else if (flag == "--seconds") {
      seconds = std::strtod(argv[i + 1], nullptr);
    } else if (flag == "--start-at") {
      start_at = std::strtod(argv[i + 1], nullptr);
    } else {
      Die("unknown flag " + flag);
    }
  }
  if (endpoint.empty() || concurrency == 0 || seconds <= 0) Die("bad flags");
  const Target target = ParseEndpoint(endpoint);
  const std::string request = BuildRequest(endpoint);

  std::atomic<long> calls{0}, failed{0};
  std::atomic<bool> go{false};
  using Clock = std::chrono::steady_clock;
  Clock::time_point end;
  std::vector<std::thread> threads;
  std::atomic<int> ready{0};
  for (std::size_t t = 0; t < concurrency; ++t) {
    threads.emplace_back([&] {
      std::string buf;
      int fd = Connect(target);
      bool reconnect = false;
      Call(fd, request, buf, &reconnect);  // warm-up
      ++ready;
      while (!go.load()) std::this_thread::yield();
      while (Clock::now() < end) {
        const bool ok = Call(fd, request, buf, &reconnect);
        ++calls;
        if (!ok) ++failed;
        if (reconnect) {
          close(fd);
          fd = Connect(target);
        }
      }
      close(fd);
    });
  }
  while (ready.load() < static_cast<int>(concurrency)) std::this_thread::yield();
  if (start_at > 0) {
    std::this_thread::sleep_until(std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::duration<double>(start_at))));
  }
  const double cpu0 = CpuSeconds();
  const auto t0 = Clock::now();
  end = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  go.store(true);
  for (auto& th : threads) th.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  const double cpu_us_per_call = (CpuSeconds() - cpu0) * 1e6 / std::max(calls.load(), 1L);
  const long objects = calls.load() * static_cast<long>(bench::kBatch);
  std::printf(
      "objects=%ld seconds=%.4f objects_per_s=%.1f calls=%ld failed=%ld connects=%ld "
      "cpu_us_per_call=%.1f\n",
      objects, elapsed, objects / elapsed, calls.load(), failed.load(), g_connects.load(),
      cpu_us_per_call);
  return failed.load() == 0 ? 0 : 1;
}
