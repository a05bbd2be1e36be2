#include "marketo/mobject_client.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

#include "internal/wire_gate.h"
#include "marketo/validation.h"

namespace marketo {
namespace {

Status Mismatch(const char* call, std::size_t sent, std::size_t got) {
  return Status(StatusCode::kResponseMismatch, std::string(call) + ": sent " +
                                                   std::to_string(sent) + " objects but got " +
                                                   std::to_string(got) + " statuses");
}

// Results from a connection carry span-relative indexes; also re-checks the count because a
// connection (e.g. a mock) may not.
Status CheckResults(const char* call, std::vector<SyncResult>& results, std::size_t sent,
                    std::size_t offset) {
  if (results.size() != sent) return Mismatch(call, sent, results.size());
  for (std::size_t i = 0; i < results.size(); ++i) results[i].index = offset + i;
  return Status();
}

SyncResult FailedResult(std::size_t index, const Status& why, std::string error) {
  SyncResult r;
  r.index = index;
  r.status = SyncStatus::kFailed;
  r.error = std::move(error);
  r.call_status = why;
  return r;
}

}  // namespace

MObjectClient::MObjectClient(std::shared_ptr<MObjectConnection> connection)
    : connection_(std::move(connection)) {}

MObjectClient::MObjectClient(ClientOptions options)
    : connection_(MakeMObjectConnection(std::move(options))) {}

StatusOr<std::vector<SyncResult>> MObjectClient::Sync(MObjectSpan objects,
                                                      SyncOperation operation) {
  if (auto s = ValidateSyncRequest(objects, operation); !s.ok()) return s;
  if (objects.empty()) return std::vector<SyncResult>{};
  auto r = connection_->SyncMObjects(objects, operation);
  if (!r.ok()) return r;
  if (auto s = CheckResults("syncMObjects", *r, objects.size(), 0); !s.ok()) return s;
  return r;
}

SyncAllResult MObjectClient::SyncAll(MObjectSpan objects, SyncOperation operation,
                                     const SyncAllOptions& options) {
  SyncAllResult out;
  out.results.resize(objects.size());
  const std::size_t batch_size = std::clamp<std::size_t>(options.batch_size, 1, kMaxSyncBatchSize);

  // Pass 1 (calling thread): validate, record rejections, and list the valid objects in input
  // order; batch b is valid[b * batch_size, ...). Only indexes are stored, never objects.
  std::vector<std::size_t> valid;
  valid.reserve(objects.size());
  std::size_t rejected = 0;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    Status v = ValidateSyncObject(objects[i], operation);
    if (!v.ok()) {
      std::string text = "object[" + std::to_string(i) + "] " + v.message();
      out.results[i] = FailedResult(i, Status(v.code(), text, v.error_info()), text);
      ++rejected;
      continue;
    }
    valid.push_back(i);
  }
  const std::size_t batches = (valid.size() + batch_size - 1) / batch_size;

  // Pass 2: run the batches. Each batch writes only its own result slots, so workers share
  // nothing but the counters below (guarded by mu) and the next-batch ticket.
  std::mutex mu;
  std::size_t done = rejected;         // guarded by mu
  std::size_t first_failed = batches;  // guarded by mu: lowest failed batch, for out.status
  std::exception_ptr error;            // guarded by mu: first exception from the connection
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> calls{0};
  std::atomic<std::size_t> failed_calls{0};
  std::atomic<bool> stopped{false};
  std::vector<Status> batch_status(batches);  // slot b written only by the worker of batch b

