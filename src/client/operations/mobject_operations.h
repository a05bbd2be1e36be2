#ifndef MARKETO_SRC_CLIENT_OPERATIONS_MOBJECT_OPERATIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_MOBJECT_OPERATIONS_H_

// The MObject family on gSOAP: pure marshal functions in both directions (testable without a
// socket), the declarations of syncMObjects, getMObjects, deleteMObjects, describeMObject and
// listMObjects, and the layer that implements their Connection methods. Wire facts:
// docs/protocol.md, "MObjects".

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "marketo/connection.h"
#include "marketo/idempotency.h"
#include "operations/operation_spec.h"
#include "operations/soap_time.h"
#include "operations/sync_contradictions.h"

namespace marketo {
namespace internal {
namespace mobjects {

using Proxy = MktowsApiSoapBindingProxy;

// ---- SDK -> gSOAP ----------------------------------------------------------------------------

inline mktows__Attrib* ToSoap(RequestBuilder& b, const Attrib& a) {
  auto* p = b.New<mktows__Attrib>();
  p->name = a.name;
  p->value = a.value;
  return p;
}

inline mktows__ArrayOfAttrib* ToSoap(RequestBuilder& b, const std::vector<Attrib>& attrs) {
  auto* list = b.New<mktows__ArrayOfAttrib>();
  list->attrib.reserve(attrs.size());
  for (const auto& a : attrs) list->attrib.push_back(ToSoap(b, a));
  return list;
}

inline int* ToSoapInt(RequestBuilder& b, std::int64_t v) {
  int* p = b.New<int>();
  *p = static_cast<int>(v);
  return p;
}

inline mktows__ArrayOfMObjAssociation* ToSoap(RequestBuilder& b,
                                              const std::vector<Association>& assocs) {
  auto* list = b.New<mktows__ArrayOfMObjAssociation>();
  list->mObjAssociation.reserve(assocs.size());
  for (const auto& a : assocs) {
    auto* p = b.New<mktows__MObjAssociation>();
    p->mObjType = a.type;
    if (a.id) p->id = ToSoapInt(b, *a.id);
    if (a.external_key) p->externalKey = ToSoap(b, *a.external_key);
    list->mObjAssociation.push_back(p);
  }
  return list;
}

inline mktows__ArrayOfTypeAttrib* ToSoap(RequestBuilder& b, const std::vector<TypeAttrib>& groups) {
  auto* list = b.New<mktows__ArrayOfTypeAttrib>();
  list->typeAttrib.reserve(groups.size());
  for (const auto& g : groups) {
    auto* t = b.New<mktows__TypeAttrib>();
    t->attrType = g.attr_type;
    if (!g.attributes.empty()) t->attrList = ToSoap(b, g.attributes);
    list->typeAttrib.push_back(t);
  }
  return list;
}

inline mktows__MObject* ToSoap(RequestBuilder& b, const MObject& o) {
  auto* m = b.New<mktows__MObject>();
  m->type = o.type;
  if (o.id) m->id = ToSoapInt(b, *o.id);
  if (o.external_key) m->externalKey = ToSoap(b, *o.external_key);
  if (!o.attributes.empty()) m->attribList = ToSoap(b, o.attributes);
  if (!o.type_attributes.empty()) m->typeAttribList = ToSoap(b, o.type_attributes);
  if (!o.associations.empty()) m->associationList = ToSoap(b, o.associations);
  return m;
}

// The enum values are the SDK's wire names; gSOAP's converter maps them.
inline mktows__SyncOperationEnum ToSoap(struct soap* s, SyncOperation op) {
  mktows__SyncOperationEnum e = mktows__SyncOperationEnum__UPDATE;
  soap_s2mktows__SyncOperationEnum(s, ToString(op), &e);
  return e;
}

inline mktows__ComparisonEnum ToSoap(struct soap* s, Comparison c) {
  mktows__ComparisonEnum e = mktows__ComparisonEnum__EQ;
  soap_s2mktows__ComparisonEnum(s, ToString(c), &e);
  return e;
}

inline mktows__ParamsSyncMObjects* SyncToSoap(RequestBuilder& b, MObjectSpan objects,
                                              SyncOperation operation) {
  auto* params = b.New<mktows__ParamsSyncMObjects>();
  params->mObjectList = b.New<mktows__ArrayOfMObject>();
  params->mObjectList->mObject.reserve(objects.size());
  for (const auto& o : objects) params->mObjectList->mObject.push_back(ToSoap(b, o));
  params->operation = ToSoap(b.soap(), operation);
  return params;
}

inline mktows__ParamsGetMObjects* GetToSoap(RequestBuilder& b, const GetMObjectsRequest& request) {
  struct soap* s = b.soap();
  auto* params = soap_new_mktows__ParamsGetMObjects(s);
  params->type = request.type;
  if (request.id) params->id = ToSoapInt(b, *request.id);
  if (request.external_key) params->externalKey = ToSoap(b, *request.external_key);
  if (!request.criteria.empty()) {
    params->mObjCriteriaList = soap_new_mktows__ArrayOfMObjCriteria(s);
    for (const auto& cr : request.criteria) {
      auto* p = soap_new_mktows__MObjCriteria(s);
      p->attrName = cr.attr_name;
      p->comparison = ToSoap(s, cr.comparison);
      p->attrValue = cr.attr_value;
      params->mObjCriteriaList->mObjCriteria.push_back(p);
    }
  }
  if (!request.associations.empty()) params->mObjAssociationList = ToSoap(b, request.associations);
  if (request.include_details) {
    params->includeDetails = soap_new_bool(s);
    *params->includeDetails = *request.include_details;
  }
  if (!request.stream_position.empty()) {
    params->streamPosition = soap_new_std__string(s);
    *params->streamPosition = request.stream_position;
  }
  return params;
}

// Only type and id identify an object for deletion.
inline mktows__ParamsDeleteMObjects* DeleteToSoap(RequestBuilder& b, MObjectSpan objects) {
  auto* params = soap_new_mktows__ParamsDeleteMObjects(b.soap());
  params->mObjectList = b.New<mktows__ArrayOfMObject>();
  params->mObjectList->mObject.reserve(objects.size());
  for (const auto& o : objects) {
    auto* m = b.New<mktows__MObject>();
    m->type = o.type;
    if (o.id) m->id = ToSoapInt(b, *o.id);
    params->mObjectList->mObject.push_back(m);
  }
  return params;
}

inline mktows__ParamsDescribeMObject* DescribeToSoap(RequestBuilder& b,
                                                     const std::string& object_name) {
  auto* params = soap_new_mktows__ParamsDescribeMObject(b.soap());
  params->objectName = object_name;
  return params;
}

inline mktows__ParamsListMObjects* ListToSoap(RequestBuilder& b) {
  return soap_new_mktows__ParamsListMObjects(b.soap());
}

// ---- gSOAP -> SDK ----------------------------------------------------------------------------

inline std::optional<std::string> TakeOptional(std::string* p) {
  if (p == nullptr) return std::nullopt;
  return std::move(*p);
}

inline Attrib Take(mktows__Attrib& a) { return Attrib{std::move(a.name), std::move(a.value)}; }

inline void TakeAttribs(mktows__ArrayOfAttrib* list, std::vector<Attrib>& out) {
  if (list == nullptr) return;
  out.reserve(list->attrib.size());
  for (auto* a : list->attrib) {
    if (a != nullptr) out.push_back(Take(*a));
  }
}

inline void TakeTypeAttribs(mktows__ArrayOfTypeAttrib* list, std::vector<TypeAttrib>& out) {
  if (list == nullptr) return;
  out.reserve(list->typeAttrib.size());
  for (auto* t : list->typeAttrib) {
    if (t == nullptr) continue;
    TypeAttrib g;
    g.attr_type = std::move(t->attrType);
    TakeAttribs(t->attrList, g.attributes);
    out.push_back(std::move(g));
  }
}

inline void TakeAssociations(mktows__ArrayOfMObjAssociation* list, std::vector<Association>& out) {
  if (list == nullptr) return;
  for (auto* a : list->mObjAssociation) {
    if (a == nullptr) continue;
    Association as;
    as.type = std::move(a->mObjType);
    if (a->id) as.id = *a->id;
    if (a->externalKey) as.external_key = Take(*a->externalKey);
    out.push_back(std::move(as));
  }
}

inline MObject Take(mktows__MObject& m) {
  MObject o;
  o.type = std::move(m.type);
  if (m.id) o.id = *m.id;
  if (m.externalKey) o.external_key = Take(*m.externalKey);
  if (m.createdAt) o.created_at = FromTimeT(*m.createdAt);
  if (m.updatedAt) o.updated_at = FromTimeT(*m.updatedAt);
  TakeAttribs(m.attribList, o.attributes);
  TakeTypeAttribs(m.typeAttribList, o.type_attributes);
  TakeAssociations(m.associationList, o.associations);
  return o;
}

inline SyncResult Take(mktows__MObjStatus* st, std::size_t index) {
  SyncResult r;
  r.index = index;
  if (st == nullptr) {
    r.status = SyncStatus::kUnknown;
    return r;
  }
  if (st->id) r.id = *st->id;
  if (st->externalKey) r.external_key = Take(*st->externalKey);
  r.raw_status = std::move(st->status);
  r.status = ParseSyncStatus(r.raw_status);
  if (st->error) r.error = std::move(*st->error);
  return r;
}

inline Status Malformed(const char* op, const std::string& what) {
  return Status(StatusCode::kMalformedResponse, std::string(op) + ": " + what);
}

inline StatusOr<std::vector<SyncResult>> TakeStatuses(const char* op,
                                                      mktows__ArrayOfMObjStatus* list,
                                                      std::size_t expected) {
  const std::size_t got = list == nullptr ? 0 : list->mObjStatus.size();
  if (got != expected) {
    return Status(StatusCode::kResponseMismatch,
                  std::string(op) + ": sent " + std::to_string(expected) + " objects but got " +
                      std::to_string(got) + " statuses");
  }
  std::vector<SyncResult> results;
  results.reserve(got);
  for (std::size_t i = 0; i < got; ++i) results.push_back(Take(list->mObjStatus[i], i));
  return results;
}

inline StatusOr<std::vector<SyncResult>> SyncFromSoap(mktows__SuccessSyncMObjects& resp,
                                                      MObjectSpan objects, SyncOperation op) {
  if (resp.result == nullptr) return Malformed("syncMObjects", "response has no result");
  auto results = TakeStatuses("syncMObjects", resp.result->mObjStatusList, objects.size());
  if (results.ok()) FlagSyncContradictions(*results, objects, op);
  return results;
}

inline StatusOr<GetMObjectsPage> GetFromSoap(mktows__SuccessGetMObjects& resp,
                                             const GetMObjectsRequest&) {
  if (resp.result == nullptr) return Malformed("getMObjects", "response has no result");
  GetMObjectsPage page;
  page.return_count = resp.result->returnCount;
  page.has_more = resp.result->hasMore;
  page.new_stream_position = std::move(resp.result->newStreamPosition);
  if (resp.result->mObjectList != nullptr) {
    page.objects.reserve(resp.result->mObjectList->mObject.size());
    for (auto* m : resp.result->mObjectList->mObject) {
      if (m != nullptr) page.objects.push_back(Take(*m));
    }
  }
  return page;
}

inline StatusOr<std::vector<SyncResult>> DeleteFromSoap(mktows__SuccessDeleteMObjects& resp,
                                                        MObjectSpan objects) {
  if (resp.result == nullptr) return Malformed("deleteMObjects", "response has no result");
  return TakeStatuses("deleteMObjects", resp.result->mObjStatusList, objects.size());
}

inline FieldMetadata Take(mktows__MObjFieldMetadata& f) {
  FieldMetadata fm;
  fm.name = std::move(f.name);
  fm.description = TakeOptional(f.description);
  fm.display_name = TakeOptional(f.displayName);
  fm.source_object = TakeOptional(f.sourceObject);
  fm.data_type = std::move(f.dataType);
  if (f.size) fm.size = *f.size;
  fm.is_readonly = f.isReadonly;
  fm.is_update_blocked = f.isUpdateBlocked;
  if (f.isName) fm.is_name = *f.isName;
  fm.is_primary_key = f.isPrimaryKey;
  fm.is_custom = f.isCustom;
  fm.is_dynamic = f.isDynamic;
  fm.dynamic_field_ref = TakeOptional(f.dynamicFieldRef);
  fm.updated_at = FromTimeT(f.updatedAt);
  return fm;
}

inline StatusOr<ObjectMetadata> DescribeFromSoap(mktows__SuccessDescribeMObject& resp,
                                                 const std::string&) {
  if (resp.result == nullptr || resp.result->metadata == nullptr) {
    return Malformed("describeMObject", "response has no metadata");
  }
  mktows__MObjectMetadata& m = *resp.result->metadata;
  ObjectMetadata md;
  md.name = std::move(m.name);
  md.description = TakeOptional(m.description);
  md.is_custom = m.isCustom;
  md.is_virtual = m.isVirtual;
  md.updated_at = FromTimeT(m.updatedAt);
  if (m.fieldList != nullptr) {
    md.fields.reserve(m.fieldList->field.size());
    for (auto* f : m.fieldList->field) {
      if (f != nullptr) md.fields.push_back(Take(*f));
    }
  }
  return md;
}

inline StatusOr<std::vector<std::string>> ListFromSoap(mktows__SuccessListMObjects& resp) {
  if (resp.result == nullptr) return Malformed("listMObjects", "response has no result");
  return std::move(resp.result->objects);
}

// ---- the operations --------------------------------------------------------------------------

inline CallTraits SyncTraits(MObjectSpan objects, SyncOperation operation) {
  return CallTraits{DescribeSyncMObjects(objects, operation).creates_unkeyed, ToString(operation)};
}

inline constexpr auto kSync =
    DeclareOperation(Operation::kSyncMObjects, &Connection::SyncMObjects, &SyncTraits, &SyncToSoap,
                     &SyncFromSoap, &Proxy::syncMObjects);
inline constexpr auto kGet =
    DeclareOperation(Operation::kGetMObjects, &Connection::GetMObjects, nullptr, &GetToSoap,
                     &GetFromSoap, &Proxy::getMObjects);
inline constexpr auto kDelete =
    DeclareOperation(Operation::kDeleteMObjects, &Connection::DeleteMObjects, nullptr,
                     &DeleteToSoap, &DeleteFromSoap, &Proxy::deleteMObjects);
inline constexpr auto kDescribe =
    DeclareOperation(Operation::kDescribeMObject, &Connection::DescribeMObject, nullptr,
                     &DescribeToSoap, &DescribeFromSoap, &Proxy::describeMObject);
inline constexpr auto kList =
    DeclareOperation(Operation::kListMObjects, &Connection::ListMObjects, nullptr, &ListToSoap,
                     &ListFromSoap, &Proxy::listMObjects);

}  // namespace mobjects

// Implements the family's Connection methods on a ConnectionCore (see soap_connection.cc).
template <typename Base>
class MObjectOperations : public Base {
 public:
  using Base::Base;

  StatusOr<std::vector<SyncResult>> SyncMObjects(MObjectSpan objects,
                                                 SyncOperation operation) override {
    return this->Call(mobjects::kSync, objects, operation);
  }
  StatusOr<GetMObjectsPage> GetMObjects(const GetMObjectsRequest& request) override {
    return this->Call(mobjects::kGet, request);
  }
  StatusOr<std::vector<SyncResult>> DeleteMObjects(MObjectSpan objects) override {
    return this->Call(mobjects::kDelete, objects);
  }
  StatusOr<ObjectMetadata> DescribeMObject(const std::string& object_name) override {
    return this->Call(mobjects::kDescribe, object_name);
  }
  StatusOr<std::vector<std::string>> ListMObjects() override { return this->Call(mobjects::kList); }
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_MOBJECT_OPERATIONS_H_
