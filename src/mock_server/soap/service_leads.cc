// The lead operations on the wire: each runs through Handle() like every operation, converts
// with soap/convert_leads.*, and leaves the semantics to semantics/leads*.cc. Choice: their
// answers write every absent nillable element as xsi:nil (<leadRecord xsi:nil="true"/>, <error
// xsi:nil="true"/>, activity attributes' <attrType xsi:nil="true"/>), as Marketo's lead examples
// show (docs/protocol.md, "Nil and empty values"); dispatch() restores the mode afterwards.
#include <ctime>

#include "semantics/marketo_fault.h"
#include "soap/convert_leads.h"
#include "soap/params.h"
#include "soap/service.h"

namespace mock {

int MockService::syncLead(mktows__ParamsSyncLead* in, mktows__SuccessSyncLead& out) {
  return Handle("syncLead", [&] {
    NilForAbsent(soap);
    const SyncLeadRequest request = FromSoap(soap, Require(in, "paramsSyncLead"), workspace_);
    const LeadSyncOutcome r = ctx_->leads.SyncLead(request, std::time(nullptr));
    out.result = soap_new_mktows__ResultSyncLead(soap);
    out.result->leadId = r.lead_id;
    out.result->syncStatus = ToSoap(soap, r);
    // returnLead false (or FAILED): <leadRecord xsi:nil="true"/> (docs/protocol.md).
    if (r.lead) out.result->leadRecord = ToSoap(soap, *r.lead);
  });
}

int MockService::syncMultipleLeads(mktows__ParamsSyncMultipleLeads* in,
                                   mktows__SuccessSyncMultipleLeads& out) {
  return Handle("syncMultipleLeads", [&] {
    NilForAbsent(soap);
    const auto& params = Require(in, "paramsSyncMultipleLeads");
    const bool dedup = params.dedupEnabled == nullptr || *params.dedupEnabled;
    const auto statuses = ctx_->leads.SyncMultipleLeads(FromSoap(soap, params.leadRecordList),
                                                        dedup, std::time(nullptr));
    out.result = soap_new_mktows__ResultSyncMultipleLeads(soap);
    out.result->syncStatusList = ToSoap(soap, statuses);
  });
}

int MockService::getLead(mktows__ParamsGetLead* in, mktows__SuccessGetLead& out) {
  return Handle("getLead", [&] {
    NilForAbsent(soap);
    const auto leads = ctx_->leads.GetLead(FromSoap(soap, Require(in, "paramsGetLead").leadKey));
    out.result = soap_new_mktows__ResultGetLead(soap);
    out.result->count = static_cast<int>(leads.size());
    out.result->leadRecordList = ToSoap(soap, leads);
  });
}

int MockService::getMultipleLeads(mktows__ParamsGetMultipleLeads* in,
                                  mktows__SuccessGetMultipleLeads& out) {
  return Handle("getMultipleLeads", [&] {
    NilForAbsent(soap);
    const LeadsPage page = ctx_->leads.GetMultipleLeads(
        FromSoap(soap, Require(in, "paramsGetMultipleLeads")), std::time(nullptr));
    out.result = soap_new_mktows__ResultGetMultipleLeads(soap);
    out.result->returnCount = static_cast<int>(page.leads.size());
    out.result->remainingCount = page.remaining;
    out.result->newStreamPosition = page.new_stream_position;
    out.result->leadRecordList = ToSoap(soap, page.leads);
  });
}

int MockService::getLeadActivity(mktows__ParamsGetLeadActivity* in,
                                 mktows__SuccessGetLeadActivity& out) {
  return Handle("getLeadActivity", [&] {
    NilForAbsent(soap);
    const ActivityPage page =
        ctx_->leads.GetLeadActivity(FromSoap(soap, Require(in, "paramsGetLeadActivity")));
    out.leadActivityList = ToActivityList(soap, page);  // no result level (docs/protocol.md)
  });
}

int MockService::getLeadChanges(mktows__ParamsGetLeadChanges* in,
                                mktows__SuccessGetLeadChanges& out) {
  return Handle("getLeadChanges", [&] {
    NilForAbsent(soap);
    const ActivityPage page = ctx_->leads.GetLeadChanges(
        FromSoap(soap, Require(in, "paramsGetLeadChanges")), std::time(nullptr));
    out.result = ToLeadChanges(soap, page);
  });
}

int MockService::mergeLeads(mktows__ParamsMergeLeads* in, mktows__SuccessMergeLeads& out) {
  return Handle("mergeLeads", [&] {
    NilForAbsent(soap);
    const MergeOutcome r =
        ctx_->leads.MergeLeads(FromSoap(Require(in, "paramsMergeLeads")), std::time(nullptr));
    out.result = soap_new_mktows__ResultMergeLeads(soap);
    out.result->mergeStatus = ToSoap(soap, r);
  });
}

}  // namespace mock
