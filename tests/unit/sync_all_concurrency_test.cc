// SyncAll with SyncAllOptions::concurrency > 1 over connections that cannot work ahead: order,
// isolation of failures, progress and the limiter. Every wait is on an event, never on elapsed
// time, and no test asserts anything about time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "marketo/mobject_client.h"
#include "operations/soap_connection.h"
#include "support/fake_connection.h"
#include "support/numbered_objects.h"

namespace {

using marketo::MObject;
using marketo::MObjectClient;
using marketo::MObjectSpan;
using marketo::Opportunity;
using marketo::Status;
using marketo::StatusCode;
using marketo::StatusOr;
using marketo::SyncAllOptions;
using marketo::SyncOperation;
using marketo::SyncResult;
using marketo::SyncStatus;
using marketo_test::ExpectAllCreatedInOrder;
using marketo_test::Numbered;

// Upper bound for event waits, so a broken implementation fails instead of hanging.
constexpr auto kEventTimeout = std::chrono::seconds(30);

// The batch number of a span of Numbered() objects with batch size 100.
std::size_t BatchOf(MObjectSpan objects) {
  return (std::stoul(*objects[0].Find("Name")) - 1000) / 100;
}

// A connection that runs `on_sync` and then echoes CREATED with id = the object's Name. It
// implements nothing else (the other operations answer kUnimplemented).
class ScriptedConnection : public marketo::Connection {
 public:
  std::function<Status(MObjectSpan)> on_sync;

  StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan objects, SyncOperation) override {
    const int now = ++in_flight_;
    int seen = max_in_flight_.load();
    while (now > seen && !max_in_flight_.compare_exchange_weak(seen, now)) {
    }
    Status s = on_sync ? on_sync(objects) : Status();
    --in_flight_;
    if (!s.ok()) return s;
    std::vector<SyncResult> out(objects.size());
    for (std::size_t i = 0; i < objects.size(); ++i) {
      out[i].index = i;
      out[i].id = std::stoll(*objects[i].Find("Name"));
      out[i].status = SyncStatus::kCreated;
      out[i].raw_status = "CREATED";
    }
    return out;
  }
  int max_in_flight() const { return max_in_flight_.load(); }

 private:
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
};

TEST(SyncAllConcurrency, ResultsStayInInputOrderWhenBatchesFinishOutOfOrder) {
  // Batch 0 is held until every other batch has finished, so completion order is 1,2,3,0.
  auto conn = std::make_shared<ScriptedConnection>();
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::size_t> finished;
  conn->on_sync = [&](MObjectSpan objects) {
    const std::size_t b = BatchOf(objects);
    std::unique_lock<std::mutex> lock(mu);
    if (b == 0) {
      const bool others_done =
          cv.wait_for(lock, kEventTimeout, [&] { return finished.size() == 3; });
      EXPECT_TRUE(others_done) << "batches 1-3 did not run while batch 0 was in flight";
    }
    finished.push_back(b);
    cv.notify_all();
    return Status();
  };
  MObjectClient client(conn);
  SyncAllOptions opts;
  opts.concurrency = 4;
  auto all = client.SyncAll(Numbered(400), SyncOperation::kInsert, opts);
  EXPECT_TRUE(all.status.ok());
  EXPECT_EQ(all.calls, 4u);
  EXPECT_EQ(finished.back(), 0u);
  ExpectAllCreatedInOrder(all, 400);
}

TEST(SyncAllConcurrency, RunsUpToConcurrencyBatchesAtOnce) {
  // Each call waits until 3 calls are in flight together (or the batch is among the last).
  auto conn = std::make_shared<ScriptedConnection>();
  std::mutex mu;
  std::condition_variable cv;
  int entered = 0;
  conn->on_sync = [&](MObjectSpan) {
    std::unique_lock<std::mutex> lock(mu);
    ++entered;
    cv.notify_all();
    cv.wait_for(lock, kEventTimeout, [&] { return entered >= 3; });
    return Status();
  };
  MObjectClient client(conn);
  SyncAllOptions opts;
  opts.concurrency = 3;
  auto all = client.SyncAll(Numbered(900), SyncOperation::kInsert, opts);
  EXPECT_TRUE(all.status.ok());
  EXPECT_EQ(all.calls, 9u);
  EXPECT_EQ(conn->max_in_flight(), 3);
  ExpectAllCreatedInOrder(all, 900);
}

