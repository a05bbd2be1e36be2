// Shared parts of the fault-matrix tests: short timeouts, a bound on how long a call may take,
// the secrets check, and canned responses for the scripted loopback server.
#ifndef MARKETO_TESTS_RELIABILITY_FAULT_MATRIX_H_
#define MARKETO_TESTS_RELIABILITY_FAULT_MATRIX_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "loopback_server.h"
#include "marketo/marketo.h"
#include "reliability_util.h"
#include "support/mock_server_process.h"
#include "support/soap_http.h"
#include "support/test_xml.h"

namespace marketo_test {
namespace fault_matrix {

using marketo::ClientOptions;
using marketo::MObject;
using marketo::Status;
using ::testing::HasSubstr;
using ::testing::Not;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A key no server knows: used against the scripted server, which does not check signatures.
inline constexpr char kRawKey[] = "fm-Secret-Key-7f3a9";
inline constexpr milliseconds kTimeout{1000};
// Slack on top of the configured timeouts: process scheduling on a loaded 2-core CI machine,
// sanitizer and valgrind builds.
inline constexpr milliseconds kSlack{2500};
inline constexpr int kRetries = 2;

inline std::string Cert(const std::string& name) {
  return marketo_test::TestCertsDir() + "/" + name;
}

// Short timeouts, fast retries (a sleeper that only counts), no client-side limiter.
inline ClientOptions Options(const std::string& url, const std::string& key = kRawKey) {
  ClientOptions o;
  o.endpoint = url;
  o.credentials = {marketo_test::kMockUserId, key};
  o.connect_timeout = kTimeout;
  o.send_timeout = kTimeout;
  o.receive_timeout = kTimeout;
  o.retry.max_retries = kRetries;
  o.retry.sleeper = [](milliseconds) {};
  o.retry.random_seed = 1;
  o.limits = marketo::LimitOptions::Unlimited();
  return o;
}

// The longest a call may take: every attempt may use connect + send + receive timeouts.
inline milliseconds Bound(const ClientOptions& o, int attempts) {
  return (o.connect_timeout + o.send_timeout + o.receive_timeout) * attempts + kSlack;
}

inline void ExpectNoSecrets(const Status& st, const std::string& key) {
  for (const std::string& text : {st.message(), st.ToString()}) {
    EXPECT_THAT(text, Not(HasSubstr(key)));
    // requestSignature is 40 hex digits (HMAC-SHA1): no run of 40 hex digits may appear.
    std::size_t run = 0, longest = 0;
    for (char ch : text) {
      run = std::isxdigit(static_cast<unsigned char>(ch)) ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    EXPECT_LT(longest, 40u) << text;
  }
}

template <typename F>
auto Timed(const ClientOptions& o, int max_attempts, F&& f) {
  const auto t0 = Clock::now();
  auto r = f();
  const auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - t0);
  EXPECT_LT(elapsed, Bound(o, max_attempts)) << "call hung past its timeouts";
  return r;
}

inline std::string Ok(const std::string& xml) { return HttpResponseBytes(200, "text/xml", xml); }

inline std::string SyncStatuses(const std::vector<std::string>& statuses) {
  std::string s;
  int id = 50;  // the ids of TwoOpportunities(): another id would contradict the request
  for (const auto& st : statuses) {
    s +=
        "<mObjStatus><id>" + std::to_string(id++) + "</id><status>" + st + "</status></mObjStatus>";
  }
  return Ok(Envelope("<ns1:successSyncMObjects><result><mObjStatusList>" + s +
                     "</mObjStatusList></result></ns1:successSyncMObjects>"));
}

// A server that answers every request with the same bytes.
inline LoopbackServer::Handler Reply(std::string bytes) {
  return [bytes = std::move(bytes)](LoopbackConn& c) {
    c.ReadRequest();
    c.Write(bytes);
  };
}

inline std::vector<MObject> TwoOpportunities() {
  return {marketo::Opportunity(50).SetAmount("1"), marketo::Opportunity(51).SetAmount("2")};
}

}  // namespace fault_matrix
}  // namespace marketo_test

#endif  // MARKETO_TESTS_RELIABILITY_FAULT_MATRIX_H_
