// The client-side limiter (internal::CallLimiter) and its place in the connection stack. The
// rate window runs on fake time; concurrency tests use real threads but hold calls for at most
// a few milliseconds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "marketo/limits.h"
#include "marketo/mobject_client.h"
#include "operations/soap_connection.h"
#include "pipeline/call_limiter.h"
#include "support/fake_connection.h"

namespace {

using marketo::ClientOptions;
using marketo::LimitOptions;
using marketo::MObjectClient;
using marketo::StatusCode;
using marketo::internal::CallLimiter;
using marketo_test::FakeConnection;
using marketo_test::FakeTime;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Ms = std::chrono::milliseconds;

LimitOptions Fake(FakeTime& t, std::size_t per_window, std::size_t in_flight) {
  LimitOptions o;
  o.max_calls_per_window = per_window;
  o.max_in_flight = in_flight;
  o.margin = Ms(0);
  o.clock = t.Clock();
  o.sleeper = t.Sleeper();
  return o;
}

TEST(CallLimiterTest, DefaultsAreMarketosLimits) {
  LimitOptions o;
  EXPECT_EQ(o.max_calls_per_window, 100u);
  EXPECT_EQ(o.window, Ms(20000));
  EXPECT_EQ(o.margin, Ms(250));
  EXPECT_EQ(o.max_in_flight, 10u);
  EXPECT_EQ(o.max_wait, Ms(120000));
}

TEST(CallLimiterTest, RateWindowDelaysTheCallAfterTheNth) {
  FakeTime t;
  CallLimiter limiter(Fake(t, 3, 0));
  std::vector<Ms> starts;
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(limiter.Acquire("op").ok());
    starts.push_back(t.elapsed());
    limiter.Release();
  }
  EXPECT_THAT(starts, ElementsAre(Ms(0), Ms(0), Ms(0), Ms(20000), Ms(20000), Ms(20000), Ms(40000)));
  EXPECT_THAT(t.sleeps(), ElementsAre(Ms(20000), Ms(20000)));
}

TEST(CallLimiterTest, SlotIsHeldUntilWindowPlusMarginAfterTheResponse) {
  FakeTime t;
  auto o = Fake(t, 2, 0);
  o.margin = Ms(500);
  CallLimiter limiter(o);
  ASSERT_TRUE(limiter.Acquire("op").ok());  // A: 0 .. 3 s
  t.Advance(Ms(3000));
  limiter.Release();
  ASSERT_TRUE(limiter.Acquire("op").ok());  // B: 3 s .. 4 s
  t.Advance(Ms(1000));
  limiter.Release();
  ASSERT_TRUE(limiter.Acquire("op").ok());  // C: A's slot frees at 3 s + 20 s + 0.5 s
  EXPECT_EQ(t.elapsed(), Ms(23500));
  limiter.Release();
  ASSERT_TRUE(limiter.Acquire("op").ok());  // D: B's slot, 4 s + 20.5 s
  EXPECT_EQ(t.elapsed(), Ms(24500));
  EXPECT_THAT(t.sleeps(), ElementsAre(Ms(19500), Ms(1000)));
}

TEST(CallLimiterTest, ServerNeverCountsMoreThanNInAWindow) {
  // Random gaps and latencies; the server counts each call at a random moment between its start
  // and its response, as Marketo counts on arrival. Any N+1 such moments span a window.
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    FakeTime t;
    const std::size_t n = 1 + seed % 7;
    CallLimiter limiter(Fake(t, n, 0));
    std::mt19937_64 rng(seed);
    std::vector<Ms> counted;
    for (int i = 0; i < 200; ++i) {
      t.Advance(Ms(rng() % 6000));
      ASSERT_TRUE(limiter.Acquire("op").ok());
      const Ms latency(rng() % 4000);
      counted.push_back(t.elapsed() + Ms(static_cast<long>(rng() % (latency.count() + 1))));
      t.Advance(latency);
      limiter.Release();
    }
    std::sort(counted.begin(), counted.end());
    for (std::size_t i = 0; i + n < counted.size(); ++i) {
      EXPECT_GE(counted[i + n] - counted[i], Ms(20000)) << "seed " << seed << " i " << i;
    }
  }
}