TEST(SyncAllConcurrency, AFailingBatchFailsOnlyItsOwnObjects) {
  auto conn = std::make_shared<ScriptedConnection>();
  marketo::ErrorInfo info;
  info.marketo_error_code = 20011;
  const Status boom(StatusCode::kSoapFault, "syncMObjects: SOAP fault 20011: Internal Error", info);
  conn->on_sync = [&](MObjectSpan objects) {
    const std::size_t b = BatchOf(objects);
    return b == 2 || b == 5 ? boom : Status();
  };
  MObjectClient client(conn);
  SyncAllOptions opts;
  opts.concurrency = 4;
  auto all = client.SyncAll(Numbered(750), SyncOperation::kInsert, opts);
  EXPECT_EQ(all.status, boom);
  EXPECT_EQ(all.calls, 8u);
  EXPECT_EQ(all.failed_calls, 2u);
  ASSERT_EQ(all.results.size(), 750u);
  for (std::size_t i = 0; i < 750; ++i) {
    const std::size_t b = i / 100;
    EXPECT_EQ(all.results[i].index, i);
    if (b == 2 || b == 5) {
      EXPECT_EQ(all.results[i].status, SyncStatus::kFailed) << i;
      EXPECT_EQ(all.results[i].call_status.marketo_error_code(), 20011);
    } else {
      EXPECT_EQ(all.results[i].status, SyncStatus::kCreated) << i;
      EXPECT_EQ(all.results[i].id, static_cast<std::int64_t>(1000 + i));
    }
  }
}

TEST(SyncAllConcurrency, StatusIsTheFirstFailedBatchInInputOrder) {
  // Batch 3 fails first in time; batch 1 fails later. status must still be batch 1's.
  auto conn = std::make_shared<ScriptedConnection>();
  std::mutex mu;
  std::condition_variable cv;
  bool third_failed = false;
  conn->on_sync = [&](MObjectSpan objects) {
    const std::size_t b = BatchOf(objects);
    std::unique_lock<std::mutex> lock(mu);
    if (b == 1) {
      cv.wait_for(lock, kEventTimeout, [&] { return third_failed; });
      return Status(StatusCode::kUnavailable, "batch 1");
    }
    if (b == 3) {
      third_failed = true;
      cv.notify_all();
      return Status(StatusCode::kUnavailable, "batch 3");
    }
    return Status();
  };
  MObjectClient client(conn);
  SyncAllOptions opts;
  opts.concurrency = 4;
  auto all = client.SyncAll(Numbered(400), SyncOperation::kInsert, opts);
  EXPECT_EQ(all.status.message(), "batch 1");
  EXPECT_EQ(all.failed_calls, 2u);
}

TEST(SyncAllConcurrency, ProgressIsSerialMonotoneAndEndsAtTotal) {
  auto conn = std::make_shared<ScriptedConnection>();
  MObjectClient client(conn);
  std::vector<std::size_t> seen;
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  SyncAllOptions opts;
  opts.concurrency = 8;
  opts.batch_size = 10;
  opts.progress = [&](std::size_t done, std::size_t total) {
    if (++inside > 1) overlapped = true;
    EXPECT_EQ(total, 1000u);
    seen.push_back(done);  // safe only because calls never overlap
    --inside;
  };
  std::vector<MObject> v = Numbered(1000);
  v[5] = marketo::Program(1).AddTag("Channel", "Webinar");  // rejected for INSERT
  auto all = client.SyncAll(v, SyncOperation::kInsert, opts);
  EXPECT_FALSE(overlapped.load());
  ASSERT_EQ(seen.size(), all.calls);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_LE(seen[i - 1], seen[i]);
  EXPECT_EQ(seen.back(), 1000u);
}

