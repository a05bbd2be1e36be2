// Retry policy: classification, backoff, idempotency and the retry loop of the connection stack
// (internal::MakeConnectionStack), over a scripted fake connection and over the real gSOAP
// connection driven through the Wire seam. Time is fake: no test sleeps.
#include "marketo/retry.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <deque>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "marketo/auth.h"
#include "marketo/error_codes.h"
#include "marketo/mobject_client.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"
#include "support/scripted_wire.h"
#include "support/test_xml.h"
#include "transport/wire.h"

namespace {

using marketo::BackoffPolicy;
using marketo::ClassifyForRetry;
using marketo::ClientOptions;
using marketo::ExponentialBackoff;
using marketo::Idempotency;
using marketo::Jitter;
using marketo::MObject;
using marketo::MObjectClient;
using marketo::RetryClass;
using marketo::Status;
using marketo::StatusCode;
using marketo::SyncIdempotency;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::FakeConnection;
using marketo_test::FakeTime;
using marketo_test::Fault;
using marketo_test::Transport;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using Ms = std::chrono::milliseconds;

constexpr char kUserId[] = "demo17_1_809934544BFABAE58E5D27";
constexpr char kKey[] = "s3cret-Key-42";

// ---- classification -----------------------------------------------------------------------

TEST(RetryClassification, EveryMarketoCodeOfTheTable) {
  // Marketo's error code table (docs/protocol.md, "Faults and error codes"), in table order.
  const std::map<int, RetryClass> want = {
      {10001, RetryClass::kTransient},      {20011, RetryClass::kTransient},
      {20012, RetryClass::kPermanent},      {20013, RetryClass::kPermanent},
      {20014, RetryClass::kPermanent},      {20015, RetryClass::kDailyQuotaExhausted},
      {20016, RetryClass::kRequestExpired}, {20017, RetryClass::kPermanent},
      {20019, RetryClass::kPermanent},      {20022, RetryClass::kPermanent},
      {20023, RetryClass::kRateLimited},    {20024, RetryClass::kTransient},
      {20101, RetryClass::kPermanent},      {20102, RetryClass::kPermanent},
      {20103, RetryClass::kPermanent},      {20104, RetryClass::kPermanent},
      {20105, RetryClass::kPermanent},      {20106, RetryClass::kPermanent},
      {20107, RetryClass::kPermanent},      {20108, RetryClass::kPermanent},
      {20109, RetryClass::kPermanent},      {20110, RetryClass::kPermanent},
      {20111, RetryClass::kPermanent},      {20113, RetryClass::kPermanent},
      {20114, RetryClass::kPermanent},      {20122, RetryClass::kPermanent},
      {20123, RetryClass::kPermanent},
  };
  EXPECT_EQ(want.size(), 27u);
  // The SDK's named codes are the same list.
  EXPECT_EQ(std::size(marketo::error_codes::kErrorCodeTable), want.size());
  for (const auto& row : marketo::error_codes::kErrorCodeTable) {
    EXPECT_EQ(want.count(row.code), 1u) << row.code;
  }
  for (const auto& [code, cls] : want) {
    EXPECT_EQ(ClassifyForRetry(Fault(code)), cls)
        << code << " got " << marketo::ToString(ClassifyForRetry(Fault(code)));
  }
  // Codes that appear in no source are not retried either.
  EXPECT_EQ(ClassifyForRetry(Fault(20018)), RetryClass::kPermanent);
  EXPECT_EQ(ClassifyForRetry(Fault(99999)), RetryClass::kPermanent);
}

TEST(RetryClassification, TransportAndSdkFailures) {
  EXPECT_EQ(ClassifyForRetry(Status()), RetryClass::kPermanent);
  EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kUnavailable, false)), RetryClass::kTransient);
  EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kUnavailable, true)), RetryClass::kTransient);
  EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kDeadlineExceeded, true)),
            RetryClass::kTransient);
  for (int http : {408, 429, 502, 503, 504}) {
    EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kHttpError, true, http)),
              RetryClass::kTransient)
        << http;
  }
  for (int http : {400, 401, 403, 404, 500, 501}) {
    EXPECT_EQ(ClassifyForRetry(Transport(StatusCode::kHttpError, true, http)),
              RetryClass::kPermanent)
        << http;
  }
  for (StatusCode c :
       {StatusCode::kTlsError, StatusCode::kMalformedResponse, StatusCode::kResponseMismatch,
        StatusCode::kInvalidArgument, StatusCode::kInternal, StatusCode::kSoapFault,
        StatusCode::kResourceExhausted}) {
    EXPECT_EQ(ClassifyForRetry(Transport(c, true)), RetryClass::kPermanent) << ToString(c);
  }
}

