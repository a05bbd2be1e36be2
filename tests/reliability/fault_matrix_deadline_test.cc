// Fault matrix, whole-call deadline: a hostile peer that keeps every single receive short (a
// trickled body, endless "100 Continue", trickled headers, over TCP and TLS) cannot hold a call
// past ClientOptions::call_timeout, and with retries the whole call stays inside the retry
// budget.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "fault_matrix.h"

namespace {
using marketo::ClientOptions;
using marketo::StatusCode;
using marketo_test::CountedClient;
using marketo_test::LoopbackConn;
using marketo_test::LoopbackServer;
using marketo_test::fault_matrix::Cert;
using marketo_test::fault_matrix::Clock;
using marketo_test::fault_matrix::ExpectNoSecrets;
using marketo_test::fault_matrix::kRawKey;
using marketo_test::fault_matrix::Options;
using std::chrono::milliseconds;
using ::testing::HasSubstr;

constexpr milliseconds kCallTimeout{1500};
// Generous: the deadline plus scheduling on a loaded machine or a sanitizer build.
constexpr milliseconds kBound{5000};
// Each hostile loop ends by itself after this many steps (or when the client has gone).
constexpr int kMaxSteps = 40;

// Writes `first`, then `step` every `gap` until the client goes away or kMaxSteps.
LoopbackServer::Handler Trickle(std::string first, std::string step, milliseconds gap) {
  return [first = std::move(first), step = std::move(step), gap](LoopbackConn& c) {
    c.ReadRequest();
    if (!first.empty() && !c.Write(first)) return;
    for (int i = 0; i < kMaxSteps; ++i) {
      c.Hang(gap);
      if (!c.Write(step)) return;
    }
  };
}

// Response headers one byte at a time (never ending: the header name grows).
LoopbackServer::Handler TrickledHeaders() {
  return [](LoopbackConn& c) {
    c.ReadRequest();
    const std::string head = "HTTP/1.1 200 OK\r\nX-Slow: ";
    for (int i = 0; i < kMaxSteps; ++i) {
      c.Hang(milliseconds(300));
      if (!c.Write(std::string(1, i < static_cast<int>(head.size()) ? head[i] : 'a'))) return;
    }
  };
}

// Per-receive timeouts longer than the deadline: only the deadline can end these calls.
ClientOptions DeadlineOptions(const std::string& url, bool tls) {
  auto o = Options(url);
  o.connect_timeout = o.send_timeout = o.receive_timeout = milliseconds(2000);
  o.call_timeout = kCallTimeout;
  o.retry.max_retries = 0;
  if (tls) o.tls.ca_file = Cert("ca.crt");
  return o;
}

std::unique_ptr<LoopbackServer> Serve(LoopbackServer::Handler h, bool tls) {
  if (!tls) return std::make_unique<LoopbackServer>(std::move(h), 8);
  return std::make_unique<LoopbackServer>(std::move(h),
                                          LoopbackServer::Tls{Cert("server.pem"), 0, 0, -1}, 8);
}

void ExpectDeadline(LoopbackServer::Handler h, bool tls) {
  auto server = Serve(std::move(h), tls);
  auto o = DeadlineOptions(tls ? server->url("https", "localhost") : server->url(), tls);
  CountedClient cc(o);
  const auto t0 = Clock::now();
  auto r = cc.client.List();
  const auto elapsed = Clock::now() - t0;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDeadlineExceeded) << r.status().ToString();
  EXPECT_THAT(r.status().message(), HasSubstr("whole-call deadline of 1500 ms"));
  EXPECT_TRUE(r.status().request_may_have_reached_server());
  EXPECT_GE(elapsed, kCallTimeout * 9 / 10);
  EXPECT_LT(elapsed, kBound);
  ExpectNoSecrets(r.status(), kRawKey);
}

TEST(FaultMatrixDeadline, TrickledBodyHitsCallDeadline) {
  const std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
      "Content-Length: 100000\r\n\r\n<";
  ExpectDeadline(Trickle(head, "a", milliseconds(500)), false);
}

TEST(FaultMatrixDeadline, EndlessContinueHitsCallDeadline) {
  ExpectDeadline(Trickle("", "HTTP/1.1 100 Continue\r\n\r\n", milliseconds(300)), false);
}

TEST(FaultMatrixDeadline, TrickledHeadersHitCallDeadline) {
  ExpectDeadline(TrickledHeaders(), false);
}

TEST(FaultMatrixDeadline, TrickledHeadersOverTlsHitCallDeadline) {
  ExpectDeadline(TrickledHeaders(), true);
}

TEST(FaultMatrixDeadline, TrickledBodyOverTlsHitsCallDeadline) {
  const std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
      "Content-Length: 100000\r\n\r\n<";
  ExpectDeadline(Trickle(head, "a", milliseconds(500)), true);
}

// Retries share one budget: the second attempt is cut off when the budget runs out, so the
// whole call (attempts and sleeps) ends within max_total_time.
TEST(FaultMatrixDeadline, RetriesStayWithinTheBudget) {
  auto server = Serve(Trickle("", "HTTP/1.1 100 Continue\r\n\r\n", milliseconds(300)), false);
  auto o = DeadlineOptions(server->url(), false);
  o.retry.max_retries = 5;
  o.retry.max_total_time = milliseconds(2500);
  CountedClient cc(o);
  const auto t0 = Clock::now();
  auto r = cc.client.List();
  const auto elapsed = Clock::now() - t0;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDeadlineExceeded) << r.status().ToString();
  EXPECT_THAT(r.status().message(), HasSubstr("retry budget"));
  EXPECT_GE(cc.attempts(), 2);
  EXPECT_LT(elapsed, o.retry.max_total_time + milliseconds(2000));
}

TEST(FaultMatrixDeadline, NonPositiveCallTimeoutIsRejected) {
  auto o = DeadlineOptions("http://127.0.0.1:9/soap/mktows/3_1", false);
  o.call_timeout = milliseconds(0);
  CountedClient cc(o);
  auto r = cc.client.List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
  EXPECT_THAT(r.status().message(), HasSubstr("call_timeout must be > 0"));
  EXPECT_FALSE(r.status().request_may_have_reached_server());
}

}  // namespace
