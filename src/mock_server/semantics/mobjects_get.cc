// getMObjects: criteria, association filters and paging by stream position.
#include <algorithm>
#include <sstream>

#include "semantics/marketo_fault.h"
#include "semantics/mobjects.h"
#include "semantics/mobjects_describe.h"
#include "semantics/values.h"
#include "text.h"

namespace mock {
namespace {

bool IsGettable(const std::string& type) {
  return type == "Program" || type == "Opportunity" || type == "OpportunityPersonRole";
}

// Criteria names per type: Marketo's documented list plus the mktows 2_1 WSDL comment.
bool IsKnownCriterion(const std::string& type, const std::string& name) {
  static const char* const kCommon[] = {"Id", "Created At", "Updated At", "CRM Id"};
  for (const char* n : kCommon) {
    if (name == n) return true;
  }
  if (type == "Program") {
    static const char* const kProgram[] = {
        "Name",         "Type",           "Tag Type",        "Tag Value",
        "Workspace Id", "Workspace Name", "Include Archive", "Is Archived",
        "Tree Path"};
    for (const char* n : kProgram) {
      if (name == n) return true;
    }
    return false;
  }
  const FieldMeta* f = FindField(type, name);
  return f != nullptr;
}

// A time criterion value: full timestamp or a plain date (midnight UTC).
std::optional<std::time_t> ParseCriterionTime(const std::string& v) {
  if (auto t = ParseTimestamp(v)) return t;
  if (v.size() == 10 && IsDate(v)) return ParseTimestamp(v + "T00:00:00Z");
  return std::nullopt;
}

// Everything that selects objects; the token is bound to it so that a token of another query is
// rejected instead of silently returning the wrong page.
std::string QueryHashHex(const GetQuery& q) {
  std::ostringstream s;
  s << q.type << '\n' << (q.id ? std::to_string(*q.id) : "-") << '\n';
  if (q.external_key) s << q.external_key->name << '=' << q.external_key->value;
  s << '\n';
  for (const auto& c : q.criteria) {
    s << c.name << '\x1f' << c.comparison << '\x1f' << c.value << '\n';
  }
  for (const auto& a : q.assocs) {
    s << a.type << '\x1f' << (a.id ? std::to_string(*a.id) : "-") << '\x1f';
    if (a.external_key) s << a.external_key->name << '=' << a.external_key->value;
    s << '\n';
  }
  s << q.include_details;
  return HashHex(s.str());
}

std::string MakeToken(const GetQuery& q, int last_id) {
  return ToHex("mkto1:" + q.type + ":" + std::to_string(last_id) + ":" + QueryHashHex(q));
}

// The last id returned so far; throws kBadStreamPosition for anything that is not our token for
// this query.
int ParseToken(const GetQuery& q, const std::string& token) {
  const auto bad = [] {
    return MarketoFault(error_codes::kBadStreamPosition,
                        "Invalid stream position; restart without streamPosition");
  };
  const auto text = FromHex(token);
  if (!text) throw bad();
  std::vector<std::string> parts;
  std::stringstream ss(*text);
  std::string p;
  while (std::getline(ss, p, ':')) parts.push_back(p);
  if (parts.size() != 4 || parts[0] != "mkto1" || parts[1] != q.type ||
      parts[3] != QueryHashHex(q)) {
    throw bad();
  }
  const auto id = ParseId(parts[2]);
  if (!id) throw bad();
  return *id;
}

std::string Value(const Record& r, const std::string& name) {
  if (name == "Id") return std::to_string(r.id);
  const std::string* v = GetAttr(r, name);
  return v ? *v : "";
}

bool MatchesCriterion(const Record& r, const Criterion& c) {
  if (c.name == "Include Archive") return true;  // a flag, handled by the caller
  if (c.name == "Tag Type" || c.name == "Tag Value") {
    bool any = false;
    for (const auto& t : r.tags) {
      any = any || EqualsIgnoreCase(c.name == "Tag Type" ? t.type : t.value, c.value);
    }
    return c.comparison == "NE" ? !any : any;
  }
  if (c.name == "Created At" || c.name == "Updated At") {
    const auto want = ParseCriterionTime(c.value);
    const std::time_t have = c.name == "Created At" ? r.created : r.updated;
    const int cmp = have < *want ? -1 : (have > *want ? 1 : 0);
    return *ApplyComparison(c.comparison, cmp);
  }
  return *ApplyComparison(c.comparison, CompareValues(Value(r, c.name), c.value));
}

MObj ToMObj(const Record& r, bool details) {
  MObj m;
  m.type = r.type;
  m.id = r.id;
  m.created_at = r.created;
  m.updated_at = r.updated;
  if (r.type == "Program" && !details) {
    if (const std::string* name = GetAttr(r, "Name")) m.attrs.push_back(Attr{"Name", *name});
    return m;
  }
  m.attrs = r.attrs;
  if (r.type == "Program") {
    for (const auto& t : r.tags) {
      m.type_attrs.push_back(TypeAttrGroup{"Tag", {{"Type", t.type}, {"Value", t.value}}});
    }
    for (const auto& c : r.costs) {
      m.type_attrs.push_back(TypeAttrGroup{"Cost",
                                           {{"Id", std::to_string(c.id)},
                                            {"Month", c.month},
                                            {"Amount", c.amount},
                                            {"Note", c.note}}});
    }
  }
  if (r.company_id) m.assocs.push_back(Assoc{"Company", r.company_id, std::nullopt});
  return m;
}

// Throws kBadParameter for a type, criterion or comparison getMObjects does not take. Returns
// whether "Include Archive" asks for archived Programs.
bool CheckQuery(const GetQuery& q) {
  if (!IsGettable(q.type)) {
    throw MarketoFault(error_codes::kBadParameter,
                       "Invalid MObject type '" + q.type +
                           "': getMObjects supports Program, Opportunity and "
                           "OpportunityPersonRole");
  }
  bool include_archive = false;
  for (const auto& c : q.criteria) {
    if (!IsKnownCriterion(q.type, c.name)) {
      throw MarketoFault(error_codes::kBadParameter,
                         "Unknown criteria attribute '" + c.name + "' for " + q.type);
    }
    if (!ApplyComparison(c.comparison, 0)) {
      throw MarketoFault(error_codes::kBadParameter, "Unknown comparison '" + c.comparison + "'");
    }
    if ((c.name == "Tag Type" || c.name == "Tag Value") && c.comparison != "EQ" &&
        c.comparison != "NE") {
      throw MarketoFault(error_codes::kBadParameter,
                         "Criteria '" + c.name + "' supports EQ and NE only");
    }
    if ((c.name == "Created At" || c.name == "Updated At") && !ParseCriterionTime(c.value)) {
      throw MarketoFault(error_codes::kBadParameter,
                         "Invalid date '" + c.value + "' for criteria '" + c.name + "'");
    }
    if (c.name == "Include Archive") {
      include_archive = EqualsIgnoreCase(c.value, "true") || c.value == "1";
    }
  }
  return include_archive;
}

// The ids the association filters require.
struct AssocFilter {
  std::optional<int> company;
  std::map<std::string, int> refs;  // OpportunityId / PersonId
  bool impossible = false;          // a filter that resolves to nothing matches nothing
};

// Throws kBadParameter for an association the type does not have.
AssocFilter ResolveAssocFilter(const GetQuery& q, Store& store) {
  AssocFilter f;
  for (const auto& a : q.assocs) {
    const bool ok =
        (q.type == "Opportunity" && a.type == "Company") ||
        (q.type == "OpportunityPersonRole" && (a.type == "Opportunity" || a.type == "Lead"));
    if (!ok) {
      throw MarketoFault(error_codes::kBadParameter,
                         "Association type '" + a.type + "' is not valid for " + q.type);
    }
    const Record* r = a.id ? store.Find(a.type, *a.id)
                           : (a.external_key ? store.FindByKey(a.type, *a.external_key) : nullptr);
    if (r == nullptr) {
      f.impossible = true;
      continue;
    }
    if (a.type == "Company") f.company = r->id;
    if (a.type == "Opportunity") f.refs["OpportunityId"] = r->id;
    if (a.type == "Lead") f.refs["PersonId"] = r->id;
  }
  return f;
}

bool Selects(const GetQuery& q, const AssocFilter& f, bool include_archive, const Record& r) {
  if (q.id && r.id != *q.id) return false;
  if (q.external_key) {
    const std::string* v = GetAttr(r, q.external_key->name);
    if (v == nullptr || *v != q.external_key->value) return false;
  }
  if (r.type == "Program" && !q.id && !include_archive) {
    const std::string* archived = GetAttr(r, "Is Archived");
    if (archived != nullptr && *archived == "true") return false;
  }
  if (f.company && r.company_id != f.company) return false;
  bool ok = true;
  for (const auto& [field, id] : f.refs) ok = ok && Value(r, field) == std::to_string(id);
  for (const auto& c : q.criteria) ok = ok && MatchesCriterion(r, c);
  return ok;
}

}  // namespace

GetResult MObjectOps::Get(const GetQuery& q) {
  const bool include_archive = CheckQuery(q);
  int after_id = 0;
  if (q.stream_position && !q.stream_position->empty()) {
    after_id = ParseToken(q, *q.stream_position);
  }

  std::lock_guard<std::mutex> lock(store_.mutex());
  const AssocFilter filter = ResolveAssocFilter(q, store_);
  GetResult out;
  const auto* recs = store_.OfType(q.type);
  int last_id = after_id;
  if (recs != nullptr && !filter.impossible) {
    // Pages by id: the next page starts after the last id of this one.
    for (auto it = recs->upper_bound(after_id); it != recs->end(); ++it) {
      const Record& r = it->second;
      if (!Selects(q, filter, include_archive, r)) continue;
      if (out.objects.size() == kPageSize) {
        out.has_more = true;
        break;
      }
      out.objects.push_back(ToMObj(r, q.include_details));
      last_id = r.id;
    }
  }
  out.new_stream_position = MakeToken(q, last_id);
  return out;
}

}  // namespace mock
