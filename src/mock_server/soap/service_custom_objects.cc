// The custom-object operations on the wire: each runs through Handle() like every operation,
// converts with soap/convert_custom_objects.*, and leaves the semantics to
// semantics/custom_objects*.cc. Choice: like the lead answers, absent nillable elements are
// written as xsi:nil (<error xsi:nil="true"/>).
#include <ctime>

#include "semantics/marketo_fault.h"
#include "soap/convert_custom_objects.h"
#include "soap/params.h"
#include "soap/service.h"

namespace mock {

namespace {

std::optional<std::string> OperationText(struct soap* soap, const mktows__SyncOperationEnum* op) {
  if (op == nullptr) return std::nullopt;
  return std::string(soap_mktows__SyncOperationEnum2s(soap, *op));
}

}  // namespace

int MockService::syncCustomObjects(mktows__ParamsSyncCustomObjects* in,
                                   mktows__SuccessSyncCustomObjects& out) {
  return Handle("syncCustomObjects", [&] {
    NilForAbsent(soap);
    const auto& params = Require(in, "paramsSyncCustomObjects");
    const auto statuses =
        ctx_->custom_objects.Sync(params.objTypeName, OperationText(soap, params.operation),
                                  FromSoap(params.customObjList), std::time(nullptr));
    out.result = soap_new_mktows__ResultSyncCustomObjects(soap);
    out.result->syncCustomObjStatusList = ToSoap(soap, params.objTypeName, statuses);
  });
}

int MockService::deleteCustomObjects(mktows__ParamsDeleteCustomObjects* in,
                                     mktows__SuccessDeleteCustomObjects& out) {
  return Handle("deleteCustomObjects", [&] {
    NilForAbsent(soap);
    const auto& params = Require(in, "paramsDeleteCustomObjects");
    const auto statuses =
        ctx_->custom_objects.Delete(params.objTypeName, FromSoap(params.customObjKeyLists));
    out.result = soap_new_mktows__ResultDeleteCustomObjects(soap);
    out.result->deleteCustomObjStatusList = ToSoap(soap, params.objTypeName, statuses);
  });
}

int MockService::getCustomObjects(mktows__ParamsGetCustomObjects* in,
                                  mktows__SuccessGetCustomObjects& out) {
  return Handle("getCustomObjects", [&] {
    NilForAbsent(soap);
    const CoPage page = ctx_->custom_objects.Get(FromSoap(Require(in, "paramsGetCustomObjects")));
    out.result = ToSoap(soap, page);
  });
}

}  // namespace mock
