// syncMObjects for Program: only Cost lines and Tags can change, and only with UPDATE.
// Where Marketo's documentation is silent the decision is marked "Choice:".
#include <cstdlib>
#include <map>

#include "semantics/mobjects.h"
#include "semantics/values.h"

namespace mock {
namespace {

// Why an object FAILED; nullopt when it passed the check.
using Problem = std::optional<std::string>;

// One typeAttrib group's attributes by name (the last one given wins).
using GroupValues = std::map<std::string, std::string>;

struct CostChange {
  std::optional<int> id;  // the line to update; a new line without
  std::string month;
  std::string amount;
  std::optional<std::string> note;
};

// The validated changes of one Program object.
struct ProgramChanges {
  std::vector<CostChange> costs;
  std::vector<Tag> tags;
};

// Month "YYYY-MM" (request form) or "YYYY-MM-DD" -> "YYYY-MM-01" (the form getMObjects returns).
std::optional<std::string> NormaliseMonth(const std::string& m) {
  const std::string probe = m.size() == 7 ? m + "-01" : m;
  if (probe.size() != 10 || !IsDate(probe)) return std::nullopt;
  const int month = std::atoi(probe.substr(5, 2).c_str());
  if (month < 1 || month > 12) return std::nullopt;
  return probe.substr(0, 8) + "01";
}

Problem ParseCost(const GroupValues& v, const Record& program, CostChange* out) {
  for (const auto& [name, value] : v) {
    if (name != "Month" && name != "Amount" && name != "Id" && name != "Note") {
      return "Unknown Cost attribute '" + name + "' (use Month, Amount, Id, Note)";
    }
  }
  if (!v.count("Month")) return "Cost requires Month (YYYY-MM)";
  if (!v.count("Amount")) return "Cost requires Amount";
  const auto month = NormaliseMonth(v.at("Month"));
  if (!month) return "Invalid Cost Month '" + v.at("Month") + "' (use YYYY-MM)";
  if (!ParseNumber(v.at("Amount"))) {
    return "Invalid Cost Amount '" + v.at("Amount") + "' (must be numeric)";
  }
  out->month = *month;
  out->amount = v.at("Amount");
  if (v.count("Note")) out->note = v.at("Note");
  if (v.count("Id")) {
    out->id = ParseId(v.at("Id"));
    if (!out->id) return "Invalid Cost Id '" + v.at("Id") + "'";
    bool found = false;
    for (const auto& line : program.costs) found = found || line.id == *out->id;
    if (!found) {
      return "Cost Id " + v.at("Id") + " does not exist on Program " + std::to_string(program.id);
    }
  }
  return std::nullopt;
}

// Choice: a Tag must name an existing type and value; the API cannot create either.
Problem ParseTag(const GroupValues& v, const Store& store, Tag* out) {
  for (const auto& [name, value] : v) {
    if (name != "Type" && name != "Value") {
      return "Unknown Tag attribute '" + name + "' (use Type, Value)";
    }
  }
  if (!v.count("Type") || !v.count("Value")) return "Tag requires Type and Value";
  const auto tt = store.tag_types().find(v.at("Type"));
  if (tt == store.tag_types().end()) {
    return "Tag type '" + v.at("Type") +
           "' does not exist; tag types cannot be created through the API";
  }
  bool known = false;
  for (const auto& value : tt->second) known = known || value == v.at("Value");
  if (!known) {
    return "Tag value '" + v.at("Value") + "' does not exist for tag type '" + v.at("Type") +
           "'; tag values cannot be created through the API";
  }
  *out = Tag{v.at("Type"), v.at("Value")};
  return std::nullopt;
}

// Validates every group first, so an object is applied completely or not at all.
Problem ParseGroups(const MObj& obj, const Record& program, const Store& store,
                    ProgramChanges* out) {
  for (const auto& g : obj.type_attrs) {
    GroupValues v;
    for (const auto& a : g.attrs) v[a.name] = a.value;
    if (g.attr_type == "Cost") {
      CostChange c;
      if (Problem p = ParseCost(v, program, &c)) return p;
      out->costs.push_back(c);
    } else if (g.attr_type == "Tag") {
      Tag t;
      if (Problem p = ParseTag(v, store, &t)) return p;
      out->tags.push_back(t);
    } else {
      return "attrType '" + g.attr_type + "' cannot be synced; Program accepts Cost and Tag";
    }
  }
  return std::nullopt;
}

// Updates the lines named by Id, adds the others; true when anything changed.
bool ApplyCosts(const std::vector<CostChange>& costs, Store& store, Record* p) {
  bool changed = false;
  for (const auto& c : costs) {
    if (!c.id) {
      p->costs.push_back(Cost{store.NextCostId(), c.month, c.amount, c.note.value_or("")});
      changed = true;
      continue;
    }
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
  }
  return changed;
}

// Replaces the value of each tag's type (adds the type if missing); true when anything changed.
bool ApplyTags(const std::vector<Tag>& tags, Record* p) {
  bool changed = false;
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
  return changed;
}

}  // namespace

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

  ProgramChanges changes;
  if (Problem problem = ParseGroups(obj, *p, store_, &changes)) return Failed(obj, *problem);
  const bool costs_changed = ApplyCosts(changes.costs, store_, p);
  const bool tags_changed = ApplyTags(changes.tags, p);
  const bool changed = costs_changed || tags_changed;
  if (changed) p->updated = now;
  return WithStatus(obj, p->id, changed ? Status::kUpdated : Status::kUnchanged);
}

}  // namespace mock
