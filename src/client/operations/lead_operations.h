#ifndef MARKETO_SRC_CLIENT_OPERATIONS_LEAD_OPERATIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_LEAD_OPERATIONS_H_

// The lead family on gSOAP: pure marshal functions in both directions (testable without a
// socket), the declarations of syncLead, syncMultipleLeads, getLead, getMultipleLeads and
// mergeLeads, and the layer that implements their Connection methods (the activity reads are in
// lead_activity_operations.h). Wire facts: docs/protocol.md, "Leads and
// activities".

#include <chrono>
#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "marketo/connection.h"
#include "marketo/lead_client.h"
#include "operations/operation_spec.h"
#include "operations/soap_time.h"

namespace marketo {
namespace internal {
namespace leads {

using Proxy = MktowsApiSoapBindingProxy;

// ---- SDK -> gSOAP ----------------------------------------------------------------------------

inline std::string* ToSoapString(RequestBuilder& b, const std::string& v) {
  std::string* p = b.New<std::string>();
  *p = v;
  return p;
}

inline mktows__ArrayOfAttribute* ToSoap(RequestBuilder& b,
                                        const std::vector<LeadAttribute>& attrs) {
  auto* list = b.New<mktows__ArrayOfAttribute>();
  list->attribute.reserve(attrs.size());
  for (const auto& a : attrs) {
    auto* p = b.New<mktows__Attribute>();
    p->attrName = a.name;
    p->attrValue = a.value;
    if (a.type) p->attrType = ToSoapString(b, *a.type);
    list->attribute.push_back(p);
  }
  return list;
}

inline mktows__LeadRecord* ToSoap(RequestBuilder& b, const LeadRecord& lead) {
  auto* r = b.New<mktows__LeadRecord>();
  if (lead.id) {
    r->Id = b.New<int>();
    *r->Id = static_cast<int>(*lead.id);  // validated to fit
  }
  if (lead.email) r->Email = ToSoapString(b, *lead.email);
  if (lead.foreign_sys_person_id) {
    r->ForeignSysPersonId = ToSoapString(b, *lead.foreign_sys_person_id);
  }
  if (lead.foreign_sys_type) {
    r->ForeignSysType = b.New<mktows__ForeignSysType>();
    soap_s2mktows__ForeignSysType(b.soap(), ToString(*lead.foreign_sys_type), r->ForeignSysType);
  }
  if (!lead.attributes.empty()) r->leadAttributeList = ToSoap(b, lead.attributes);
  return r;
}

inline mktows__ParamsSyncLead* SyncLeadToSoap(RequestBuilder& b, const SyncLeadRequest& r) {
  auto* p = b.New<mktows__ParamsSyncLead>();
  p->leadRecord = ToSoap(b, r.lead);
  p->returnLead = r.return_lead;
  if (r.marketo_cookie) p->marketoCookie = ToSoapString(b, *r.marketo_cookie);
  if (r.move_cookie) {
    p->moveCookie = b.New<bool>();
    *p->moveCookie = *r.move_cookie;
  }
  if (r.target_workspace) {
    auto* header = b.New<mktows__MktowsContextHeaderInfo>();
    header->targetWorkspace = *r.target_workspace;
    b.SetContextHeader(header);
  }
  return p;
}

inline mktows__ParamsSyncMultipleLeads* SyncMultipleToSoap(RequestBuilder& b,
                                                           const SyncMultipleLeadsRequest& r) {
  auto* p = b.New<mktows__ParamsSyncMultipleLeads>();
  p->leadRecordList = b.New<mktows__ArrayOfLeadRecord>();
  p->leadRecordList->leadRecord.reserve(r.leads.size());
  for (const auto& lead : r.leads) p->leadRecordList->leadRecord.push_back(ToSoap(b, lead));
  p->dedupEnabled = b.New<bool>();
  *p->dedupEnabled = r.dedup_enabled;
  return p;
}

inline mktows__LeadKey* ToSoap(RequestBuilder& b, const LeadKey& key) {
  auto* k = b.New<mktows__LeadKey>();
  soap_s2mktows__LeadKeyRef(b.soap(), ToString(key.type), &k->keyType);
  k->keyValue = key.value;
  return k;
}

inline mktows__ParamsGetLead* GetLeadToSoap(RequestBuilder& b, const LeadKey& key) {
  auto* p = b.New<mktows__ParamsGetLead>();
  p->leadKey = ToSoap(b, key);
  return p;
}

// mergeLeads names a lead by an attribute list whose attrName is the key type ("IDNUM").
inline mktows__ArrayOfAttribute* KeysToSoap(RequestBuilder& b, const std::vector<LeadKey>& keys) {
  auto* list = b.New<mktows__ArrayOfAttribute>();
  list->attribute.reserve(keys.size());
  for (const auto& k : keys) {
    auto* a = b.New<mktows__Attribute>();
    a->attrName = ToString(k.type);
    a->attrValue = k.value;
    list->attribute.push_back(a);
  }
  return list;
}

inline mktows__ParamsMergeLeads* MergeToSoap(RequestBuilder& b, const MergeLeadsRequest& r) {
  auto* p = b.New<mktows__ParamsMergeLeads>();
  p->winningLeadKeyList = KeysToSoap(b, r.winner);
  p->losingLeadKeyLists = b.New<mktows__ArrayOfKeyList>();
  p->losingLeadKeyLists->keyList.reserve(r.losers.size());
  for (const auto& loser : r.losers) p->losingLeadKeyLists->keyList.push_back(KeysToSoap(b, loser));
  if (r.merge_in_sales) {
    p->mergeInSales = b.New<bool>();
    *p->mergeInSales = *r.merge_in_sales;
  }
  return p;
}

inline mktows__ArrayOfString* ToSoap(RequestBuilder& b, const std::vector<std::string>& items) {
  auto* list = b.New<mktows__ArrayOfString>();
  list->stringItem.assign(items.begin(), items.end());
  return list;
}

// The abstract LeadSelector goes out as one of its three kinds (xsi:type on the wire).
inline mktows__LeadSelector* ToSoap(RequestBuilder& b, const LeadSelector& selector) {
  switch (selector.kind) {
    case LeadSelector::Kind::kKeys: {
      auto* k = b.New<mktows__LeadKeySelector>();
      soap_s2mktows__LeadKeyRef(b.soap(), ToString(selector.key_type), &k->keyType);
      k->keyValues = ToSoap(b, selector.key_values);
      return k;
    }
    case LeadSelector::Kind::kStaticList: {
      auto* l = b.New<mktows__StaticListSelector>();
      if (selector.list_name) l->staticListName = ToSoapString(b, *selector.list_name);
      if (selector.list_id) {
        l->staticListId = b.New<int>();
        *l->staticListId = static_cast<int>(*selector.list_id);  // validated to fit
      }
      return l;
    }
    case LeadSelector::Kind::kUpdatedBetween: {
      auto* w = b.New<mktows__LastUpdateAtSelector>();
      w->oldestUpdatedAt = ToTimeT(selector.oldest_updated_at);
      if (selector.latest_updated_at) {
        w->latestUpdatedAt = b.New<time_t>();
        *w->latestUpdatedAt = ToTimeT(*selector.latest_updated_at);
      }
      return w;
    }
  }
  return nullptr;
}

inline mktows__ParamsGetMultipleLeads* GetMultipleToSoap(RequestBuilder& b,
                                                         const GetMultipleLeadsRequest& r) {
  auto* p = b.New<mktows__ParamsGetMultipleLeads>();
  p->leadSelector = ToSoap(b, r.selector);
  if (!r.stream_position.empty()) p->streamPosition = ToSoapString(b, r.stream_position.text());
  if (r.batch_size) {
    p->batchSize = b.New<int>();
    *p->batchSize = *r.batch_size;
  }
  if (!r.include_attributes.empty()) p->includeAttributes = ToSoap(b, r.include_attributes);
  return p;
}

// ---- gSOAP -> SDK ----------------------------------------------------------------------------

inline Status Malformed(const char* op, const std::string& what) {
  return Status(StatusCode::kMalformedResponse, std::string(op) + ": " + what);
}

inline std::optional<std::string> TakeOptional(std::string* p) {
  if (p == nullptr) return std::nullopt;
  return std::move(*p);
}

inline std::vector<LeadAttribute> TakeAttributes(mktows__ArrayOfAttribute* list) {
  std::vector<LeadAttribute> out;
  if (list == nullptr) return out;
  out.reserve(list->attribute.size());
  for (auto* a : list->attribute) {
    if (a != nullptr) {
      out.push_back({std::move(a->attrName), std::move(a->attrValue), TakeOptional(a->attrType)});
    }
  }
  return out;
}

inline LeadRecord Take(struct soap* s, mktows__LeadRecord& r) {
  LeadRecord lead;
  if (r.Id) lead.id = *r.Id;
  lead.email = TakeOptional(r.Email);
  lead.foreign_sys_person_id = TakeOptional(r.ForeignSysPersonId);
  if (r.ForeignSysType) {
    lead.foreign_sys_type =
        ParseForeignSysType(soap_mktows__ForeignSysType2s(s, *r.ForeignSysType));
  }
  lead.attributes = TakeAttributes(r.leadAttributeList);
  return lead;
}

inline std::vector<LeadRecord> TakeLeads(struct soap* s, mktows__ArrayOfLeadRecord* list) {
  std::vector<LeadRecord> out;
  if (list == nullptr) return out;
  out.reserve(list->leadRecord.size());
  for (auto* r : list->leadRecord) {
    if (r != nullptr) out.push_back(Take(s, *r));
  }
  return out;
}

inline LeadSyncResult Take(const mktows__SyncStatus& st, std::size_t index) {
  LeadSyncResult r;
  r.index = index;
  r.lead_id = st.leadId;
  r.raw_status = st.status;
  r.status = ParseLeadSyncStatus(r.raw_status);
  if (st.error) r.error = *st.error;
  return r;
}

inline StatusOr<SyncLeadResult> SyncLeadFromSoap(mktows__SuccessSyncLead& resp,
                                                 const SyncLeadRequest&) {
  if (resp.result == nullptr || resp.result->syncStatus == nullptr) {
    return Malformed("syncLead", "response has no syncStatus");
  }
  const LeadSyncResult st = Take(*resp.result->syncStatus, 0);
  SyncLeadResult out;
  out.lead_id = resp.result->leadId;
  out.status = st.status;
  out.raw_status = st.raw_status;
  out.error = st.error;
  if (resp.result->leadRecord != nullptr) out.lead = Take(resp.soap, *resp.result->leadRecord);
  return out;
}

inline StatusOr<std::vector<LeadSyncResult>> SyncMultipleFromSoap(
    mktows__SuccessSyncMultipleLeads& resp, const SyncMultipleLeadsRequest& request) {
  if (resp.result == nullptr || resp.result->syncStatusList == nullptr) {
    return Malformed("syncMultipleLeads", "response has no syncStatusList");
  }
  const auto& list = resp.result->syncStatusList->syncStatus;
  if (list.size() != request.leads.size()) {
    return Status(StatusCode::kResponseMismatch,
                  "syncMultipleLeads: sent " + std::to_string(request.leads.size()) +
                      " leads but got " + std::to_string(list.size()) + " statuses");
  }
  std::vector<LeadSyncResult> out;
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i] == nullptr) return Malformed("syncMultipleLeads", "empty syncStatus");
    out.push_back(Take(*list[i], i));
  }
  return out;
}

