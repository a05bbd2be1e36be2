// Conversions between the generated campaign, channel and tag types and the plain model of
// semantics/campaigns.h. Output objects live in the soap context.
#ifndef MARKETO_MOCK_SERVER_SOAP_CONVERT_CAMPAIGNS_H_
#define MARKETO_MOCK_SERVER_SOAP_CONVERT_CAMPAIGNS_H_

#include <string>
#include <vector>

#include "semantics/campaigns.h"
#include "soapH.h"

namespace mock {

CampaignQuery FromSoap(struct soap* soap, const mktows__ParamsGetCampaignsForSource& in);
CampaignRequest FromSoap(struct soap* soap, const mktows__ParamsRequestCampaign& in);
ScheduleRequest FromSoap(const mktows__ParamsScheduleCampaign& in);
// The channel names of getChannels' tag (empty: all).
std::vector<std::string> ChannelNames(const mktows__ParamsGetChannels& in);
// The tag types of getTags' tagList (empty: all).
std::vector<std::string> TagTypes(const mktows__ParamsGetTags& in);

mktows__ResultGetCampaignsForSource* ToSoap(struct soap* soap, const std::vector<CampaignOut>& in);
mktows__ArrayOfTagStatus* ToSoap(struct soap* soap, const std::vector<ChannelOut>& in);
mktows__ArrayOfTag* ToSoap(struct soap* soap, const std::vector<TagOut>& in);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SOAP_CONVERT_CAMPAIGNS_H_
