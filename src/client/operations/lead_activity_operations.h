#ifndef MARKETO_SRC_CLIENT_OPERATIONS_LEAD_ACTIVITY_OPERATIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_LEAD_ACTIVITY_OPERATIONS_H_

// The lead family's activity reads on gSOAP: marshal functions, the declarations of
// getLeadActivity and getLeadChanges, and their layer. Wire facts: docs/protocol.md, "Leads and
// activities".

#include <string>
#include <utility>
#include <vector>

#include "operations/lead_operations.h"

namespace marketo {
namespace internal {
namespace leads {

// ---- SDK -> gSOAP ----------------------------------------------------------------------------

inline time_t* ToSoapTime(RequestBuilder& b, std::chrono::system_clock::time_point t) {
  auto* p = b.New<time_t>();
  *p = ToTimeT(t);
  return p;
}

inline mktows__StreamPosition* ToSoap(RequestBuilder& b, const ActivityPosition& p) {
  auto* s = b.New<mktows__StreamPosition>();
  if (p.latest_created_at) s->latestCreatedAt = ToSoapTime(b, *p.latest_created_at);
  if (p.oldest_created_at) s->oldestCreatedAt = ToSoapTime(b, *p.oldest_created_at);
  if (p.activity_created_at) s->activityCreatedAt = ToSoapTime(b, *p.activity_created_at);
  if (p.offset) s->offset = ToSoapString(b, *p.offset);
  return s;
}

// Tokens are validated against kActivityTypes before this runs.
inline mktows__ArrayOfActivityType* TypesToSoap(RequestBuilder& b,
                                                const std::vector<std::string>& types) {
  auto* list = b.New<mktows__ArrayOfActivityType>();
  list->activityType.resize(types.size());
  for (std::size_t i = 0; i < types.size(); ++i) {
    soap_s2mktows__ActivityType(b.soap(), types[i].c_str(), &list->activityType[i]);
  }
  return list;
}

inline mktows__ActivityTypeFilter* ToSoap(RequestBuilder& b, const ActivityFilter& f) {
  if (f.include_types.empty() && f.exclude_types.empty()) return nullptr;
  auto* p = b.New<mktows__ActivityTypeFilter>();
  if (!f.include_types.empty()) p->includeTypes = TypesToSoap(b, f.include_types);
  if (!f.exclude_types.empty()) p->excludeTypes = TypesToSoap(b, f.exclude_types);
  return p;
}

inline mktows__ParamsGetLeadActivity* GetActivityToSoap(RequestBuilder& b,
                                                        const GetLeadActivityRequest& r) {
  auto* p = b.New<mktows__ParamsGetLeadActivity>();
  p->leadKey = ToSoap(b, r.key);
  p->activityFilter = ToSoap(b, r.filter);
  if (!r.start_position.empty()) p->startPosition = ToSoap(b, r.start_position);
  if (r.batch_size) {
    p->batchSize = b.New<int>();
    *p->batchSize = *r.batch_size;
  }
  return p;
}

inline mktows__ParamsGetLeadChanges* GetChangesToSoap(RequestBuilder& b,
                                                      const GetLeadChangesRequest& r) {
  auto* p = b.New<mktows__ParamsGetLeadChanges>();
  p->startPosition = ToSoap(b, r.start_position);
  if (!r.activity_name_filter.empty()) p->activityNameFilter = ToSoap(b, r.activity_name_filter);
  if (r.batch_size) {
    p->batchSize = b.New<int>();
    *p->batchSize = *r.batch_size;
  }
  if (r.lead_selector) p->leadSelector = ToSoap(b, *r.lead_selector);
  return p;
}

// ---- gSOAP -> SDK ----------------------------------------------------------------------------

inline ActivityPosition Take(const mktows__StreamPosition* s) {
  ActivityPosition p;
  if (s == nullptr) return p;
  if (s->latestCreatedAt) p.latest_created_at = FromTimeT(*s->latestCreatedAt);
  if (s->oldestCreatedAt) p.oldest_created_at = FromTimeT(*s->oldestCreatedAt);
  if (s->activityCreatedAt) p.activity_created_at = FromTimeT(*s->activityCreatedAt);
  if (s->offset) p.offset = *s->offset;
  return p;
}

// The fields both record types share.
template <typename Record>
ActivityRecord TakeCommon(Record& r) {
  ActivityRecord a;
  if (r.id) a.id = *r.id;
  a.marketo_guid = std::move(r.marketoGUID);
  a.activity_date_time = FromTimeT(r.activityDateTime);
  a.activity_type = std::move(r.activityType);
  a.mktg_asset_name = TakeOptional(r.mktgAssetName);
  a.attributes = TakeAttributes(r.activityAttributes);
  a.campaign = TakeOptional(r.campaign);
  a.mkt_person_id = std::move(r.mktPersonId);
  return a;
}

inline ActivityRecord Take(mktows__ActivityRecord& r) {
  ActivityRecord a = TakeCommon(r);
  a.person_name = TakeOptional(r.personName);
  a.foreign_sys_id = TakeOptional(r.foreignSysId);
  a.org_name = TakeOptional(r.orgName);
  a.foreign_sys_org_id = TakeOptional(r.foreignSysOrgId);
  return a;
}

inline ActivityRecord Take(mktows__LeadChangeRecord& r) { return TakeCommon(r); }

template <typename List>
std::vector<ActivityRecord> TakeRecords(const List& items) {
  std::vector<ActivityRecord> out;
  out.reserve(items.size());
  for (auto* r : items) {
    if (r != nullptr) out.push_back(Take(*r));
  }
  return out;
}

inline StatusOr<ActivityPage> GetActivityFromSoap(mktows__SuccessGetLeadActivity& resp,
                                                  const GetLeadActivityRequest&) {
  mktows__LeadActivityList* list = resp.leadActivityList;
  if (list == nullptr) return Malformed("getLeadActivity", "response has no leadActivityList");
  ActivityPage page;
  page.return_count = list->returnCount;
  page.remaining_count = list->remainingCount;
  page.new_start_position = Take(list->newStartPosition);
  if (list->activityRecordList != nullptr) {
    page.activities = TakeRecords(list->activityRecordList->activityRecord);
  }
  return page;
}

inline StatusOr<ActivityPage> GetChangesFromSoap(mktows__SuccessGetLeadChanges& resp,
                                                 const GetLeadChangesRequest&) {
  if (resp.result == nullptr) return Malformed("getLeadChanges", "response has no result");
  ActivityPage page;
  page.return_count = resp.result->returnCount;
  page.remaining_count = resp.result->remainingCount;
  page.new_start_position = Take(resp.result->newStartPosition);
  if (resp.result->leadChangeRecordList != nullptr) {
    page.activities = TakeRecords(resp.result->leadChangeRecordList->leadChangeRecord);
  }
  return page;
}

// ---- the operations --------------------------------------------------------------------------

inline constexpr auto kGetActivity =
    DeclareOperation(Operation::kGetLeadActivity, &Connection::GetLeadActivity, nullptr,
                     &GetActivityToSoap, &GetActivityFromSoap, &Proxy::getLeadActivity);
inline constexpr auto kGetChanges =
    DeclareOperation(Operation::kGetLeadChanges, &Connection::GetLeadChanges, nullptr,
                     &GetChangesToSoap, &GetChangesFromSoap, &Proxy::getLeadChanges);

}  // namespace leads

// Implements the activity reads' Connection methods on a ConnectionCore.
template <typename Base>
class LeadActivityOperations : public Base {
 public:
  using Base::Base;

  StatusOr<ActivityPage> GetLeadActivity(const GetLeadActivityRequest& request) override {
    return this->Call(leads::kGetActivity, request);
  }
  StatusOr<ActivityPage> GetLeadChanges(const GetLeadChangesRequest& request) override {
    return this->Call(leads::kGetChanges, request);
  }
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_LEAD_ACTIVITY_OPERATIONS_H_
