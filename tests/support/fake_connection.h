#ifndef MARKETO_TESTS_SUPPORT_FAKE_CONNECTION_H_
#define MARKETO_TESTS_SUPPORT_FAKE_CONNECTION_H_

// Test doubles for the retry and limiter layers: a fake time source (steady + system clock and a
// sleeper that advances them instead of sleeping) and a scripted MObjectConnection that records
// calls and the concurrency it observed.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "marketo/mobject_connection.h"
#include "marketo/options.h"

namespace marketo_test {

// Fake time: Sleep(d) records d and advances both clocks by d. Thread-safe.
class FakeTime {
 public:
  using Ms = std::chrono::milliseconds;

  std::chrono::steady_clock::time_point Now() const {
    std::lock_guard<std::mutex> lock(mu_);
    return std::chrono::steady_clock::time_point() + std::chrono::hours(1) + elapsed_;
  }
  // 2013-08-05T21:22:45Z plus the elapsed fake time.
  std::chrono::system_clock::time_point SystemNow() const {
    std::lock_guard<std::mutex> lock(mu_);
    return std::chrono::system_clock::time_point(std::chrono::seconds(1375737765)) + elapsed_;
  }
  void Sleep(Ms d) {
    std::lock_guard<std::mutex> lock(mu_);
    sleeps_.push_back(d);
    elapsed_ += d;
  }
  void Advance(Ms d) {
    std::lock_guard<std::mutex> lock(mu_);
    elapsed_ += d;
  }
  std::vector<Ms> sleeps() const {
    std::lock_guard<std::mutex> lock(mu_);
    return sleeps_;
  }
  Ms elapsed() const {
    std::lock_guard<std::mutex> lock(mu_);
    return elapsed_;
  }

  marketo::SleepFunction Sleeper() {
    return [this](Ms d) { Sleep(d); };
  }
  marketo::SteadyClockFunction Clock() {
    return [this] { return Now(); };
  }
  marketo::ClockFunction SystemClock() {
    return [this] { return SystemNow(); };
  }

  // Wires retry and limiter time of `o` to this fake; also the signing clock.
  void Install(marketo::ClientOptions& o) {
    o.retry.sleeper = Sleeper();
    o.retry.clock = Clock();
    o.limits.sleeper = Sleeper();
    o.limits.clock = Clock();
    o.clock = SystemClock();
  }

 private:
  mutable std::mutex mu_;
  Ms elapsed_{0};
  std::vector<Ms> sleeps_;
};

// Each call pops the next scripted Status (OK when the script is empty or the entry is OK) and
// either fails with it or succeeds: sync/delete answer one UPDATED/DELETED result per object.
class FakeConnection : public marketo::MObjectConnection {
 public:
  using Status = marketo::Status;

  void Script(std::vector<Status> statuses) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& s : statuses) script_.push_back(std::move(s));
  }
  // Runs inside every call while it counts as in flight (e.g. to hold it or to read a clock).
  std::function<void()> during_call;

  int calls() const { return calls_.load(); }
  int max_in_flight() const { return max_in_flight_.load(); }
  std::vector<std::size_t> batch_sizes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return batch_sizes_;
  }

  marketo::StatusOr<std::vector<marketo::SyncResult>> SyncMObjects(
      marketo::MObjectSpan objects, marketo::SyncOperation operation) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch_sizes_.push_back(objects.size());
    }
    Status s = Enter();
    if (!s.ok()) return s;
    return Results(objects.size(), operation == marketo::SyncOperation::kInsert
                                       ? marketo::SyncStatus::kCreated
                                       : marketo::SyncStatus::kUpdated);
  }
  marketo::StatusOr<marketo::GetMObjectsPage> GetMObjects(
      const marketo::GetMObjectsRequest&) override {
    Status s = Enter();
    if (!s.ok()) return s;
    return marketo::GetMObjectsPage{};
  }
  marketo::StatusOr<std::vector<marketo::SyncResult>> DeleteMObjects(
      marketo::MObjectSpan objects) override {
    Status s = Enter();
    if (!s.ok()) return s;
    return Results(objects.size(), marketo::SyncStatus::kDeleted);
  }
  marketo::StatusOr<marketo::ObjectMetadata> DescribeMObject(const std::string& name) override {
    Status s = Enter();
    if (!s.ok()) return s;
    marketo::ObjectMetadata md;
    md.name = name;
    return md;
  }
  marketo::StatusOr<std::vector<std::string>> ListMObjects() override {
    Status s = Enter();
    if (!s.ok()) return s;
    return std::vector<std::string>{"Opportunity"};
  }

 private:
  static std::vector<marketo::SyncResult> Results(std::size_t n, marketo::SyncStatus st) {
    std::vector<marketo::SyncResult> out(n);
    for (std::size_t i = 0; i < n; ++i) {
      out[i].index = i;
      out[i].status = st;
      out[i].raw_status = marketo::ToString(st);
      out[i].id = static_cast<std::int64_t>(1000 + i);
    }
    return out;
  }

  Status Enter() {
    ++calls_;
    const int now = ++in_flight_;
    int seen = max_in_flight_.load();
    while (now > seen && !max_in_flight_.compare_exchange_weak(seen, now)) {
    }
    if (during_call) during_call();
    Status s;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!script_.empty()) {
        s = std::move(script_.front());
        script_.pop_front();
      }
    }
    --in_flight_;
    return s;
  }

  mutable std::mutex mu_;
  std::deque<Status> script_;
  std::vector<std::size_t> batch_sizes_;
  std::atomic<int> calls_{0};
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
};

// Statuses shaped like the ones the soap connection produces.
inline marketo::Status Fault(int code) {
  marketo::ErrorInfo info;
  info.http_status = 500;
  info.marketo_error_code = code;
  info.fault_code = "SOAP-ENV:Client";
  const bool limit = code == 20015 || code == 20023 || code == 20024;
  return marketo::Status(
      limit ? marketo::StatusCode::kResourceExhausted : marketo::StatusCode::kSoapFault,
      "op: SOAP fault " + std::to_string(code) + ": text (" + std::to_string(code) + ")", info);
}

inline marketo::Status Transport(marketo::StatusCode code, bool reached, int http_status = 0) {
  marketo::ErrorInfo info;
  info.request_may_have_reached_server = reached;
  info.http_status = http_status;
  return marketo::Status(code, "op: transport failure", info);
}

}  // namespace marketo_test

#endif  // MARKETO_TESTS_SUPPORT_FAKE_CONNECTION_H_
