#include "marketo/validation.h"

#include <cstdint>
#include <limits>
#include <string>

#include "invalid_argument.h"

namespace marketo {
namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int32_t>::max();

using internal::Invalid;

std::string Quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out.append(s);
  out += '"';
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsYearMonth(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (!IsDigit(s[i])) return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

// Optional sign, digits, optional fraction: what Marketo's cost Amount accepts in practice.
bool IsDecimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t int_digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++int_digits;
  std::size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++frac_digits;
  }
  return i == s.size() && (int_digits + frac_digits) > 0;
}

bool IsUnsignedInteger(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Each check returns the detail text (no "object[i]" prefix, no type); empty means valid.
using Detail = std::string;

Detail CheckId(const std::optional<std::int64_t>& id, std::string_view where) {
  if (id && (*id <= 0 || *id > kMaxId)) {
    return std::string(where) + " must be a positive 32-bit integer, got " + std::to_string(*id);
  }
  return {};
}

Detail CheckKey(const std::optional<Attrib>& key, std::string_view where) {
  if (key && key->name.empty()) return std::string(where) + ": name is empty";
  return {};
}

Detail CheckAttribNames(const std::vector<Attrib>& attrs, std::string_view list) {
  for (std::size_t i = 0; i < attrs.size(); ++i) {
    if (attrs[i].name.empty()) {
      return std::string(list) + "[" + std::to_string(i) + "]: attribute name is empty";
    }
  }
  return {};
}

bool AssociationAllowed(std::string_view object_type, std::string_view assoc_type) {
  if (object_type == "Opportunity") return assoc_type == "Company";
  if (object_type == "OpportunityPersonRole") {
    return assoc_type == "Lead" || assoc_type == "Opportunity";
  }
  return false;
}

Detail CheckAssociation(const Association& a, std::size_t i, std::string_view list) {
  const std::string where = std::string(list) + "[" + std::to_string(i) + "]";
  if (a.type.empty()) return where + ": type is empty";
  if (!a.id && !a.external_key) return where + " (" + a.type + "): needs an id or an externalKey";
  if (auto d = CheckId(a.id, where + " (" + a.type + "): id"); !d.empty()) return d;
  return CheckKey(a.external_key, where + " (" + a.type + "): externalKey");
}

const Attrib* FindAttrib(const std::vector<Attrib>& attrs, std::string_view name) {
  for (const auto& a : attrs) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

Detail CheckProgramGroup(const TypeAttrib& group, std::size_t gi) {
  const std::string where = "typeAttribList[" + std::to_string(gi) + "] (" + group.attr_type + ")";
  if (auto d = CheckAttribNames(group.attributes, where + ": attrList"); !d.empty()) return d;
  if (group.attr_type == "Cost") {
    for (const auto& a : group.attributes) {
      if (a.name != "Month" && a.name != "Amount" && a.name != "Id" && a.name != "Note") {
        return where + ": attribute " + Quote(a.name) +
               " is not a Cost attribute (Month, Amount, Id, Note)";
      }
    }
    const Attrib* month = FindAttrib(group.attributes, "Month");
    if (month == nullptr) return where + ": attribute \"Month\" is required";
    if (!IsYearMonth(month->value)) {
      return where + ": attribute \"Month\" must be YYYY-MM, got " + Quote(month->value);
    }
    const Attrib* amount = FindAttrib(group.attributes, "Amount");
    if (amount == nullptr) return where + ": attribute \"Amount\" is required";
    if (!IsDecimal(amount->value)) {
      return where + ": attribute \"Amount\" must be a number, got " + Quote(amount->value);
    }
    if (const Attrib* id = FindAttrib(group.attributes, "Id");
        id != nullptr && !IsUnsignedInteger(id->value)) {
      return where + ": attribute \"Id\" must be an integer cost id, got " + Quote(id->value);
    }
    return {};
  }
  if (group.attr_type == "Tag") {
    for (const char* name : {"Type", "Value"}) {
      const Attrib* a = FindAttrib(group.attributes, name);
      if (a == nullptr || a->value.empty()) {
        return where + ": attribute " + Quote(name) + " is required";
      }
    }
    return {};
  }
  return "typeAttribList[" + std::to_string(gi) + "]: attrType " + Quote(group.attr_type) +
         " is not supported for Program (Cost, Tag)";
}

Detail SyncDetail(const MObject& o, SyncOperation op) {
  const bool program = o.type == "Program";
  if (!program && o.type != "Opportunity" && o.type != "OpportunityPersonRole") {
    return "type " + Quote(o.type) +
           " is not supported by syncMObjects (Program, Opportunity, OpportunityPersonRole)";
  }
  if (auto d = CheckId(o.id, "id"); !d.empty()) return d;
  if (auto d = CheckKey(o.external_key, "externalKey"); !d.empty()) return d;
  if (auto d = CheckAttribNames(o.attributes, "attribList"); !d.empty()) return d;
  if (program) {
    if (op != SyncOperation::kUpdate) {
      return std::string("Program supports only UPDATE, got ") + ToString(op);
    }
    if (!o.id) return "id is required for Program";
  } else if (!o.type_attributes.empty()) {
    return "typeAttribList is only supported for Program";
  }
  // UPSERT locates by key like UPDATE, but an UPSERT without any key can only create, so it is
  // allowed and then needs what INSERT needs.
  const bool has_key = o.id || o.external_key;
  if (op == SyncOperation::kUpdate && !has_key) {
    return std::string("id (or externalKey) is required for ") + ToString(op);
  }
  const bool creates = op == SyncOperation::kInsert || (op == SyncOperation::kUpsert && !has_key);
  for (std::size_t i = 0; i < o.type_attributes.size(); ++i) {
    if (auto d = CheckProgramGroup(o.type_attributes[i], i); !d.empty()) return d;
  }
  if (o.type == "OpportunityPersonRole" && creates) {
    for (const char* name : {"OpportunityId", "PersonId"}) {
      const Attrib* a = FindAttrib(o.attributes, name);
      if (a == nullptr || a->value.empty()) {
        return std::string("attribute ") + Quote(name) + " is required for " +
               (op == SyncOperation::kInsert ? "INSERT" : "UPSERT without id");
      }
    }
  }
  for (std::size_t i = 0; i < o.associations.size(); ++i) {
    const Association& a = o.associations[i];
    if (!a.type.empty() && !AssociationAllowed(o.type, a.type)) {
      return "associationList[" + std::to_string(i) + "]: association type " + Quote(a.type) +
             " is not allowed for " + o.type;
    }
    if (auto d = CheckAssociation(a, i, "associationList"); !d.empty()) return d;
  }
  return {};
}

Detail DeleteDetail(const MObject& o) {
  if (o.type != "Opportunity" && o.type != "OpportunityPersonRole") {
    return "type " + Quote(o.type) +
           " is not supported by deleteMObjects (Opportunity, OpportunityPersonRole)";
  }
  if (!o.id) return "id is required for deleteMObjects";
  return CheckId(o.id, "id");
}

std::string TypeLabel(const MObject& o) { return o.type.empty() ? "<no type>" : o.type; }

Status ForBatch(MObjectSpan objects, const char* call, std::size_t max,
                Detail (*check)(const MObject&, const void*), const void* arg) {
  if (objects.size() > max) {
    return Invalid(std::string("too many objects for one ") + call + " call: " +
                   std::to_string(objects.size()) + " (max " + std::to_string(max) + ")");
  }
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (auto d = check(objects[i], arg); !d.empty()) {
      return Invalid("object[" + std::to_string(i) + "] (" + TypeLabel(objects[i]) + "): " + d);
    }
  }
  return Status();
}

}  // namespace

