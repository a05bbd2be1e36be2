#include "internal/connection_stack.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "internal/call_limiter.h"
#include "internal/soap_connection.h"
#include "internal/wire_gate.h"

namespace marketo {
namespace internal {
namespace {

// ---- limiter decorator --------------------------------------------------------------------

class LimitingMObjectConnection : public MObjectConnection, public WireGated {
 public:
  LimitingMObjectConnection(std::shared_ptr<MObjectConnection> inner, LimitOptions limits)
      : inner_(std::move(inner)), limiter_(std::move(limits)) {}

  bool PassesWireGate() const override { return internal::PassesWireGate(inner_.get()); }

  StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan objects,
                                                 SyncOperation operation) override {
    return Limited("syncMObjects", [&] { return inner_->SyncMObjects(objects, operation); });
  }
  StatusOr<GetMObjectsPage> GetMObjects(const GetMObjectsRequest& request) override {
    return Limited("getMObjects", [&] { return inner_->GetMObjects(request); });
  }
  StatusOr<std::vector<SyncResult>> DeleteMObjects(MObjectSpan objects) override {
    return Limited("deleteMObjects", [&] { return inner_->DeleteMObjects(objects); });
  }
  StatusOr<ObjectMetadata> DescribeMObject(const std::string& object_name) override {
    return Limited("describeMObject", [&] { return inner_->DescribeMObject(object_name); });
  }
  StatusOr<std::vector<std::string>> ListMObjects() override {
    return Limited("listMObjects", [&] { return inner_->ListMObjects(); });
  }

 private:
  class Slot {
   public:
    explicit Slot(CallLimiter& limiter) : limiter_(limiter) {}
    ~Slot() { limiter_.Release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    CallLimiter& limiter_;
  };

  template <typename Call>
  auto Limited(const char* op, Call&& call) -> decltype(call()) {
    if (Status s = limiter_.Acquire(op); !s.ok()) return s;
    Slot slot(limiter_);
    return call();
  }

  std::shared_ptr<MObjectConnection> inner_;
  CallLimiter limiter_;
};

// ---- retry decorator ----------------------------------------------------------------------

class RetryingMObjectConnection : public MObjectConnection, public WireGated {
 public:
  RetryingMObjectConnection(std::shared_ptr<MObjectConnection> inner, RetryPolicy policy)
      : inner_(std::move(inner)), policy_(std::move(policy)) {
    seeds_.seed(policy_.random_seed ? *policy_.random_seed : std::random_device{}());
  }

  // Each attempt is a call of its own: the permit is never held across a backoff sleep.
  bool PassesWireGate() const override { return internal::PassesWireGate(inner_.get()); }

  StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan objects,
                                                 SyncOperation operation) override {
    const std::string what = std::string("syncMObjects ") + ToString(operation);
    return Run<std::vector<SyncResult>>(SyncIdempotency(objects, operation), what,
                                        [&] { return inner_->SyncMObjects(objects, operation); });
  }
  StatusOr<GetMObjectsPage> GetMObjects(const GetMObjectsRequest& request) override {
    return Run<GetMObjectsPage>(Idempotency::kIdempotent, "getMObjects",
                                [&] { return inner_->GetMObjects(request); });
  }
  StatusOr<std::vector<SyncResult>> DeleteMObjects(MObjectSpan objects) override {
    return Run<std::vector<SyncResult>>(Idempotency::kIdempotent, "deleteMObjects",
                                        [&] { return inner_->DeleteMObjects(objects); });
  }
  StatusOr<ObjectMetadata> DescribeMObject(const std::string& object_name) override {
    return Run<ObjectMetadata>(Idempotency::kIdempotent, "describeMObject",
                               [&] { return inner_->DescribeMObject(object_name); });
  }
  StatusOr<std::vector<std::string>> ListMObjects() override {
    return Run<std::vector<std::string>>(Idempotency::kIdempotent, "listMObjects",
                                         [&] { return inner_->ListMObjects(); });
  }

 private:
  using TimePoint = std::chrono::steady_clock::time_point;

  TimePoint Now() const {
    return policy_.clock ? policy_.clock() : std::chrono::steady_clock::now();
  }

  void Sleep(std::chrono::milliseconds d) const {
    if (policy_.sleeper) {
      policy_.sleeper(d);
    } else {
      std::this_thread::sleep_for(d);
    }
  }

  // One seed per call from a shared generator: deterministic for a fixed random_seed and a
  // fixed call order, and no generator is shared between concurrent retry loops.
  std::uint64_t NextSeed() {
    std::lock_guard<std::mutex> lock(mu_);
    return seeds_();
  }

