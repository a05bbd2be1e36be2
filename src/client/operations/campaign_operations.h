#ifndef MARKETO_SRC_CLIENT_OPERATIONS_CAMPAIGN_OPERATIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_CAMPAIGN_OPERATIONS_H_

// The campaign family on gSOAP: pure marshal functions in both directions (testable without a
// socket), the declarations of getCampaignsForSource, requestCampaign and scheduleCampaign, and
// the layer that implements their Connection methods.

#include <string>
#include <utility>
#include <vector>

#include "marketo/campaign_client.h"
#include "marketo/connection.h"
#include "operations/lead_operations.h"
#include "operations/operation_spec.h"
#include "operations/soap_time.h"

namespace marketo {
namespace internal {
namespace campaigns {

using Proxy = MktowsApiSoapBindingProxy;

// ---- SDK -> gSOAP ----------------------------------------------------------------------------

inline mktows__ReqCampSourceType ToSoap(CampaignSource source) {
  return source == CampaignSource::kSalesInsight ? mktows__ReqCampSourceType__SALES
                                                 : mktows__ReqCampSourceType__MKTOWS;
}

// Absent when there are no tokens: an empty programTokenList says nothing more.
inline mktows__ArrayOfAttrib* ToSoap(RequestBuilder& b, const std::vector<ProgramToken>& tokens) {
  if (tokens.empty()) return nullptr;
  auto* list = b.New<mktows__ArrayOfAttrib>();
  list->attrib.reserve(tokens.size());
  for (const auto& t : tokens) {
    auto* a = b.New<mktows__Attrib>();
    a->name = t.name;
    a->value = t.value;
    list->attrib.push_back(a);
  }
  return list;
}

inline mktows__ParamsGetCampaignsForSource* GetForSourceToSoap(
    RequestBuilder& b, const GetCampaignsForSourceRequest& r) {
  auto* p = b.New<mktows__ParamsGetCampaignsForSource>();
  p->source = ToSoap(r.source);
  if (r.name) p->name = leads::ToSoapString(b, *r.name);
  if (r.exact_name) {
    p->exactName = b.New<bool>();
    *p->exactName = *r.exact_name;
  }
  return p;
}

inline mktows__ParamsRequestCampaign* RequestToSoap(RequestBuilder& b,
                                                    const RequestCampaignRequest& r) {
  auto* p = b.New<mktows__ParamsRequestCampaign>();
  p->source = ToSoap(r.source);
  if (r.campaign_id) {
    p->campaignId = b.New<int>();
    *p->campaignId = static_cast<int>(*r.campaign_id);  // validated to fit
  }
  p->leadList = b.New<mktows__ArrayOfLeadKey>();
  p->leadList->leadKey.reserve(r.leads.size());
  for (const auto& key : r.leads) p->leadList->leadKey.push_back(leads::ToSoap(b, key));
  if (r.program_name) p->programName = leads::ToSoapString(b, *r.program_name);
  if (r.campaign_name) p->campaignName = leads::ToSoapString(b, *r.campaign_name);
  p->programTokenList = ToSoap(b, r.tokens);
  return p;
}

inline mktows__ParamsScheduleCampaign* ScheduleToSoap(RequestBuilder& b,
                                                      const ScheduleCampaignRequest& r) {
  auto* p = b.New<mktows__ParamsScheduleCampaign>();
  p->programName = r.program_name;
  if (r.clone_to_program_name) {
    p->cloneToProgramName = leads::ToSoapString(b, *r.clone_to_program_name);
  }
  p->campaignName = r.campaign_name;
  if (r.run_at) {
    p->campaignRunAt = b.New<time_t>();
    *p->campaignRunAt = ToTimeT(*r.run_at);
  }
  p->programTokenList = ToSoap(b, r.tokens);
  return p;
}

// ---- gSOAP -> SDK ----------------------------------------------------------------------------

inline StatusOr<std::vector<CampaignRecord>> GetForSourceFromSoap(
    mktows__SuccessGetCampaignsForSource& resp, const GetCampaignsForSourceRequest&) {
  if (resp.result == nullptr) {
    return leads::Malformed("getCampaignsForSource", "response has no result");
  }
  std::vector<CampaignRecord> out;
  if (resp.result->campaignRecordList == nullptr) return out;  // nil: none
  for (auto* c : resp.result->campaignRecordList->campaignRecord) {
    if (c == nullptr) return leads::Malformed("getCampaignsForSource", "empty campaignRecord");
    out.push_back({c->id, std::move(c->name), std::move(c->description)});
  }
  return out;
}

template <typename Success>
StatusOr<CampaignCallResult> RunFromSoap(const char* op, Success& resp) {
  if (resp.result == nullptr) return leads::Malformed(op, "response has no result");
  return CampaignCallResult{resp.result->success};
}

inline StatusOr<CampaignCallResult> RequestFromSoap(mktows__SuccessRequestCampaign& resp,
                                                    const RequestCampaignRequest&) {
  return RunFromSoap("requestCampaign", resp);
}

inline StatusOr<CampaignCallResult> ScheduleFromSoap(mktows__SuccessScheduleCampaign& resp,
                                                     const ScheduleCampaignRequest&) {
  return RunFromSoap("scheduleCampaign", resp);
}

// ---- the operations --------------------------------------------------------------------------

inline constexpr auto kGetForSource =
    DeclareOperation(Operation::kGetCampaignsForSource, &Connection::GetCampaignsForSource, nullptr,
                     &GetForSourceToSoap, &GetForSourceFromSoap, &Proxy::getCampaignsForSource);
inline constexpr auto kRequest =
    DeclareOperation(Operation::kRequestCampaign, &Connection::RequestCampaign, nullptr,
                     &RequestToSoap, &RequestFromSoap, &Proxy::requestCampaign);
inline constexpr auto kSchedule =
    DeclareOperation(Operation::kScheduleCampaign, &Connection::ScheduleCampaign, nullptr,
                     &ScheduleToSoap, &ScheduleFromSoap, &Proxy::scheduleCampaign);

}  // namespace campaigns

// Implements the family's Connection methods on a ConnectionCore (see soap_connection.cc).
template <typename Base>
class CampaignOperations : public Base {
 public:
  using Base::Base;

  StatusOr<std::vector<CampaignRecord>> GetCampaignsForSource(
      const GetCampaignsForSourceRequest& request) override {
    return this->Call(campaigns::kGetForSource, request);
  }
  StatusOr<CampaignCallResult> RequestCampaign(const RequestCampaignRequest& request) override {
    return this->Call(campaigns::kRequest, request);
  }
  StatusOr<CampaignCallResult> ScheduleCampaign(const ScheduleCampaignRequest& request) override {
    return this->Call(campaigns::kSchedule, request);
  }
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_CAMPAIGN_OPERATIONS_H_
