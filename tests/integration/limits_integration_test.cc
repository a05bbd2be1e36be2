// The client-side limiter against the mock's own limits, with a scaled rate window and jittered
// latency on both sides: the server must never answer 20023 or 20024 (read from its --dump).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "marketo/marketo.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"

namespace {

using marketo::ClientOptions;
using marketo::MObjectClient;
using marketo_test::MockServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

ClientOptions Options(const std::string& url) {
  ClientOptions o;
  o.endpoint = url;
  o.credentials = {marketo_test::kMockUserId, marketo_test::kMockEncryptionKey};
  o.connect_timeout = std::chrono::seconds(5);
  o.send_timeout = std::chrono::seconds(10);
  o.receive_timeout = std::chrono::seconds(10);
  o.retry = marketo::RetryPolicy::NoRetries();  // a fault must show, not be retried away
  return o;
}

// The "faults" counters of the server's final dump, e.g. {"20023": 4}.
std::string FaultCounters(MockServerProcess& server) {
  server.Stop();
  const std::string dump = server.ReadDump();
  const auto at = dump.find("\"faults\": ");
  if (at == std::string::npos) {
    ADD_FAILURE() << "no faults counters in the dump: " << dump.substr(0, 400);
    return "";
  }
  return dump.substr(at, dump.find('}', at) - at + 1);
}

// `threads` threads share one client and make `calls` listMObjects calls in all; returns how
// many failed (each failure is also reported).
int Hammer(MObjectClient& client, int threads, int calls) {
  std::atomic<int> next{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      while (next.fetch_add(1) < calls) {
        auto r = client.List();
        if (!r.ok()) {
          ++failed;
          ADD_FAILURE() << r.status().ToString();
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  return failed.load();
}

TEST(LimitsIntegration, JitteredLatencyNeverTripsTheServersRateWindow) {
  // 10 calls per 1 s on both sides; latency 5-45 ms. Counting a call from its start (the old
  // rule) trips the server whenever a call is faster than the one ten calls before it.
  MockServerProcess server({"--rate-limit", "10", "--rate-window-ms", "1000", "--latency-ms", "5",
                            "--latency-jitter-ms", "40", "--seed", "14", "--concurrency-limit",
                            "0"});
  ClientOptions o = Options(server.url());
  o.limits.max_calls_per_window = 10;
  o.limits.window = std::chrono::milliseconds(1000);
  o.limits.margin = std::chrono::milliseconds(20);
  o.limits.max_in_flight = 4;
  MObjectClient client(o);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Hammer(client, 6, 150), 0);
  // 150 calls at 10 per window cannot take less than 14 windows: the pacing is real.
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(14000));
  const std::string faults = FaultCounters(server);
  EXPECT_THAT(faults, Not(HasSubstr("20023"))) << faults;
  EXPECT_THAT(faults, Not(HasSubstr("20024"))) << faults;
}

TEST(LimitsIntegration, MoreThreadsThanTheServersConcurrencyLimitNeverTripIt) {
  MockServerProcess server({"--concurrency-limit", "3", "--rate-limit", "0", "--latency-ms", "10",
                            "--latency-jitter-ms", "30", "--seed", "14"});
  ClientOptions o = Options(server.url());
  o.limits = marketo::LimitOptions::Unlimited();
  o.limits.max_in_flight = 3;
  MObjectClient client(o);
  EXPECT_EQ(Hammer(client, 8, 200), 0);
  const std::string faults = FaultCounters(server);
  EXPECT_THAT(faults, Not(HasSubstr("20024"))) << faults;
}

}  // namespace