Status ValidateSyncObject(const MObject& object, SyncOperation operation) {
  if (auto d = SyncDetail(object, operation); !d.empty()) {
    return Invalid(TypeLabel(object) + ": " + d);
  }
  return Status();
}

Status ValidateSyncRequest(MObjectSpan objects, SyncOperation operation) {
  return ForBatch(
      objects, "syncMObjects", kMaxSyncBatchSize,
      [](const MObject& o, const void* op) {
        return SyncDetail(o, *static_cast<const SyncOperation*>(op));
      },
      &operation);
}

Status ValidateDeleteObject(const MObject& object) {
  if (auto d = DeleteDetail(object); !d.empty()) return Invalid(TypeLabel(object) + ": " + d);
  return Status();
}

Status ValidateDeleteRequest(MObjectSpan objects) {
  return ForBatch(
      objects, "deleteMObjects", std::numeric_limits<std::size_t>::max(),
      [](const MObject& o, const void*) { return DeleteDetail(o); }, nullptr);
}

Status ValidateGetRequest(const GetMObjectsRequest& r) {
  const std::string prefix = "getMObjects (" + (r.type.empty() ? "<no type>" : r.type) + "): ";
  if (r.type != "Program" && r.type != "Opportunity" && r.type != "OpportunityPersonRole") {
    return Invalid(prefix + "type " + Quote(r.type) +
                   " is not supported (Program, Opportunity, OpportunityPersonRole)");
  }
  if (r.id && r.external_key) return Invalid(prefix + "give either id or externalKey, not both");
  if (auto d = CheckId(r.id, "id"); !d.empty()) return Invalid(prefix + d);
  if (auto d = CheckKey(r.external_key, "externalKey"); !d.empty()) return Invalid(prefix + d);
  for (std::size_t i = 0; i < r.criteria.size(); ++i) {
    if (r.criteria[i].attr_name.empty()) {
      return Invalid(prefix + "mObjCriteriaList[" + std::to_string(i) + "]: attrName is empty");
    }
  }
  for (std::size_t i = 0; i < r.associations.size(); ++i) {
    if (auto d = CheckAssociation(r.associations[i], i, "mObjAssociationList"); !d.empty()) {
      return Invalid(prefix + d);
    }
  }
  return Status();
}

Status ValidateDescribeName(std::string_view name) {
  if (name == "ActivityRecord" || name == "LeadRecord" || name == "Opportunity" ||
      name == "OpportunityPersonRole") {
    return Status();
  }
  return Invalid("describeMObject: object name " + Quote(name) +
                 " is not supported (ActivityRecord, LeadRecord, Opportunity, "
                 "OpportunityPersonRole)");
}

}  // namespace marketo
