// The mock under a slowloris pattern: request headers and bodies have deadlines, and a server
// whose threads are all held by slow peers still answers everyone else (issue 15, case 2).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "raw_socket.h"
#include "test_util.h"

namespace marketo_test {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr char kPartialHead[] = "POST /soap/mktows/3_1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";

// Seconds from now until the peer closes `s` (or `limit` passes: then -1).
double SecondsUntilClosed(RawSocket& s, milliseconds limit) {
  const auto start = Clock::now();
  bool closed = false;
  s.ReadUntil(limit, &closed, "");
  if (!closed) return -1;
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(ConnectionLimitsTest, HeaderTrickledByteByByteIsClosedAtItsDeadline) {
  MockServerProcess server({"--header-timeout-ms", "1500"});
  RawSocket slow(server.port());
  ASSERT_TRUE(slow.ok());
  const auto start = Clock::now();
  bool closed = false;
  for (int i = 0; i < 40 && !closed; ++i) {  // one byte every 200 ms, at most 8 s
    slow.Send(i == 0 ? std::string(kPartialHead) : "x");
    slow.ReadUntil(milliseconds(200), &closed, "");
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_TRUE(closed);
  EXPECT_LT(elapsed, 5.0) << "a 1.5 s header deadline held the connection much longer";
  // gSOAP may close the socket just before the reason is logged.
  const std::string reason = "request header not complete within 1500 ms";
  for (int i = 0; i < 40 && server.ReadStderr().find(reason) == std::string::npos; ++i) {
    std::this_thread::sleep_for(milliseconds(50));
  }
  EXPECT_NE(server.ReadStderr().find(reason), std::string::npos) << server.ReadStderr();
}

TEST(ConnectionLimitsTest, SilentNewConnectionIsClosedAtTheHeaderDeadline) {
  MockServerProcess server({"--header-timeout-ms", "1000"});
  RawSocket idle(server.port());
  ASSERT_TRUE(idle.ok());
  const double t = SecondsUntilClosed(idle, milliseconds(8000));
  EXPECT_GE(t, 0) << "still open after 8 s";
  EXPECT_LT(t, 4.0);
}

TEST(ConnectionLimitsTest, BodyTrickledByteByByteIsClosedAtItsDeadline) {
  MockServerProcess server({"--body-timeout-ms", "1500"});
  RawSocket slow(server.port());
  ASSERT_TRUE(slow.ok());
  ASSERT_TRUE(
      slow.Send("POST /soap/mktows/3_1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                "text/xml\r\nContent-Length: 100000\r\n\r\n<"));
  const auto start = Clock::now();
  bool closed = false;
  std::string got;
  for (int i = 0; i < 40 && !closed; ++i) {  // one byte every 200 ms, at most 8 s
    slow.Send("a");
    got += slow.ReadUntil(milliseconds(200), &closed, "");
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_TRUE(closed);
  EXPECT_LT(elapsed, 5.0) << "a 1.5 s body deadline held the connection much longer";
  EXPECT_NE(got.find("<code>20012</code>"), std::string::npos) << got;
  EXPECT_NE(got.find("request body not complete within 1500 ms"), std::string::npos) << got;
}

// 80 sockets (more than the 64 connection threads) each send `opening`, then one more byte every
// 500 ms, and reconnect when closed; normal calls meanwhile must all succeed.
void ExpectNormalCallsSucceedUnder(const MockServerProcess& server, const std::string& opening) {
  constexpr int kSlow = 80;
  std::vector<std::unique_ptr<RawSocket>> slow(kSlow);
  auto open_one = [&](int i) {
    slow[i] = std::make_unique<RawSocket>(server.port());
    slow[i]->Send(opening);
  };
  for (int i = 0; i < kSlow; ++i) open_one(i);

  std::atomic<bool> stop{false};
  std::atomic<int> reconnects{0};
  std::thread attacker([&] {
    for (int round = 0; round < 40 && !stop; ++round) {  // at most 20 s
      for (int i = 0; i < kSlow; ++i) {
        bool closed = false;
        slow[i]->ReadUntil(milliseconds(0), &closed, "");
        if (closed || !slow[i]->Send("y")) {
          open_one(i);
          ++reconnects;
        }
      }
      std::this_thread::sleep_for(milliseconds(500));
    }
  });
  std::this_thread::sleep_for(milliseconds(1500));  // the attack holds every thread now

  int ok = 0;
  std::vector<std::string> failures;
  const auto until = Clock::now() + std::chrono::seconds(6);
  while (Clock::now() < until) {
    const auto r = Call(server, "listMObjects", kListBody);
    if (r.status == 200) {
      ++ok;
    } else {
      failures.push_back(std::to_string(r.status) + " " + r.error);
    }
    std::this_thread::sleep_for(milliseconds(100));
  }
  stop = true;
  attacker.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  EXPECT_GE(ok, 10);
  EXPECT_GT(reconnects.load(), 0) << "the attack was never cut off";
}

TEST(ConnectionLimitsTest, SlowlorisHeadersDoNotStarveNormalCalls) {
  MockServerProcess server({"--header-timeout-ms", "3000", "--rate-limit", "0"});
  ExpectNormalCallsSucceedUnder(server, kPartialHead);
}

// Bodies trickled slower than any real client: eviction, not the 20 s deadline, frees threads.
TEST(ConnectionLimitsTest, TrickledBodiesDoNotStarveNormalCalls) {
  MockServerProcess server({"--body-timeout-ms", "20000", "--rate-limit", "0"});
  ExpectNormalCallsSucceedUnder(server,
                                "POST /soap/mktows/3_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<");
}

}  // namespace
}  // namespace marketo_test
