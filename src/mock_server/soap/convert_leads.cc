#include "soap/convert_leads.h"

#include "semantics/marketo_fault.h"
#include "soap/soap_alloc.h"

namespace mock {
namespace {

std::vector<Attr> FromSoap(const mktows__ArrayOfAttribute* in) {
  std::vector<Attr> out;
  if (in == nullptr) return out;
  for (const auto* a : in->attribute) {
    if (a != nullptr) out.push_back(Attr{a->attrName, a->attrValue});
  }
  return out;
}

std::optional<std::vector<std::string>> FromSoap(const mktows__ArrayOfString* in) {
  if (in == nullptr) return std::nullopt;
  return in->stringItem;
}

LeadIn FromSoap(struct soap* soap, const mktows__LeadRecord& in) {
  LeadIn out;
  if (in.Id) out.id = *in.Id;
  if (in.Email) out.email = *in.Email;
  if (in.ForeignSysPersonId) out.foreign_id = *in.ForeignSysPersonId;
  if (in.ForeignSysType) out.foreign_type = soap_mktows__ForeignSysType2s(soap, *in.ForeignSysType);
  out.attrs = FromSoap(in.leadAttributeList);
  return out;
}

std::vector<std::string> Tokens(struct soap* soap, const mktows__ArrayOfActivityType* in) {
  std::vector<std::string> out;
  if (in == nullptr) return out;
  for (auto t : in->activityType) out.emplace_back(soap_mktows__ActivityType2s(soap, t));
  return out;
}

TypeFilter FromSoap(struct soap* soap, const mktows__ActivityTypeFilter* in) {
  TypeFilter out;
  if (in == nullptr) return out;
  out.include = Tokens(soap, in->includeTypes);
  out.exclude = Tokens(soap, in->excludeTypes);
  return out;
}

StreamPos FromSoap(const mktows__StreamPosition* in) {
  StreamPos out;
  if (in == nullptr) return out;
  if (in->latestCreatedAt) out.latest = *in->latestCreatedAt;
  if (in->oldestCreatedAt) out.oldest = *in->oldestCreatedAt;
  if (in->activityCreatedAt) out.activity = *in->activityCreatedAt;
  if (in->offset) out.offset = *in->offset;
  return out;
}

// LeadSelector is abstract: the instance's xsi:type made gSOAP build one of the three.
LeadSelector FromSoap(struct soap* soap, const mktows__LeadSelector* in) {
  LeadSelector out;
  if (in == nullptr) return out;
  if (const auto* k = dynamic_cast<const mktows__LeadKeySelector*>(in)) {
    out.kind = LeadSelector::Kind::kKeys;
    out.key_type = soap_mktows__LeadKeyRef2s(soap, k->keyType);
    if (k->keyValues != nullptr) out.keys = k->keyValues->stringItem;
  } else if (const auto* l = dynamic_cast<const mktows__StaticListSelector*>(in)) {
    out.kind = LeadSelector::Kind::kStaticList;
    if (l->staticListName) out.list_name = *l->staticListName;
    if (l->staticListId) out.list_id = *l->staticListId;
  } else if (const auto* u = dynamic_cast<const mktows__LastUpdateAtSelector*>(in)) {
    out.kind = LeadSelector::Kind::kLastUpdate;
    out.oldest = u->oldestUpdatedAt;
    if (u->latestUpdatedAt) out.latest = *u->latestUpdatedAt;
  } else {
    throw MarketoFault(error_codes::kBadParameter,
                       "leadSelector needs xsi:type LeadKeySelector, StaticListSelector or "
                       "LastUpdateAtSelector");
  }
  return out;
}

mktows__ArrayOfAttribute* ToSoap(struct soap* soap, const std::vector<Attr>& in) {
  auto* out = soap_new_mktows__ArrayOfAttribute(soap);
  for (const auto& a : in) {
    auto* attr = soap_new_mktows__Attribute(soap);
    attr->attrName = a.name;
    attr->attrValue = a.value;  // attrType stays xsi:nil, as in Marketo's activity records
    out->attribute.push_back(attr);
  }
  return out;
}

std::string* NilIfEmpty(struct soap* soap, const std::string& s) {
  return s.empty() ? nullptr : NewString(soap, s);
}

mktows__StreamPosition* ToSoap(struct soap* soap, const StreamPos& in) {
  auto* out = soap_new_mktows__StreamPosition(soap);
  if (in.latest) out->latestCreatedAt = NewValue(soap, *in.latest);
  if (in.oldest) out->oldestCreatedAt = NewValue(soap, *in.oldest);
  if (in.activity) out->activityCreatedAt = NewValue(soap, *in.activity);
  if (in.offset) out->offset = NewString(soap, *in.offset);
  return out;
}

mktows__ActivityRecord* ToActivityRecord(struct soap* soap, const ActivityOut& a) {
  auto* r = soap_new_mktows__ActivityRecord(soap);
  r->id = NewValue<LONG64>(soap, a.id);
  r->marketoGUID = a.guid;
  r->activityDateTime = a.at;
  r->activityType = a.type;
  r->mktgAssetName = NewString(soap, a.asset);  // present, maybe empty (docs/protocol.md)
  r->activityAttributes = ToSoap(soap, a.attrs);
  r->campaign = NewString(soap, a.campaign);
  r->personName = NilIfEmpty(soap, a.person_name);
  r->mktPersonId = std::to_string(a.lead_id);
  r->foreignSysId = NilIfEmpty(soap, a.foreign_id);
  r->orgName = NilIfEmpty(soap, a.org_name);
  r->foreignSysOrgId = NilIfEmpty(soap, a.foreign_org);
  return r;
}

mktows__LeadChangeRecord* ToChangeRecord(struct soap* soap, const ActivityOut& a) {
  auto* r = soap_new_mktows__LeadChangeRecord(soap);
  r->id = NewValue<LONG64>(soap, a.id);
  r->marketoGUID = a.guid;
  r->activityDateTime = a.at;
  r->activityType = a.type;
  r->mktgAssetName = NewString(soap, a.asset);
  r->activityAttributes = ToSoap(soap, a.attrs);
  r->campaign = NewString(soap, a.campaign);
  r->mktPersonId = std::to_string(a.lead_id);
  return r;
}

}  // namespace

SyncLeadRequest FromSoap(struct soap* soap, const mktows__ParamsSyncLead& in,
                         const std::optional<std::string>& workspace) {
  if (in.leadRecord == nullptr) {
    throw MarketoFault(error_codes::kLeadDetailRequired, "leadRecord is missing");
  }
  SyncLeadRequest out;
  out.lead = FromSoap(soap, *in.leadRecord);
  out.return_lead = in.returnLead;
  if (in.marketoCookie) out.cookie = *in.marketoCookie;
  out.move_cookie = in.moveCookie != nullptr && *in.moveCookie;
  out.workspace = workspace;
  return out;
}

std::vector<LeadIn> FromSoap(struct soap* soap, const mktows__ArrayOfLeadRecord* in) {
  if (in == nullptr) {
    throw MarketoFault(error_codes::kLeadDetailRequired, "leadRecordList is missing");
  }
  std::vector<LeadIn> out;
  out.reserve(in->leadRecord.size());
  for (const auto* r : in->leadRecord) out.push_back(r != nullptr ? FromSoap(soap, *r) : LeadIn{});
  return out;
}

LeadKey FromSoap(struct soap* soap, const mktows__LeadKey* in) {
  if (in == nullptr) throw MarketoFault(error_codes::kLeadKeyRequired, "leadKey is missing");
  return LeadKey{soap_mktows__LeadKeyRef2s(soap, in->keyType), in->keyValue};
}

LeadsQuery FromSoap(struct soap* soap, const mktows__ParamsGetMultipleLeads& in) {
  LeadsQuery out;
  out.selector = FromSoap(soap, in.leadSelector);
  if (in.lastUpdatedAt) out.last_updated_at = *in.lastUpdatedAt;
  if (in.streamPosition) out.stream_position = *in.streamPosition;
  if (in.batchSize) out.batch_size = *in.batchSize;
  out.include_attributes = FromSoap(in.includeAttributes);
  return out;
}

ActivityQuery FromSoap(struct soap* soap, const mktows__ParamsGetLeadActivity& in) {
  ActivityQuery out;
  out.key = FromSoap(soap, in.leadKey);
  out.filter = FromSoap(soap, in.activityFilter);
  out.start = FromSoap(in.startPosition);
  if (in.batchSize) out.batch_size = *in.batchSize;
  return out;
}

ChangesQuery FromSoap(struct soap* soap, const mktows__ParamsGetLeadChanges& in) {
  if (in.startPosition == nullptr) {
    throw MarketoFault(error_codes::kParameterRequired, "startPosition is missing");
  }
  ChangesQuery out;
  out.start = FromSoap(in.startPosition);
  out.filter = FromSoap(soap, in.activityFilter);
  out.names = FromSoap(in.activityNameFilter);
  if (in.batchSize) out.batch_size = *in.batchSize;
  out.selector = FromSoap(soap, in.leadSelector);
  return out;
}

MergeRequest FromSoap(const mktows__ParamsMergeLeads& in) {
  MergeRequest out;
  out.winner = FromSoap(in.winningLeadKeyList);
  if (in.losingLeadKeyLists != nullptr) {
    for (const auto* keys : in.losingLeadKeyLists->keyList) out.losers.push_back(FromSoap(keys));
  }
  out.in_sales = in.mergeInSales != nullptr && *in.mergeInSales;
  return out;
}

mktows__ArrayOfLeadRecord* ToSoap(struct soap* soap, const std::vector<LeadOut>& in) {
  auto* out = soap_new_mktows__ArrayOfLeadRecord(soap);
  for (const auto& l : in) out->leadRecord.push_back(ToSoap(soap, l));
  return out;
}

mktows__LeadRecord* ToSoap(struct soap* soap, const LeadOut& in) {
  auto* out = soap_new_mktows__LeadRecord(soap);
  out->Id = NewValue(soap, in.id);
  out->Email = NilIfEmpty(soap, in.email);
  out->ForeignSysPersonId = NilIfEmpty(soap, in.foreign_id);
  mktows__ForeignSysType type{};
  if (in.foreign_type.empty()) {
    // no ForeignSysType element
  } else if (soap_s2mktows__ForeignSysType(soap, in.foreign_type.c_str(), &type) == SOAP_OK) {
    out->ForeignSysType = NewValue(soap, type);
  } else {
    soap->error = SOAP_OK;  // stored types come from the enum; never fail the response on one
  }
  out->leadAttributeList = soap_new_mktows__ArrayOfAttribute(soap);
  for (const auto& a : in.attrs) {
    auto* attr = soap_new_mktows__Attribute(soap);
    attr->attrName = a.name;
    attr->attrType = NewString(soap, a.type);
    attr->attrValue = a.value;
    out->leadAttributeList->attribute.push_back(attr);
  }
  return out;
}

mktows__SyncStatus* ToSoap(struct soap* soap, const LeadSyncOutcome& in) {
  auto* out = soap_new_mktows__SyncStatus(soap);
  out->leadId = in.lead_id;
  out->status = StatusName(in.status);
  if (in.status == Status::kFailed) out->error = NewString(soap, in.error);  // else xsi:nil
  return out;
}

mktows__ArrayOfSyncStatus* ToSoap(struct soap* soap, const std::vector<LeadSyncOutcome>& in) {
  auto* out = soap_new_mktows__ArrayOfSyncStatus(soap);
  for (const auto& s : in) out->syncStatus.push_back(ToSoap(soap, s));
  return out;
}

mktows__LeadActivityList* ToActivityList(struct soap* soap, const ActivityPage& in) {
  auto* out = soap_new_mktows__LeadActivityList(soap);
  out->returnCount = static_cast<int>(in.records.size());
  out->remainingCount = in.remaining;
  out->newStartPosition = ToSoap(soap, in.next);
  out->activityRecordList = soap_new_mktows__ArrayOfActivityRecord(soap);
  for (const auto& a : in.records) {
    out->activityRecordList->activityRecord.push_back(ToActivityRecord(soap, a));
  }
  return out;
}

mktows__ResultGetLeadChanges* ToLeadChanges(struct soap* soap, const ActivityPage& in) {
  auto* out = soap_new_mktows__ResultGetLeadChanges(soap);
  out->returnCount = static_cast<int>(in.records.size());
  out->remainingCount = in.remaining;
  out->newStartPosition = ToSoap(soap, in.next);
  out->leadChangeRecordList = soap_new_mktows__ArrayOfLeadChangeRecord(soap);
  for (const auto& a : in.records) {
    out->leadChangeRecordList->leadChangeRecord.push_back(ToChangeRecord(soap, a));
  }
  return out;
}

mktows__MergeStatus* ToSoap(struct soap* soap, const MergeOutcome& in) {
  auto* out = soap_new_mktows__MergeStatus(soap);
  if (in.winner) out->winningLeadId = NewValue(soap, *in.winner);
  out->losingLeadIdList = soap_new_mktows__ArrayOfInteger(soap);
  out->losingLeadIdList->integerItem = in.losers;
  out->status = in.merged ? "MERGED" : "FAILED";
  if (!in.merged) out->error = NewString(soap, in.error);
  return out;
}

}  // namespace mock