inline StatusOr<std::vector<LeadRecord>> GetLeadFromSoap(mktows__SuccessGetLead& resp,
                                                         const LeadKey&) {
  if (resp.result == nullptr) return Malformed("getLead", "response has no result");
  return TakeLeads(resp.soap, resp.result->leadRecordList);
}

inline StatusOr<LeadsPage> GetMultipleFromSoap(mktows__SuccessGetMultipleLeads& resp,
                                               const GetMultipleLeadsRequest&) {
  if (resp.result == nullptr) return Malformed("getMultipleLeads", "response has no result");
  LeadsPage page;
  page.return_count = resp.result->returnCount;
  page.remaining_count = resp.result->remainingCount;
  page.new_stream_position = StreamPosition(std::move(resp.result->newStreamPosition));
  page.leads = TakeLeads(resp.soap, resp.result->leadRecordList);
  return page;
}

inline StatusOr<MergeLeadsResult> MergeFromSoap(mktows__SuccessMergeLeads& resp,
                                                const MergeLeadsRequest&) {
  if (resp.result == nullptr || resp.result->mergeStatus == nullptr) {
    return Malformed("mergeLeads", "response has no mergeStatus");
  }
  mktows__MergeStatus& m = *resp.result->mergeStatus;
  MergeLeadsResult out;
  if (m.winningLeadId) out.winning_lead_id = *m.winningLeadId;
  if (m.losingLeadIdList != nullptr) {
    out.losing_lead_ids.assign(m.losingLeadIdList->integerItem.begin(),
                               m.losingLeadIdList->integerItem.end());
  }
  out.raw_status = m.status;
  out.status = out.raw_status == "MERGED"   ? LeadMergeStatus::kMerged
               : out.raw_status == "FAILED" ? LeadMergeStatus::kFailed
                                            : LeadMergeStatus::kUnknown;
  if (m.error) out.error = std::move(*m.error);
  return out;
}

