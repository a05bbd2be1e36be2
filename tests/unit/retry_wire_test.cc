// The retry loop over the real gSOAP connection driven through the Wire seam: re-signing,
// lost responses, HTTP errors. Time is fake: no test sleeps.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "marketo/auth.h"
#include "marketo/mobject_client.h"
#include "marketo/retry.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"

namespace {

using marketo_test::FaultReply;

using marketo::ClientOptions;
using marketo::Jitter;
using marketo::MObject;
using marketo::MObjectClient;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::FakeTime;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using Ms = std::chrono::milliseconds;

constexpr char kUserId[] = "demo17_1_809934544BFABAE58E5D27";
constexpr char kKey[] = "s3cret-Key-42";

// ---- through the real gSOAP connection (Wire seam) ---------------------------------------

using marketo_test::ScriptedWire;

std::string SyncOk(const std::string& status) {
  return marketo_test::HttpReply(marketo_test::Envelope(
      "<ns1:successSyncMObjects><result><mObjStatusList><mObjStatus><id>1970</id><status>" +
      status + "</status></mObjStatus></mObjStatusList></result></ns1:successSyncMObjects>"));
}

std::string ListOk() {
  return marketo_test::HttpReply(marketo_test::Envelope(
      "<ns1:successListMObjects><result><objects>Opportunity</objects></result>"
      "</ns1:successListMObjects>"));
}

std::string Element(const std::string& request, const std::string& name) {
  const auto open = request.find("<" + name + ">");
  if (open == std::string::npos) {
    // Prefixed element, e.g. <ns1:requestTimestamp>.
    const auto colon = request.find(":" + name + ">");
    if (colon == std::string::npos) return {};
    const auto start = colon + name.size() + 2;
    return request.substr(start, request.find('<', start) - start);
  }
  const auto start = open + name.size() + 2;
  return request.substr(start, request.find('<', start) - start);
}

class RetryWireTest : public ::testing::Test {
 protected:
  ClientOptions Options() {
    ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {kUserId, kKey};
    time_.Install(o);
    o.retry.random_seed = 1;
    o.retry.backoff.jitter = Jitter::kNone;
    return o;
  }
  MObjectClient Client(const ClientOptions& o) {
    auto soap = marketo::internal::MakeSoapConnection(o, wire_);
    return MObjectClient(marketo::internal::MakeConnectionStack(o, soap));
  }
  MObjectClient Client() { return Client(Options()); }

  FakeTime time_;
  std::shared_ptr<ScriptedWire> wire_ = std::make_shared<ScriptedWire>();
};

TEST_F(RetryWireTest, ExpiredRequestIsResentWithAFreshTimestampAndSignature) {
  wire_->responses.push_back(FaultReply(20016, "Request Expired"));
  wire_->responses.push_back(ListOk());
  auto r = Client().List();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(wire_->requests.size(), 2u);
  const std::string ts1 = Element(wire_->requests[0], "requestTimestamp");
  const std::string ts2 = Element(wire_->requests[1], "requestTimestamp");
  const std::string sig1 = Element(wire_->requests[0], "requestSignature");
  const std::string sig2 = Element(wire_->requests[1], "requestSignature");
  ASSERT_FALSE(ts1.empty());
  ASSERT_FALSE(sig1.empty());
  EXPECT_NE(ts1, ts2);
  EXPECT_NE(sig1, sig2);
  EXPECT_EQ(ts1, "2013-08-05T21:22:45+00:00");
  EXPECT_EQ(ts2, "2013-08-05T21:22:46+00:00");  // one second later (expired_retry_delay)
  EXPECT_EQ(sig2, marketo::ComputeSignature(ts2, kUserId, kKey));
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(1000)));
}

TEST_F(RetryWireTest, WrongKeyIsExactlyOneAttempt) {
  wire_->responses.push_back(FaultReply(20014, "Authentication failed"));
  wire_->responses.push_back(ListOk());
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(wire_->requests.size(), 1u);
  EXPECT_EQ(r.status().code(), StatusCode::kSoapFault);
  EXPECT_EQ(r.status().marketo_error_code(), 20014);
  EXPECT_THAT(r.status().ToString(), Not(HasSubstr(kKey)));
}

