#include "marketo/mobject.h"

#include <algorithm>
#include <utility>

namespace marketo {

Association Association::ById(std::string type, std::int64_t id) {
  Association a;
  a.type = std::move(type);
  a.id = id;
  return a;
}

Association Association::ByExternalKey(std::string type, std::string key_name,
                                       std::string key_value) {
  Association a;
  a.type = std::move(type);
  a.external_key = Attrib{std::move(key_name), std::move(key_value)};
  return a;
}

MObject& MObject::Set(std::string_view name, std::string value) {
  for (auto& a : attributes) {
    if (a.name == name) {
      a.value = std::move(value);
      return *this;
    }
  }
  attributes.push_back(Attrib{std::string(name), std::move(value)});
  return *this;
}

const std::string* MObject::Find(std::string_view name) const noexcept {
  for (const auto& a : attributes) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

MObject& MObject::SetExternalKey(std::string name, std::string value) {
  external_key = Attrib{std::move(name), std::move(value)};
  return *this;
}

MObject& MObject::AddAssociation(Association association) {
  associations.push_back(std::move(association));
  return *this;
}

MObject& MObject::AddTypeAttrib(TypeAttrib group) {
  type_attributes.push_back(std::move(group));
  return *this;
}

Program::Program(std::int64_t program_id) : MObject("Program") { id = program_id; }

Program& Program::AddCost(std::string month, std::string amount,
                          std::optional<std::int64_t> cost_id, std::optional<std::string> note) {
  TypeAttrib cost;
  cost.attr_type = "Cost";
  cost.attributes.reserve(4);
  cost.attributes.push_back(Attrib{"Month", std::move(month)});
  cost.attributes.push_back(Attrib{"Amount", std::move(amount)});
  if (cost_id) cost.attributes.push_back(Attrib{"Id", std::to_string(*cost_id)});
  if (note) cost.attributes.push_back(Attrib{"Note", std::move(*note)});
  type_attributes.push_back(std::move(cost));
  return *this;
}

Program& Program::AddTag(std::string tag_type, std::string tag_value) {
  TypeAttrib tag;
  tag.attr_type = "Tag";
  tag.attributes.push_back(Attrib{"Type", std::move(tag_type)});
  tag.attributes.push_back(Attrib{"Value", std::move(tag_value)});
  type_attributes.push_back(std::move(tag));
  return *this;
}

Opportunity::Opportunity() : MObject("Opportunity") {}

Opportunity::Opportunity(std::int64_t opportunity_id) : MObject("Opportunity") {
  id = opportunity_id;
}

Opportunity& Opportunity::AssociateCompany(std::int64_t company_id) {
  associations.push_back(Association::Company(company_id));
  return *this;
}

Opportunity& Opportunity::AssociateCompanyByExternalKey(std::string name, std::string value) {
  associations.push_back(Association::CompanyByExternalKey(std::move(name), std::move(value)));
  return *this;
}

OpportunityPersonRole::OpportunityPersonRole() : MObject("OpportunityPersonRole") {}

OpportunityPersonRole::OpportunityPersonRole(std::int64_t opportunity_id, std::int64_t person_id)
    : MObject("OpportunityPersonRole") {
  attributes.push_back(Attrib{"OpportunityId", std::to_string(opportunity_id)});
  attributes.push_back(Attrib{"PersonId", std::to_string(person_id)});
}

OpportunityPersonRole& OpportunityPersonRole::AssociateLead(std::int64_t lead_id) {
  associations.push_back(Association::Lead(lead_id));
  return *this;
}

OpportunityPersonRole& OpportunityPersonRole::AssociateLeadByExternalKey(std::string name,
                                                                         std::string value) {
  associations.push_back(Association::LeadByExternalKey(std::move(name), std::move(value)));
  return *this;
}

OpportunityPersonRole& OpportunityPersonRole::AssociateOpportunity(std::int64_t opportunity_id) {
  associations.push_back(Association::Opportunity(opportunity_id));
  return *this;
}

OpportunityPersonRole& OpportunityPersonRole::AssociateOpportunityByExternalKey(std::string name,
                                                                                std::string value) {
  associations.push_back(Association::OpportunityByExternalKey(std::move(name), std::move(value)));
  return *this;
}

}  // namespace marketo
