#ifndef MARKETO_SRC_CLIENT_OPERATIONS_CUSTOM_OBJECT_OPERATIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_CUSTOM_OBJECT_OPERATIONS_H_

// The custom-object family on gSOAP: pure marshal functions in both directions (testable
// without a socket), the declarations of syncCustomObjects, deleteCustomObjects and
// getCustomObjects, and the layer that implements their Connection methods. Attributes are
// marshalled by the lead family's functions (both use the schema's `Attribute`).

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "marketo/connection.h"
#include "marketo/custom_object_client.h"
#include "operations/lead_operations.h"
#include "operations/mobject_operations.h"
#include "operations/operation_spec.h"

namespace marketo {
namespace internal {
namespace custom_objects {

using Proxy = MktowsApiSoapBindingProxy;

// ---- SDK -> gSOAP ----------------------------------------------------------------------------

inline mktows__CustomObj* ToSoap(RequestBuilder& b, const CustomObject& object) {
  auto* o = b.New<mktows__CustomObj>();
  o->customObjKeyList = leads::ToSoap(b, object.keys);
  // Sent even when empty (<customObjAttributeList/>), as in Marketo's samples.
  o->customObjAttributeList = leads::ToSoap(b, object.attributes);
  return o;
}

inline mktows__ParamsSyncCustomObjects* SyncToSoap(RequestBuilder& b,
                                                   const SyncCustomObjectsRequest& r) {
  auto* p = b.New<mktows__ParamsSyncCustomObjects>();
  p->objTypeName = r.object_name;
  p->customObjList = b.New<mktows__ArrayOfCustomObj>();
  p->customObjList->customObj.reserve(r.objects.size());
  for (const auto& o : r.objects) p->customObjList->customObj.push_back(ToSoap(b, o));
  p->operation = b.New<mktows__SyncOperationEnum>();
  *p->operation = mobjects::ToSoap(b.soap(), r.operation);
  return p;
}

inline mktows__ParamsDeleteCustomObjects* DeleteToSoap(RequestBuilder& b,
                                                       const DeleteCustomObjectsRequest& r) {
  auto* p = b.New<mktows__ParamsDeleteCustomObjects>();
  p->objTypeName = r.object_name;
  p->customObjKeyLists = b.New<mktows__ArrayOfKeyList>();
  p->customObjKeyLists->keyList.reserve(r.keys.size());
  for (const auto& k : r.keys) p->customObjKeyLists->keyList.push_back(leads::ToSoap(b, k));
  return p;
}

inline mktows__ParamsGetCustomObjects* GetToSoap(RequestBuilder& b,
                                                 const GetCustomObjectsRequest& r) {
  auto* p = b.New<mktows__ParamsGetCustomObjects>();
  p->objTypeName = r.query.object_name;
  if (!r.stream_position.empty()) {
    p->streamPosition = leads::ToSoapString(b, r.stream_position.text());
  }
  if (r.batch_size) {
    p->batchSize = b.New<int>();
    *p->batchSize = *r.batch_size;
  }
  if (!r.query.key.empty()) p->customObjKeyList = leads::ToSoap(b, r.query.key);
  // Required element: empty means every field.
  p->includeAttributes = leads::ToSoap(b, r.query.include_attributes);
  return p;
}

// ---- gSOAP -> SDK ----------------------------------------------------------------------------

inline CustomObjectResult Take(mktows__SyncCustomObjStatus& st, std::size_t index) {
  CustomObjectResult r;
  r.index = index;
  r.keys = leads::TakeAttributes(st.customObjKeyList);
  r.raw_status = std::move(st.status);
  r.status = ParseCustomObjectStatus(r.raw_status);
  if (st.error) r.error = std::move(*st.error);
  return r;
}

inline StatusOr<std::vector<CustomObjectResult>> TakeStatuses(
    const char* op, mktows__ArrayOfSyncCustomObjStatus* list, std::size_t sent) {
  if (list == nullptr) return leads::Malformed(op, "response has no status list");
  if (list->syncCustomObjStatus.size() != sent) {
    return Status(StatusCode::kResponseMismatch,
                  std::string(op) + ": sent " + std::to_string(sent) + " records but got " +
                      std::to_string(list->syncCustomObjStatus.size()) + " statuses");
  }
  std::vector<CustomObjectResult> out;
  out.reserve(sent);
  for (std::size_t i = 0; i < sent; ++i) {
    if (list->syncCustomObjStatus[i] == nullptr) return leads::Malformed(op, "empty status");
    out.push_back(Take(*list->syncCustomObjStatus[i], i));
  }
  return out;
}

inline StatusOr<std::vector<CustomObjectResult>> SyncFromSoap(
    mktows__SuccessSyncCustomObjects& resp, const SyncCustomObjectsRequest& request) {
  if (resp.result == nullptr) {
    return leads::Malformed("syncCustomObjects", "response has no result");
  }
  return TakeStatuses("syncCustomObjects", resp.result->syncCustomObjStatusList,
                      request.objects.size());
}

inline StatusOr<std::vector<CustomObjectResult>> DeleteFromSoap(
    mktows__SuccessDeleteCustomObjects& resp, const DeleteCustomObjectsRequest& request) {
  if (resp.result == nullptr) {
    return leads::Malformed("deleteCustomObjects", "response has no result");
  }
  return TakeStatuses("deleteCustomObjects", resp.result->deleteCustomObjStatusList,
                      request.keys.size());
}

inline std::vector<CustomObject> TakeObjects(mktows__ArrayOfCustomObj* list) {
  std::vector<CustomObject> out;
  if (list == nullptr) return out;
  out.reserve(list->customObj.size());
  for (auto* o : list->customObj) {
    if (o == nullptr) continue;
    out.push_back(CustomObject{leads::TakeAttributes(o->customObjKeyList),
                               leads::TakeAttributes(o->customObjAttributeList)});
  }
  return out;
}

inline StatusOr<CustomObjectsPage> GetFromSoap(mktows__SuccessGetCustomObjects& resp,
                                               const GetCustomObjectsRequest&) {
  if (resp.result == nullptr) return leads::Malformed("getCustomObjects", "response has no result");
  CustomObjectsPage page;
  page.object_name = std::move(resp.result->objTypeName);
  page.return_count = resp.result->returnCount;
  page.remaining_count = resp.result->remainingCount;
  page.new_stream_position = StreamPosition(std::move(resp.result->newStreamPosition));
  page.objects = TakeObjects(resp.result->customObjList);
  return page;
}

// ---- the operations --------------------------------------------------------------------------

inline CallTraits SyncTraits(const SyncCustomObjectsRequest& request) {
  return CallTraits{SyncCustomObjectsCreatesUnkeyed(request),
                    request.operation == SyncOperation::kInsert ? "INSERT" : nullptr};
}

inline constexpr auto kSync =
    DeclareOperation(Operation::kSyncCustomObjects, &Connection::SyncCustomObjects, &SyncTraits,
                     &SyncToSoap, &SyncFromSoap, &Proxy::syncCustomObjects);
inline constexpr auto kDelete =
    DeclareOperation(Operation::kDeleteCustomObjects, &Connection::DeleteCustomObjects, nullptr,
                     &DeleteToSoap, &DeleteFromSoap, &Proxy::deleteCustomObjects);
inline constexpr auto kGet =
    DeclareOperation(Operation::kGetCustomObjects, &Connection::GetCustomObjects, nullptr,
                     &GetToSoap, &GetFromSoap, &Proxy::getCustomObjects);

}  // namespace custom_objects

// Implements the family's Connection methods on a ConnectionCore (see soap_connection.cc).
template <typename Base>
class CustomObjectOperations : public Base {
 public:
  using Base::Base;

  StatusOr<std::vector<CustomObjectResult>> SyncCustomObjects(
      const SyncCustomObjectsRequest& request) override {
    return this->Call(custom_objects::kSync, request);
  }
  StatusOr<std::vector<CustomObjectResult>> DeleteCustomObjects(
      const DeleteCustomObjectsRequest& request) override {
    return this->Call(custom_objects::kDelete, request);
  }
  StatusOr<CustomObjectsPage> GetCustomObjects(const GetCustomObjectsRequest& request) override {
    return this->Call(custom_objects::kGet, request);
  }
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_CUSTOM_OBJECT_OPERATIONS_H_
