// getLead and getMultipleLeads. getMultipleLeads pages in (updatedAt, id) order with a stream
// token bound to the selector, so paging neither skips nor repeats a lead that does not change
// meanwhile. Where Marketo's documentation is silent the decision is marked "Choice:".
#include <algorithm>
#include <climits>
#include <iterator>
#include <set>

#include "semantics/leads.h"
#include "semantics/leads_common.h"
#include "semantics/marketo_fault.h"
#include "text.h"

namespace mock {
namespace {

using Cursor = std::pair<std::time_t, int>;  // (updatedAt, id) of the last lead returned

constexpr char kTokenKind[] = "leads";

// The selector to run. Choice: the deprecated lastUpdatedAt alone stands for a
// LastUpdateAtSelector; beside a selector it is ignored.
LeadSelector EffectiveSelector(const LeadsQuery& q) {
  if (q.selector.kind != LeadSelector::Kind::kNone || !q.last_updated_at) return q.selector;
  LeadSelector s;
  s.kind = LeadSelector::Kind::kLastUpdate;
  s.oldest = q.last_updated_at;
  return s;
}

void CheckSelector(const LeadSelector& s) {
  if (s.kind == LeadSelector::Kind::kNone) {
    throw MarketoFault(error_codes::kParameterRequired, "leadSelector is required");
  }
}

std::optional<Cursor> ParseCursor(const std::string& token, const std::string& hash) {
  if (token.empty()) return std::nullopt;
  const auto f = ParseStreamToken(token, kTokenKind, 2, hash);
  const auto updated = TokenNumber(f[0]);
  const auto id = TokenNumber(f[1]);
  if (!updated || !id || *id < 0 || *id > INT_MAX) {
    throw MarketoFault(error_codes::kBadStreamPosition, "Invalid stream position");
  }
  return Cursor{static_cast<std::time_t>(*updated), static_cast<int>(*id)};
}

std::vector<Cursor> Positions(const LeadBook& book, const std::set<int>& ids) {
  std::vector<Cursor> out;
  out.reserve(ids.size());
  for (int id : ids) {
    if (auto it = book.all().find(id); it != book.all().end()) {
      out.emplace_back(it->second.updated, id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Leads of the key or list selector, in (updatedAt, id) order.
std::vector<Cursor> Candidates(LeadBook& book, const LeadSelector& s) {
  // Marketo: at most 100 keys; the rest are ignored.
  const std::set<int> ids = s.kind == LeadSelector::Kind::kKeys
                                ? KeyedLeads(book, s, kMaxSelectorKeys)
                                : SelectedList(book, s).members;
  return Positions(book, ids);
}

struct PageSpec {
  int batch;
  const std::vector<std::string>* include;
  std::string hash;
};

template <typename It>
LeadsPage TakePage(LeadBook& book, It from, It end, const PageSpec& spec) {
  LeadsPage page;
  Cursor last{};
  for (; from != end && static_cast<int>(page.leads.size()) < spec.batch; ++from) {
    page.leads.push_back(ToLeadOut(*book.Find(from->second), spec.include));
    last = *from;
  }
  page.remaining = static_cast<int>(std::distance(from, end));
  // Choice: the last page answers an empty newStreamPosition (as in Marketo's example).
  if (page.remaining > 0) {
    page.new_stream_position = MakeStreamToken(
        kTokenKind, {std::to_string(last.first), std::to_string(last.second)}, spec.hash);
  }
  return page;
}

}  // namespace

std::vector<LeadOut> LeadOps::GetLead(const LeadKey& key) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  LeadBook& book = store_.leads();
  const std::vector<int> ids = FindLeads(book, key);
  if (ids.empty()) {
    throw MarketoFault(error_codes::kLeadNotFound, "No lead found with " + KeyText(key));
  }
  std::vector<LeadOut> out;
  out.reserve(ids.size());
  for (int id : ids) out.push_back(ToLeadOut(*book.Find(id)));
  return out;
}

LeadsPage LeadOps::GetMultipleLeads(const LeadsQuery& q, std::time_t now) {
  const LeadSelector s = EffectiveSelector(q);
  CheckSelector(s);
  std::time_t latest = 0;
  if (s.kind == LeadSelector::Kind::kLastUpdate) {
    latest = CheckUpdateWindow(*s.oldest, s.latest, now);
  }
  // Choice: batchSize defaults to 100 and is capped at 1000 (the docs give both figures);
  // includeAttributes filters leadAttributeList only, ignores unknown names, and empty = all.
  PageSpec spec{
      BatchSize(q.batch_size, kDefaultLeadBatch, kMaxLeadBatch),
      q.include_attributes && !q.include_attributes->empty() ? &*q.include_attributes : nullptr,
      HashHex(SelectorText(s))};
  const std::optional<Cursor> cursor = ParseCursor(q.stream_position, spec.hash);

  std::lock_guard<std::mutex> lock(store_.mutex());
  LeadBook& book = store_.leads();
  if (s.kind != LeadSelector::Kind::kLastUpdate) {
    const std::vector<Cursor> all = Candidates(book, s);
    const auto from = cursor ? std::upper_bound(all.begin(), all.end(), *cursor) : all.begin();
    return TakePage(book, from, all.end(), spec);
  }
  const auto& index = book.by_updated();
  const Cursor first{*s.oldest, INT_MIN};
  const Cursor end_key{latest, INT_MAX};
  auto from = cursor && *cursor >= first ? index.upper_bound(*cursor) : index.lower_bound(first);
  const auto end = index.upper_bound(end_key);
  if (cursor && *cursor >= end_key) from = end;
  return TakePage(book, from, end, spec);
}

}  // namespace mock