TEST(RetryClassification, ProvablyNotExecuted) {
  using marketo::RequestProvablyNotExecuted;
  EXPECT_FALSE(RequestProvablyNotExecuted(Status()));
  EXPECT_TRUE(RequestProvablyNotExecuted(Transport(StatusCode::kUnavailable, false)));
  EXPECT_FALSE(RequestProvablyNotExecuted(Transport(StatusCode::kUnavailable, true)));
  EXPECT_FALSE(RequestProvablyNotExecuted(Transport(StatusCode::kDeadlineExceeded, true)));
  for (int code : {20013, 20014, 20015, 20016, 20023, 20024}) {
    EXPECT_TRUE(RequestProvablyNotExecuted(Fault(code))) << code;
  }
  for (int code : {10001, 20011, 20106, 20110}) {
    EXPECT_FALSE(RequestProvablyNotExecuted(Fault(code))) << code;
  }
}

TEST(RetryClassification, SyncIdempotency) {
  std::vector<MObject> keyless{marketo::Opportunity().SetName("a")};
  std::vector<MObject> by_id{marketo::Opportunity().SetName("a")};
  by_id[0].id = 7;
  std::vector<MObject> by_key{marketo::Opportunity().SetName("a")};
  by_key[0].external_key = marketo::Attrib{"ExtId", "x-1"};
  std::vector<MObject> mixed{by_id[0], keyless[0]};

  EXPECT_EQ(SyncIdempotency(by_id, SyncOperation::kInsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(keyless, SyncOperation::kInsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(by_id, SyncOperation::kUpsert), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(by_key, SyncOperation::kUpsert), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(keyless, SyncOperation::kUpsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(mixed, SyncOperation::kUpsert), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(by_id, SyncOperation::kUpdate), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(keyless, SyncOperation::kUpdate), Idempotency::kIdempotent);

  // A Program cost line without a cost Id is appended, so repeating it adds a second line.
  std::vector<MObject> new_cost{marketo::Program(1970).AddCost("2013-06", "2000")};
  std::vector<MObject> cost_by_id{marketo::Program(1970).AddCost("2013-06", "2000", 153)};
  std::vector<MObject> tag{marketo::Program(1970).AddTag("Channel", "Webinar")};
  EXPECT_EQ(SyncIdempotency(new_cost, SyncOperation::kUpdate), Idempotency::kNonIdempotent);
  EXPECT_EQ(SyncIdempotency(cost_by_id, SyncOperation::kUpdate), Idempotency::kIdempotent);
  EXPECT_EQ(SyncIdempotency(tag, SyncOperation::kUpdate), Idempotency::kIdempotent);
}

// ---- backoff ------------------------------------------------------------------------------

TEST(ExponentialBackoffTest, NoJitterGrowsByTheMultiplierUpToTheCap) {
  BackoffPolicy p;
  p.jitter = Jitter::kNone;
  ExponentialBackoff b(p, 1);
  std::vector<long long> got;
  for (int i = 0; i < 9; ++i) got.push_back(b.NextDelay().count());
  EXPECT_EQ(got, (std::vector<long long>{500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000}));
  // Many more steps: still capped, no overflow.
  for (int i = 0; i < 2000; ++i) EXPECT_EQ(b.NextDelay(), Ms(30000));
}

TEST(ExponentialBackoffTest, FullJitterStaysWithinZeroAndTheCeiling) {
  BackoffPolicy p;  // defaults: 500 ms, x2, 30 s, full jitter
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    ExponentialBackoff b(p, seed);
    double ceiling = 500;
    for (int i = 0; i < 10; ++i) {
      const auto d = b.NextDelay().count();
      EXPECT_GE(d, 0);
      EXPECT_LE(d, std::min(ceiling, 30000.0)) << "seed " << seed << " retry " << i;
      ceiling *= 2;
    }
  }
}

TEST(ExponentialBackoffTest, SameSeedSameSequenceDifferentSeedDifferentSequence) {
  BackoffPolicy p;
  auto seq = [&](std::uint64_t seed) {
    ExponentialBackoff b(p, seed);
    std::vector<long long> v;
    for (int i = 0; i < 6; ++i) v.push_back(b.NextDelay().count());
    return v;
  };
  EXPECT_EQ(seq(42), seq(42));
  EXPECT_NE(seq(42), seq(43));
  // Jitter actually spreads: the 6th delays of many seeds are not all equal.
  std::set<long long> sixth;
  for (std::uint64_t s = 0; s < 20; ++s) sixth.insert(seq(s).back());
  EXPECT_GT(sixth.size(), 10u);
}

TEST(ExponentialBackoffTest, DecorrelatedJitterBounds) {
  BackoffPolicy p;
  p.jitter = Jitter::kDecorrelated;
  p.initial_delay = Ms(100);
  p.max_delay = Ms(5000);
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    ExponentialBackoff b(p, seed);
    long long prev = 0;
    for (int i = 0; i < 20; ++i) {
      const auto d = b.NextDelay().count();
      EXPECT_GE(d, 100);
      EXPECT_LE(d, 5000);
      if (i == 0) {
        EXPECT_EQ(d, 100);
      } else {
        EXPECT_LE(d, std::max<long long>(100, 3 * prev) + 1);
      }
      prev = d;
    }
  }
}

TEST(ExponentialBackoffTest, DegenerateSettingsAreSanitised) {
  BackoffPolicy p;
  p.jitter = Jitter::kNone;
  p.initial_delay = Ms(0);
  p.multiplier = 0.5;
  ExponentialBackoff b(p, 0);
  EXPECT_EQ(b.NextDelay(), Ms(1));
  EXPECT_EQ(b.NextDelay(), Ms(1));  // multiplier < 1 is treated as 1
}

// ---- the retry loop over a scripted connection -----------------------------------------------

class RetryLoopTest : public ::testing::Test {
 protected:
  ClientOptions Options() {
    ClientOptions o;
    time_.Install(o);
    o.retry.random_seed = 7;
    o.retry.backoff.jitter = Jitter::kNone;  // exact delays: 500, 1000, 2000, 4000
    o.limits = marketo::LimitOptions::Unlimited();
    return o;
  }
  MObjectClient Client(const ClientOptions& o) {
    return MObjectClient(marketo::internal::MakeConnectionStack(o, fake_));
  }
  MObjectClient Client() { return Client(Options()); }

  static std::vector<MObject> WithIds(std::size_t n) {
    std::vector<MObject> v;
    for (std::size_t i = 0; i < n; ++i) {
      v.push_back(marketo::Opportunity().SetName("o" + std::to_string(i)));
      v.back().id = static_cast<std::int64_t>(i + 1);
    }
    return v;
  }
  static std::vector<MObject> New(std::size_t n) {
    std::vector<MObject> v;
    for (std::size_t i = 0; i < n; ++i) {
      v.push_back(marketo::Opportunity().SetName("o" + std::to_string(i)));
    }
    return v;
  }

  FakeTime time_;
  std::shared_ptr<FakeConnection> fake_ = std::make_shared<FakeConnection>();
};

TEST_F(RetryLoopTest, TransientFailuresAreRetriedWithTheExpectedDelays) {
  fake_->Script({Transport(StatusCode::kUnavailable, true), Fault(10001), Fault(20024)});
  auto r = Client().List();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(fake_->calls(), 4);
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(500), Ms(1000), Ms(2000)));
}

