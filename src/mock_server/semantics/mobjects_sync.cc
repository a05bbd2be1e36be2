// syncMObjects (reference §4.1). Decisions where the reference is silent are marked "Choice:".
#include <map>

#include "semantics/marketo_fault.h"
#include "semantics/mobjects.h"
#include "semantics/mobjects_describe.h"
#include "semantics/values.h"

namespace mock {
namespace {

ObjStatus Failed(const MObj& obj, std::string error) {
  ObjStatus s;
  s.id = obj.id;  // echo the id the caller gave; xsi:nil when it gave none
  s.external_key = obj.external_key;
  s.status = Status::kFailed;
  s.error = std::move(error);
  return s;
}

ObjStatus WithStatus(const MObj& obj, std::optional<int> id, Status status) {
  ObjStatus s;
  s.id = id;
  s.external_key = obj.external_key;
  s.status = status;
  return s;
}

// Month "YYYY-MM" (request form) or "YYYY-MM-DD" -> "YYYY-MM-01" (the form getMObjects returns).
std::optional<std::string> NormaliseMonth(const std::string& m) {
  const std::string probe = m.size() == 7 ? m + "-01" : m;
  if (probe.size() != 10 || !IsDate(probe)) return std::nullopt;
  const int month = std::atoi(probe.substr(5, 2).c_str());
  if (month < 1 || month > 12) return std::nullopt;
  return probe.substr(0, 8) + "01";
}

struct CostChange {
  std::optional<int> id;
  std::string month;
  std::string amount;
  std::optional<std::string> note;
};

}  // namespace

ObjStatus MObjectOps::Count(ObjStatus s, const std::string& type) {
  stats_.CountObject(StatusName(s.status), type.empty() ? "(none)" : type);
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

ObjStatus MObjectOps::SyncProgram(SyncOp op, const MObj& obj, std::time_t now) {
  if (op != SyncOp::kUpdate) {
    return Failed(obj, "Program objects can only be synced with operation UPDATE");
  }
  if (!obj.id) return Failed(obj, "Program objects are identified by id; id is required");
  Record* p = store_.Find("Program", *obj.id);
  if (p == nullptr) return WithStatus(obj, obj.id, Status::kSkipped);  // UPDATE skips new objects
  if (!obj.attrs.empty()) {
    return Failed(obj, "Program attribute '" + obj.attrs.front().name +
                           "' cannot be changed through the API; only Cost and Tag can");
  }
  if (!obj.assocs.empty()) return Failed(obj, "Program objects take no associations");

  // Validate every group first, so an object is applied completely or not at all.
  std::vector<CostChange> costs;
  std::vector<Tag> tags;
  for (const auto& g : obj.type_attrs) {
    std::map<std::string, std::string> v;
    for (const auto& a : g.attrs) v[a.name] = a.value;
    if (g.attr_type == "Cost") {
      for (const auto& [name, value] : v) {
        if (name != "Month" && name != "Amount" && name != "Id" && name != "Note") {
          return Failed(obj, "Unknown Cost attribute '" + name + "' (use Month, Amount, Id, Note)");
        }
      }
      CostChange c;
      if (!v.count("Month")) return Failed(obj, "Cost requires Month (YYYY-MM)");
      if (!v.count("Amount")) return Failed(obj, "Cost requires Amount");
      const auto month = NormaliseMonth(v["Month"]);
      if (!month) return Failed(obj, "Invalid Cost Month '" + v["Month"] + "' (use YYYY-MM)");
      if (!ParseNumber(v["Amount"])) {
        return Failed(obj, "Invalid Cost Amount '" + v["Amount"] + "' (must be numeric)");
      }
      c.month = *month;
      c.amount = v["Amount"];
      if (v.count("Note")) c.note = v["Note"];
      if (v.count("Id")) {
        c.id = ParseId(v["Id"]);
        if (!c.id) return Failed(obj, "Invalid Cost Id '" + v["Id"] + "'");
        bool found = false;
        for (const auto& line : p->costs) found = found || line.id == *c.id;
        if (!found) {
          return Failed(
              obj, "Cost Id " + v["Id"] + " does not exist on Program " + std::to_string(p->id));
        }
      }
      costs.push_back(c);
    } else if (g.attr_type == "Tag") {
      for (const auto& [name, value] : v) {
        if (name != "Type" && name != "Value") {
          return Failed(obj, "Unknown Tag attribute '" + name + "' (use Type, Value)");
        }
      }
      if (!v.count("Type") || !v.count("Value")) return Failed(obj, "Tag requires Type and Value");
      const auto tt = store_.tag_types().find(v["Type"]);
      if (tt == store_.tag_types().end()) {
        return Failed(obj, "Tag type '" + v["Type"] +
                               "' does not exist; tag types cannot be created through the API");
      }
      bool known = false;
      for (const auto& value : tt->second) known = known || value == v["Value"];
      if (!known) {
        return Failed(obj, "Tag value '" + v["Value"] + "' does not exist for tag type '" +
                               v["Type"] + "'; tag values cannot be created through the API");
      }
      tags.push_back(Tag{v["Type"], v["Value"]});
    } else {
      return Failed(
          obj, "attrType '" + g.attr_type + "' cannot be synced; Program accepts Cost and Tag");
    }
  }

  bool changed = false;
  for (const auto& c : costs) {
    if (c.id) {
      for (auto& line : p->costs) {
        if (line.id != *c.id) continue;
        const bool differs =
            line.month != c.month || line.amount != c.amount || (c.note && line.note != *c.note);
        if (differs) {
          line.month = c.month;
          line.amount = c.amount;
          if (c.note) line.note = *c.note;
          changed = true;
        }
      }
    } else {
      p->costs.push_back(Cost{store_.NextCostId(), c.month, c.amount, c.note.value_or("")});
      changed = true;
    }
  }
  for (const auto& t : tags) {
    bool found = false;
    for (auto& existing : p->tags) {
      if (existing.type != t.type) continue;
      found = true;
      if (existing.value != t.value) {
        existing.value = t.value;
        changed = true;
      }
    }
    if (!found) {
      p->tags.push_back(t);
      changed = true;
    }
  }
  if (changed) p->updated = now;
  return WithStatus(obj, p->id, changed ? Status::kUpdated : Status::kUnchanged);
}

ObjStatus MObjectOps::SyncRecord(SyncOp op, const MObj& obj, std::time_t now) {
  const std::string& type = obj.type;
  const bool is_role = type == "OpportunityPersonRole";
  for (const auto& a : obj.attrs) {
    const FieldMeta* f = FindField(type, a.name);
    if (f == nullptr) return Failed(obj, "Unknown field '" + a.name + "' for " + type);
    if (f->readonly) return Failed(obj, "Field '" + a.name + "' is read-only");
    if (!ValueFitsType(f->data_type, a.value)) {
      return Failed(
          obj, "Invalid value '" + a.value + "' for field '" + a.name + "' (" + f->data_type + ")");
    }
  }
  if (obj.external_key) {
    const FieldMeta* f = FindField(type, obj.external_key->name);
    if (f == nullptr || f->readonly) {
      return Failed(obj, "externalKey '" + obj.external_key->name + "' is not a field of " + type);
    }
  }
  if (!obj.type_attrs.empty()) return Failed(obj, "typeAttribList is only supported for Program");

  // Associations: Company for an Opportunity; Opportunity and Lead for a role.
  std::optional<int> company_id;
  std::map<std::string, std::string> assoc_attrs;  // role: OpportunityId / PersonId
  for (const auto& as : obj.assocs) {
    std::string target;
    if (!is_role && as.type == "Company") target = "Company";
    if (is_role && (as.type == "Opportunity" || as.type == "Lead")) target = as.type;
    if (target.empty()) {
      return Failed(obj, "Association type '" + as.type + "' is not valid for " + type);
    }
    Record* r = nullptr;
    if (as.id) {
      r = store_.Find(target, *as.id);
    } else if (as.external_key) {
      r = store_.FindByKey(target, *as.external_key);
    } else {
      return Failed(obj, "Association " + as.type + " needs id or externalKey");
    }
    if (r == nullptr) {
      return Failed(obj, "Associated " + as.type + " not found (" +
                             (as.id ? "id " + std::to_string(*as.id)
                                    : as.external_key->name + " = " + as.external_key->value) +
                             ")");
    }
    if (target == "Company") company_id = r->id;
    if (target == "Opportunity") assoc_attrs["OpportunityId"] = std::to_string(r->id);
    if (target == "Lead") assoc_attrs["PersonId"] = std::to_string(r->id);
  }

  Record* existing = nullptr;
  if (obj.id) {
    existing = store_.Find(type, *obj.id);
  } else if (obj.external_key) {
    existing = store_.FindByKey(type, *obj.external_key);
  }

  // Choice: an id names an object Marketo already assigned. INSERT/UPSERT with an id that does
  // not exist can't create it (ids are not client-chosen) -> FAILED; UPDATE -> SKIPPED (reference
  // MObjStatusEnum: "UPDATE of missing object").
  if (existing == nullptr) {
    if (op == SyncOp::kUpdate) {
      if (!obj.id && !obj.external_key) return Failed(obj, "UPDATE requires id or externalKey");
      return WithStatus(obj, obj.id, Status::kSkipped);
    }
    if (obj.id) {
      return Failed(obj, type + " with id " + std::to_string(*obj.id) +
                             " does not exist; omit id to create a new object");
    }
  } else if (op == SyncOp::kInsert) {
    return WithStatus(obj, existing->id, Status::kSkipped);  // INSERT skips existing objects
  }

  // The final field values, to check a role's references before anything is written.
  std::map<std::string, std::string> wanted;
  for (const auto& a : obj.attrs) wanted[a.name] = a.value;
  for (const auto& [k, v] : assoc_attrs) wanted[k] = v;
  if (obj.external_key) wanted[obj.external_key->name] = obj.external_key->value;
  if (is_role) {
    for (const char* ref : {"OpportunityId", "PersonId"}) {
      std::string value;
      if (wanted.count(ref)) {
        value = wanted[ref];
      } else if (existing != nullptr && GetAttr(*existing, ref) != nullptr) {
        value = *GetAttr(*existing, ref);
      }
      if (value.empty()) return Failed(obj, std::string(ref) + " is required");
      const auto id = ParseId(value);
      const char* target = std::string(ref) == "PersonId" ? "Lead" : "Opportunity";
      if (!id || store_.Find(target, *id) == nullptr) {
        return Failed(obj, std::string(ref) + " " + value + " does not exist");
      }
    }
  }

  const bool create = existing == nullptr;
  Record* r = create ? &store_.Create(type, now) : existing;
  bool changed = false;
  // Keep the caller's attribute order, then association-derived values.
  for (const auto& a : obj.attrs) changed = SetAttr(r, a.name, wanted[a.name]) || changed;
  for (const auto& [k, v] : assoc_attrs) changed = SetAttr(r, k, v) || changed;
  if (obj.external_key) {
    changed = SetAttr(r, obj.external_key->name, obj.external_key->value) || changed;
    r->external_key = obj.external_key;
  }
  if (company_id && r->company_id != company_id) {
    r->company_id = company_id;
    changed = true;
  }
  if (create) return WithStatus(obj, r->id, Status::kCreated);
  if (changed) r->updated = now;
  return WithStatus(obj, r->id, changed ? Status::kUpdated : Status::kUnchanged);
}

}  // namespace mock
