#include "semantics/leads_common.h"

#include <algorithm>
#include <sstream>

#include "semantics/leads.h"
#include "semantics/leads_fields.h"
#include "semantics/marketo_fault.h"
#include "semantics/values.h"
#include "text.h"

namespace mock {
namespace {

std::string AttrOr(const Record& r, const char* name) {
  const std::string* v = GetAttr(r, name);
  return v != nullptr ? *v : std::string();
}

MarketoFault BadToken() {
  return MarketoFault(error_codes::kBadStreamPosition,
                      "Invalid stream position; restart without one");
}

}  // namespace

std::vector<int> FindLeads(const LeadBook& book, const LeadKey& key) {
  if (!IsLeadKeyType(key.type)) {
    throw MarketoFault(error_codes::kLeadKeyBad, "Unknown lead key type '" + key.type + "'");
  }
  // Choice: an empty key value is a missing key (20101), not a key that finds nothing.
  if (key.value.empty()) {
    throw MarketoFault(error_codes::kLeadKeyRequired, "The " + key.type + " lead key has no value");
  }
  if (key.type == "IDNUM") {
    const auto id = ParseId(key.value);
    if (!id || book.all().count(*id) == 0) return {};
    return {*id};
  }
  if (key.type == "COOKIE") {
    const auto id = book.FindByCookie(key.value);
    return id ? std::vector<int>{*id} : std::vector<int>{};
  }
  return book.FindByAttr(FieldForKeyType(key.type)->name, key.value);
}

std::set<int> KeyedLeads(const LeadBook& book, const LeadSelector& s, std::size_t max_keys) {
  std::set<int> ids;
  const std::size_t n = std::min(s.keys.size(), max_keys);
  for (std::size_t i = 0; i < n; ++i) {
    if (s.keys[i].empty()) continue;
    for (int id : FindLeads(book, LeadKey{s.key_type, s.keys[i]})) ids.insert(id);
  }
  return ids;
}

const StaticList& SelectedList(LeadBook& book, const LeadSelector& s) {
  if (!s.list_id && !s.list_name) {
    throw MarketoFault(error_codes::kParameterRequired,
                       "StaticListSelector needs staticListName or staticListId");
  }
  // Choice: with both, the id wins; names compare case-insensitively.
  const StaticList* list = s.list_id ? book.FindList(*s.list_id) : book.FindList(*s.list_name);
  if (list == nullptr) {
    throw MarketoFault(error_codes::kListNotFound,
                       "Static list " +
                           (s.list_id ? std::to_string(*s.list_id) : "'" + *s.list_name + "'") +
                           " not found");
  }
  return *list;
}

std::string KeyText(const LeadKey& key) { return key.type + " = " + key.value; }

LeadOut ToLeadOut(const Record& lead, const std::vector<std::string>* include) {
  LeadOut out;
  out.id = lead.id;
  out.email = AttrOr(lead, kEmail);
  out.foreign_id = AttrOr(lead, kForeignId);
  out.foreign_type = AttrOr(lead, kForeignType);
  for (const auto& f : LeadFields()) {
    if (f.top_level) continue;
    if (include != nullptr &&
        std::find(include->begin(), include->end(), f.name) == include->end()) {
      continue;
    }
    std::string value;
    if (f.name == std::string(kCreatedAtField)) {
      value = FormatTimestamp(lead.created);
    } else if (f.name == std::string(kUpdatedAtField)) {
      value = FormatTimestamp(lead.updated);
    } else {
      value = AttrOr(lead, f.name);
    }
    // Choice (and Marketo's getLead): empty fields are left out.
    if (!value.empty()) out.attrs.push_back(LeadAttrOut{f.name, f.type, value});
  }
  return out;
}

ActivityOut ToActivityOut(LeadBook& book, const Activity& a) {
  ActivityOut out;
  out.id = a.id;
  out.guid = ActivityGuid(a.id);
  out.at = a.at;
  out.type = a.type;
  out.asset = a.asset;
  out.attrs = a.attrs;
  out.campaign = a.campaign;
  out.lead_id = a.lead_id;
  if (const Record* lead = book.Find(a.lead_id)) {
    const std::string first = AttrOr(*lead, "FirstName"), last = AttrOr(*lead, "LastName");
    out.person_name = first.empty() || last.empty() ? first + last : first + " " + last;
    out.foreign_id = AttrOr(*lead, kForeignId);
    out.org_name = AttrOr(*lead, "Company");
    out.foreign_org = AttrOr(*lead, "SFDCAccountId");
  }
  return out;
}

void LogActivity(Store& store, int lead, std::time_t at, const char* type, const std::string& asset,
                 std::vector<Attr> attrs) {
  store.activities().Append(Activity{0, lead, at, type, asset, std::move(attrs), ""});
}

int BatchSize(const std::optional<int>& requested, int fallback, int max) {
  if (!requested) return fallback;
  if (*requested < 1) {
    throw MarketoFault(error_codes::kBadParameter,
                       "batchSize must be at least 1, got " + std::to_string(*requested));
  }
  return std::min(*requested, max);
}

std::time_t CheckUpdateWindow(std::time_t oldest, const std::optional<std::time_t>& latest,
                              std::time_t now) {
  // Choice: an open window ends now, so the 30-day limit still applies to it.
  const std::time_t until = latest ? *latest : now;
  if (oldest > until) {
    throw MarketoFault(error_codes::kBadParameter, "oldestUpdatedAt " + FormatTimestamp(oldest) +
                                                       " is after latestUpdatedAt " +
                                                       FormatTimestamp(until));
  }
  if (until - oldest > kMaxUpdateWindow) {
    throw MarketoFault(error_codes::kTimeRangeExceeded,
                       "Time range from " + FormatTimestamp(oldest) + " to " +
                           FormatTimestamp(until) + " exceeds 30 days");
  }
  return until;
}

void CheckTypeFilter(const TypeFilter& filter) {
  // Choice: Marketo says "never both"; both is a bad parameter rather than one winning.
  if (!filter.include.empty() && !filter.exclude.empty()) {
    throw MarketoFault(error_codes::kBadParameter,
                       "activityFilter takes includeTypes or excludeTypes, not both");
  }
}

// Choice: a token of a type the mock never writes is valid and simply matches nothing.
bool PassesTypeFilter(const TypeFilter& filter, const std::string& display_name) {
  const auto named = [&](const std::vector<std::string>& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
      const char* display = ActivityDisplayName(t);
      return display != nullptr && display_name == display;
    });
  };
  if (!filter.include.empty()) return named(filter.include);
  return filter.exclude.empty() || !named(filter.exclude);
}