// ---- the operations --------------------------------------------------------------------------

inline CallTraits SyncLeadTraits(const SyncLeadRequest& request) {
  return CallTraits{SyncLeadCreatesUnkeyed(request), nullptr};
}

inline CallTraits SyncMultipleTraits(const SyncMultipleLeadsRequest& request) {
  return CallTraits{SyncMultipleLeadsCreatesUnkeyed(request),
                    request.dedup_enabled ? nullptr : "without de-duplication"};
}

inline constexpr auto kSyncLead =
    DeclareOperation(Operation::kSyncLead, &Connection::SyncLead, &SyncLeadTraits, &SyncLeadToSoap,
                     &SyncLeadFromSoap, &Proxy::syncLead);
inline constexpr auto kSyncMultiple = DeclareOperation(
    Operation::kSyncMultipleLeads, &Connection::SyncMultipleLeads, &SyncMultipleTraits,
    &SyncMultipleToSoap, &SyncMultipleFromSoap, &Proxy::syncMultipleLeads);
inline constexpr auto kGetLead =
    DeclareOperation(Operation::kGetLead, &Connection::GetLead, nullptr, &GetLeadToSoap,
                     &GetLeadFromSoap, &Proxy::getLead);
inline constexpr auto kMerge =
    DeclareOperation(Operation::kMergeLeads, &Connection::MergeLeads, nullptr, &MergeToSoap,
                     &MergeFromSoap, &Proxy::mergeLeads);
