#include "soap/convert_campaigns.h"

#include "soap/convert_leads.h"
#include "soap/soap_alloc.h"

namespace mock {
namespace {

std::vector<Attr> FromSoap(const mktows__ArrayOfAttrib& in) {
  std::vector<Attr> out;
  for (const auto* a : in.attrib) {
    if (a != nullptr) out.push_back({a->name, a->value});
  }
  return out;
}

mktows__ArrayOfAttrib* ToSoap(struct soap* soap, const std::vector<Attr>& in) {
  auto* list = soap_new_mktows__ArrayOfAttrib(soap);
  for (const auto& a : in) {
    auto* p = soap_new_mktows__Attrib(soap);
    p->name = a.name;
    p->value = a.value;
    list->attrib.push_back(p);
  }
  return list;
}

}  // namespace

CampaignQuery FromSoap(struct soap* soap, const mktows__ParamsGetCampaignsForSource& in) {
  CampaignQuery out;
  out.source = soap_mktows__ReqCampSourceType2s(soap, in.source);
  if (in.name) out.name = *in.name;
  out.exact_name = in.exactName != nullptr && *in.exactName;
  return out;
}

CampaignRequest FromSoap(struct soap* soap, const mktows__ParamsRequestCampaign& in) {
  CampaignRequest out;
  out.source = soap_mktows__ReqCampSourceType2s(soap, in.source);
  if (in.campaignId) out.campaign_id = *in.campaignId;
  if (in.programName) out.program_name = *in.programName;
  if (in.campaignName) out.campaign_name = *in.campaignName;
  if (in.leadList != nullptr) {
    for (const auto* k : in.leadList->leadKey) out.leads.push_back(FromSoap(soap, k));
  }
  if (in.programTokenList != nullptr) out.tokens = FromSoap(*in.programTokenList);
  return out;
}

ScheduleRequest FromSoap(const mktows__ParamsScheduleCampaign& in) {
  ScheduleRequest out;
  out.program_name = in.programName;
  out.campaign_name = in.campaignName;
  if (in.cloneToProgramName) out.clone_to = *in.cloneToProgramName;
  if (in.campaignRunAt) out.run_at = *in.campaignRunAt;
  if (in.programTokenList != nullptr) out.tokens = FromSoap(*in.programTokenList);
  return out;
}

std::vector<std::string> ChannelNames(const mktows__ParamsGetChannels& in) {
  if (in.tag == nullptr || in.tag->values == nullptr) return {};
  return in.tag->values->stringItem;
}

std::vector<std::string> TagTypes(const mktows__ParamsGetTags& in) {
  std::vector<std::string> out;
  if (in.tagList == nullptr) return out;
  for (const auto* t : in.tagList->tag) {
    if (t != nullptr && t->type != nullptr) out.push_back(*t->type);
  }
  return out;
}

mktows__ResultGetCampaignsForSource* ToSoap(struct soap* soap, const std::vector<CampaignOut>& in) {
  auto* r = soap_new_mktows__ResultGetCampaignsForSource(soap);
  r->returnCount = static_cast<int>(in.size());
  // Choice: no campaign is <campaignRecordList xsi:nil="true"/>.
  if (in.empty()) return r;
  r->campaignRecordList = soap_new_mktows__ArrayOfCampaignRecord(soap);
  for (const auto& c : in) {
    auto* p = soap_new_mktows__CampaignRecord(soap);
    p->id = c.id;
    p->name = c.name;
    p->description = c.description;
    r->campaignRecordList->campaignRecord.push_back(p);
  }
  return r;
}

mktows__ArrayOfTagStatus* ToSoap(struct soap* soap, const std::vector<ChannelOut>& in) {
  auto* list = soap_new_mktows__ArrayOfTagStatus(soap);
  for (const auto& c : in) {
    auto* t = soap_new_mktows__TagStatus(soap);
    t->tagValue = c.name;
    t->statusList = soap_new_mktows__ArrayOfProgressionStatus(soap);
    for (const auto& s : c.statuses) {
      auto* item = soap_new_mktows__ProgressionStatus(soap);
      item->progressionStatus = ToSoap(soap, s);
      t->statusList->progressionStatusItem.push_back(item);
    }
    list->tagStatus.push_back(t);
  }
  return list;
}

mktows__ArrayOfTag* ToSoap(struct soap* soap, const std::vector<TagOut>& in) {
  auto* list = soap_new_mktows__ArrayOfTag(soap);
  for (const auto& t : in) {
    auto* p = soap_new_mktows__Tag(soap);
    p->type = NewString(soap, t.type);
    p->values = soap_new_mktows__ArrayOfString(soap);
    p->values->stringItem = t.values;
    list->tag.push_back(p);
  }
  return list;
}

}  // namespace mock