TEST_F(RetryLoopTest, ExhaustedRetriesReportTheAttemptCount) {
  for (int i = 0; i < 10; ++i) fake_->Script({Transport(StatusCode::kUnavailable, false)});
  auto r = Client().Describe("Opportunity");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 5);  // default: 4 retries
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(r.status().message(), HasSubstr("after 5 attempts"));
  EXPECT_THAT(r.status().message(), HasSubstr("no retries left"));
  EXPECT_FALSE(r.status().request_may_have_reached_server());
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(500), Ms(1000), Ms(2000), Ms(4000)));
}

TEST_F(RetryLoopTest, MaxRetriesZeroMakesOneAttemptAndKeepsTheMessage) {
  fake_->Script({Transport(StatusCode::kUnavailable, true), Status()});
  auto o = Options();
  o.retry = marketo::RetryPolicy::NoRetries();
  auto r = Client(o).List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 1);
  EXPECT_EQ(r.status().message(), "op: transport failure");
  EXPECT_TRUE(time_.sleeps().empty());
}

TEST_F(RetryLoopTest, TimeBudgetStopsRetrying) {
  for (int i = 0; i < 10; ++i) fake_->Script({Fault(20011)});
  auto o = Options();
  o.retry.max_total_time = Ms(2000);
  fake_->during_call = [this] { time_.Advance(Ms(100)); };  // each attempt takes 100 ms
  auto r = Client(o).List();
  ASSERT_FALSE(r.ok());
  // 100 + 500 + 100 + 1000 + 100 = 1800; the next 2000 ms delay would end past 2000.
  EXPECT_EQ(fake_->calls(), 3);
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(500), Ms(1000)));
  EXPECT_THAT(r.status().message(), HasSubstr("after 3 attempts"));
  EXPECT_THAT(r.status().message(), HasSubstr("retry budget of 2000 ms"));
  EXPECT_EQ(r.status().marketo_error_code(), 20011);
}

