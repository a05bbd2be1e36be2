#include "batch_runner.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace marketo {
namespace internal {
namespace {

// The state of one RunBatches call. Each batch writes only its own inputs' results, so workers
// share nothing but the members guarded by mu_ and the atomic counters.
class BatchRun {
 public:
  BatchRun(Connection& connection, const BatchJob& job) : connection_(connection), job_(job) {}

  BatchOutcome Run() {
    Plan();
    StartWorkers();
    if (error_) std::rethrow_exception(error_);
    if (batches_ == 0 && rejected_ > 0 && job_.progress) job_.progress(done_, job_.count);
    BatchOutcome out;
    out.calls = calls_.load();
    out.failed_calls = failed_calls_.load();
    if (first_failed_ < batches_) out.status = batch_status_[first_failed_];
    return out;
  }

 private:
  // Validates every input on the calling thread and lists the valid ones in input order; batch
  // b is valid_[b * size, ...). Only indexes are stored, never inputs.
  void Plan() {
    size_ = std::max<std::size_t>(job_.batch_size, 1);
    valid_.reserve(job_.count);
    for (std::size_t i = 0; i < job_.count; ++i) {
      Status v = job_.validate(i);
      if (v.ok()) {
        valid_.push_back(i);
        continue;
      }
      job_.fail(i, v, v.message());
      ++rejected_;
    }
    batches_ = (valid_.size() + size_ - 1) / size_;
    done_ = rejected_;
    first_failed_ = batches_;
    batch_status_.resize(batches_);
  }

  // Workers beyond `concurrency` only help when requests wait for a wire slot rather than for
  // a whole call; stop_on_call_error keeps one worker per slot, as a prepared batch must not go
  // out after an earlier one failed.
  void StartWorkers() {
    const std::size_t concurrency = std::max<std::size_t>(job_.concurrency, 1);
    if (!job_.stop_on_call_error) limited_ = connection_.WireLimited(concurrency);
    target_ = limited_ ? limited_.get() : &connection_;
    const std::size_t threads = std::min<std::size_t>(concurrency * (limited_ ? 2 : 1), batches_);
    std::vector<std::thread> pool;
    if (threads > 1) {
      pool.reserve(threads - 1);
      try {
        for (std::size_t t = 1; t < threads; ++t) pool.emplace_back([this] { Worker(); });
      } catch (...) {
        // Could not start a thread: carry on with those that did start (at least this one).
      }
    }
    Worker();
    for (auto& t : pool) t.join();
  }

  void Worker() {
    for (;;) {
      const std::size_t b = next_.fetch_add(1);
      if (b >= batches_) return;
      try {
        RunBatch(b);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu_);
        if (!error_) error_ = std::current_exception();
        // Later batches are not started; the exception is rethrown once all workers stopped.
        next_.store(batches_);
        return;
      }
    }
  }

  void RunBatch(std::size_t b) {
    const std::size_t begin = b * size_;
    const std::size_t count = std::min(size_, valid_.size() - begin);
    const std::size_t* idx = valid_.data() + begin;
    const bool sent = !stopped_.load();
    Status call_status;
    if (sent) {
      ++calls_;
      call_status = job_.send(*target_, idx, count);
      if (!call_status.ok()) {
        ++failed_calls_;
        for (std::size_t k = 0; k < count; ++k) {
          job_.fail(idx[k], call_status, call_status.message());
        }
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (sent && !call_status.ok()) {
      batch_status_[b] = call_status;
      first_failed_ = std::min(first_failed_, b);
      if (job_.stop_on_call_error) stopped_.store(true);
    }
    if (!sent) {
      const Status& why = batch_status_[first_failed_];
      for (std::size_t k = 0; k < count; ++k) {
        job_.fail(idx[k], why, "not sent: an earlier call failed: " + why.message());
      }
    }
    done_ += count;
    if (job_.progress) job_.progress(done_, job_.count);
  }

  Connection& connection_;
  const BatchJob& job_;
  std::shared_ptr<Connection> limited_;  // the WireLimited() view, when there is one
  Connection* target_ = nullptr;
  std::size_t size_ = 1;
  std::vector<std::size_t> valid_;
  std::size_t batches_ = 0;
  std::size_t rejected_ = 0;
  std::atomic<std::size_t> next_{0};
  std::atomic<std::size_t> calls_{0};
  std::atomic<std::size_t> failed_calls_{0};
  std::atomic<bool> stopped_{false};
  std::mutex mu_;
  std::size_t done_ = 0;              // guarded by mu_
  std::size_t first_failed_ = 0;      // guarded by mu_: lowest failed batch
  std::vector<Status> batch_status_;  // slot b written only by the worker of batch b
  std::exception_ptr error_;          // guarded by mu_: the first exception
};

}  // namespace

BatchOutcome RunBatches(Connection& connection, const BatchJob& job) {
  return BatchRun(connection, job).Run();
}

}  // namespace internal
}  // namespace marketo