TEST_F(RetryWireTest, DailyQuotaIsOneAttemptWithAClearMessage) {
  wire_->responses.push_back(FaultReply(20015, "Request Limit Exceeded"));
  wire_->responses.push_back(ListOk());
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(wire_->requests.size(), 1u);
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.status().marketo_error_code(), 20015);
  EXPECT_THAT(r.status().message(), HasSubstr("daily API request quota exhausted"));
  EXPECT_THAT(r.status().message(), HasSubstr("not retried"));
  EXPECT_TRUE(time_.sleeps().empty());
}

TEST_F(RetryWireTest, InsertResetAfterTheRequestWasSentIsNotRetriedByDefault) {
  wire_->responses.push_back(std::nullopt);  // request written, then the connection dies
  wire_->responses.push_back(SyncOk("CREATED"));
  std::vector<MObject> objects{marketo::Opportunity().SetName("Q1")};
  auto r = Client().Sync(objects, SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(wire_->requests.size(), 1u);
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(r.status().request_may_have_reached_server());
  EXPECT_THAT(r.status().message(), HasSubstr("not retried"));
}

TEST_F(RetryWireTest, InsertResetAfterTheRequestWasSentIsRetriedWithOptIn) {
  wire_->responses.push_back(std::nullopt);
  wire_->responses.push_back(SyncOk("CREATED"));
  auto o = Options();
  o.retry.retry_non_idempotent = true;
  std::vector<MObject> objects{marketo::Opportunity().SetName("Q1")};
  auto r = Client(o).Sync(objects, SyncOperation::kInsert);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(wire_->requests.size(), 2u);
  EXPECT_EQ((*r)[0].status, SyncStatus::kCreated);
}

TEST_F(RetryWireTest, TruncatedResponseIsTransientForIdempotentCalls) {
  std::string full = ListOk();
  wire_->responses.push_back(full.substr(0, full.size() - 40));  // body cut short
  wire_->responses.push_back(ListOk());
  auto r = Client().List();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(wire_->requests.size(), 2u);
}

TEST_F(RetryWireTest, Http503IsRetriedAndNonXml200IsNot) {
  wire_->responses.push_back(marketo_test::HttpReply("", "503 Service Unavailable"));
  wire_->responses.push_back(ListOk());
  EXPECT_TRUE(Client().List().ok());
  EXPECT_EQ(wire_->requests.size(), 2u);

  wire_->responses.push_back(marketo_test::HttpReply("not xml at all", "200 OK", "text/plain"));
  wire_->responses.push_back(ListOk());
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse);
  EXPECT_EQ(wire_->requests.size(), 3u);
}

TEST_F(RetryWireTest, UpdateByIdIsRetriedOnRateLimit) {
  wire_->responses.push_back(FaultReply(20023, "Rate Limit Exceeded"));
  wire_->responses.push_back(SyncOk("UPDATED"));
  std::vector<MObject> objects{marketo::Program(1970).AddTag("Channel", "Webinar")};
  auto r = Client().Sync(objects, SyncOperation::kUpdate);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(wire_->requests.size(), 2u);
  // The limiter holds every slot for window + margin (20 s + 250 ms) after the fault.
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(20250)));
  // The retry is a new request: newly signed after the wait.
  EXPECT_NE(Element(wire_->requests[0], "requestTimestamp"),
            Element(wire_->requests[1], "requestTimestamp"));
}

// A real socket: connect to a loopback port nobody listens on.
TEST(RetryConnectRefusedTest, InsertIsRetriedWhenTheConnectIsRefused) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  ::close(fd);  // bound but never listening, now closed: connects are refused

  FakeTime time;
  ClientOptions o;
  o.endpoint = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/soap/mktows/3_1";
  o.credentials = {kUserId, kKey};
  o.connect_timeout = Ms(2000);
  time.Install(o);
  o.retry.max_retries = 2;
  MObjectClient client(marketo::MakeMObjectConnection(o));
  std::vector<MObject> objects{marketo::Opportunity().SetName("Q1")};
  auto r = client.Sync(objects, SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable) << r.status().ToString();
  EXPECT_FALSE(r.status().request_may_have_reached_server());
  EXPECT_THAT(r.status().message(), HasSubstr("after 3 attempts"));
  EXPECT_EQ(time.sleeps().size(), 2u);
}

}  // namespace
