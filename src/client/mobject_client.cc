#include "marketo/mobject_client.h"

#include <algorithm>
#include <string>
#include <utility>

#include "batch_runner.h"
#include "marketo/error_codes.h"
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

// One syncMObjects call for objects[idx[0..n)].
Status SendBatch(Connection& connection, MObjectSpan objects, SyncOperation operation,
                 const std::size_t* idx, std::size_t n, std::vector<SyncResult>& results) {
  std::vector<MObject> scratch;
  auto r = connection.SyncMObjects(internal::Gather(objects, idx, n, scratch), operation);
  if (!r.ok()) return std::move(r).status();
  return internal::Scatter("syncMObjects", "objects", *r, idx, n, results);
}

}  // namespace

MObjectClient::MObjectClient(std::shared_ptr<Connection> connection)
    : connection_(std::move(connection)) {}

MObjectClient::MObjectClient(ClientOptions options)
    : connection_(MakeConnection(std::move(options))) {}

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
  internal::BatchJob job;
  job.count = objects.size();
  job.batch_size = std::clamp<std::size_t>(options.batch_size, 1, kMaxSyncBatchSize);
  job.concurrency = options.concurrency;
  job.stop_on_call_error = options.stop_on_call_error;
  job.progress = options.progress;
  job.validate = [&](std::size_t i) {
    Status v = ValidateSyncObject(objects[i], operation);
    if (v.ok()) return v;
    return Status(v.code(), "object[" + std::to_string(i) + "] " + v.message(), v.error_info());
  };
  job.send = [&](Connection& connection, const std::size_t* idx, std::size_t n) {
    return SendBatch(connection, objects, operation, idx, n, out.results);
  };
  job.fail = [&](std::size_t i, const Status& why, std::string text) {
    out.results[i] = FailedResult(i, why, std::move(text));
  };
  internal::BatchOutcome outcome = internal::RunBatches(*connection_, job);
  out.status = std::move(outcome.status);
  out.calls = outcome.calls;
  out.failed_calls = outcome.failed_calls;
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
      if (!first && page.status().marketo_error_code() == error_codes::kStreamAtEnd) {
        return Status();
      }
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
