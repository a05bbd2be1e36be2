#include "soap/convert_custom_objects.h"

#include <string>

namespace mock {
namespace {

mktows__ArrayOfAttribute* AttrsToSoap(struct soap* soap, const std::vector<Attr>& in) {
  auto* list = soap_new_mktows__ArrayOfAttribute(soap);
  for (const auto& a : in) {
    auto* x = soap_new_mktows__Attribute(soap);
    x->attrName = a.name;
    x->attrValue = a.value;
    list->attribute.push_back(x);
  }
  return list;
}

}  // namespace

std::vector<Attr> FromSoap(const mktows__ArrayOfAttribute* in) {
  std::vector<Attr> out;
  if (in == nullptr) return out;
  for (const auto* a : in->attribute) {
    if (a != nullptr) out.push_back(Attr{a->attrName, a->attrValue});
  }
  return out;
}

std::vector<CoIn> FromSoap(const mktows__ArrayOfCustomObj* in) {
  std::vector<CoIn> out;
  if (in == nullptr) return out;
  for (const auto* o : in->customObj) {
    if (o != nullptr) {
      out.push_back(CoIn{FromSoap(o->customObjKeyList), FromSoap(o->customObjAttributeList)});
    }
  }
  return out;
}

std::vector<std::vector<Attr>> FromSoap(const mktows__ArrayOfKeyList* in) {
  std::vector<std::vector<Attr>> out;
  if (in == nullptr) return out;
  for (const auto* k : in->keyList) out.push_back(FromSoap(k));
  return out;
}

CoQuery FromSoap(const mktows__ParamsGetCustomObjects& in) {
  CoQuery q;
  q.type = in.objTypeName;
  if (in.streamPosition != nullptr) q.stream_position = *in.streamPosition;
  if (in.batchSize != nullptr) q.batch_size = *in.batchSize;
  q.key = FromSoap(in.customObjKeyList);
  if (in.includeAttributes != nullptr) q.include = in.includeAttributes->stringItem;
  return q;
}

mktows__ArrayOfSyncCustomObjStatus* ToSoap(struct soap* soap, const std::string& type,
                                           const std::vector<CoOutcome>& in) {
  auto* list = soap_new_mktows__ArrayOfSyncCustomObjStatus(soap);
  for (const auto& o : in) {
    auto* st = soap_new_mktows__SyncCustomObjStatus(soap);
    st->objTypeName = type;
    st->customObjKeyList = AttrsToSoap(soap, o.keys);
    st->status = o.status;
    if (o.error) {
      st->error = soap_new_std__string(soap);
      *st->error = *o.error;
    }
    list->syncCustomObjStatus.push_back(st);
  }
  return list;
}

mktows__ResultGetCustomObjects* ToSoap(struct soap* soap, const CoPage& in) {
  auto* r = soap_new_mktows__ResultGetCustomObjects(soap);
  r->objTypeName = in.type;
  r->returnCount = static_cast<int>(in.objects.size());
  r->remainingCount = in.remaining;
  r->newStreamPosition = in.new_stream_position;
  r->customObjList = soap_new_mktows__ArrayOfCustomObj(soap);
  for (const auto& o : in.objects) {
    auto* x = soap_new_mktows__CustomObj(soap);
    x->customObjKeyList = AttrsToSoap(soap, o.keys);
    x->customObjAttributeList = AttrsToSoap(soap, o.attrs);
    r->customObjList->customObj.push_back(x);
  }
  return r;
}

}  // namespace mock