TEST_F(RetryLoopTest, PermanentFaultIsOneAttempt) {
  fake_->Script({Fault(20014), Status()});
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 1);
  EXPECT_EQ(r.status(), Fault(20014));  // untouched
  EXPECT_TRUE(time_.sleeps().empty());
}

TEST_F(RetryLoopTest, PermanentFailureAfterRetriesNamesTheAttempts) {
  fake_->Script({Fault(20024), Transport(StatusCode::kMalformedResponse, true)});
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 2);
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse);
  EXPECT_THAT(r.status().message(), HasSubstr("(after 2 attempts)"));
}

TEST_F(RetryLoopTest, UpdateWithIdsIsRetriedAfterRateLimitWithAtLeastTwentySeconds) {
  fake_->Script({Fault(20023)});
  auto objects = WithIds(3);
  auto r = Client().Sync(objects, SyncOperation::kUpdate);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(fake_->calls(), 2);
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(20000 + 500)));
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[2].status, SyncStatus::kUpdated);
}

TEST_F(RetryLoopTest, RateLimitDelayWithDefaultJitterIsAtLeastTheWindow) {
  for (int i = 0; i < 4; ++i) fake_->Script({Fault(20023)});
  auto o = Options();
  o.retry.backoff.jitter = Jitter::kFull;
  auto r = Client(o).List();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(time_.sleeps().size(), 4u);
  for (Ms d : time_.sleeps()) {
    EXPECT_GE(d, Ms(20000));
    EXPECT_LE(d, Ms(20000 + 4000));
  }
}

TEST_F(RetryLoopTest, DailyQuotaFailsFastWithoutRetry) {
  fake_->Script({Fault(20015), Status()});
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 1);
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(time_.sleeps().empty());
}

TEST_F(RetryLoopTest, InsertWhoseResponseWasLostIsNotRetriedByDefault) {
  fake_->Script({Transport(StatusCode::kUnavailable, /*reached=*/true), Status()});
  auto objects = New(2);
  auto r = Client().Sync(objects, SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 1);
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(r.status().request_may_have_reached_server());
  EXPECT_THAT(r.status().message(),
              HasSubstr("not retried: syncMObjects INSERT is not idempotent"));
}

TEST_F(RetryLoopTest, InsertWhoseResponseWasLostIsRetriedWithOptIn) {
  fake_->Script({Transport(StatusCode::kDeadlineExceeded, true)});
  auto o = Options();
  o.retry.retry_non_idempotent = true;
  auto objects = New(2);
  auto r = Client(o).Sync(objects, SyncOperation::kInsert);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(fake_->calls(), 2);
}

