// The write side of CustomObjectClient: record validation, statuses, and syncCustomObjects and
// deleteCustomObjects for any count on batch_runner (the read side is custom_object_reads.cc).
#include "marketo/custom_object_client.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "batch_runner.h"
#include "invalid_argument.h"
#include "marketo/connection.h"

namespace marketo {
namespace {

using internal::Invalid;

Status Prefixed(const std::string& prefix, const Status& v) {
  return Status(v.code(), prefix + " " + v.message(), v.error_info());
}

// Names are not empty and not repeated within `list`, nor found in `taken` (another list).
Status CheckFields(const char* list_name, const std::vector<CustomObjectAttribute>& list,
                   std::set<std::string>& taken) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string& name = list[i].name;
    if (name.empty()) {
      return Invalid(std::string(list_name) + "[" + std::to_string(i) + "] has no name");
    }
    if (!seen.insert(name).second) {
      return Invalid(std::string(list_name) + ": \"" + name + "\" is given twice");
    }
    if (taken.count(name) != 0) {
      return Invalid(std::string(list_name) + ": \"" + name +
                     "\" is also in the other list of the record");
    }
  }
  taken.insert(seen.begin(), seen.end());
  return Status();
}

// `empty` is the error for a key with no fields.
Status CheckKey(const CustomObjectKey& key, const char* list_name, const char* empty) {
  if (key.empty()) return Invalid(empty);
  std::set<std::string> none;
  return CheckFields(list_name, key, none);
}

constexpr char kNoKey[] = "has no key (customObjKeyList is empty)";
constexpr char kEmptyKeyList[] = "is empty";

Status CheckObjectName(const std::string& name) {
  return name.empty() ? Invalid("objTypeName is empty") : Status();
}

template <typename T>
Status CheckCount(Span<T> items, const char* what) {
  if (items.empty()) return Invalid(std::string("no ") + what + " to send");
  if (items.size() > kMaxCustomObjectsPerCall) {
    return Invalid(std::to_string(items.size()) + " " + what +
                   ", at most 100 per call (CustomObjectClient splits longer inputs)");
  }
  return Status();
}

CustomObjectResult FailedResult(std::size_t index, const Status& why, std::string error) {
  CustomObjectResult r;
  r.index = index;
  r.status = CustomObjectStatus::kFailed;
  r.error = std::move(error);
  r.call_status = why;
  return r;
}

void SetField(std::vector<CustomObjectAttribute>& list, std::string_view name, std::string value) {
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const CustomObjectAttribute& a) { return a.name == name; });
  if (it != list.end()) {
    it->value = std::move(value);
  } else {
    list.push_back(CustomObjectAttribute{std::string(name), std::move(value), std::nullopt});
  }
}

const std::string* FindField(const std::vector<CustomObjectAttribute>& list,
                             std::string_view name) noexcept {
  for (const auto& a : list) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

constexpr const char* kStatusNames[] = {"CREATED", "UPDATED", "UNCHANGED", "DELETED",
                                        "SKIPPED", "FAILED",  "UNKNOWN"};

// Runs a batched sync or delete of `count` inputs; `send` makes one call for a batch.
using SendFn = std::function<StatusOr<std::vector<CustomObjectResult>>(
    Connection&, const std::size_t* idx, std::size_t n)>;

CustomObjectBatchResult RunCustomObjectBatches(Connection& connection, const char* op,
                                               const char* inputs, std::size_t count,
                                               const std::function<Status(std::size_t)>& validate,
                                               const SendFn& send,
                                               const CustomObjectBatchOptions& options) {
  CustomObjectBatchResult out;
  out.results.resize(count);
  internal::BatchJob job;
  job.count = count;
  job.batch_size = std::clamp<std::size_t>(options.batch_size, 1, kMaxCustomObjectsPerCall);
  job.concurrency = options.concurrency;
  job.stop_on_call_error = options.stop_on_call_error;
  job.progress = options.progress;
  job.validate = validate;
  job.send = [&](Connection& c, const std::size_t* idx, std::size_t n) {
    auto r = send(c, idx, n);
    if (!r.ok()) return std::move(r).status();
    return internal::Scatter(op, inputs, *r, idx, n, out.results);
  };
  job.fail = [&](std::size_t i, const Status& why, std::string text) {
    out.results[i] = FailedResult(i, why, std::move(text));
  };
  internal::BatchOutcome outcome = internal::RunBatches(connection, job);
  out.status = std::move(outcome.status);
  out.calls = outcome.calls;
  out.failed_calls = outcome.failed_calls;
  return out;
}

// Every input fails with `why` and nothing is sent.
CustomObjectBatchResult RejectAll(std::size_t count, const Status& why) {
  CustomObjectBatchResult out;
  out.status = why;
  for (std::size_t i = 0; i < count; ++i) {
    out.results.push_back(FailedResult(i, why, why.message()));
  }
  return out;
}

}  // namespace

