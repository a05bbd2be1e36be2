#ifndef MARKETO_MOBJECT_H_
#define MARKETO_MOBJECT_H_

/// @file
/// Value types of the MObject family (Program, Opportunity, OpportunityPersonRole) and builders.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marketo/span.h"

namespace marketo {

/// A name/value pair (schema type `Attrib`). Values are always strings on the wire.
struct Attrib {
  /// Attribute or field name, e.g. "Amount".
  std::string name;
  /// Value as sent on the wire, e.g. "2000".
  std::string value;

  /// Memberwise equality.
  friend bool operator==(const Attrib& a, const Attrib& b) {
    return a.name == b.name && a.value == b.value;
  }
};

/// A typed attribute group (schema `TypeAttrib`), e.g. one Program cost line or tag.
struct TypeAttrib {
  /// Group discriminator: "Cost" or "Tag" on write; "Token" also appears on read.
  std::string attr_type;
  /// The group's name/value pairs (schema `attrList`).
  std::vector<Attrib> attributes;
};

/// A reference to a related object (schema `MObjAssociation`), by Marketo id or external key.
struct Association {
  /// Related object type: "Company", "Lead" or "Opportunity".
  std::string type;
  /// Marketo id of the related object.
  std::optional<std::int64_t> id;
  /// External key (custom field name and value) of the related object.
  std::optional<Attrib> external_key;

  /// Association of the given type by Marketo id.
  static Association ById(std::string type, std::int64_t id);
  /// Association of the given type by external key.
  static Association ByExternalKey(std::string type, std::string key_name, std::string key_value);
  /// A Company (for an Opportunity) by id.
  static Association Company(std::int64_t id) { return ById("Company", id); }
  /// A Company (for an Opportunity) by external key.
  static Association CompanyByExternalKey(std::string name, std::string value) {
    return ByExternalKey("Company", std::move(name), std::move(value));
  }
  /// A Lead (for an OpportunityPersonRole) by id.
  static Association Lead(std::int64_t id) { return ById("Lead", id); }
  /// A Lead (for an OpportunityPersonRole) by external key.
  static Association LeadByExternalKey(std::string name, std::string value) {
    return ByExternalKey("Lead", std::move(name), std::move(value));
  }
  /// An Opportunity (for an OpportunityPersonRole) by id.
  static Association Opportunity(std::int64_t id) { return ById("Opportunity", id); }
  /// An Opportunity (for an OpportunityPersonRole) by external key.
  static Association OpportunityByExternalKey(std::string name, std::string value) {
    return ByExternalKey("Opportunity", std::move(name), std::move(value));
  }
};

/// One MObject (schema `MObject`): what syncMObjects sends and getMObjects returns.
///
/// The typed builders Program, Opportunity and OpportunityPersonRole derive from it and add no
/// data, so they convert to MObject by plain (slicing) copy or move.
struct MObject {
  /// Object type: "Program", "Opportunity" or "OpportunityPersonRole".
  std::string type;
  /// Marketo id; the key for UPDATE/UPSERT and deleteMObjects. Must fit in 32 bits.
  std::optional<std::int64_t> id;
  /// Alternative key: a custom field name and value (Marketo does not enforce uniqueness).
  std::optional<Attrib> external_key;
  /// Plain attributes (schema `attribList`): Opportunity / OpportunityPersonRole fields.
  std::vector<Attrib> attributes;
  /// Typed attribute groups (schema `typeAttribList`): Program Cost and Tag entries.
  std::vector<TypeAttrib> type_attributes;
  /// Related objects (schema `associationList`).
  std::vector<Association> associations;
  /// Read-only; filled by getMObjects when the server returns it, ignored on write.
  std::optional<std::chrono::system_clock::time_point> created_at;
  /// Read-only; filled by getMObjects when the server returns it, ignored on write.
  std::optional<std::chrono::system_clock::time_point> updated_at;

  /// An empty object.
  MObject() = default;
  /// An object of the given type.
  explicit MObject(std::string object_type) : type(std::move(object_type)) {}

  /// Sets attribute `name` (replacing an existing one of that name) and returns *this.
  MObject& Set(std::string_view name, std::string value);
  /// The value of attribute `name`, or nullptr.
  const std::string* Find(std::string_view name) const noexcept;
  /// Sets the Marketo id and returns *this.
  MObject& SetId(std::int64_t object_id) {
    id = object_id;
    return *this;
  }
  /// Sets the external key and returns *this.
  MObject& SetExternalKey(std::string name, std::string value);
  /// Appends an association and returns *this.
  MObject& AddAssociation(Association association);
  /// Appends a typed attribute group and returns *this.
  MObject& AddTypeAttrib(TypeAttrib group);
};

/// Builder for a Program update: period costs and tag (channel) values. Programs accept only
/// SyncOperation::kUpdate.
class Program : public MObject {
 public:
  /// A Program addressed by its Marketo id.
  explicit Program(std::int64_t program_id);
  /// Adds a Cost group. `month` is "YYYY-MM", `amount` a decimal number such as "2000";
  /// `cost_id` selects an existing cost line, `note` is free text.
  Program& AddCost(std::string month, std::string amount,
                   std::optional<std::int64_t> cost_id = std::nullopt,
                   std::optional<std::string> note = std::nullopt);
  /// Adds a Tag group, e.g. ("Channel", "Webinar"); the tag value must already exist.
  Program& AddTag(std::string tag_type, std::string tag_value);
};

/// Builder for an Opportunity. Setters write the standard fields; Set() writes any other field.
class Opportunity : public MObject {
 public:
  /// A new Opportunity (no id: for INSERT).
  Opportunity();
  /// An existing Opportunity addressed by Marketo id.
  explicit Opportunity(std::int64_t opportunity_id);