TEST(CallLimiterTest, RateLimitFaultHoldsEveryFreeSlotForAWindow) {
  FakeTime t;
  auto o = Fake(t, 3, 0);
  o.margin = Ms(100);
  CallLimiter limiter(o);
  ASSERT_TRUE(limiter.Acquire("op").ok());
  t.Advance(Ms(1000));
  limiter.OnRateLimitFault();  // 2 slots were free: the server's window is full anyway
  limiter.Release();
  ASSERT_TRUE(limiter.Acquire("op").ok());
  EXPECT_EQ(t.elapsed(), Ms(1000 + 20100));
  EXPECT_THAT(t.sleeps(), ElementsAre(Ms(20100)));
}

TEST(CallLimiterTest, WhenEverySlotIsRunningTheNextWaitsForARelease) {
  FakeTime t;
  CallLimiter limiter(Fake(t, 1, 0));
  ASSERT_TRUE(limiter.Acquire("op").ok());
  std::atomic<bool> second_started{false};
  std::thread second([&] {
    EXPECT_TRUE(limiter.Acquire("op").ok());
    second_started = true;
  });
  std::this_thread::sleep_for(Ms(5));
  EXPECT_FALSE(second_started.load());
  t.Advance(Ms(700));
  limiter.Release();  // the slot frees at 0.7 s + 20 s
  second.join();
  EXPECT_EQ(t.elapsed(), Ms(20700));
  EXPECT_THAT(t.sleeps(), ElementsAre(Ms(20000)));
}

TEST(CallLimiterTest, RunningSlotsLongerThanMaxWaitFail) {
  FakeTime t;
  auto o = Fake(t, 1, 0);
  o.max_wait = Ms(5);  // real time while the free time is unknown
  CallLimiter limiter(o);
  ASSERT_TRUE(limiter.Acquire("op").ok());
  auto s = limiter.Acquire("getMObjects");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(s.message(), HasSubstr("no rate slot"));
  EXPECT_EQ(limiter.in_flight(), 1u);
}

TEST(CallLimiterTest, ZeroMeansUnlimited) {
  FakeTime t;
  CallLimiter limiter(Fake(t, 0, 0));
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.Acquire("op").ok());
  EXPECT_TRUE(t.sleeps().empty());
}

TEST(CallLimiterTest, RateWaitLongerThanMaxWaitFailsWithoutSending) {
  FakeTime t;
  auto o = Fake(t, 1, 0);
  o.max_wait = Ms(5000);
  CallLimiter limiter(o);
  ASSERT_TRUE(limiter.Acquire("op").ok());
  limiter.Release();
  auto s = limiter.Acquire("listMObjects");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_FALSE(s.request_may_have_reached_server());
  EXPECT_THAT(s.message(), HasSubstr("listMObjects: client-side limiter: no rate slot"));
  EXPECT_EQ(limiter.in_flight(), 0u);
  EXPECT_TRUE(t.sleeps().empty());
  t.Advance(Ms(15000));  // now the wait is 5 s: allowed
  EXPECT_TRUE(limiter.Acquire("op").ok());
  EXPECT_THAT(t.sleeps(), ElementsAre(Ms(5000)));
}

TEST(CallLimiterTest, InFlightWaitLongerThanMaxWaitFails) {
  FakeTime t;
  auto o = Fake(t, 0, 1);
  o.max_wait = Ms(5);  // real time
  CallLimiter limiter(o);
  ASSERT_TRUE(limiter.Acquire("op").ok());
  auto s = limiter.Acquire("getMObjects");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(s.message(), HasSubstr("no in-flight slot"));
  limiter.Release();
  EXPECT_TRUE(limiter.Acquire("op").ok());
}

