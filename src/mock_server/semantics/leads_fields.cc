#include "semantics/leads_fields.h"

namespace mock {

const std::vector<LeadField>& LeadFields() {
  // Names follow Marketo's lead field API names; the SFDC* fields hold the CRM ids that the
  // SFDC* key types look up (the mock has no CRM, so they are plain attributes).
  static const std::vector<LeadField> fields = {
      {"Email", "email", "EMAIL", false, true},
      {"ForeignSysPersonId", "string", nullptr, false, true},
      {"ForeignSysType", "string", nullptr, false, true},
      {"Salutation", "string", nullptr, false, false},
      {"FirstName", "string", nullptr, false, false},
      {"LastName", "string", nullptr, false, false},
      {"Title", "string", nullptr, false, false},
      {"Company", "string", nullptr, false, false},
      {"Industry", "string", nullptr, false, false},
      {"Phone", "phone", nullptr, false, false},
      {"MobilePhone", "phone", nullptr, false, false},
      {"Website", "url", nullptr, false, false},
      {"Address", "string", nullptr, false, false},
      {"City", "string", nullptr, false, false},
      {"State", "string", nullptr, false, false},
      {"PostalCode", "string", nullptr, false, false},
      {"Country", "string", nullptr, false, false},
      {"LeadScore", "integer", nullptr, false, false},
      {"LeadSource", "string", nullptr, false, false},
      {"LeadStatus", "string", nullptr, false, false},
      {"Rating", "string", nullptr, false, false},
      {"AnnualRevenue", "currency", nullptr, false, false},
      {"NumberOfEmployees", "integer", nullptr, false, false},
      {"Unsubscribed", "boolean", nullptr, false, false},
      {"DoNotCall", "boolean", nullptr, false, false},
      {"ExternalLeadId", "string", nullptr, false, false},
      {"LeadOwnerEmail", "email", "LEADOWNEREMAIL", false, false},
      {"SFDCAccountId", "string", "SFDCACCOUNTID", false, false},
      {"SFDCContactId", "string", "SFDCCONTACTID", false, false},
      {"SFDCLeadId", "string", "SFDCLEADID", false, false},
      {"SFDCLeadOwnerId", "string", "SFDCLEADOWNERID", false, false},
      {"SFDCOpptyId", "string", "SFDCOPPTYID", false, false},
      {kCreatedAtField, "datetime", nullptr, true, false},
      {kUpdatedAtField, "datetime", nullptr, true, false},
  };
  return fields;
}

const LeadField* FindLeadField(const std::string& name) {
  for (const auto& f : LeadFields()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

const LeadField* FieldForKeyType(const std::string& key_type) {
  for (const auto& f : LeadFields()) {
    if (f.key_type != nullptr && key_type == f.key_type) return &f;
  }
  return nullptr;
}

bool IsLeadKeyType(const std::string& key_type) {
  return key_type == "IDNUM" || key_type == "COOKIE" || FieldForKeyType(key_type) != nullptr;
}

}  // namespace mock
