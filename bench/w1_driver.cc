// w1_driver: SDK load generator for scripts/bench.sh (W1 throughput, W2 latency-bound).
//
//   w1_driver --endpoint URL [--concurrency N] (--seconds S [--start-at EPOCH] | --objects N)
//
// Sends 100-object UPSERT batches of the shared workload (workload.h) with
// MObjectClient::SyncAll and SyncAllOptions::concurrency = N (at most N requests on the wire),
// over one connection with room for SyncAll's 2N workers (max_connections and the limiter's
// max_in_flight at 2N) and the rate limit off (the mock runs with its limits off too). After
// one warm-up batch per worker it either runs for S seconds (W1; starting at the Unix time
// EPOCH when given, so several drivers measure the same window) or syncs N objects once (W2),
// and prints one line:
//   objects=... seconds=... objects_per_s=... calls=... failed=... connects=...
// `connects` counts TCP connect() calls of the whole run (warm-up included), to show that
// keep-alive connections are reused. Exit status 1 when any object did not come back UPDATED
// or UNCHANGED.
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "marketo/marketo.h"
#include "workload.h"

namespace {
std::atomic<long> g_connects{0};
}

// Counts the connects made by the gSOAP runtime (which calls connect() through the PLT), then
// makes the real system call.
extern "C" int connect(int fd, const struct sockaddr* addr, socklen_t len) {
  ++g_connects;
  return static_cast<int>(syscall(SYS_connect, fd, addr, len));
}

namespace {

[[noreturn]] void Usage(const char* why) {
  std::fprintf(stderr,
               "w1_driver: %s\nusage: w1_driver --endpoint URL [--concurrency N] "
               "(--seconds S [--start-at EPOCH] | --objects N)\n",
               why);
  std::exit(2);
}

bool Good(const marketo::SyncResult& r) {
  return r.status == marketo::SyncStatus::kUpdated || r.status == marketo::SyncStatus::kUnchanged;
}

}  // namespace

int main(int argc, char** argv) {
  std::string endpoint;
  std::size_t concurrency = 1;
  double seconds = 0;
  double start_at = 0;
  std::size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) Usage(("missing value for " + flag).c_str());
    const char* v = argv[++i];
    if (flag == "--endpoint") {
      endpoint = v;
    } else if (flag == "--concurrency") {
      concurrency = std::strtoul(v, nullptr, 10);
    } else if (flag == "--seconds") {
      seconds = std::strtod(v, nullptr);
    } else if (flag == "--start-at") {
      start_at = std::strtod(v, nullptr);
    } else if (flag == "--objects") {
      total = std::strtoul(v, nullptr, 10);
    } else {
      Usage(("unknown flag " + flag).c_str());
    }
  }
  if (endpoint.empty() || concurrency == 0 || (seconds <= 0) == (total == 0)) Usage("bad flags");

  marketo::ClientOptions o;
  o.endpoint = endpoint;
  o.credentials = {bench::kUserId, bench::kEncryptionKey};
  // SyncAll runs 2N workers, N of them on the wire (see SyncAllOptions::concurrency).
  o.max_connections = 2 * concurrency;
  o.limits.max_calls_per_window = 0;
  o.limits.max_in_flight = 2 * concurrency;
  marketo::MObjectClient client(o);
  marketo::SyncAllOptions sync;
  sync.concurrency = concurrency;

  std::size_t failed = 0, calls = 0, objects = 0;
  auto tally = [&](const marketo::SyncAllResult& all) {
    calls += all.calls;
    objects += all.results.size();
    for (const auto& r : all.results) failed += Good(r) ? 0 : 1;
    if (!all.status.ok() && failed == all.results.size()) {
      std::fprintf(stderr, "w1_driver: %s\n", all.status.ToString().c_str());
    }
  };

  // Warm-up: opens the keep-alive connections.
  {
    auto warm = bench::Objects(bench::kBatch * concurrency);
    auto all = client.SyncAll(warm, marketo::SyncOperation::kUpsert, sync);
    if (!all.status.ok()) {
      std::fprintf(stderr, "w1_driver: warm-up failed: %s\n", all.status.ToString().c_str());
      return 1;
    }
  }

  using Clock = std::chrono::steady_clock;
  double elapsed = 0;
  if (total > 0) {
    const auto input = bench::Objects(total);
    const auto t0 = Clock::now();
    tally(client.SyncAll(input, marketo::SyncOperation::kUpsert, sync));
    elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  } else {
    if (start_at > 0) {
      const auto wake = std::chrono::system_clock::time_point(
          std::chrono::duration_cast<std::chrono::system_clock::duration>(
              std::chrono::duration<double>(start_at)));
      std::this_thread::sleep_until(wake);
    }
    // 20 calls per worker per SyncAll keeps the end-of-SyncAll idle tail small.
    const auto chunk = bench::Objects(bench::kBatch * concurrency * 20);
    const auto t0 = Clock::now();
    const auto end =
        t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    while (Clock::now() < end) tally(client.SyncAll(chunk, marketo::SyncOperation::kUpsert, sync));
    elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  }
  std::printf("objects=%zu seconds=%.4f objects_per_s=%.1f calls=%zu failed=%zu connects=%ld\n",
              objects, elapsed, objects / elapsed, calls, failed, g_connects.load());
  return failed == 0 ? 0 : 1;
}
