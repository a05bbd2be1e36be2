// getLeadActivity (one lead, newest first) and getLeadChanges (every lead, oldest first), both
// paged by an offset token bound to the lead, filters and selector. Where Marketo's documentation
// is silent the decision is marked "Choice:".
#include <algorithm>
#include <set>

#include "semantics/leads.h"
#include "semantics/leads_common.h"
#include "semantics/marketo_fault.h"
#include "text.h"

namespace mock {
namespace {

constexpr char kActivityKind[] = "act";
constexpr char kChangesKind[] = "chg";
constexpr int kDefaultChangesBatch = 100;  // Choice: Marketo names only the cap (1000)

std::string OptText(const std::optional<long long>& v) {
  return v ? std::to_string(*v) : std::string("-");
}

std::optional<long long> OptTime(const std::optional<std::time_t>& t) {
  if (!t) return std::nullopt;
  return static_cast<long long>(*t);
}

std::optional<std::time_t> TokenTime(const std::string& field) {
  const auto v = TokenNumber(field);
  if (!v) return std::nullopt;
  return static_cast<std::time_t>(*v);
}

// Where getLeadActivity walks back from: below the activity id `before`, or from `latest`
// (inclusive), or from the newest; never past `oldest`.
struct Backward {
  std::optional<long long> before;
  std::optional<std::time_t> latest, oldest;
};

Backward StartBackward(const ActivityQuery& q, const std::string& hash) {
  Backward b;
  if (q.start.offset && !q.start.offset->empty()) {
    // Choice: the offset carries the whole position; the time fields beside it are ignored.
    const auto f = ParseStreamToken(*q.start.offset, kActivityKind, 2, hash);
    b.before = TokenNumber(f[0]);
    b.oldest = TokenTime(f[1]);
    return b;
  }
  b.oldest = q.start.oldest;
  // Choice: without an offset, latestCreatedAt (else activityCreatedAt) is where the walk back
  // starts, inclusive.
  b.latest = q.start.latest ? q.start.latest : q.start.activity;
  return b;
}

// One past the newest position of `mine` (the lead's positions in the log) to consider.
std::size_t WalkStart(const ActivityLog& log, const std::vector<std::size_t>& mine,
                      const Backward& b) {
  if (b.before) {
    const long long pos = std::max(0LL, *b.before - ActivityLog::kFirstId);
    return static_cast<std::size_t>(
        std::lower_bound(mine.begin(), mine.end(), static_cast<std::size_t>(pos)) - mine.begin());
  }
  if (b.latest) {
    const auto newer = [&](std::time_t t, std::size_t pos) { return t < log.all()[pos].at; };
    return static_cast<std::size_t>(std::upper_bound(mine.begin(), mine.end(), *b.latest, newer) -
                                    mine.begin());
  }
  return mine.size();
}

// Leads a getLeadChanges selector restricts to; nullopt for all leads.
std::optional<std::set<int>> SelectedLeads(LeadBook& book, const LeadSelector& s) {
  if (s.kind == LeadSelector::Kind::kKeys) return KeyedLeads(book, s, kMaxSelectorKeys);
  if (s.kind == LeadSelector::Kind::kStaticList) return SelectedList(book, s).members;
  return std::nullopt;
}

// Where getLeadChanges walks forward from (a position in the log) and up to which time.
struct Forward {
  std::size_t from = 0;
  std::optional<std::time_t> lower, latest;
};

Forward StartForward(const ChangesQuery& q, const std::string& hash, std::time_t now) {
  Forward f;
  if (q.start.offset && !q.start.offset->empty()) {
    // Choice: as for getLeadActivity, the offset carries the position and the upper bound.
    const auto t = ParseStreamToken(*q.start.offset, kChangesKind, 2, hash);
    const auto after = TokenNumber(t[0]);
    f.from = static_cast<std::size_t>(std::max(0LL, after.value_or(0) - ActivityLog::kFirstId + 1));
    f.latest = TokenTime(t[1]);
    return f;
  }
  f.lower = q.start.oldest ? q.start.oldest : q.start.activity;
  f.latest = q.start.latest;
  if (q.selector.kind == LeadSelector::Kind::kLastUpdate) {
    // With a LastUpdateAtSelector its bounds stand for oldestCreatedAt/latestCreatedAt.
    const std::time_t until = CheckUpdateWindow(*q.selector.oldest, q.selector.latest, now);
    f.lower = std::max(*f.lower, *q.selector.oldest);
    f.latest = f.latest ? std::min(*f.latest, until) : until;
  }
  return f;
}

void CheckChangesQuery(const ChangesQuery& q) {
  if ((!q.start.offset || q.start.offset->empty()) && !q.start.oldest && !q.start.activity) {
    throw MarketoFault(error_codes::kParameterRequired,
                       "startPosition needs oldestCreatedAt, activityCreatedAt or offset");
  }
  CheckTypeFilter(q.filter);
  if (q.selector.kind == LeadSelector::Kind::kKeys && q.selector.keys.size() > kMaxSelectorKeys) {
    throw MarketoFault(error_codes::kBadParameter, "LeadKeySelector takes at most 100 keys, got " +
                                                       std::to_string(q.selector.keys.size()));
  }
}

bool PassesNames(const std::optional<std::vector<std::string>>& names, const std::string& type) {
  return !names || names->empty() || std::find(names->begin(), names->end(), type) != names->end();
}

}  // namespace

ActivityPage LeadOps::GetLeadActivity(const ActivityQuery& q) {
  CheckTypeFilter(q.filter);
  const int batch = BatchSize(q.batch_size, kMaxActivityBatch, kMaxActivityBatch);
  std::lock_guard<std::mutex> lock(store_.mutex());
  LeadBook& book = store_.leads();
  const std::vector<int> ids = FindLeads(book, q.key);
  if (ids.empty()) {
    throw MarketoFault(error_codes::kLeadNotFound, "No lead found with " + KeyText(q.key));
  }
  // Choice: a key that finds several leads (EMAIL) reads the most recently created one.
  const int lead = ids.back();
  const std::string hash = HashHex(std::to_string(lead) + "\n" + TypeFilterText(q.filter));
  const Backward b = StartBackward(q, hash);
  const ActivityLog& log = store_.activities();
  const auto& mine = log.Of(lead);
  std::size_t i = WalkStart(log, mine, b);
  std::optional<long long> next = b.before;
  if (i < mine.size()) next = log.all()[mine[i]].id;
  ActivityPage page;
  // Choice: newest first (Marketo's order is not documented); the offset moves back in time.
  for (; i > 0; --i) {
    const Activity& a = log.all()[mine[i - 1]];
    if (b.oldest && a.at < *b.oldest) break;
    if (!PassesTypeFilter(q.filter, a.type)) continue;
    if (static_cast<int>(page.records.size()) == batch) {
      ++page.remaining;
      continue;
    }
    page.records.push_back(ToActivityOut(book, a));
    next = a.id;
  }
  page.next.offset =
      MakeStreamToken(kActivityKind, {OptText(next), OptText(OptTime(b.oldest))}, hash);
  page.next.oldest = b.oldest;
  if (!page.records.empty()) page.next.latest = page.next.activity = page.records.back().at;
  return page;
}

ActivityPage LeadOps::GetLeadChanges(const ChangesQuery& q, std::time_t now) {
  CheckChangesQuery(q);
  const int batch = BatchSize(q.batch_size, kDefaultChangesBatch, kMaxChangesBatch);
  std::string names;
  for (const auto& n : q.names.value_or(std::vector<std::string>{})) names += n + "\x1f";
  const std::string hash =
      HashHex(TypeFilterText(q.filter) + "\n" + names + "\n" + SelectorText(q.selector));
  Forward f = StartForward(q, hash, now);

  std::lock_guard<std::mutex> lock(store_.mutex());
  LeadBook& book = store_.leads();
  const std::optional<std::set<int>> leads = SelectedLeads(book, q.selector);
  const ActivityLog& log = store_.activities();
  if (f.lower) f.from = log.LowerBound(*f.lower);
  std::optional<long long> last =
      f.from > 0 ? std::optional<long long>(log.all()[f.from - 1].id) : std::nullopt;
  ActivityPage page;
  for (std::size_t i = f.from; i < log.all().size(); ++i) {
    const Activity& a = log.all()[i];
    if (f.latest && a.at > *f.latest) break;
    if ((leads && leads->count(a.lead_id) == 0) || !PassesTypeFilter(q.filter, a.type) ||
        !PassesNames(q.names, a.type)) {
      continue;
    }
    if (static_cast<int>(page.records.size()) == batch) {
      ++page.remaining;
      continue;
    }
    page.records.push_back(ToActivityOut(book, a));
    last = a.id;
  }
  page.next.offset =
      MakeStreamToken(kChangesKind, {OptText(last), OptText(OptTime(f.latest))}, hash);
  page.next.latest = f.latest;
  page.next.oldest = page.next.activity = page.records.empty() ? f.lower : page.records.back().at;
  return page;
}

}  // namespace mock