TEST_F(RetryLoopTest, InsertIsRetriedWhenTheConnectFailed) {
  fake_->Script({Transport(StatusCode::kUnavailable, false),
                 Transport(StatusCode::kDeadlineExceeded, false)});
  auto objects = New(2);
  auto r = Client().Sync(objects, SyncOperation::kInsert);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(fake_->calls(), 3);
  EXPECT_EQ((*r)[0].status, SyncStatus::kCreated);
}

TEST_F(RetryLoopTest, InsertIsRetriedAfterAdmissionFaults) {
  // 20023/20024/20016 reject the whole request before it runs: nothing was created.
  fake_->Script({Fault(20024), Fault(20023), Fault(20016)});
  auto objects = New(1);
  auto r = Client().Sync(objects, SyncOperation::kInsert);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(fake_->calls(), 4);
}

TEST_F(RetryLoopTest, InsertIsNotRetriedAfterAnInternalError) {
  fake_->Script({Fault(10001)});
  auto objects = New(1);
  auto r = Client().Sync(objects, SyncOperation::kInsert);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 1);
}

TEST_F(RetryLoopTest, KeyedUpsertIsRetriedKeylessUpsertIsNot) {
  auto keyed = New(2);
  for (auto& o : keyed) o.external_key = marketo::Attrib{"ExtId", o.attributes[0].value};
  fake_->Script({Transport(StatusCode::kUnavailable, true)});
  EXPECT_TRUE(Client().Sync(keyed, SyncOperation::kUpsert).ok());
  EXPECT_EQ(fake_->calls(), 2);

  fake_->Script({Transport(StatusCode::kUnavailable, true)});
  auto keyless = New(2);
  EXPECT_FALSE(Client().Sync(keyless, SyncOperation::kUpsert).ok());
  EXPECT_EQ(fake_->calls(), 3);
}

TEST_F(RetryLoopTest, FinalStatusSaysReachedIfAnyAttemptMayHaveReachedTheServer) {
  // Attempt 1 timed out after sending; attempt 2 could not even connect. The outcome of attempt
  // 1 is unknown, so the final status must not claim that nothing was sent.
  for (int i = 0; i < 4; ++i) {
    fake_->Script({i == 0 ? Transport(StatusCode::kDeadlineExceeded, true)
                          : Transport(StatusCode::kUnavailable, false)});
  }
  fake_->Script({Transport(StatusCode::kUnavailable, false)});
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 5);
  EXPECT_TRUE(r.status().request_may_have_reached_server());
}

TEST_F(RetryLoopTest, SecondExpiredFaultIsReturned) {
  fake_->Script({Fault(20016), Fault(20016), Status()});
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(fake_->calls(), 2);
  EXPECT_EQ(r.status().marketo_error_code(), 20016);
  EXPECT_THAT(r.status().message(), HasSubstr("check the local clock"));
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(1000)));
}

TEST_F(RetryLoopTest, SeededJitterIsReproducible) {
  auto run = [](std::uint64_t seed) {
    FakeTime t;
    ClientOptions o;
    t.Install(o);
    o.retry.random_seed = seed;
    o.limits = marketo::LimitOptions::Unlimited();
    auto fake = std::make_shared<FakeConnection>();
    for (int i = 0; i < 4; ++i) fake->Script({Fault(10001)});
    EXPECT_TRUE(MObjectClient(marketo::internal::MakeConnectionStack(o, fake)).List().ok());
    return t.sleeps();
  };
  EXPECT_EQ(run(5), run(5));
  EXPECT_NE(run(5), run(6));
}

TEST_F(RetryLoopTest, SyncAllKeepsOneResultPerInputWithRetries) {
  // 250 UPDATEs by id: every batch's first attempt hits the concurrency limit.
  fake_->Script({Fault(20024), Status(), Fault(20024), Status(), Fault(20024), Status()});
  auto objects = WithIds(250);
  auto all = Client().SyncAll(objects, SyncOperation::kUpdate);
  EXPECT_TRUE(all.status.ok()) << all.status.ToString();
  ASSERT_EQ(all.results.size(), 250u);
  for (std::size_t i = 0; i < 250; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    EXPECT_EQ(all.results[i].status, SyncStatus::kUpdated);
  }
  EXPECT_EQ(all.calls, 3u);
  EXPECT_EQ(fake_->calls(), 6);
  EXPECT_THAT(fake_->batch_sizes(), ElementsAre(100, 100, 100, 100, 50, 50));
}

