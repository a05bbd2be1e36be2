#include "marketo/mobject_client.h"

#include <algorithm>
#include <utility>

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

  // Valid objects are sent in input order; contiguous runs are passed as spans (no copies), a
  // run broken by a rejected object is gathered into a scratch batch.
  std::vector<std::size_t> pending;
  pending.reserve(batch_size);
  std::vector<MObject> scratch;
  std::size_t done = 0;
  bool stopped = false;
  Status stop_reason;

  auto flush = [&] {
    if (pending.empty()) return;
    const bool contiguous = pending.back() - pending.front() + 1 == pending.size();
    MObjectSpan batch;
    if (contiguous) {
      batch = objects.subspan(pending.front(), pending.size());
    } else {
      scratch.clear();
      scratch.reserve(pending.size());
      for (std::size_t i : pending) scratch.push_back(objects[i]);
      batch = MObjectSpan(scratch);
    }
    if (stopped) {
      for (std::size_t i : pending) {
        out.results[i] = FailedResult(i, stop_reason,
                                      "not sent: an earlier call failed: " + stop_reason.message());
      }
    } else {
      ++out.calls;
      auto r = connection_->SyncMObjects(batch, operation);
      Status call_status = r.status();
      if (r.ok() && r->size() != pending.size()) {
        call_status = Mismatch("syncMObjects", pending.size(), r->size());
      }
      if (call_status.ok()) {
        for (std::size_t k = 0; k < pending.size(); ++k) {
          out.results[pending[k]] = std::move((*r)[k]);
          out.results[pending[k]].index = pending[k];
        }
      } else {
        ++out.failed_calls;
        if (out.status.ok()) out.status = call_status;
        for (std::size_t i : pending) {
          out.results[i] = FailedResult(i, call_status, call_status.message());
        }
        if (options.stop_on_call_error) {
          stopped = true;
          stop_reason = call_status;
        }
      }
    }
    done += pending.size();
    pending.clear();
    if (options.progress) options.progress(done, objects.size());
  };

  for (std::size_t i = 0; i < objects.size(); ++i) {
    Status v = ValidateSyncObject(objects[i], operation);
    if (!v.ok()) {
      std::string text = "object[" + std::to_string(i) + "] " + v.message();
      out.results[i] = FailedResult(i, Status(v.code(), text, v.error_info()), text);
      ++done;
      continue;
    }
    pending.push_back(i);
    if (pending.size() == batch_size) flush();
  }
  flush();
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