CustomObject& CustomObject::Key(std::string_view name, std::string value) {
  SetField(keys, name, std::move(value));
  return *this;
}

CustomObject& CustomObject::Set(std::string_view name, std::string value) {
  SetField(attributes, name, std::move(value));
  return *this;
}

const std::string* CustomObject::Find(std::string_view name) const noexcept {
  const std::string* v = FindField(keys, name);
  return v != nullptr ? v : FindField(attributes, name);
}

const char* ToString(CustomObjectStatus status) noexcept {
  const auto i = static_cast<std::size_t>(status);
  return i < std::size(kStatusNames) ? kStatusNames[i] : "UNKNOWN";
}

CustomObjectStatus ParseCustomObjectStatus(std::string_view text) noexcept {
  for (std::size_t i = 0; i + 1 < std::size(kStatusNames); ++i) {
    if (text == kStatusNames[i]) return static_cast<CustomObjectStatus>(i);
  }
  return CustomObjectStatus::kUnknown;
}

Status ValidateCustomObject(const CustomObject& object) {
  std::set<std::string> taken;
  if (Status s = CheckFields("customObjKeyList", object.keys, taken); !s.ok()) return s;
  if (object.keys.empty()) return Invalid(kNoKey);
  return CheckFields("customObjAttributeList", object.attributes, taken);
}

Status ValidateSyncCustomObjectsRequest(const SyncCustomObjectsRequest& request) {
  if (Status s = CheckObjectName(request.object_name); !s.ok()) return s;
  if (Status s = CheckCount(request.objects, "customObj"); !s.ok()) return s;
  for (std::size_t i = 0; i < request.objects.size(); ++i) {
    const Status v = ValidateCustomObject(request.objects[i]);
    if (!v.ok()) return Prefixed("customObj[" + std::to_string(i) + "]", v);
  }
  return Status();
}

Status ValidateDeleteCustomObjectsRequest(const DeleteCustomObjectsRequest& request) {
  if (Status s = CheckObjectName(request.object_name); !s.ok()) return s;
  if (Status s = CheckCount(request.keys, "keyList"); !s.ok()) return s;
  for (std::size_t i = 0; i < request.keys.size(); ++i) {
    const Status v = CheckKey(request.keys[i], "attribute", kEmptyKeyList);
    if (!v.ok()) return Prefixed("keyList[" + std::to_string(i) + "]", v);
  }
  return Status();
}

bool SyncCustomObjectsCreatesUnkeyed(const SyncCustomObjectsRequest& request) noexcept {
  if (request.operation == SyncOperation::kInsert) return true;
  return std::any_of(request.objects.begin(), request.objects.end(),
                     [](const CustomObject& o) { return o.keys.empty(); });
}

CustomObjectClient::CustomObjectClient(std::shared_ptr<Connection> connection)
    : connection_(std::move(connection)) {}

CustomObjectClient::CustomObjectClient(ClientOptions options)
    : connection_(MakeConnection(std::move(options))) {}

CustomObjectBatchResult CustomObjectClient::SyncCustomObjects(
    const std::string& object_name, CustomObjectSpan objects, SyncOperation operation,
    const CustomObjectBatchOptions& options) {
  if (Status s = CheckObjectName(object_name); !s.ok()) return RejectAll(objects.size(), s);
  auto validate = [&](std::size_t i) {
    const Status v = ValidateCustomObject(objects[i]);
    return v.ok() ? v : Prefixed("customObj[" + std::to_string(i) + "]", v);
  };
  auto send = [&](Connection& c, const std::size_t* idx, std::size_t n) {
    std::vector<CustomObject> scratch;
    const SyncCustomObjectsRequest call{object_name, internal::Gather(objects, idx, n, scratch),
                                        operation};
    return c.SyncCustomObjects(call);
  };
  return RunCustomObjectBatches(*connection_, "syncCustomObjects", "customObjs", objects.size(),
                                validate, send, options);
}

CustomObjectBatchResult CustomObjectClient::DeleteCustomObjects(
    const std::string& object_name, CustomObjectKeySpan keys,
    const CustomObjectBatchOptions& options) {
  if (Status s = CheckObjectName(object_name); !s.ok()) return RejectAll(keys.size(), s);
  auto validate = [&](std::size_t i) {
    const Status v = CheckKey(keys[i], "attribute", kEmptyKeyList);
    return v.ok() ? v : Prefixed("keyList[" + std::to_string(i) + "]", v);
  };
  auto send = [&](Connection& c, const std::size_t* idx, std::size_t n) {
    std::vector<CustomObjectKey> scratch;
    const DeleteCustomObjectsRequest call{object_name, internal::Gather(keys, idx, n, scratch)};
    return c.DeleteCustomObjects(call);
  };
  return RunCustomObjectBatches(*connection_, "deleteCustomObjects", "keyLists", keys.size(),
                                validate, send, options);
}

}  // namespace marketo
