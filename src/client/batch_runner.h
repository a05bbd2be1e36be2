#ifndef MARKETO_SRC_CLIENT_BATCH_RUNNER_H_
#define MARKETO_SRC_CLIENT_BATCH_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "marketo/connection.h"
#include "marketo/span.h"
#include "marketo/status.h"

namespace marketo {
namespace internal {

// One run of a batch helper such as MObjectClient::SyncAll: `count` inputs, each validated
// before any call; the valid ones go out in input order in batches of at most `batch_size`, up
// to `concurrency` calls at once; every input ends with exactly one result. The callbacks are
// called from worker threads, each for its own inputs; `progress` never by two threads at once.
struct BatchJob {
  std::size_t count = 0;
  std::size_t batch_size = 1;
  std::size_t concurrency = 1;
  // The first failed call stops the run: batches not yet started are "not sent".
  bool stop_on_call_error = false;
  // OK, or why input `i` is rejected before any call (the Status names the input).
  std::function<Status(std::size_t i)> validate;
  // One call for the inputs `indexes[0..n)` (ascending); on OK it has stored their results. A
  // failure fails the whole batch.
  std::function<Status(Connection& connection, const std::size_t* indexes, std::size_t n)> send;
  // Stores the result of an input that got no answer of its own: rejected, in a failed batch,
  // or not sent. `text` is the error text for that input.
  std::function<void(std::size_t i, const Status& why, std::string text)> fail;
  // (inputs finished so far, count) after each batch.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct BatchOutcome {
  Status status;  // the failure of the first failed batch in input order
  std::size_t calls = 0;
  std::size_t failed_calls = 0;
};

// The inputs all[idx[0..n)] as one span: a view of `all` when they are contiguous (no copies),
// else copies gathered into `scratch`.
template <typename T>
Span<T> Gather(Span<T> all, const std::size_t* idx, std::size_t n, std::vector<T>& scratch) {
  if (idx[n - 1] - idx[0] + 1 == n) return all.subspan(idx[0], n);
  scratch.reserve(n);
  for (std::size_t k = 0; k < n; ++k) scratch.push_back(all[idx[k]]);
  return Span<T>(scratch);
}

// Moves the answers of one call into the inputs' slots (setting each `index` to the input's
// position); a different number of answers than inputs is kResponseMismatch ("<op>: sent N
// <inputs> but got M statuses").
template <typename Result>
Status Scatter(const char* op, const char* inputs, std::vector<Result>& answers,
               const std::size_t* idx, std::size_t n, std::vector<Result>& results) {
  if (answers.size() != n) {
    return Status(StatusCode::kResponseMismatch, std::string(op) + ": sent " + std::to_string(n) +
                                                     " " + inputs + " but got " +
                                                     std::to_string(answers.size()) + " statuses");
  }
  for (std::size_t k = 0; k < n; ++k) {
    results[idx[k]] = std::move(answers[k]);
    results[idx[k]].index = idx[k];
  }
  return Status();
}

// Runs `job` over `connection`. When the connection can work ahead (Connection::WireLimited)
// and the job does not stop on errors, twice as many workers as `concurrency` share
// `concurrency` wire slots, so requests are built and responses parsed while others are on
// the wire. An exception from a callback is rethrown once every started batch has finished.
BatchOutcome RunBatches(Connection& connection, const BatchJob& job);

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_BATCH_RUNNER_H_
