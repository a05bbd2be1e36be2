// Fault matrix, transport and SOAP faults: refused, timed-out, reset and cut-off connections, and
// every Marketo fault code, each with its typed error, retry rule, bounded time and no secret.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "fault_matrix.h"

namespace {
using marketo::MObject;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::CountedClient;
using marketo_test::LoopbackConn;
using marketo_test::LoopbackServer;
using marketo_test::MockServerProcess;
using marketo_test::fault_matrix::Clock;
using marketo_test::fault_matrix::ExpectNoSecrets;
using marketo_test::fault_matrix::kRawKey;
using marketo_test::fault_matrix::kRetries;
using marketo_test::fault_matrix::kSlack;
using marketo_test::fault_matrix::Options;
using marketo_test::fault_matrix::SyncStatuses;
using marketo_test::fault_matrix::Timed;
using marketo_test::fault_matrix::TwoOpportunities;
using std::chrono::milliseconds;
using ::testing::HasSubstr;

// ---- transport ----------------------------------------------------------------------------

TEST(FaultMatrix, ConnectionRefusedIsUnavailableAndRetried) {
  int port;
  { port = LoopbackServer(LoopbackServer::NonAccepting{}).port(); }  // closed again
  auto o = Options("http://127.0.0.1:" + std::to_string(port) + "/soap/mktows/3_1");
  CountedClient cc(o);
  std::vector<MObject> v{marketo::Opportunity().SetName("x")};
  // Even an INSERT is retried: the request provably never left the process.
  auto r = Timed(o, 1 + kRetries, [&] { return cc.client.Sync(v, SyncOperation::kInsert); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable) << r.status().ToString();
  EXPECT_FALSE(r.status().request_may_have_reached_server());
  EXPECT_EQ(cc.attempts(), 1 + kRetries);
  ExpectNoSecrets(r.status(), kRawKey);
}

// A listening socket whose accept queue is full: the kernel drops the client's SYNs, so the
// connect times out (reliable on Linux loopback; see LoopbackServer::NonAccepting).
TEST(FaultMatrix, ConnectTimeoutIsDeadlineExceeded) {
  LoopbackServer server(LoopbackServer::NonAccepting{});
  auto o = Options(server.url());
  o.retry.max_retries = 0;
  CountedClient cc(o);
  const auto t0 = Clock::now();
  auto r = cc.client.List();
  const auto elapsed = Clock::now() - t0;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDeadlineExceeded) << r.status().ToString();
  EXPECT_FALSE(r.status().request_may_have_reached_server());
  EXPECT_LT(elapsed, o.connect_timeout + kSlack);
  EXPECT_GE(elapsed, o.connect_timeout * 9 / 10);
  ExpectNoSecrets(r.status(), kRawKey);
}

TEST(FaultMatrix, ReceiveTimeoutOnHangIsDeadlineExceeded) {
  MockServerProcess server({"--fault", "every=1:kind=hang", "--hang-s", "10"});
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  o.retry.max_retries = 1;
  CountedClient cc(o);
  auto r = Timed(o, 2, [&] { return cc.client.List(); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDeadlineExceeded) << r.status().ToString();
  EXPECT_TRUE(r.status().request_may_have_reached_server());
  EXPECT_EQ(cc.attempts(), 2);  // transient: retried
  ExpectNoSecrets(r.status(), marketo_test::kMockEncryptionKey);
}

// Mock wire misbehaviour: kind -> (code, http status, retried?).
struct WireCase {
  const char* kind;
  StatusCode code;
  int http_status;
  bool retried;
};

class FaultMatrixWire : public ::testing::TestWithParam<WireCase> {};

TEST_P(FaultMatrixWire, TypedErrorWithinTimeout) {
  const WireCase& wc = GetParam();
  MockServerProcess server({"--fault", std::string("every=1:kind=") + wc.kind});
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  CountedClient cc(o);
  // An idempotent call (UPDATE by id): every transient failure is retried.
  auto v = TwoOpportunities();
  auto r = Timed(o, 1 + kRetries, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_FALSE(r.ok()) << wc.kind;
  EXPECT_EQ(r.status().code(), wc.code) << r.status().ToString();
  if (wc.http_status != 0) {
    EXPECT_EQ(r.status().http_status(), wc.http_status);
  }
  EXPECT_EQ(cc.attempts(), wc.retried ? 1 + kRetries : 1) << r.status().ToString();
  ExpectNoSecrets(r.status(), marketo_test::kMockEncryptionKey);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, FaultMatrixWire,
    ::testing::Values(WireCase{"reset", StatusCode::kUnavailable, 0, true},
                      WireCase{"truncate", StatusCode::kUnavailable, 0, true},
                      WireCase{"html500", StatusCode::kHttpError, 500, false},
                      WireCase{"http503", StatusCode::kHttpError, 503, true},
                      WireCase{"non-xml", StatusCode::kMalformedResponse, 200, false},
                      WireCase{"malformed", StatusCode::kMalformedResponse, 0, false}),
    [](const auto& param_info) {
      std::string n = param_info.param.kind;
      n.erase(std::remove(n.begin(), n.end(), '-'), n.end());
      return n;
    });

// Reset after part of the response body (the mock resets during the HTTP head).
TEST(FaultMatrix, ResetMidBodyIsUnavailable) {
  const std::string full = SyncStatuses({"UPDATED", "UPDATED"});
  LoopbackServer server([&](LoopbackConn& c) {
    c.ReadRequest();
    c.Write(full.substr(0, full.size() / 2));
    c.Reset();
  });
  auto o = Options(server.url());
  CountedClient cc(o);
  auto v = TwoOpportunities();
  auto r = Timed(o, 1 + kRetries, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable) << r.status().ToString();
  EXPECT_EQ(cc.attempts(), 1 + kRetries);
  ExpectNoSecrets(r.status(), kRawKey);
}

// ---- SOAP faults: every code of Marketo's table (docs/protocol.md, "Faults and error codes") --

struct FaultCase {
  int code;
  StatusCode status;
  int attempts;  // with kRetries retries
};

class FaultMatrixSoapFault : public ::testing::TestWithParam<FaultCase> {};

TEST_P(FaultMatrixSoapFault, TypedFaultAndRetryRule) {
  const FaultCase& fc = GetParam();
  MockServerProcess server({"--fault", "every=1:code=" + std::to_string(fc.code)});
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  CountedClient cc(o);
  auto v = TwoOpportunities();
  auto r = Timed(o, 1 + kRetries, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), fc.status) << r.status().ToString();
  EXPECT_EQ(r.status().marketo_error_code(), fc.code) << r.status().ToString();
  EXPECT_EQ(r.status().http_status(), 500);
  EXPECT_EQ(cc.attempts(), fc.attempts) << r.status().ToString();
  if (fc.code == 20015) {
    EXPECT_THAT(r.status().message(), HasSubstr("daily API request quota"));
  }
  ExpectNoSecrets(r.status(), marketo_test::kMockEncryptionKey);
}

constexpr int kAll = 1 + kRetries;
INSTANTIATE_TEST_SUITE_P(
    ReferenceTable, FaultMatrixSoapFault,
    ::testing::Values(
        FaultCase{10001, StatusCode::kSoapFault, kAll},
        FaultCase{20011, StatusCode::kSoapFault, kAll}, FaultCase{20012, StatusCode::kSoapFault, 1},
        FaultCase{20013, StatusCode::kSoapFault, 1}, FaultCase{20014, StatusCode::kSoapFault, 1},
        FaultCase{20015, StatusCode::kResourceExhausted, 1},
        FaultCase{20016, StatusCode::kSoapFault, 2},  // re-signed once, then returned
        FaultCase{20017, StatusCode::kSoapFault, 1}, FaultCase{20019, StatusCode::kSoapFault, 1},
        FaultCase{20022, StatusCode::kSoapFault, 1},
        FaultCase{20023, StatusCode::kResourceExhausted, kAll},
        FaultCase{20024, StatusCode::kResourceExhausted, kAll},
        FaultCase{20101, StatusCode::kSoapFault, 1}, FaultCase{20102, StatusCode::kSoapFault, 1},
        FaultCase{20103, StatusCode::kSoapFault, 1}, FaultCase{20104, StatusCode::kSoapFault, 1},
        FaultCase{20105, StatusCode::kSoapFault, 1}, FaultCase{20106, StatusCode::kSoapFault, 1},
        FaultCase{20107, StatusCode::kSoapFault, 1}, FaultCase{20108, StatusCode::kSoapFault, 1},
        FaultCase{20109, StatusCode::kSoapFault, 1}, FaultCase{20110, StatusCode::kSoapFault, 1},
        FaultCase{20111, StatusCode::kSoapFault, 1}, FaultCase{20113, StatusCode::kSoapFault, 1},
        FaultCase{20114, StatusCode::kSoapFault, 1}, FaultCase{20122, StatusCode::kSoapFault, 1},
        FaultCase{20123, StatusCode::kSoapFault, 1}),
    [](const auto& param_info) { return "Code" + std::to_string(param_info.param.code); });

TEST(FaultMatrix, ExpiredTimestampIsResignedAndSucceeds) {
  MockServerProcess server({"--max-skew-s", "5"});
  auto o = Options(server.url(), marketo_test::kMockEncryptionKey);
  std::atomic<int> clock_calls{0};
  // Stale by an hour for the first signature only, then the real time.
  o.clock = [&clock_calls] {
    const auto now = std::chrono::system_clock::now();
    return clock_calls++ == 0 ? now - std::chrono::hours(1) : now;
  };
  std::vector<milliseconds> sleeps;
  o.retry.sleeper = [&sleeps](milliseconds d) { sleeps.push_back(d); };
  CountedClient cc(o);
  auto v = TwoOpportunities();
  auto r = Timed(o, 2, [&] { return cc.client.Sync(v, SyncOperation::kUpdate); });
  ASSERT_TRUE(r.ok()) << r.status().ToString() << server.ReadStderr();
  EXPECT_EQ(cc.attempts(), 2);
  EXPECT_EQ(clock_calls.load(), 2);
  ASSERT_EQ(sleeps.size(), 1u);
  EXPECT_EQ(sleeps[0], o.retry.expired_retry_delay);
  EXPECT_EQ((*r)[0].status, SyncStatus::kUpdated);
}

TEST(FaultMatrix, WrongKeyIs20014WithoutRetry) {
  MockServerProcess server;
  auto o = Options(server.url(), "wrong-Key-Do-Not-Log-123");
  CountedClient cc(o);
  auto r = Timed(o, 1, [&] { return cc.client.List(); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kSoapFault);
  EXPECT_EQ(r.status().marketo_error_code(), 20014);
  EXPECT_EQ(cc.attempts(), 1);
  ExpectNoSecrets(r.status(), "wrong-Key-Do-Not-Log-123");
}

}  // namespace