  /// Sets any field, standard or custom.
  Opportunity& Set(std::string_view name, std::string value) {
    MObject::Set(name, std::move(value));
    return *this;
  }
  /// Field "Amount".
  Opportunity& SetAmount(std::string v) { return Set("Amount", std::move(v)); }
  /// Field "CloseDate".
  Opportunity& SetCloseDate(std::string v) { return Set("CloseDate", std::move(v)); }
  /// Field "Description".
  Opportunity& SetDescription(std::string v) { return Set("Description", std::move(v)); }
  /// Field "ExpectedRevenue".
  Opportunity& SetExpectedRevenue(std::string v) { return Set("ExpectedRevenue", std::move(v)); }
  /// Field "ExternalCreatedDate".
  Opportunity& SetExternalCreatedDate(std::string v) {
    return Set("ExternalCreatedDate", std::move(v));
  }
  /// Field "Fiscal".
  Opportunity& SetFiscal(std::string v) { return Set("Fiscal", std::move(v)); }
  /// Field "FiscalQuarter".
  Opportunity& SetFiscalQuarter(std::string v) { return Set("FiscalQuarter", std::move(v)); }
  /// Field "FiscalYear".
  Opportunity& SetFiscalYear(std::string v) { return Set("FiscalYear", std::move(v)); }
  /// Field "ForecastCategoryName".
  Opportunity& SetForecastCategoryName(std::string v) {
    return Set("ForecastCategoryName", std::move(v));
  }
  /// Field "IsClosed" ("true"/"false").
  Opportunity& SetIsClosed(bool v) { return Set("IsClosed", v ? "true" : "false"); }
  /// Field "IsWon" ("true"/"false").
  Opportunity& SetIsWon(bool v) { return Set("IsWon", v ? "true" : "false"); }
  /// Field "LastActivityDate".
  Opportunity& SetLastActivityDate(std::string v) { return Set("LastActivityDate", std::move(v)); }
  /// Field "LeadSource".
  Opportunity& SetLeadSource(std::string v) { return Set("LeadSource", std::move(v)); }
  /// Field "Name".
  Opportunity& SetName(std::string v) { return Set("Name", std::move(v)); }
  /// Field "NextStep".
  Opportunity& SetNextStep(std::string v) { return Set("NextStep", std::move(v)); }
  /// Field "Probability", e.g. "80%".
  Opportunity& SetProbability(std::string v) { return Set("Probability", std::move(v)); }
  /// Field "Quantity".
  Opportunity& SetQuantity(std::string v) { return Set("Quantity", std::move(v)); }
  /// Field "Stage".
  Opportunity& SetStage(std::string v) { return Set("Stage", std::move(v)); }
  /// Field "Type".
  Opportunity& SetType(std::string v) { return Set("Type", std::move(v)); }
  /// Associates the Company with this Marketo id.
  Opportunity& AssociateCompany(std::int64_t company_id);
  /// Associates the Company with this external key.
  Opportunity& AssociateCompanyByExternalKey(std::string name, std::string value);
};

/// Builder for an OpportunityPersonRole (a lead's role on an opportunity).
class OpportunityPersonRole : public MObject {
 public:
  /// An empty role; set OpportunityId and PersonId (required for INSERT) yourself.
  OpportunityPersonRole();
  /// A role linking `opportunity_id` and the lead/contact `person_id`.
  OpportunityPersonRole(std::int64_t opportunity_id, std::int64_t person_id);

  /// Sets any field, standard or custom.
  OpportunityPersonRole& Set(std::string_view name, std::string value) {
    MObject::Set(name, std::move(value));
    return *this;
  }
  /// Field "Role", e.g. "Influencer/Champion".
  OpportunityPersonRole& SetRole(std::string v) { return Set("Role", std::move(v)); }
  /// Field "ExternalCreatedDate".
  OpportunityPersonRole& SetExternalCreatedDate(std::string v) {
    return Set("ExternalCreatedDate", std::move(v));
  }
  /// Field "IsPrimary" ("true"/"false").
  OpportunityPersonRole& SetIsPrimary(bool v) { return Set("IsPrimary", v ? "true" : "false"); }
  /// Associates the Lead with this Marketo id.
  OpportunityPersonRole& AssociateLead(std::int64_t lead_id);
  /// Associates the Lead with this external key.
  OpportunityPersonRole& AssociateLeadByExternalKey(std::string name, std::string value);
  /// Associates the Opportunity with this Marketo id.
  OpportunityPersonRole& AssociateOpportunity(std::int64_t opportunity_id);
  /// Associates the Opportunity with this external key.
  OpportunityPersonRole& AssociateOpportunityByExternalKey(std::string name, std::string value);
};

/// A non-owning view of contiguous MObjects (see Span).
using MObjectSpan = Span<MObject>;

}  // namespace marketo

#endif  // MARKETO_MOBJECT_H_
