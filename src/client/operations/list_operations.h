#ifndef MARKETO_SRC_CLIENT_OPERATIONS_LIST_OPERATIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_LIST_OPERATIONS_H_

// The static-list family on gSOAP: pure marshal functions in both directions (testable without
// a socket), the declarations of listOperation, importToList and getImportToListStatus, and the
// layer that implements their Connection methods. The CSV of importToList is written here, from
// the request's typed rows (csv_writer.h).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "csv_writer.h"
#include "marketo/connection.h"
#include "marketo/list_client.h"
#include "operations/lead_operations.h"
#include "operations/operation_spec.h"
#include "operations/soap_time.h"

namespace marketo {
namespace internal {
namespace lists {

using Proxy = MktowsApiSoapBindingProxy;

// ---- SDK -> gSOAP ----------------------------------------------------------------------------

inline mktows__ParamsListOperation* ListOperationToSoap(RequestBuilder& b,
                                                        const ListOperationRequest& r) {
  auto* p = b.New<mktows__ParamsListOperation>();
  soap_s2mktows__ListOperationType(b.soap(), ToString(r.operation), &p->listOperation);
  p->listKey = b.New<mktows__ListKey>();
  soap_s2mktows__ListKeyType(b.soap(), ToString(r.list.type), &p->listKey->keyType);
  p->listKey->keyValue = r.list.value;
  p->listMemberList = b.New<mktows__ArrayOfLeadKey>();
  p->listMemberList->leadKey.reserve(r.members.size());
  for (const auto& k : r.members) p->listMemberList->leadKey.push_back(leads::ToSoap(b, k));
  if (r.strict) {
    p->strict = b.New<bool>();
    *p->strict = *r.strict;
  }
  return p;
}

inline mktows__ParamsImportToList* ImportToSoap(RequestBuilder& b, const ImportToListRequest& r) {
  auto* p = b.New<mktows__ParamsImportToList>();
  p->programName = r.program_name;
  p->importFileHeader = CsvLine(r.columns);
  p->importFileRows = b.New<mktows__ArrayOfString>();
  p->importFileRows->stringItem.reserve(r.rows.size());
  for (const auto& row : r.rows) p->importFileRows->stringItem.push_back(CsvLine(row));
  soap_s2mktows__ImportToListModeEnum(b.soap(), ToString(r.mode), &p->importListMode);
  p->listName = r.list_name;
  p->clearList = r.clear_list;
  // Required but nillable: absent goes out as <campaignName xsi:nil="true"/>.
  if (r.campaign_name) p->campaignName = leads::ToSoapString(b, *r.campaign_name);
  return p;
}

inline mktows__ParamsGetImportToListStatus* StatusToSoap(RequestBuilder& b,
                                                         const ImportStatusRequest& r) {
  auto* p = b.New<mktows__ParamsGetImportToListStatus>();
  p->programName = leads::ToSoapString(b, r.program_name);
  p->listName = leads::ToSoapString(b, r.list_name);
  return p;
}

// ---- gSOAP -> SDK ----------------------------------------------------------------------------

inline LeadKey TakeKey(struct soap* s, const mktows__LeadKey* k) {
  LeadKey key;
  if (k == nullptr) return key;
  if (auto type = ParseLeadKeyType(soap_mktows__LeadKeyRef2s(s, k->keyType))) key.type = *type;
  key.value = k->keyValue;
  return key;
}

inline StatusOr<ListOperationResult> ListOperationFromSoap(mktows__SuccessListOperation& resp,
                                                           const ListOperationRequest& request) {
  if (resp.result == nullptr) return leads::Malformed("listOperation", "response has no result");
  ListOperationResult out;
  out.success = resp.result->success;
  if (resp.result->statusList != nullptr) {
    for (const auto* st : resp.result->statusList->leadStatus) {
      if (st == nullptr) return leads::Malformed("listOperation", "empty leadStatus");
      out.statuses.push_back({TakeKey(resp.soap, st->leadKey), st->status});
    }
  }
  if (out.statuses.size() != request.members.size()) {
    return Status(StatusCode::kResponseMismatch,
                  "listOperation: sent " + std::to_string(request.members.size()) +
                      " leads but got " + std::to_string(out.statuses.size()) + " statuses");
  }
  return out;
}

inline StatusOr<ImportToListResult> ImportFromSoap(mktows__SuccessImportToList& resp,
                                                   const ImportToListRequest&) {
  if (resp.result == nullptr) return leads::Malformed("importToList", "response has no result");
  ImportToListResult out;
  out.raw_status = soap_mktows__ImportToListStatusEnum2s(resp.soap, resp.result->importStatus);
  out.status = ParseImportStatus(out.raw_status);
  return out;
}

template <typename T>
std::optional<T> Opt(const T* p) {
  return p != nullptr ? std::optional<T>(*p) : std::nullopt;
}

inline StatusOr<ImportStatusInfo> StatusFromSoap(mktows__SuccessGetImportToListStatus& resp,
                                                 const ImportStatusRequest&) {
  if (resp.result == nullptr) {
    return leads::Malformed("getImportToListStatus", "response has no result");
  }
  const mktows__ResultGetImportToListStatus& r = *resp.result;
  ImportStatusInfo out;
  out.raw_status = soap_mktows__ImportToListStatusEnum2s(resp.soap, r.status);
  out.status = ParseImportStatus(out.raw_status);
  if (r.startedTime) out.started = FromTimeT(*r.startedTime);
  if (r.endedTime) out.ended = FromTimeT(*r.endedTime);
  out.estimated_time = Opt(r.estimatedTime);
  out.estimated_rows = Opt(r.estimatedRows);
  out.rows_imported = Opt(r.rowsImported);
  out.rows_failed = Opt(r.rowsFailed);
  out.rows_ignored = Opt(r.rowsIgnored);
  out.summary = Opt(r.importSummary);
  return out;
}

// ---- the operations --------------------------------------------------------------------------

inline constexpr auto kListOperation =
    DeclareOperation(Operation::kListOperation, &Connection::ListOperation, nullptr,
                     &ListOperationToSoap, &ListOperationFromSoap, &Proxy::listOperation);
inline constexpr auto kImportToList =
    DeclareOperation(Operation::kImportToList, &Connection::ImportToList, nullptr, &ImportToSoap,
                     &ImportFromSoap, &Proxy::importToList);
inline constexpr auto kGetImportStatus =
    DeclareOperation(Operation::kGetImportToListStatus, &Connection::GetImportToListStatus, nullptr,
                     &StatusToSoap, &StatusFromSoap, &Proxy::getImportToListStatus);

}  // namespace lists

// Implements the family's Connection methods on a ConnectionCore (see soap_connection.cc).
template <typename Base>
class ListOperations : public Base {
 public:
  using Base::Base;

  StatusOr<ListOperationResult> ListOperation(const ListOperationRequest& request) override {
    return this->Call(lists::kListOperation, request);
  }
  StatusOr<ImportToListResult> ImportToList(const ImportToListRequest& request) override {
    return this->Call(lists::kImportToList, request);
  }
  StatusOr<ImportStatusInfo> GetImportToListStatus(const ImportStatusRequest& request) override {
    return this->Call(lists::kGetImportStatus, request);
  }
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_LIST_OPERATIONS_H_
