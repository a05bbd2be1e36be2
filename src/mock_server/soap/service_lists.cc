// The static-list operations on the wire: each runs through Handle() like every operation,
// converts with soap/convert_lists.*, and leaves the semantics to semantics/lists*.cc. Absent
// nillable elements go out as xsi:nil, as in the lead answers.
#include <ctime>

#include "semantics/marketo_fault.h"
#include "soap/convert_lists.h"
#include "soap/params.h"
#include "soap/service.h"

namespace mock {

int MockService::listOperation(mktows__ParamsListOperation* in, mktows__SuccessListOperation& out) {
  return Handle("listOperation", [&] {
    soap->omode |= SOAP_XML_NIL;
    const ListOpRequest request = FromSoap(soap, Require(in, "paramsListOperation"));
    out.result = ToSoap(soap, ctx_->lists.ListOperation(request, std::time(nullptr)));
  });
}

int MockService::importToList(mktows__ParamsImportToList* in, mktows__SuccessImportToList& out) {
  return Handle("importToList", [&] {
    const ImportRequest request = FromSoap(soap, Require(in, "paramsImportToList"));
    const std::string state = ctx_->lists.ImportToList(request, std::time(nullptr));
    out.result = soap_new_mktows__ResultImportToList(soap);
    soap_s2mktows__ImportToListStatusEnum(soap, state.c_str(), &out.result->importStatus);
  });
}

int MockService::getImportToListStatus(mktows__ParamsGetImportToListStatus* in,
                                       mktows__SuccessGetImportToListStatus& out) {
  return Handle("getImportToListStatus", [&] {
    soap->omode |= SOAP_XML_NIL;
    const auto& params = Require(in, "paramsGetImportToListStatus");
    std::optional<std::string> program, list;
    if (params.programName != nullptr) program = *params.programName;
    if (params.listName != nullptr) list = *params.listName;
    out.result = ToSoap(soap, ctx_->lists.GetImportStatus(program, list));
  });
}

}  // namespace mock