TEST_F(RetryLoopTest, SyncAllInsertWithALostResponseFailsThatBatchOnlyAndNeverResends) {
  fake_->Script({Status(), Transport(StatusCode::kUnavailable, true), Status()});
  auto objects = New(250);
  auto all = Client().SyncAll(objects, SyncOperation::kInsert);
  ASSERT_EQ(all.results.size(), 250u);
  EXPECT_EQ(fake_->calls(), 3);  // no batch was sent twice
  EXPECT_EQ(all.failed_calls, 1u);
  for (std::size_t i = 0; i < 250; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    const bool lost = i >= 100 && i < 200;
    EXPECT_EQ(all.results[i].status, lost ? SyncStatus::kFailed : SyncStatus::kCreated) << i;
  }
  EXPECT_EQ(all.status.code(), StatusCode::kUnavailable);
}

// ---- through the real gSOAP connection (Wire seam) ---------------------------------------

using marketo_test::ScriptedWire;

std::string SyncOk(const std::string& status) {
  return marketo_test::HttpResponse(marketo_test::Envelope(
      "<ns1:successSyncMObjects><result><mObjStatusList><mObjStatus><id>1970</id><status>" +
      status + "</status></mObjStatus></mObjStatusList></result></ns1:successSyncMObjects>"));
}

std::string ListOk() {
  return marketo_test::HttpResponse(marketo_test::Envelope(
      "<ns1:successListMObjects><result><objects>Opportunity</objects></result>"
      "</ns1:successListMObjects>"));
}

std::string FaultHttp(int code, const std::string& text) {
  const std::string c = std::to_string(code);
  return marketo_test::HttpResponse(
      marketo_test::Envelope(
          "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>" + c + " - " + text +
          "</faultstring><detail><ns1:serviceException "
          "xmlns:ns1=\"http://www.marketo.com/mktows/\"><name>mktServiceException</name>"
          "<message>" +
          text + " (" + c + ")</message><code>" + c +
          "</code></ns1:serviceException></detail></SOAP-ENV:Fault>"),
      "500 Internal Server Error");
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
  wire_->responses.push_back(FaultHttp(20016, "Request Expired"));
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
  wire_->responses.push_back(FaultHttp(20014, "Authentication failed"));
  wire_->responses.push_back(ListOk());
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(wire_->requests.size(), 1u);
  EXPECT_EQ(r.status().code(), StatusCode::kSoapFault);
  EXPECT_EQ(r.status().marketo_error_code(), 20014);
  EXPECT_THAT(r.status().ToString(), Not(HasSubstr(kKey)));
}

TEST_F(RetryWireTest, DailyQuotaIsOneAttemptWithAClearMessage) {
  wire_->responses.push_back(FaultHttp(20015, "Request Limit Exceeded"));
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
  wire_->responses.push_back(marketo_test::HttpResponse("", "503 Service Unavailable"));
  wire_->responses.push_back(ListOk());
  EXPECT_TRUE(Client().List().ok());
  EXPECT_EQ(wire_->requests.size(), 2u);

  wire_->responses.push_back(marketo_test::HttpResponse("not xml at all", "200 OK", "text/plain"));
  wire_->responses.push_back(ListOk());
  auto r = Client().List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kMalformedResponse);
  EXPECT_EQ(wire_->requests.size(), 3u);
}

TEST_F(RetryWireTest, UpdateByIdIsRetriedOnRateLimit) {
  wire_->responses.push_back(FaultHttp(20023, "Rate Limit Exceeded"));
  wire_->responses.push_back(SyncOk("UPDATED"));
  std::vector<MObject> objects{marketo::Program(1970).AddTag("Channel", "Webinar")};
  auto r = Client().Sync(objects, SyncOperation::kUpdate);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(wire_->requests.size(), 2u);
  EXPECT_THAT(time_.sleeps(), ElementsAre(Ms(20500)));
  // The retry is a new request: newly signed after the 20.5 s wait.
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