TEST(CallLimiterTest, ThirdCallWaitsUntilOneOfTwoFinishes) {
  FakeTime t;
  auto limits = Fake(t, 0, 2);
  auto fake = std::make_shared<FakeConnection>();
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  fake->during_call = [&] {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return release; });
  };
  ClientOptions o;
  o.limits = limits;
  o.retry = marketo::RetryPolicy::NoRetries();
  auto conn = marketo::internal::MakeConnectionStack(o, fake);
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] { EXPECT_TRUE(conn->ListMObjects().ok()); });
  }
  // Two calls get in; the third stays blocked in the limiter.
  while (fake->calls() < 2) std::this_thread::yield();
  std::this_thread::sleep_for(Ms(5));
  EXPECT_EQ(fake->calls(), 2);
  {
    std::lock_guard<std::mutex> lock(mu);
    release = true;
  }
  cv.notify_all();
  for (auto& th : threads) th.join();
  EXPECT_EQ(fake->calls(), 3);
  EXPECT_LE(fake->max_in_flight(), 2);
}

TEST(CallLimiterTest, EightThreadsNeverExceedTwoInFlight) {
  ClientOptions o;
  o.limits.max_in_flight = 2;
  o.limits.max_calls_per_window = 0;
  o.retry = marketo::RetryPolicy::NoRetries();
  auto fake = std::make_shared<FakeConnection>();
  fake->during_call = [] { std::this_thread::sleep_for(std::chrono::microseconds(200)); };
  MObjectClient client(marketo::internal::MakeConnectionStack(o, fake));
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) {
        if (!client.List().ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(fake->calls(), 160);
  EXPECT_LE(fake->max_in_flight(), 2);
  EXPECT_GE(fake->max_in_flight(), 1);
}

TEST(CallLimiterTest, RetriesPassThroughTheLimiterAgain) {
  // Window of 2 calls: a call plus its retry use up the window, so the third call waits.
  FakeTime t;
  ClientOptions o;
  t.Install(o);
  o.limits.max_calls_per_window = 2;
  o.limits.margin = Ms(0);
  o.retry.backoff.jitter = marketo::Jitter::kNone;
  auto fake = std::make_shared<FakeConnection>();
  fake->Script({marketo_test::Fault(10001)});
  MObjectClient client(marketo::internal::MakeConnectionStack(o, fake));
  ASSERT_TRUE(client.List().ok());  // attempt at 0 s, retry at 0.5 s
  ASSERT_TRUE(client.List().ok());  // must wait until 20 s
  EXPECT_EQ(fake->calls(), 3);
  EXPECT_THAT(t.sleeps(), ElementsAre(Ms(500), Ms(19500)));
}

TEST(CallLimiterTest, LimiterTimeoutIsNotRetried) {
  FakeTime t;
  ClientOptions o;
  t.Install(o);
  o.limits.max_calls_per_window = 1;
  o.limits.max_wait = Ms(1000);
  auto fake = std::make_shared<FakeConnection>();
  MObjectClient client(marketo::internal::MakeConnectionStack(o, fake));
  ASSERT_TRUE(client.List().ok());
  auto r = client.List();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(fake->calls(), 1);
  EXPECT_TRUE(t.sleeps().empty());
}

TEST(CallLimiterTest, RateLimitFaultIsRetriedWhenTheWindowFreesNotAfterABackoff) {
  FakeTime t;
  ClientOptions o;
  t.Install(o);
  o.limits.max_calls_per_window = 5;
  o.retry.backoff.jitter = marketo::Jitter::kNone;
  auto fake = std::make_shared<FakeConnection>();
  fake->Script({marketo_test::Fault(20023)});
  MObjectClient client(marketo::internal::MakeConnectionStack(o, fake));
  ASSERT_TRUE(client.List().ok());
  EXPECT_EQ(fake->calls(), 2);
  // Only the limiter's wait (window + margin), no rate_limit_delay or backoff on top.
  EXPECT_THAT(t.sleeps(), ElementsAre(Ms(20250)));
}

}  // namespace