std::string SelectorText(const LeadSelector& s) {
  std::ostringstream out;
  out << static_cast<int>(s.kind) << '\n' << s.key_type << '\n';
  for (const auto& k : s.keys) out << k << '\x1f';
  out << '\n' << (s.list_name ? *s.list_name : "-") << '\n';
  out << (s.list_id ? std::to_string(*s.list_id) : "-") << '\n';
  out << (s.oldest ? std::to_string(*s.oldest) : "-") << '\n';
  out << (s.latest ? std::to_string(*s.latest) : "-");
  return out.str();
}

std::string TypeFilterText(const TypeFilter& f) {
  std::string out = "+";
  for (const auto& t : f.include) out += t + ",";
  out += "-";
  for (const auto& t : f.exclude) out += t + ",";
  return out;
}

std::string MakeStreamToken(const std::string& kind, const std::vector<std::string>& fields,
                            const std::string& hash) {
  std::string text = "mkto1:" + kind;
  for (const auto& f : fields) text += ":" + f;
  return ToHex(text + ":" + hash);
}

std::vector<std::string> ParseStreamToken(const std::string& token, const std::string& kind,
                                          std::size_t field_count, const std::string& hash) {
  const auto text = FromHex(token);
  if (!text) throw BadToken();
  std::vector<std::string> parts;
  std::stringstream ss(*text);
  for (std::string p; std::getline(ss, p, ':');) parts.push_back(p);
  if (parts.size() != field_count + 3 || parts[0] != "mkto1" || parts[1] != kind ||
      parts.back() != hash) {
    throw BadToken();
  }
  return std::vector<std::string>(parts.begin() + 2, parts.end() - 1);
}

std::optional<long long> TokenNumber(const std::string& field) {
  if (field == "-") return std::nullopt;
  const bool negative = !field.empty() && field[0] == '-';
  const std::string digits = negative ? field.substr(1) : field;
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    throw BadToken();
  }
  const long long v = std::stoll(digits);
  return negative ? -v : v;
}

}  // namespace mock
