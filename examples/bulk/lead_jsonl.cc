#include "lead_jsonl.h"

#include <optional>
#include <string>
#include <utility>

#include "json_fields.h"
#include "marketo/auth.h"

namespace bulk {
namespace {

marketo::LeadRecord ConvertLead(const Json& doc) {
  Object(doc, "line");
  CheckKeys(doc, "", {"id", "email", "foreignSysPersonId", "foreignSysType", "attributes"});
  marketo::LeadRecord lead;
  if (auto it = doc.find("id"); it != doc.end()) lead.id = Id(*it, "id");
  if (doc.contains("email")) lead.email = RequiredString(doc, "email", "");
  if (doc.contains("foreignSysPersonId")) {
    lead.foreign_sys_person_id = Scalar(doc["foreignSysPersonId"], "foreignSysPersonId");
  }
  if (doc.contains("foreignSysType")) {
    const std::string t = RequiredString(doc, "foreignSysType", "");
    lead.foreign_sys_type = marketo::ParseForeignSysType(t);
    if (!lead.foreign_sys_type) Fail("foreignSysType", "expected CUSTOM, SFDC or NETSUITE");
  }
  if (auto it = doc.find("attributes"); it != doc.end()) {
    for (const auto& item : Object(*it, "attributes").items()) {
      lead.attributes.push_back(
          {item.key(), Scalar(item.value(), "attributes." + item.key()), std::nullopt});
    }
  }
  return lead;
}

Json Attributes(const std::vector<marketo::LeadAttribute>& attrs) {
  Json out = Json::object();
  for (const auto& a : attrs) out[a.name] = a.value;
  return out;
}

template <typename T>
void SetIf(Json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

}  // namespace

std::variant<marketo::LeadRecord, std::string> ParseLeadLine(std::string_view line) {
  return ParseJsonLine<marketo::LeadRecord>(line, ConvertLead);
}

std::string LeadToJson(const marketo::LeadRecord& lead) {
  Json j = Json::object();
  SetIf(j, "id", lead.id);
  SetIf(j, "email", lead.email);
  SetIf(j, "foreignSysPersonId", lead.foreign_sys_person_id);
  if (lead.foreign_sys_type) j["foreignSysType"] = marketo::ToString(*lead.foreign_sys_type);
  j["attributes"] = Attributes(lead.attributes);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ActivityToJson(const marketo::ActivityRecord& a) {
  Json j = Json::object();
  SetIf(j, "id", a.id);
  j["marketoGUID"] = a.marketo_guid;
  j["activityDateTime"] = marketo::FormatW3CTimestamp(a.activity_date_time);
  j["activityType"] = a.activity_type;
  SetIf(j, "mktgAssetName", a.mktg_asset_name);
  SetIf(j, "campaign", a.campaign);
  SetIf(j, "personName", a.person_name);
  j["mktPersonId"] = a.mkt_person_id;
  SetIf(j, "foreignSysId", a.foreign_sys_id);
  SetIf(j, "orgName", a.org_name);
  SetIf(j, "foreignSysOrgId", a.foreign_sys_org_id);
  j["attributes"] = Attributes(a.attributes);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace bulk