  // The last attempt's Status, with the attempt count and the reason for stopping appended, and
  // request_may_have_reached_server() true if ANY attempt may have reached the server (so a
  // caller never wrongly concludes that a lost INSERT is safe to resend).
  static Status Finish(const Status& last, int attempts, bool reached_any,
                       const std::string& note) {
    ErrorInfo info = last.error_info();
    info.request_may_have_reached_server = reached_any;
    std::string message = last.message();
    std::string extra;
    if (attempts > 1) extra = "after " + std::to_string(attempts) + " attempts";
    if (!note.empty()) extra += (extra.empty() ? "" : "; ") + note;
    if (!extra.empty()) message += " (" + extra + ")";
    return Status(last.code(), std::move(message), std::move(info));
  }

  template <typename T, typename Attempt>
  StatusOr<T> Run(Idempotency idempotency, const std::string& what, Attempt&& attempt) {
    const TimePoint start = Now();
    std::optional<ExponentialBackoff> backoff;
    int attempts = 0;
    bool reached_any = false;
    bool expired_retried = false;
    for (;;) {
      ++attempts;
      StatusOr<T> result = attempt();
      if (result.ok()) return result;
      const Status status = std::move(result).status();
      reached_any = reached_any || status.request_may_have_reached_server();
      const RetryClass retry_class = ClassifyForRetry(status);
      if (retry_class == RetryClass::kPermanent ||
          retry_class == RetryClass::kDailyQuotaExhausted || policy_.max_retries <= 0) {
        return Finish(status, attempts, reached_any, "");
      }
      if (retry_class == RetryClass::kRequestExpired && expired_retried) {
        return Finish(status, attempts, reached_any,
                      "expired again with a fresh timestamp: check the local clock");
      }
      if (idempotency == Idempotency::kNonIdempotent && !policy_.retry_non_idempotent &&
          !RequestProvablyNotExecuted(status)) {
        return Finish(status, attempts, reached_any,
                      "not retried: " + what +
                          " is not idempotent and the request may have reached the server; "
                          "see RetryPolicy::retry_non_idempotent");
      }
      if (attempts > policy_.max_retries) {
        return Finish(status, attempts, reached_any, "no retries left");
      }
      std::chrono::milliseconds delay{0};
      if (retry_class == RetryClass::kRequestExpired) {
        // The next attempt is signed afresh by the transport; the pause makes its timestamp
        // (seconds precision) differ from the rejected one.
        delay = std::max(policy_.expired_retry_delay, std::chrono::milliseconds(0));
      } else {
        if (!backoff) backoff.emplace(policy_.backoff, NextSeed());
        delay = backoff->NextDelay();
        if (retry_class == RetryClass::kRateLimited) {
          delay += std::max(policy_.rate_limit_delay, std::chrono::milliseconds(0));
        }
      }
      if (Now() - start + delay > policy_.max_total_time) {
        return Finish(status, attempts, reached_any,
                      "the next retry would exceed the retry budget of " +
                          std::to_string(policy_.max_total_time.count()) + " ms");
      }
      if (delay > std::chrono::milliseconds(0)) Sleep(delay);
      if (retry_class == RetryClass::kRequestExpired) expired_retried = true;
    }
  }

  std::shared_ptr<MObjectConnection> inner_;
  RetryPolicy policy_;
  std::mutex mu_;
  std::mt19937_64 seeds_;
};

}  // namespace

std::shared_ptr<MObjectConnection> MakeLimitingMObjectConnection(
    std::shared_ptr<MObjectConnection> inner, LimitOptions limits) {
  return std::make_shared<LimitingMObjectConnection>(std::move(inner), std::move(limits));
}

std::shared_ptr<MObjectConnection> MakeRetryingMObjectConnection(
    std::shared_ptr<MObjectConnection> inner, RetryPolicy policy) {
  return std::make_shared<RetryingMObjectConnection>(std::move(inner), std::move(policy));
}

std::shared_ptr<MObjectConnection> MakeConnectionStack(const ClientOptions& options,
                                                       std::shared_ptr<MObjectConnection> inner) {
  std::shared_ptr<MObjectConnection> stack = std::move(inner);
  if (options.limits.max_calls_per_window > 0 || options.limits.max_in_flight > 0) {
    stack = MakeLimitingMObjectConnection(std::move(stack), options.limits);
  }
  // Always present, even with max_retries == 0: it also merges the attempt facts into the
  // final Status in one place.
  return MakeRetryingMObjectConnection(std::move(stack), options.retry);
}

}  // namespace internal

std::shared_ptr<MObjectConnection> MakeMObjectConnection(ClientOptions options) {
  auto soap = internal::MakeSoapMObjectConnection(options, nullptr);
  return internal::MakeConnectionStack(options, std::move(soap));
}

}  // namespace marketo
