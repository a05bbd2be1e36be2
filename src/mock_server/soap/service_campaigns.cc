// The campaign, channel and tag operations on the wire: each runs through Handle() like every
// operation, converts with soap/convert_campaigns.*, and leaves the semantics to
// semantics/campaigns*.cc. Absent nillable elements go out as xsi:nil, as in the lead answers.
#include <ctime>

#include "semantics/marketo_fault.h"
#include "soap/convert_campaigns.h"
#include "soap/params.h"
#include "soap/service.h"

namespace mock {

int MockService::getCampaignsForSource(mktows__ParamsGetCampaignsForSource* in,
                                       mktows__SuccessGetCampaignsForSource& out) {
  return Handle("getCampaignsForSource", [&] {
    NilForAbsent(soap);
    const auto campaigns = ctx_->campaigns.GetCampaignsForSource(
        FromSoap(soap, Require(in, "paramsGetCampaignsForSource")));
    out.result = ToSoap(soap, campaigns);
  });
}

int MockService::requestCampaign(mktows__ParamsRequestCampaign* in,
                                 mktows__SuccessRequestCampaign& out) {
  return Handle("requestCampaign", [&] {
    ctx_->campaigns.RequestCampaign(FromSoap(soap, Require(in, "paramsRequestCampaign")),
                                    std::time(nullptr));
    out.result = soap_new_mktows__ResultRequestCampaign(soap);
    out.result->success = true;
  });
}

int MockService::scheduleCampaign(mktows__ParamsScheduleCampaign* in,
                                  mktows__SuccessScheduleCampaign& out) {
  return Handle("scheduleCampaign", [&] {
    ctx_->campaigns.ScheduleCampaign(FromSoap(Require(in, "paramsScheduleCampaign")),
                                     std::time(nullptr));
    out.result = soap_new_mktows__ResultScheduleCampaign(soap);
    out.result->success = true;
  });
}

int MockService::getChannels(mktows__ParamsGetChannels* in, mktows__SuccessGetChannels& out) {
  return Handle("getChannels", [&] {
    const auto channels =
        ctx_->campaigns.GetChannels(ChannelNames(Require(in, "paramsGetChannels")));
    out.result = soap_new_mktows__ResultGetChannels(soap);
    out.result->tags = ToSoap(soap, channels);
  });
}

int MockService::getTags(mktows__ParamsGetTags* in, mktows__SuccessGetTags& out) {
  return Handle("getTags", [&] {
    const auto tags = ctx_->campaigns.GetTags(TagTypes(Require(in, "paramsGetTags")));
    out.result = soap_new_mktows__ResultGetTags(soap);
    out.result->tagList = ToSoap(soap, tags);
  });
}

}  // namespace mock
