#include "soap/convert.h"

#include "soap/soap_alloc.h"

namespace mock {
namespace {

std::optional<Attr> FromSoap(const mktows__Attrib* a) {
  if (a == nullptr) return std::nullopt;
  return Attr{a->name, a->value};
}

std::vector<Attr> FromSoap(const mktows__ArrayOfAttrib* list) {
  std::vector<Attr> out;
  if (list == nullptr) return out;
  for (const auto* a : list->attrib) {
    if (a != nullptr) out.push_back(Attr{a->name, a->value});
  }
  return out;
}

std::vector<Assoc> FromSoap(const mktows__ArrayOfMObjAssociation* list) {
  std::vector<Assoc> out;
  if (list == nullptr) return out;
  for (const auto* a : list->mObjAssociation) {
    if (a == nullptr) continue;
    Assoc as;
    as.type = a->mObjType;
    if (a->id) as.id = *a->id;
    as.external_key = FromSoap(a->externalKey);
    out.push_back(as);
  }
  return out;
}

mktows__Attrib* NewAttrib(struct soap* soap, const Attr& a) {
  auto* out = soap_new_mktows__Attrib(soap);
  out->name = a.name;
  out->value = a.value;
  return out;
}

mktows__ArrayOfAttrib* NewAttribList(struct soap* soap, const std::vector<Attr>& attrs) {
  auto* out = soap_new_mktows__ArrayOfAttrib(soap);
  for (const auto& a : attrs) out->attrib.push_back(NewAttrib(soap, a));
  return out;
}

}  // namespace

MObj FromSoap(const mktows__MObject& in) {
  MObj m;
  m.type = in.type;
  if (in.id) m.id = *in.id;
  m.external_key = FromSoap(in.externalKey);
  m.attrs = FromSoap(in.attribList);
  if (in.typeAttribList != nullptr) {
    for (const auto* g : in.typeAttribList->typeAttrib) {
      if (g != nullptr) m.type_attrs.push_back(TypeAttrGroup{g->attrType, FromSoap(g->attrList)});
    }
  }
  m.assocs = FromSoap(in.associationList);
  return m;
}

std::vector<MObj> FromSoap(const mktows__ArrayOfMObject* in) {
  std::vector<MObj> out;
  if (in == nullptr) return out;
  for (const auto* m : in->mObject) {
    if (m != nullptr) out.push_back(FromSoap(*m));
  }
  return out;
}

SyncOp FromSoap(mktows__SyncOperationEnum op) {
  // Enum to enum: a switch keeps -Wswitch watching both lists, which a detour through the
  // generated soap_mktows__SyncOperationEnum2s text would not.
  switch (op) {
    case mktows__SyncOperationEnum__INSERT:
      return SyncOp::kInsert;
    case mktows__SyncOperationEnum__UPDATE:
      return SyncOp::kUpdate;
    case mktows__SyncOperationEnum__UPSERT:
      return SyncOp::kUpsert;
  }
  return SyncOp::kUpsert;
}

GetQuery FromSoap(struct soap* soap, const mktows__ParamsGetMObjects& in) {
  GetQuery q;
  q.type = in.type;
  if (in.id) q.id = *in.id;
  q.external_key = FromSoap(in.externalKey);
  if (in.mObjCriteriaList != nullptr) {
    for (const auto* c : in.mObjCriteriaList->mObjCriteria) {
      if (c == nullptr) continue;
      q.criteria.push_back(
          Criterion{c->attrName, soap_mktows__ComparisonEnum2s(soap, c->comparison), c->attrValue});
    }
  }
  q.assocs = FromSoap(in.mObjAssociationList);
  q.include_details = in.includeDetails != nullptr && *in.includeDetails;
  if (in.streamPosition) q.stream_position = *in.streamPosition;
  return q;
}

mktows__ArrayOfMObjStatus* ToSoap(struct soap* soap, const std::vector<ObjStatus>& in) {
  auto* out = soap_new_mktows__ArrayOfMObjStatus(soap);
  for (const auto& s : in) {
    auto* st = soap_new_mktows__MObjStatus(soap);
    // No id: <id xsi:nil="true"/> (docs/protocol.md, "Nil and empty values").
    if (s.id) st->id = NewValue(soap, *s.id);
    if (s.external_key) st->externalKey = NewAttrib(soap, *s.external_key);
    st->status = StatusName(s.status);  // MObjStatusEnum is a std::string (wsdl/typemap.dat)
    if (s.status == Status::kFailed) st->error = NewString(soap, s.error);
    out->mObjStatus.push_back(st);
  }
  return out;
}

mktows__MObject* ToSoap(struct soap* soap, const MObj& in) {
  auto* m = soap_new_mktows__MObject(soap);
  m->type = in.type;
  if (in.id) m->id = NewValue(soap, *in.id);
  if (in.external_key) m->externalKey = NewAttrib(soap, *in.external_key);
  if (in.created_at) m->createdAt = NewValue(soap, *in.created_at);
  if (in.updated_at) m->updatedAt = NewValue(soap, *in.updated_at);
  if (!in.attrs.empty()) m->attribList = NewAttribList(soap, in.attrs);
  if (!in.type_attrs.empty()) {
    m->typeAttribList = soap_new_mktows__ArrayOfTypeAttrib(soap);
    for (const auto& g : in.type_attrs) {
      auto* t = soap_new_mktows__TypeAttrib(soap);
      t->attrType = g.attr_type;
      t->attrList = NewAttribList(soap, g.attrs);
      m->typeAttribList->typeAttrib.push_back(t);
    }
  }
  if (!in.assocs.empty()) {
    m->associationList = soap_new_mktows__ArrayOfMObjAssociation(soap);
    for (const auto& a : in.assocs) {
      auto* as = soap_new_mktows__MObjAssociation(soap);
      as->mObjType = a.type;
      if (a.id) as->id = NewValue(soap, *a.id);
      if (a.external_key) as->externalKey = NewAttrib(soap, *a.external_key);
      m->associationList->mObjAssociation.push_back(as);
    }
  }
  return m;
}

mktows__MObjectMetadata* ToSoap(struct soap* soap, const ObjectMeta& in) {
  auto* m = soap_new_mktows__MObjectMetadata(soap);
  m->name = in.name;
  m->description = NewString(soap, in.description);
  m->isCustom = in.custom;
  m->isVirtual = in.is_virtual;
  m->updatedAt = in.updated_at;
  m->fieldList = soap_new_mktows__ArrayOfMObjFieldMetadata(soap);
  for (const auto& f : in.fields) {
    auto* o = soap_new_mktows__MObjFieldMetadata(soap);
    o->name = f.name;
    o->description = NewString(soap, f.description);
    if (f.display_name) o->displayName = NewString(soap, *f.display_name);  // else xsi:nil
    o->sourceObject = NewString(soap, f.source_object);
    o->dataType = f.data_type;
    if (f.size) o->size = NewValue(soap, *f.size);
    o->isReadonly = f.readonly;
    o->isUpdateBlocked = f.update_blocked;
    o->isName = NewValue(soap, f.is_name);
    o->isPrimaryKey = f.primary_key;
    o->isCustom = f.custom;
    o->isDynamic = f.dynamic;
    o->updatedAt = in.updated_at;
    m->fieldList->field.push_back(o);
  }
  return m;
}

}  // namespace mock