inline constexpr auto kGetMultiple =
    DeclareOperation(Operation::kGetMultipleLeads, &Connection::GetMultipleLeads, nullptr,
                     &GetMultipleToSoap, &GetMultipleFromSoap, &Proxy::getMultipleLeads);

}  // namespace leads

// Implements the family's Connection methods on a ConnectionCore (see soap_connection.cc).
template <typename Base>
class LeadOperations : public Base {
 public:
  using Base::Base;

  StatusOr<SyncLeadResult> SyncLead(const SyncLeadRequest& request) override {
    return this->Call(leads::kSyncLead, request);
  }
  StatusOr<std::vector<LeadSyncResult>> SyncMultipleLeads(
      const SyncMultipleLeadsRequest& request) override {
    return this->Call(leads::kSyncMultiple, request);
  }
  StatusOr<std::vector<LeadRecord>> GetLead(const LeadKey& key) override {
    return this->Call(leads::kGetLead, key);
  }
  StatusOr<LeadsPage> GetMultipleLeads(const GetMultipleLeadsRequest& request) override {
    return this->Call(leads::kGetMultiple, request);
  }
  StatusOr<MergeLeadsResult> MergeLeads(const MergeLeadsRequest& request) override {
    return this->Call(leads::kMerge, request);
  }
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_LEAD_OPERATIONS_H_
