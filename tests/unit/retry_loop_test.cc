// The retry loop of the connection stack (internal::MakeConnectionStack) over a scripted fake
// connection: delays, budgets, idempotency and the final Status. Time is fake: no test sleeps.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "marketo/mobject_client.h"
#include "marketo/retry.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"

namespace {

using marketo::ClientOptions;
using marketo::Jitter;
using marketo::MObject;
using marketo::MObjectClient;
using marketo::Status;
using marketo::StatusCode;
using marketo::SyncOperation;
using marketo::SyncStatus;
using marketo_test::FakeConnection;
using marketo_test::FakeTime;
using marketo_test::Fault;
using marketo_test::Transport;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Ms = std::chrono::milliseconds;

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

}  // namespace
