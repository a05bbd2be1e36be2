// mergeLeads: the losers' data fills the winner's gaps, their cookies, list memberships,
// activities and opportunity roles move to the winner, and they are removed. Where Marketo's
// documentation is silent the decision is marked "Choice:".
#include <algorithm>

#include "semantics/leads.h"
#include "semantics/leads_common.h"
#include "semantics/leads_fields.h"
#include "semantics/marketo_fault.h"

namespace mock {
namespace {

std::string KeysText(const std::vector<Attr>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + KeyText(LeadKey{k.name, k.value});
  return out;
}

void CheckKeys(const MergeRequest& r) {
  if (r.winner.empty()) {
    throw MarketoFault(error_codes::kLeadKeyRequired, "winningLeadKeyList has no key");
  }
  if (r.losers.empty()) {
    throw MarketoFault(error_codes::kParameterRequired, "losingLeadKeyLists has no keyList");
  }
  const auto check = [](const std::vector<Attr>& keys) {
    for (const auto& k : keys) {
      if (!IsLeadKeyType(k.name)) {
        throw MarketoFault(error_codes::kLeadKeyBad, "Unknown lead key type '" + k.name + "'");
      }
    }
  };
  check(r.winner);
  for (const auto& l : r.losers) check(l);
}

// The lead all keys of the list find (the most recently created if several); nullopt if none.
std::optional<int> Resolve(const LeadBook& book, const std::vector<Attr>& keys) {
  std::vector<int> common;
  bool first = true;
  for (const auto& k : keys) {
    const std::vector<int> found = FindLeads(book, LeadKey{k.name, k.value});
    if (first) {
      common = found;
      first = false;
      continue;
    }
    std::vector<int> both;
    std::set_intersection(common.begin(), common.end(), found.begin(), found.end(),
                          std::back_inserter(both));
    common = std::move(both);
  }
  if (common.empty()) return std::nullopt;
  return common.back();
}

// The losers' ids in order, or why the merge FAILED.
std::string ResolveLosers(const LeadBook& book, const MergeRequest& r, int winner,
                          std::vector<int>* losers) {
  for (const auto& keys : r.losers) {
    const auto id = Resolve(book, keys);
    if (!id) return "Losing lead not found (" + KeysText(keys) + ")";
    if (*id == winner) return "Lead " + std::to_string(winner) + " cannot be merged into itself";
    if (std::find(losers->begin(), losers->end(), *id) != losers->end()) {
      return "Lead " + std::to_string(*id) + " is listed twice";
    }
    losers->push_back(*id);
  }
  return "";
}

// Moves one loser into the winner and removes it.
void Absorb(Store& store, Record* winner, int loser_id) {
  LeadBook& book = store.leads();
  const Record loser = *book.Find(loser_id);  // a copy: Erase() below removes the original
  const std::vector<std::string> cookies = book.Cookies(loser_id);
  const std::vector<int> lists = book.ListsOf(loser_id);
  book.Erase(loser_id);
  // Choice: a loser's value fills only fields the winner has empty; the winner's own values win.
  const bool has_foreign = GetAttr(*winner, kForeignId) != nullptr;
  for (const auto& a : loser.attrs) {
    const bool foreign = a.name == kForeignId || a.name == kForeignType;
    if ((foreign && has_foreign) || (!foreign && GetAttr(*winner, a.name) != nullptr)) continue;
    book.Set(winner, a.name, a.value);
  }
  for (const auto& c : cookies) book.AttachCookie(winner->id, c);
  for (int list : lists) book.FindList(list)->members.insert(winner->id);
  store.activities().Reassign(loser_id, winner->id);
  // Choice: opportunity roles of the loser now name the winner (Marketo keeps them attached).
  if (auto* roles = store.OfType("OpportunityPersonRole")) {
    for (auto& [id, role] : *roles) {
      const std::string* person = GetAttr(role, "PersonId");
      if (person != nullptr && *person == std::to_string(loser_id)) {
        SetAttr(&role, "PersonId", std::to_string(winner->id));
      }
    }
  }
}

}  // namespace

MergeOutcome LeadOps::MergeLeads(const MergeRequest& r, std::time_t now) {
  CheckKeys(r);
  std::lock_guard<std::mutex> lock(store_.mutex());
  LeadBook& book = store_.leads();
  const auto winner = Resolve(book, r.winner);
  if (!winner) {
    throw MarketoFault(error_codes::kLeadNotFound, "No lead found with " + KeysText(r.winner));
  }
  MergeOutcome out;
  out.winner = winner;
  // Choice: one bad loser fails the whole merge (status FAILED, nothing merged).
  out.error = ResolveLosers(book, r, *winner, &out.losers);
  if (!out.error.empty()) {
    stats_.CountObject("FAILED", "Lead merge");
    return out;
  }
  Record* w = book.Find(*winner);
  std::string ids;
  for (int loser : out.losers) {
    Absorb(store_, w, loser);
    ids += (ids.empty() ? "" : ", ") + std::to_string(loser);
  }
  book.Touch(w, now);
  // Choice: mergeInSales is recorded on the activity; the mock has no CRM to merge in.
  LogActivity(store_, w->id, now, kMergeLeads, "",
              {{"Merge IDs", "[" + ids + "]"},
               {"Merged in Sales", r.in_sales ? "true" : "false"},
               {"Merge Source", "Web service API"}});
  out.merged = true;
  stats_.CountObject("MERGED", "Lead merge");
  return out;
}

}  // namespace mock
