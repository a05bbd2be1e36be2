// syncMObjects for Opportunity and OpportunityPersonRole; Program is in mobjects_program.cc.
// Where Marketo's documentation is silent the decision is marked "Choice:".
#include <map>

#include "semantics/marketo_fault.h"
#include "semantics/mobjects.h"
#include "semantics/mobjects_describe.h"
#include "semantics/values.h"

namespace mock {
namespace {

// Why an object FAILED; nullopt when it passed the check.
using Problem = std::optional<std::string>;

// What an object's associations resolve to.
struct Links {
  std::optional<int> company_id;             // Opportunity -> Company
  std::map<std::string, std::string> attrs;  // role: OpportunityId / PersonId
};

// Every attribute and the externalKey name a writable field with a fitting value.
Problem CheckFields(const MObj& obj) {
  const std::string& type = obj.type;
  for (const auto& a : obj.attrs) {
    const FieldMeta* f = FindField(type, a.name);
    if (f == nullptr) return "Unknown field '" + a.name + "' for " + type;
    if (f->readonly) return "Field '" + a.name + "' is read-only";
    if (!ValueFitsType(f->data_type, a.value)) {
      return "Invalid value '" + a.value + "' for field '" + a.name + "' (" + f->data_type + ")";
    }
    if (Problem p = SizeProblem(*f, a.value)) return p;
  }
  if (obj.external_key) {
    const FieldMeta* f = FindField(type, obj.external_key->name);
    if (f == nullptr || f->readonly) {
      return "externalKey '" + obj.external_key->name + "' is not a field of " + type;
    }
    if (Problem p = SizeProblem(*f, obj.external_key->value)) return p;
  }
  if (!obj.type_attrs.empty()) return "typeAttribList is only supported for Program";
  return std::nullopt;
}

// Company for an Opportunity; Opportunity and Lead for a role. Each must exist.
Problem ResolveAssociations(const MObj& obj, Store& store, Links* out) {
  const bool is_role = obj.type == "OpportunityPersonRole";
  for (const auto& as : obj.assocs) {
    std::string target;
    if (!is_role && as.type == "Company") target = "Company";
    if (is_role && (as.type == "Opportunity" || as.type == "Lead")) target = as.type;
    if (target.empty()) return "Association type '" + as.type + "' is not valid for " + obj.type;
    Record* r = nullptr;
    if (as.id) {
      r = store.Find(target, *as.id);
    } else if (as.external_key) {
      r = store.FindByKey(target, *as.external_key);
    } else {
      return "Association " + as.type + " needs id or externalKey";
    }
    if (r == nullptr) {
      return "Associated " + as.type + " not found (" +
             (as.id ? "id " + std::to_string(*as.id)
                    : as.external_key->name + " = " + as.external_key->value) +
             ")";
    }
    if (target == "Company") out->company_id = r->id;
    if (target == "Opportunity") out->attrs["OpportunityId"] = std::to_string(r->id);
    if (target == "Lead") out->attrs["PersonId"] = std::to_string(r->id);
  }
  return std::nullopt;
}

// The final field values: attributes, then association-derived values, then the externalKey.
std::map<std::string, std::string> WantedValues(const MObj& obj, const Links& links) {
  std::map<std::string, std::string> wanted;
  for (const auto& a : obj.attrs) wanted[a.name] = a.value;
  for (const auto& [k, v] : links.attrs) wanted[k] = v;
  if (obj.external_key) wanted[obj.external_key->name] = obj.external_key->value;
  return wanted;
}

// A role must end up naming an existing Opportunity and Lead, from this call or stored before.
Problem CheckRoleReferences(const std::map<std::string, std::string>& wanted,
                            const Record* existing, Store& store) {
  for (const char* ref : {"OpportunityId", "PersonId"}) {
    std::string value;
    if (const auto it = wanted.find(ref); it != wanted.end()) {
      value = it->second;
    } else if (existing != nullptr && GetAttr(*existing, ref) != nullptr) {
      value = *GetAttr(*existing, ref);
    }
    if (value.empty()) return std::string(ref) + " is required";
    const auto id = ParseId(value);
    const char* target = std::string(ref) == "PersonId" ? "Lead" : "Opportunity";
    if (!id || store.Find(target, *id) == nullptr) {
      return std::string(ref) + " " + value + " does not exist";
    }
  }
  return std::nullopt;
}

// Writes the object into r; true when anything changed.
bool ApplyRecord(const MObj& obj, const Links& links,
                 const std::map<std::string, std::string>& wanted, Record* r) {
  bool changed = false;
  // Keep the caller's attribute order, then association-derived values.
  for (const auto& a : obj.attrs) changed = SetAttr(r, a.name, wanted.at(a.name)) || changed;
  for (const auto& [k, v] : links.attrs) changed = SetAttr(r, k, v) || changed;
  if (obj.external_key) {
    changed = SetAttr(r, obj.external_key->name, obj.external_key->value) || changed;
    r->external_key = obj.external_key;
  }
  if (links.company_id && r->company_id != links.company_id) {
    r->company_id = links.company_id;
    changed = true;
  }
  return changed;
}

}  // namespace

ObjStatus MObjectOps::Failed(const MObj& obj, std::string error) {
  ObjStatus s;
  s.id = obj.id;  // echo the id the caller gave; xsi:nil when it gave none
  s.external_key = obj.external_key;
  s.status = Status::kFailed;
  s.error = std::move(error);
  return s;
}

ObjStatus MObjectOps::WithStatus(const MObj& obj, std::optional<int> id, Status status) {
  ObjStatus s;
  s.id = id;
  s.external_key = obj.external_key;
  s.status = status;
  return s;
}

ObjStatus MObjectOps::Count(ObjStatus s, const std::string& type) {
  // Client-chosen type names share one key: counters never grow with what a caller invents.
  const bool known = type == "Program" || type == "Opportunity" || type == "OpportunityPersonRole";
  stats_.CountObject(StatusName(s.status), type.empty() ? "(none)"
                                           : known      ? type
                                                        : "(unknown type)");
  return s;
}

std::vector<ObjStatus> MObjectOps::Sync(SyncOp op, const std::vector<MObj>& objects,
                                        std::time_t now) {
  // Choice: the limit is a request-level problem, so a fault (kBadParameter: "a parameter
  // value is bad") rather than per-object statuses; nothing of the batch is applied.
  if (objects.size() > kMaxSyncObjects) {
    throw MarketoFault(error_codes::kBadParameter,
                       "syncMObjects accepts at most 100 MObjects per call, got " +
                           std::to_string(objects.size()));
  }
  std::lock_guard<std::mutex> lock(store_.mutex());
  std::vector<ObjStatus> out;
  out.reserve(objects.size());
  for (const auto& obj : objects) out.push_back(Count(SyncOne(op, obj, now), obj.type));
  return out;
}

ObjStatus MObjectOps::SyncOne(SyncOp op, const MObj& obj, std::time_t now) {
  if (obj.type == "Program") return SyncProgram(op, obj, now);
  if (obj.type == "Opportunity" || obj.type == "OpportunityPersonRole") {
    return SyncRecord(op, obj, now);
  }
  // Choice: an unknown type fails that object only; the rest of the batch proceeds.
  return Failed(obj, "Invalid MObject type '" + obj.type +
                         "': syncMObjects supports Program, Opportunity and "
                         "OpportunityPersonRole");
}

ObjStatus MObjectOps::SyncRecord(SyncOp op, const MObj& obj, std::time_t now) {
  if (Problem p = CheckFields(obj)) return Failed(obj, *p);
  Links links;
  if (Problem p = ResolveAssociations(obj, store_, &links)) return Failed(obj, *p);

  Record* existing = nullptr;
  if (obj.id) {
    existing = store_.Find(obj.type, *obj.id);
  } else if (obj.external_key) {
    existing = store_.FindByKey(obj.type, *obj.external_key);
  }
  // Choice: an id names an object Marketo already assigned. INSERT/UPSERT with an id that does
  // not exist can't create it (ids are not client-chosen) -> FAILED; UPDATE -> SKIPPED (Marketo's
  // MObjStatusEnum: "UPDATE of missing object").
  if (existing == nullptr) {
    if (op == SyncOp::kUpdate) {
      if (!obj.id && !obj.external_key) return Failed(obj, "UPDATE requires id or externalKey");
      return WithStatus(obj, obj.id, Status::kSkipped);
    }
    if (obj.id) {
      return Failed(obj, obj.type + " with id " + std::to_string(*obj.id) +
                             " does not exist; omit id to create a new object");
    }
  } else if (op == SyncOp::kInsert) {
    return WithStatus(obj, existing->id, Status::kSkipped);  // INSERT skips existing objects
  }

  // Check a role's references against the final values before anything is written.
  const auto wanted = WantedValues(obj, links);
  if (obj.type == "OpportunityPersonRole") {
    if (Problem p = CheckRoleReferences(wanted, existing, store_)) return Failed(obj, *p);
  }
  const bool create = existing == nullptr;
  Record* r = create ? &store_.Create(obj.type, now) : existing;
  const bool changed = ApplyRecord(obj, links, wanted, r);
  if (create) return WithStatus(obj, r->id, Status::kCreated);
  if (changed) r->updated = now;
  return WithStatus(obj, r->id, changed ? Status::kUpdated : Status::kUnchanged);
}

}  // namespace mock
