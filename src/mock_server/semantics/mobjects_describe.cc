#include "semantics/mobjects_describe.h"

#include "semantics/marketo_fault.h"
#include "semantics/mobjects.h"

namespace mock {
namespace {

// 2010-01-01T00:00:00+00:00, the updatedAt of the doc example.
constexpr std::time_t kMetaUpdatedAt = 1262304000;

FieldMeta Field(const char* name, const char* description, const char* source, const char* type,
                std::optional<int> size) {
  FieldMeta f;
  f.name = name;
  f.description = description;
  f.source_object = source;
  f.data_type = type;
  f.size = size;
  return f;
}

// Read-only field of a virtual object (every ActivityRecord field in the doc example).
FieldMeta ReadOnly(FieldMeta f) {
  f.readonly = true;
  f.update_blocked = true;
  return f;
}

ObjectMeta Object(const char* name, const char* description, bool is_virtual) {
  ObjectMeta m;
  m.name = name;
  m.description = description;
  m.is_virtual = is_virtual;
  m.updated_at = kMetaUpdatedAt;
  return m;
}

ObjectMeta MakeActivityRecord() {
  ObjectMeta m =
      Object("ActivityRecord", "Activity history of a lead, as returned by getLeadActivity", true);
  auto add = [&](const char* n, const char* d, const char* src, const char* t,
                 std::optional<int> size, bool is_name, bool pk) {
    FieldMeta f = ReadOnly(Field(n, d, src, t, size));
    f.is_name = is_name;
    f.primary_key = pk;
    m.fields.push_back(f);
  };
  add("id", "Id of the activity", "Event", "integer", 10, false, true);
  add("activityDateTime", "Time of the activity", "Event", "dateTime", std::nullopt, false, false);
  add("activityType", "Type of the activity", "Event", "string", 255, true, false);
  add("mktgAssetName", "Name of the marketing asset", "Event", "string", 255, false, false);
  add("activityAttributes", "Attributes of the activity", "Event", "Array", std::nullopt, false,
      false);
  add("campaign", "Campaign that caused the activity", "Campaign", "string", 255, false, false);
  add("personName", "Name of the lead", "Lead", "string", 255, false, false);
  add("mktPersonId", "Marketo id of the lead", "Lead", "integer", 10, false, false);
  add("foreignSysId", "Id of the lead in the CRM", "Lead", "string", 50, false, false);
  add("orgName", "Name of the company", "Company", "string", 255, false, false);
  add("foreignSysOrgId", "Id of the company in the CRM", "Company", "string", 50, false, false);
  return m;
}

// Standard fields shared by the concrete objects: Id, CreatedAt, UpdatedAt (read-only).
void AddSystemFields(ObjectMeta* m, const char* source) {
  FieldMeta id = ReadOnly(Field("Id", "Marketo id", source, "integer", 10));
  id.primary_key = true;
  m->fields.push_back(id);
  m->fields.push_back(ReadOnly(Field("CreatedAt", "Creation time", source, "dateTime", {})));
  m->fields.push_back(ReadOnly(Field("UpdatedAt", "Last update time", source, "dateTime", {})));
}

FieldMeta Custom(FieldMeta f) {
  f.custom = true;
  return f;
}

ObjectMeta MakeLeadRecord() {
  ObjectMeta m = Object("LeadRecord", "A Marketo lead (person) with its company", true);
  AddSystemFields(&m, "Lead");
  m.fields.push_back(Field("Email", "Email address", "Lead", "email", 255));
  m.fields.push_back(Field("FirstName", "First name", "Lead", "string", 255));
  m.fields.push_back(Field("LastName", "Last name", "Lead", "string", 255));
  m.fields.back().is_name = true;
  m.fields.push_back(Field("Title", "Job title", "Lead", "string", 255));
  m.fields.push_back(Field("Phone", "Phone number", "Lead", "phone", 255));
  m.fields.push_back(Field("LeadSource", "Source of the lead", "Lead", "string", 255));
  m.fields.push_back(Field("LeadStatus", "Status of the lead", "Lead", "string", 255));
  m.fields.push_back(Field("Company", "Company name", "Company", "string", 255));
  m.fields.push_back(Field("Industry", "Industry of the company", "Company", "string", 255));
  m.fields.push_back(Custom(Field("ExternalLeadId", "External key", "Lead", "string", 255)));
  return m;
}

ObjectMeta MakeOpportunity() {
  ObjectMeta m = Object("Opportunity", "A sales opportunity", false);
  const char* s = "Opportunity";
  AddSystemFields(&m, s);
  m.fields.push_back(Field("Amount", "Amount", s, "currency", {}));
  m.fields.push_back(Field("CloseDate", "Expected close date", s, "date", {}));
  m.fields.push_back(Field("Description", "Description", s, "text", 2000));
  m.fields.push_back(Field("ExpectedRevenue", "Expected revenue", s, "currency", {}));
  m.fields.push_back(Field("ExternalCreatedDate", "Creation time in the CRM", s, "dateTime", {}));
  m.fields.push_back(Field("Fiscal", "Fiscal period", s, "string", 255));
  m.fields.push_back(Field("FiscalQuarter", "Fiscal quarter", s, "integer", 10));
  m.fields.push_back(Field("FiscalYear", "Fiscal year", s, "integer", 10));
  m.fields.push_back(Field("ForecastCategoryName", "Forecast category", s, "string", 255));
  m.fields.push_back(Field("IsClosed", "Closed", s, "boolean", {}));
  m.fields.push_back(Field("IsWon", "Won", s, "boolean", {}));
  m.fields.push_back(Field("LastActivityDate", "Last activity", s, "date", {}));
  m.fields.push_back(Field("LeadSource", "Lead source", s, "string", 255));
  m.fields.push_back(Field("Name", "Name", s, "string", 255));
  m.fields.back().is_name = true;
  m.fields.push_back(Field("NextStep", "Next step", s, "string", 255));
  m.fields.push_back(Field("Probability", "Probability in percent", s, "percent", 3));
  m.fields.push_back(Field("Quantity", "Quantity", s, "float", {}));
  m.fields.push_back(Field("Stage", "Sales stage", s, "string", 255));
  m.fields.push_back(Field("Type", "Opportunity type", s, "string", 255));
  m.fields.push_back(Custom(Field("ExternalOpportunityId", "External key", s, "string", 255)));
  return m;
}

ObjectMeta MakeOpportunityPersonRole() {
  ObjectMeta m =
      Object("OpportunityPersonRole", "Role of a person (lead/contact) in an opportunity", false);
  const char* s = "OpportunityPersonRole";
  AddSystemFields(&m, s);
  m.fields.push_back(Field("OpportunityId", "Marketo id of the opportunity", s, "integer", 10));
  m.fields.push_back(Field("PersonId", "Marketo id of the lead/contact", s, "integer", 10));
  m.fields.push_back(Field("Role", "Role of the person", s, "string", 255));
  m.fields.back().is_name = true;
  m.fields.push_back(Field("IsPrimary", "Primary contact", s, "boolean", {}));
  m.fields.push_back(Field("ExternalCreatedDate", "Creation time in the CRM", s, "dateTime", {}));
  m.fields.push_back(Custom(Field("ExternalRoleId", "External key", s, "string", 255)));
  return m;
}

const std::vector<ObjectMeta>& All() {
  static const std::vector<ObjectMeta> all = {MakeActivityRecord(), MakeLeadRecord(),
                                              MakeOpportunity(), MakeOpportunityPersonRole()};
  return all;
}

}  // namespace

const ObjectMeta* DescribeObject(const std::string& name) {
  for (const auto& m : All()) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const std::vector<std::string>& ListObjectNames() {
  static const std::vector<std::string> names = {"ActivityRecord", "LeadRecord", "Opportunity",
                                                 "OpportunityPersonRole"};
  return names;
}

const FieldMeta* FindField(const std::string& object, const std::string& field) {
  const ObjectMeta* m = DescribeObject(object);
  if (m == nullptr) return nullptr;
  for (const auto& f : m->fields) {
    if (f.name == field) return &f;
  }
  return nullptr;
}

namespace {

// Characters (UTF-8 code points) of s, the unit of describe's `size`.
std::size_t CharCount(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

// Choice: Marketo documents no error for an over-long value; the mock holds text-like values
// to the `size` its describeMObject declares (the object FAILED, nothing truncated), so a
// client-chosen megabyte never reaches the store.
std::optional<std::string> SizeProblem(const FieldMeta& f, const std::string& value) {
  if (!f.size || f.data_type == "integer" || f.data_type == "percent") return std::nullopt;
  if (CharCount(value) <= static_cast<std::size_t>(*f.size)) return std::nullopt;
  return "Value for field '" + f.name + "' is longer than " + std::to_string(*f.size) +
         " characters";
}

const ObjectMeta& MObjectOps::Describe(const std::string& name) {
  const ObjectMeta* m = DescribeObject(name);
  if (m == nullptr) throw MarketoFault(error_codes::kBadParameter, "Object name is not valid");
  return *m;
}

const std::vector<std::string>& MObjectOps::List() { return ListObjectNames(); }

}  // namespace mock
