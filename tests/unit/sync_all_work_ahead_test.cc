// SyncAll over the SDK's own gSOAP connection (the Wire seam): the context pool, and working
// ahead, i.e. preparing the next request while one is on the wire, never more than
// `concurrency` on the wire. Every wait is on an event, never on elapsed time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "marketo/mobject_client.h"
#include "operations/soap_connection.h"
#include "support/numbered_objects.h"
#include "support/test_xml.h"
#include "transport/wire.h"

namespace {

using marketo::MObjectClient;
using marketo::SyncAllOptions;
using marketo::SyncOperation;
using marketo_test::ExpectAllCreatedInOrder;
using marketo_test::Numbered;

// Answers each syncMObjects request with one CREATED status per <mObject>, ids counting up from
// the number in the first object's <name>Name</name>... attribute value.
class CountingWire : public marketo::internal::Wire {
 public:
  std::string RoundTrip(const std::string& request) override {
    std::size_t n = 0;
    for (std::size_t p = request.find("<mObject>"); p != std::string::npos;
         p = request.find("<mObject>", p + 1)) {
      ++n;
    }
    const std::size_t v = request.find("<value>");
    const long first = std::stol(request.substr(v + 7));
    std::string statuses;
    for (std::size_t i = 0; i < n; ++i) {
      statuses += "<mObjStatus><id>" + std::to_string(first + static_cast<long>(i)) +
                  "</id><status>CREATED</status></mObjStatus>";
    }
    ++round_trips;
    return marketo_test::HttpReply(
        marketo_test::Envelope("<ns1:successSyncMObjects><result><mObjStatusList>" + statuses +
                               "</mObjStatusList></result></ns1:successSyncMObjects>"));
  }
  std::atomic<int> round_trips{0};
};

TEST(SyncAllConcurrency, WorksThroughTheGsoapContextPool) {
  auto wire = std::make_shared<CountingWire>();
  marketo::ClientOptions o;
  o.endpoint = "http://mock.invalid/soap/mktows/3_1";
  o.credentials = {"user", "key"};
  o.max_connections = 2;  // fewer contexts than workers: callers queue for a context
  MObjectClient client(marketo::internal::MakeSoapConnection(o, wire));
  SyncAllOptions opts;
  opts.concurrency = 4;
  auto all = client.SyncAll(Numbered(1000), SyncOperation::kInsert, opts);
  EXPECT_TRUE(all.status.ok()) << all.status.ToString();
  EXPECT_EQ(wire->round_trips.load(), 10);
  ExpectAllCreatedInOrder(all, 1000);
}

// Holds each round trip until the request after it has been signed (the connection reads the
// clock once per request, just before serialising it), and records how many round trips were
// on the wire at once.
class HoldingWire : public CountingWire {
 public:
  // `hold` bounds each wait, so a client that never prepares ahead fails instead of hanging.
  HoldingWire(int total_batches, int limit, std::chrono::milliseconds hold)
      : total_(total_batches), limit_(limit), hold_(hold) {}

  std::string RoundTrip(const std::string& request) override {
    int mine;
    {
      std::unique_lock<std::mutex> lock(mu_);
      mine = ++started_;
      max_on_wire_ = std::max(max_on_wire_, ++on_wire_);
      cv_.notify_all();
      if (mine < total_) {
        const bool next_signed = cv_.wait_for(lock, hold_, [&] { return signed_ > mine; });
        if (next_signed) ++overlapped_;
        // Stay on the wire a little longer: a request that skipped the gate would join now.
        cv_.wait_for(lock, std::chrono::milliseconds(50), [&] { return on_wire_ > limit_; });
      }
      --on_wire_;
    }
    return CountingWire::RoundTrip(request);
  }

  std::chrono::system_clock::time_point Sign() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++signed_;
    }
    cv_.notify_all();
    return std::chrono::system_clock::now();
  }

  int overlapped() {
    std::lock_guard<std::mutex> lock(mu_);
    return overlapped_;
  }
  int max_on_wire() {
    std::lock_guard<std::mutex> lock(mu_);
    return max_on_wire_;
  }

 private:
  const int total_;
  const int limit_;  // round trips allowed on the wire at once
  const std::chrono::milliseconds hold_;
  std::mutex mu_;
  std::condition_variable cv_;
  int started_ = 0, on_wire_ = 0, max_on_wire_ = 0, signed_ = 0, overlapped_ = 0;
};

// With the SDK's gSOAP connection SyncAll prepares the next request while one is on the wire,
// yet never has more than `concurrency` round trips in progress, even with contexts to spare.
TEST(SyncAllConcurrency, PreparesTheNextRequestWhileOneIsOnTheWire) {
  for (std::size_t concurrency : {1u, 2u}) {
    SCOPED_TRACE("concurrency " + std::to_string(concurrency));
    constexpr int kBatches = 6;
    auto wire = std::make_shared<HoldingWire>(kBatches, static_cast<int>(concurrency),
                                              std::chrono::seconds(2));
    marketo::ClientOptions o;
    o.endpoint = "http://mock.invalid/soap/mktows/3_1";
    o.credentials = {"user", "key"};
    o.clock = [w = wire.get()] { return w->Sign(); };
    o.max_connections = 10;
    MObjectClient client(marketo::internal::MakeSoapConnection(o, wire));
    SyncAllOptions opts;
    opts.concurrency = concurrency;
    auto all = client.SyncAll(Numbered(static_cast<std::size_t>(kBatches) * 100),
                              SyncOperation::kInsert, opts);
    EXPECT_TRUE(all.status.ok()) << all.status.ToString();
    ExpectAllCreatedInOrder(all, static_cast<std::size_t>(kBatches) * 100);
    EXPECT_EQ(wire->round_trips.load(), kBatches);
    EXPECT_LE(wire->max_on_wire(), static_cast<int>(concurrency));
    // Every round trip but the last saw the following request signed while it was held.
    EXPECT_EQ(wire->overlapped(), kBatches - 1);
  }
}

// stop_on_call_error keeps one worker per batch in flight: nothing is prepared ahead that
// could go out after a failure.
TEST(SyncAllConcurrency, StopOnCallErrorPreparesNothingAhead) {
  constexpr int kBatches = 3;
  // Holds each round trip a while: long enough for a worker preparing ahead to sign.
  auto wire = std::make_shared<HoldingWire>(kBatches, 1, std::chrono::milliseconds(300));
  marketo::ClientOptions o;
  o.endpoint = "http://mock.invalid/soap/mktows/3_1";
  o.credentials = {"user", "key"};
  o.clock = [w = wire.get()] { return w->Sign(); };
  MObjectClient client(marketo::internal::MakeSoapConnection(o, wire));
  SyncAllOptions opts;
  opts.stop_on_call_error = true;
  auto all = client.SyncAll(Numbered(static_cast<std::size_t>(kBatches) * 100),
                            SyncOperation::kInsert, opts);
  EXPECT_TRUE(all.status.ok()) << all.status.ToString();
  EXPECT_EQ(wire->overlapped(), 0);
}

}  // namespace