  auto run_batch = [&](std::size_t b) {
    const std::size_t begin = b * batch_size;
    const std::size_t count = std::min(batch_size, valid.size() - begin);
    const std::size_t* idx = valid.data() + begin;
    Status call_status;
    bool sent = false;
    if (!stopped.load()) {
      sent = true;
      // Contiguous runs are passed as spans (no copies); a run broken by a rejected object is
      // gathered into a scratch batch.
      std::vector<MObject> scratch;
      MObjectSpan batch;
      if (idx[count - 1] - idx[0] + 1 == count) {
        batch = objects.subspan(idx[0], count);
      } else {
        scratch.reserve(count);
        for (std::size_t k = 0; k < count; ++k) scratch.push_back(objects[idx[k]]);
        batch = MObjectSpan(scratch);
      }
      ++calls;
      auto r = connection_->SyncMObjects(batch, operation);
      call_status = r.status();
      if (r.ok() && r->size() != count) call_status = Mismatch("syncMObjects", count, r->size());
      if (call_status.ok()) {
        for (std::size_t k = 0; k < count; ++k) {
          out.results[idx[k]] = std::move((*r)[k]);
          out.results[idx[k]].index = idx[k];
        }
      } else {
        ++failed_calls;
        for (std::size_t k = 0; k < count; ++k) {
          out.results[idx[k]] = FailedResult(idx[k], call_status, call_status.message());
        }
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    if (sent && !call_status.ok()) {
      batch_status[b] = call_status;
      if (b < first_failed) first_failed = b;
      if (options.stop_on_call_error) stopped.store(true);
    }
    if (!sent) {
      const Status& why = batch_status[first_failed];
      for (std::size_t k = 0; k < count; ++k) {
        out.results[idx[k]] =
            FailedResult(idx[k], why, "not sent: an earlier call failed: " + why.message());
      }
    }
    done += count;
    if (options.progress) options.progress(done, objects.size());
  };

  // With the SDK's own connection, twice as many workers as `concurrency` share a gate of
  // `concurrency` wire permits: a worker builds and serialises its request, then waits for a
  // permit only to send it, and parses its response after giving the permit back, so that work
  // overlaps the server's time on another batch. stop_on_call_error keeps one worker per
  // permit: a prepared batch must not go out after an earlier one failed.
  const std::size_t concurrency = std::max<std::size_t>(options.concurrency, 1);
  const bool pipelined = !options.stop_on_call_error && internal::PassesWireGate(connection_.get());
  internal::WireGate gate(concurrency);

  auto worker = [&] {
    internal::ScopedWireGate scope(pipelined ? &gate : nullptr);
    for (;;) {
      const std::size_t b = next.fetch_add(1);
      if (b >= batches) return;
      try {
        run_batch(b);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = std::current_exception();
        // Later batches are not started; the exception is rethrown once all workers stopped.
        next.store(batches);
        return;
      }
    }
  };

  const std::size_t threads = std::min<std::size_t>(concurrency * (pipelined ? 2 : 1), batches);
  std::vector<std::thread> pool;
  if (threads > 1) {
    pool.reserve(threads - 1);
    try {
      for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    } catch (...) {
      // Could not start a thread: carry on with those that did start (at least this one).
    }
  }
  worker();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);

  if (batches == 0 && rejected > 0 && options.progress) options.progress(done, objects.size());
  out.calls = calls.load();
  out.failed_calls = failed_calls.load();
  if (first_failed < batches) out.status = batch_status[first_failed];
  return out;
}

StatusOr<GetMObjectsPage> MObjectClient::Get(const GetMObjectsRequest& request) {
  if (auto s = ValidateGetRequest(request); !s.ok()) return s;
  return connection_->GetMObjects(request);
}

Status MObjectClient::ForEachMObject(GetMObjectsRequest request,
                                     const std::function<bool(MObject&&)>& on_object) {
  if (auto s = ValidateGetRequest(request); !s.ok()) return s;
  bool first = true;
  for (;;) {
    auto page = connection_->GetMObjects(request);
    if (!page.ok()) {
      // 20123 "Stream at End": the previous page's hasMore was optimistic.
      if (!first && page.status().marketo_error_code() == 20123) return Status();
      return std::move(page).status();
    }
    first = false;
    for (auto& o : page->objects) {
      if (!on_object(std::move(o))) return Status();
    }
    if (!page->has_more) return Status();
    if (page->new_stream_position.empty() || page->new_stream_position == request.stream_position) {
      return Status(StatusCode::kMalformedResponse,
                    "getMObjects: hasMore is true but the stream position did not advance");
    }
    request.stream_position = std::move(page->new_stream_position);
  }
}

StatusOr<std::vector<MObject>> MObjectClient::GetAll(GetMObjectsRequest request) {
  std::vector<MObject> all;
  Status s = ForEachMObject(std::move(request), [&all](MObject&& o) {
    all.push_back(std::move(o));
    return true;
  });
  if (!s.ok()) return s;
  return all;
}

StatusOr<std::vector<SyncResult>> MObjectClient::Remove(MObjectSpan objects) {
  if (auto s = ValidateDeleteRequest(objects); !s.ok()) return s;
  if (objects.empty()) return std::vector<SyncResult>{};
  auto r = connection_->DeleteMObjects(objects);
  if (!r.ok()) return r;
  if (auto s = CheckResults("deleteMObjects", *r, objects.size(), 0); !s.ok()) return s;
  return r;
}

StatusOr<ObjectMetadata> MObjectClient::Describe(const std::string& object_name) {
  if (auto s = ValidateDescribeName(object_name); !s.ok()) return s;
  return connection_->DescribeMObject(object_name);
}

StatusOr<std::vector<std::string>> MObjectClient::List() { return connection_->ListMObjects(); }

}  // namespace marketo