TEST(SyncAllConcurrency, RejectedObjectsKeepTheirSlotsInNonContiguousBatches) {
  auto conn = std::make_shared<ScriptedConnection>();
  MObjectClient client(conn);
  std::vector<MObject> v = Numbered(350);
  for (std::size_t i : {3u, 150u, 349u}) v[i] = marketo::Program(1).AddTag("Channel", "Webinar");
  SyncAllOptions opts;
  opts.concurrency = 3;
  auto all = client.SyncAll(v, SyncOperation::kInsert, opts);
  EXPECT_TRUE(all.status.ok());
  EXPECT_EQ(all.calls, 4u);  // 347 valid objects
  ASSERT_EQ(all.results.size(), 350u);
  for (std::size_t i = 0; i < 350; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    if (i == 3 || i == 150 || i == 349) {
      EXPECT_EQ(all.results[i].call_status.code(), StatusCode::kInvalidArgument);
    } else {
      EXPECT_EQ(all.results[i].id, static_cast<std::int64_t>(1000 + i)) << i;
    }
  }
}

TEST(SyncAllConcurrency, StopOnCallErrorMarksUnstartedBatchesNotSent) {
  auto conn = std::make_shared<ScriptedConnection>();
  conn->on_sync = [](MObjectSpan objects) {
    return BatchOf(objects) == 0 ? Status(StatusCode::kSoapFault, "SOAP fault 20014") : Status();
  };
  MObjectClient client(conn);
  SyncAllOptions opts;
  opts.concurrency = 2;
  opts.stop_on_call_error = true;
  auto all = client.SyncAll(Numbered(2000), SyncOperation::kInsert, opts);
  EXPECT_EQ(all.status.code(), StatusCode::kSoapFault);
  EXPECT_EQ(all.failed_calls, 1u);
  EXPECT_LT(all.calls, 20u);
  ASSERT_EQ(all.results.size(), 2000u);
  std::size_t not_sent = 0;
  for (std::size_t i = 0; i < 2000; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    if (all.results[i].error.find("not sent") != std::string::npos) {
      ++not_sent;
      EXPECT_EQ(all.results[i].call_status.code(), StatusCode::kSoapFault);
    }
  }
  EXPECT_EQ(not_sent, (20u - all.calls) * 100u);
}

TEST(SyncAllConcurrency, AnExceptionFromTheConnectionIsRethrownAfterTheWorkersStop) {
  auto conn = std::make_shared<ScriptedConnection>();
  conn->on_sync = [](MObjectSpan objects) -> Status {
    if (BatchOf(objects) == 1) throw std::runtime_error("boom");
    return Status();
  };
  MObjectClient client(conn);
  SyncAllOptions opts;
  opts.concurrency = 4;
  EXPECT_THROW(client.SyncAll(Numbered(800), SyncOperation::kInsert, opts), std::runtime_error);
}

TEST(SyncAllConcurrency, TheLimiterCapsInFlightCallsBelowConcurrency) {
  auto fake = std::make_shared<marketo_test::FakeConnection>();
  std::mutex mu;
  std::condition_variable cv;
  int entered = 0;
  fake->during_call = [&] {
    // Hold each call until a second one is in flight (or a while), so overlap is possible.
    std::unique_lock<std::mutex> lock(mu);
    ++entered;
    cv.notify_all();
    cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return entered % 2 == 0; });
  };
  marketo::ClientOptions o;
  o.limits.max_calls_per_window = 0;
  o.limits.max_in_flight = 2;
  o.retry = marketo::RetryPolicy::NoRetries();
  MObjectClient client(marketo::internal::MakeConnectionStack(o, fake));
  SyncAllOptions opts;
  opts.concurrency = 6;
  std::vector<MObject> v(1200, Opportunity(7).SetName("x"));
  auto all = client.SyncAll(v, SyncOperation::kUpdate, opts);
  EXPECT_TRUE(all.status.ok()) << all.status.ToString();
  EXPECT_EQ(fake->calls(), 12);
  EXPECT_LE(fake->max_in_flight(), 2);
  for (std::size_t i = 0; i < v.size(); ++i) {
    ASSERT_EQ(all.results[i].index, i);
    ASSERT_EQ(all.results[i].status, SyncStatus::kUpdated);
  }
}

}  // namespace
