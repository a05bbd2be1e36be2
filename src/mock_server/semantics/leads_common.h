// What the lead operations share: key lookup, the LeadRecord and activity views of a lead,
// batch sizes, update windows, type filters and stream tokens. Callers hold Store::mutex() where
// a Store or LeadBook is passed.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_LEADS_COMMON_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_LEADS_COMMON_H_

#include <ctime>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "semantics/leads_model.h"
#include "semantics/store.h"

namespace mock {

// Leads the key finds, ascending by id (so the most recently created is last). Throws
// kLeadKeyRequired for an empty value and kLeadKeyBad for a type that is no LeadKeyRef.
std::vector<int> FindLeads(const LeadBook& book, const LeadKey& key);
// Leads any of the first max_keys keys of a LeadKeySelector finds (empty keys skipped).
std::set<int> KeyedLeads(const LeadBook& book, const LeadSelector& s, std::size_t max_keys);
// The list a StaticListSelector names (the id wins over the name). Throws kParameterRequired
// without either, kListNotFound for an unknown one.
const StaticList& SelectedList(LeadBook& book, const LeadSelector& s);
// "IDNUM = 5": how fault and error texts name a key.
std::string KeyText(const LeadKey& key);

// The stored lead as a LeadRecord: Id, Email, foreign id and type as elements, every other
// non-empty field as an attribute in field-table order (include: only those names).
LeadOut ToLeadOut(const Record& lead, const std::vector<std::string>* include = nullptr);
ActivityOut ToActivityOut(LeadBook& book, const Activity& a);

// Appends an activity of the lead at `at`.
void LogActivity(Store& store, int lead, std::time_t at, const char* type, const std::string& asset,
                 std::vector<Attr> attrs);

// batchSize: absent -> fallback; above max -> max (Marketo caps); below 1 -> kBadParameter.
int BatchSize(const std::optional<int>& requested, int fallback, int max);

// Checks an update window (latest absent = now): kBadParameter when oldest is after latest,
// kTimeRangeExceeded when it spans more than 30 days. Returns the effective latest.
std::time_t CheckUpdateWindow(std::time_t oldest, const std::optional<std::time_t>& latest,
                              std::time_t now);

// kBadParameter when both includeTypes and excludeTypes are given.
void CheckTypeFilter(const TypeFilter& filter);
bool PassesTypeFilter(const TypeFilter& filter, const std::string& display_name);

// Text of a selector as sent, for binding stream tokens to it.
std::string SelectorText(const LeadSelector& s);
std::string TypeFilterText(const TypeFilter& f);

// Opaque stream tokens "mkto1:<kind>:<field>:...:<hash>" in hex. ParseStreamToken returns the
// fields, or throws kBadStreamPosition for anything that is not a token of this kind and hash.
std::string MakeStreamToken(const std::string& kind, const std::vector<std::string>& fields,
                            const std::string& hash);
std::vector<std::string> ParseStreamToken(const std::string& token, const std::string& kind,
                                          std::size_t field_count, const std::string& hash);
// A number field of a token ("-" = none); throws kBadStreamPosition when garbled.
std::optional<long long> TokenNumber(const std::string& field);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_LEADS_COMMON_H_
