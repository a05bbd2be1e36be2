#include "soap/convert_lists.h"

#include "semantics/marketo_fault.h"
#include "soap/convert_leads.h"
#include "soap/soap_alloc.h"

namespace mock {

ListOpRequest FromSoap(struct soap* soap, const mktows__ParamsListOperation& in) {
  ListOpRequest out;
  out.operation = soap_mktows__ListOperationType2s(soap, in.listOperation);
  if (in.listKey == nullptr) {
    throw MarketoFault(error_codes::kParameterRequired, "listKey is missing");
  }
  out.key_type = soap_mktows__ListKeyType2s(soap, in.listKey->keyType);
  out.key_value = in.listKey->keyValue;
  if (in.listMemberList != nullptr) {
    for (const auto* k : in.listMemberList->leadKey) {
      if (k != nullptr) out.members.push_back(FromSoap(soap, k));
    }
  }
  out.strict = in.strict != nullptr && *in.strict;
  return out;
}

ImportRequest FromSoap(struct soap* soap, const mktows__ParamsImportToList& in) {
  ImportRequest out;
  out.program = in.programName;
  out.header = in.importFileHeader;
  if (in.importFileRows != nullptr) out.rows = in.importFileRows->stringItem;
  out.mode = soap_mktows__ImportToListModeEnum2s(soap, in.importListMode);
  out.list = in.listName;
  out.clear_list = in.clearList;
  if (in.campaignName != nullptr) out.campaign = *in.campaignName;
  return out;
}

mktows__ResultListOperation* ToSoap(struct soap* soap, const ListOpResult& in) {
  auto* r = soap_new_mktows__ResultListOperation(soap);
  r->success = in.success;
  r->statusList = soap_new_mktows__ArrayOfLeadStatus(soap);
  for (const auto& [key, status] : in.statuses) {
    auto* st = soap_new_mktows__LeadStatus(soap);
    st->leadKey = soap_new_mktows__LeadKey(soap);
    soap_s2mktows__LeadKeyRef(soap, key.type.c_str(), &st->leadKey->keyType);
    st->leadKey->keyValue = key.value;
    st->status = status;
    r->statusList->leadStatus.push_back(st);
  }
  return r;
}

mktows__ResultGetImportToListStatus* ToSoap(struct soap* soap, const ImportProgress& in) {
  auto* r = soap_new_mktows__ResultGetImportToListStatus(soap);
  soap_s2mktows__ImportToListStatusEnum(soap, in.status.c_str(), &r->status);
  r->startedTime = NewValue(soap, in.started);
  r->estimatedRows = NewValue(soap, in.estimated_rows);
  if (!in.done) {
    r->estimatedTime = NewValue(soap, in.estimated_time);
    return r;
  }
  r->endedTime = NewValue(soap, *in.ended);
  r->rowsImported = NewValue(soap, in.imported);
  r->rowsFailed = NewValue(soap, in.failed);
  r->rowsIgnored = NewValue(soap, in.ignored);
  r->importSummary = NewString(soap, in.summary);
  return r;
}

}  // namespace mock
