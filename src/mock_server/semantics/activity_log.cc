#include "semantics/activity_log.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace mock {

const std::vector<ActivityTypeName>& ActivityTypeNames() {
  // Display names as on Marketo's "Activity Type Filters" page.
  static const std::vector<ActivityTypeName> names = {
      {"VisitWebpage", "Visit Webpage"},
      {"FillOutForm", "Fill Out Form"},
      {"ClickLink", "Click Link"},
      {"SendEmail", "Send Email"},
      {"EmailDelivered", "Email Delivered"},
      {"OpenEmail", "Open Email"},
      {"ClickEmail", "Click Email"},
      {"NewLead", kNewLead},
      {"ChangeDataValue", kChangeDataValue},
      {"ChangeScore", "Change Score"},
      {"AddToList", kAddToList},
      {"RemoveFromList", "Remove from List"},
      {"MergeLeads", kMergeLeads},
      {"RequestCampaign", kRequestCampaign},
      {"ChangeStatusInProgression", kChangeStatusInProgression},
  };
  return names;
}

const char* ActivityDisplayName(const std::string& token) {
  for (const auto& n : ActivityTypeNames()) {
    if (token == n.token) return n.display;
  }
  return nullptr;
}

std::string ActivityGuid(std::int64_t id) {
  const auto v = static_cast<unsigned long long>(id);
  char buf[40];
  std::snprintf(buf, sizeof buf, "6d6b746f-%04llx-4%03llx-8000-%012llx", (v >> 32) & 0xFFFF,
                (v >> 20) & 0xFFF, v & 0xFFFFFFFFFFFFULL);
  return buf;
}

void ActivityLog::Seed(std::vector<Activity> items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const Activity& a, const Activity& b) { return a.at < b.at; });
  for (auto& a : items) Append(std::move(a));
}

const Activity& ActivityLog::Append(Activity a) {
  a.id = kFirstId + static_cast<std::int64_t>(items_.size());
  if (!items_.empty() && a.at < items_.back().at) a.at = items_.back().at;
  by_lead_[a.lead_id].push_back(items_.size());
  items_.push_back(std::move(a));
  return items_.back();
}

const std::vector<std::size_t>& ActivityLog::Of(int lead) const {
  static const std::vector<std::size_t> kNone;
  const auto it = by_lead_.find(lead);
  return it == by_lead_.end() ? kNone : it->second;
}

std::optional<std::size_t> ActivityLog::PositionOf(std::int64_t id) const {
  if (id < kFirstId || id - kFirstId >= static_cast<std::int64_t>(items_.size())) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(id - kFirstId);
}

std::size_t ActivityLog::LowerBound(std::time_t t) const {
  const auto it = std::lower_bound(items_.begin(), items_.end(), t,
                                   [](const Activity& a, std::time_t v) { return a.at < v; });
  return static_cast<std::size_t>(it - items_.begin());
}

void ActivityLog::Reassign(int from_lead, int to_lead) {
  const auto from = by_lead_.find(from_lead);
  if (from == by_lead_.end() || from_lead == to_lead) return;
  const std::vector<std::size_t> moved = std::move(from->second);
  by_lead_.erase(from);  // before by_lead_[to_lead], which may rehash
  for (std::size_t pos : moved) items_[pos].lead_id = to_lead;
  auto& to = by_lead_[to_lead];
  std::vector<std::size_t> merged;
  merged.reserve(to.size() + moved.size());
  std::merge(to.begin(), to.end(), moved.begin(), moved.end(), std::back_inserter(merged));
  to = std::move(merged);
}

std::map<std::string, std::uint64_t> ActivityLog::CountsByType() const {
  std::map<std::string, std::uint64_t> out;
  for (const auto& a : items_) ++out[a.type];
  return out;
}

}  // namespace mock
