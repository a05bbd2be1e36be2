// What a user of the bare generated gSOAP proxy writes for the workload's syncMObjects call:
// gSOAP objects from the application's MObjects and a freshly signed header. Shared by
// micro_bench (in memory) and cpu_driver (over a socket).
#ifndef MARKETO_BENCH_BARE_REQUEST_H_
#define MARKETO_BENCH_BARE_REQUEST_H_

#include <chrono>
#include <vector>

#include "marketo/auth.h"
#include "marketo/mobject.h"
#include "soapMktowsApiSoapBindingProxy.h"
#include "workload.h"

namespace bench {

// Parameters allocated in the proxy's context (freed by proxy.destroy()); sets the header.
inline mktows__ParamsSyncMObjects* BareSyncParams(MktowsApiSoapBindingProxy& proxy,
                                                  const std::vector<marketo::MObject>& objects,
                                                  mktows__AuthenticationHeaderInfo& auth) {
  struct soap* s = proxy.soap;
  auto* params = soap_new_mktows__ParamsSyncMObjects(s);
  params->mObjectList = soap_new_mktows__ArrayOfMObject(s);
  params->mObjectList->mObject.reserve(objects.size());
  for (const auto& o : objects) {
    auto* m = soap_new_mktows__MObject(s);
    m->type = o.type;
    if (o.id) {
      m->id = soap_new_int(s);
      *m->id = static_cast<int>(*o.id);
    }
    m->attribList = soap_new_mktows__ArrayOfAttrib(s);
    m->attribList->attrib.reserve(o.attributes.size());
    for (const auto& a : o.attributes) {
      auto* p = soap_new_mktows__Attrib(s);
      p->name = a.name;
      p->value = a.value;
      m->attribList->attrib.push_back(p);
    }
    params->mObjectList->mObject.push_back(m);
  }
  params->operation = mktows__SyncOperationEnum__UPSERT;
  auth.mktowsUserId = kUserId;
  auth.requestTimestamp = marketo::FormatW3CTimestamp(std::chrono::system_clock::now());
  auth.requestSignature = marketo::ComputeSignature(auth.requestTimestamp, kUserId, kEncryptionKey);
  proxy.soap_header(&auth, nullptr);
  // Same output mode as the SDK (serialise once into memory, then send), so the baseline is
  // the best the bare generated code can do, not its two-pass default.
  s->omode = (s->omode & ~SOAP_IO) | SOAP_IO_STORE;
  return params;
}

}  // namespace bench

#endif  // MARKETO_BENCH_BARE_REQUEST_H_
