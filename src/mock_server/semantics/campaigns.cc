// getCampaignsForSource, requestCampaign and scheduleCampaign. A run writes its activities into
// the lead activity log (getLeadActivity reads them): "Request Campaign" for each requested
// lead, and "Change Status in Progression" where the campaign's flow changes the lead's program
// status.
#include "semantics/campaigns.h"

#include <algorithm>
#include <mutex>
#include <string>
#include <utility>

#include "semantics/leads_common.h"
#include "semantics/marketo_fault.h"
#include "semantics/values.h"
#include "text.h"

namespace mock {
namespace {

[[noreturn]] void Bad(const std::string& message) {
  throw MarketoFault(error_codes::kBadParameter, message);
}

std::string NameOf(const Record& program) {
  const std::string* name = GetAttr(program, "Name");
  return name != nullptr ? *name : "";
}

// Choice: program names match case-insensitively.
Record* FindProgram(Store& store, const std::string& name) {
  auto* programs = store.OfType("Program");
  if (programs == nullptr) return nullptr;
  for (auto& [id, p] : *programs) {
    if (EqualsIgnoreCase(NameOf(p), name)) return &p;
  }
  return nullptr;
}

std::string ChannelOf(const Record& program) {
  for (const Tag& t : program.tags) {
    if (t.type == "Channel") return t.value;
  }
  return "";
}

bool ContainsIgnoreCase(const std::string& text, const std::string& part) {
  auto it = std::search(text.begin(), text.end(), part.begin(), part.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

// Choice: a token must have the {{my.name}} form and be one of the program's My Tokens (20110
// otherwise); names compare case-insensitively.
void CheckTokens(CampaignBook& book, const Record& program, const std::vector<Attr>& tokens) {
  const auto& mine = book.program_tokens[program.id];
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& n = tokens[i].name;
    if (n.size() < 8 || n.rfind("{{my.", 0) != 0 || n.compare(n.size() - 2, 2, "}}") != 0) {
      Bad("programTokenList[" + std::to_string(i) + "]: '" + n + "' is not a {{my.name}} token");
    }
    const bool known = std::any_of(mine.begin(), mine.end(),
                                   [&](const Attr& t) { return EqualsIgnoreCase(t.name, n); });
    if (!known) Bad("Token " + n + " is not defined in program '" + NameOf(program) + "'");
  }
}

// The leads of the first 100 keys (Marketo ignores the rest), each once, in key order.
// Choice: a key that finds no lead is 20103 and nothing runs; a key finding several leads (an
// email) names the most recently created, as getLeadActivity reads it.
std::vector<int> ResolveLeads(const LeadBook& book, const std::vector<LeadKey>& keys) {
  std::vector<int> ids;
  const std::size_t n = std::min(keys.size(), kMaxCampaignLeads);
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<int> found = FindLeads(book, keys[i]);
    if (found.empty()) {
      throw MarketoFault(error_codes::kLeadNotFound, "No lead found with " + KeyText(keys[i]));
    }
    if (std::find(ids.begin(), ids.end(), found.back()) == ids.end()) ids.push_back(found.back());
  }
  return ids;
}

const ProgressionStep* FindStep(CampaignBook& book, const std::string& channel,
                                const std::string& status) {
  for (const auto& s : book.channels[channel]) {
    if (s.status == status) return &s;
  }
  return nullptr;
}

// The flow's "Change Program Status": logged only when the status changes.
void ChangeStatus(Store& store, const Campaign& c, const Record& program, int lead,
                  std::time_t now) {
  CampaignBook& book = store.campaigns();
  const ProgressionStep* step = FindStep(book, ChannelOf(program), c.flow_status);
  if (step == nullptr) return;
  std::string& status = book.members[program.id][lead];
  if (status == c.flow_status) return;
  const std::string old = status.empty() ? "Not in Program" : status;
  status = c.flow_status;
  store.activities().Append(
      Activity{0,
               lead,
               now,
               kChangeStatusInProgression,
               NameOf(program),
               {{"Program ID", std::to_string(program.id)},
                {"Old Status", old},
                {"New Status", c.flow_status},
                {"Step", std::to_string(step->step)},
                {"Success", step->success ? "true" : "false"},
                {"Reason", "Changed by Smart Campaign " + NameOf(program) + "." + c.name +
                               " action Change Program Status"}},
               c.name});
}

void RequestFor(Store& store, const Campaign& c, const Record& program, int lead,
                const std::string& source, const std::vector<Attr>& tokens, std::time_t now) {
  std::vector<Attr> attrs = {{"Campaign ID", std::to_string(c.id)},
                             {"Source", source == "SALES" ? "Sales Insight" : "Web service API"}};
  attrs.insert(attrs.end(), tokens.begin(), tokens.end());
  store.activities().Append(Activity{0, lead, now, kRequestCampaign, c.name, attrs, c.name});
  ChangeStatus(store, c, program, lead, now);
}

// Which campaign a requestCampaign names. Marketo: campaignId alone, or programName and
// campaignName (+ programTokenList); anything else is a bad parameter.
Campaign& RequestedCampaign(Store& store, const CampaignRequest& r) {
  CampaignBook& book = store.campaigns();
  const bool names = r.program_name || r.campaign_name;
  if (r.campaign_id && (names || r.tokens)) {
    Bad("campaignId goes alone, without programName, campaignName or programTokenList");
  }
  if (!r.campaign_id && (!r.program_name || !r.campaign_name)) {
    Bad("Give campaignId, or programName and campaignName");
  }
  Campaign* c = nullptr;
  if (r.campaign_id) {
    c = book.Find(*r.campaign_id);
    if (c == nullptr) {
      throw MarketoFault(error_codes::kCampaignNotFound,
                         "No campaign with id " + std::to_string(*r.campaign_id));
    }
  } else {
    Record* program = FindProgram(store, *r.program_name);
    c = program != nullptr ? book.Find(program->id, *r.campaign_name) : nullptr;
    if (c == nullptr) {
      throw MarketoFault(
          error_codes::kCampaignNotFound,
          "No campaign '" + *r.campaign_name + "' in program '" + *r.program_name + "'");
    }
  }
  // Choice: a campaign the source may not request is "not found" for it (20113), as
  // getCampaignsForSource does not list it.
  if (c->request_sources.count(r.source) == 0) {
    throw MarketoFault(error_codes::kCampaignNotFound,
                       "Campaign " + std::to_string(c->id) + " '" + c->name +
                           "' has no Campaign is Requested trigger for source " + r.source);
  }
  return *c;
}

std::string Day(std::time_t t) { return FormatTimestamp(t).substr(0, 10); }

// cloneToProgramName: a copy of the program (fields, tags, My Tokens, campaigns) under the new
// name; returns the clone.
Record& CloneProgram(Store& store, const Record& from, const std::string& name, std::time_t now) {
  CampaignBook& book = store.campaigns();
  // Choice: the eleventh clone of a UTC day, or a name a program already has, is 20110.
  if (book.clones_per_day[Day(now)] >= kMaxClonesPerDay) {
    Bad("cloneToProgramName: at most 10 calls a day");
  }
  if (FindProgram(store, name) != nullptr) Bad("A program named '" + name + "' already exists");
  ++book.clones_per_day[Day(now)];
  const Record source = from;
  Record& clone = store.Create("Program", now);
  clone.attrs = source.attrs;
  clone.tags = source.tags;
  SetAttr(&clone, "Name", name);
  SetAttr(&clone, "Description", "Clone of " + NameOf(source));
  book.program_tokens[clone.id] = book.program_tokens[source.id];
  std::vector<Campaign> copies;
  for (const auto& [id, c] : book.campaigns) {
    if (c.program_id == source.id) copies.push_back(c);
  }
  for (Campaign c : copies) {
    c.id = book.next_campaign_id++;
    c.program_id = clone.id;
    book.campaigns[c.id] = c;
  }
  return clone;
}

}  // namespace

std::vector<CampaignOut> CampaignOps::GetCampaignsForSource(const CampaignQuery& q) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  std::vector<CampaignOut> out;
  for (const auto& [id, c] : store_.campaigns().campaigns) {
    if (c.request_sources.count(q.source) == 0) continue;
    // Choice: exactName is a case-insensitive whole-name match, otherwise a substring match.
    if (q.name &&
        !(q.exact_name ? EqualsIgnoreCase(c.name, *q.name) : ContainsIgnoreCase(c.name, *q.name))) {
      continue;
    }
    out.push_back({c.id, c.name, c.description});
  }
  return out;
}

void CampaignOps::RequestCampaign(const CampaignRequest& r, std::time_t now) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  const Campaign& c = RequestedCampaign(store_, r);
  const Record* program = store_.Find("Program", c.program_id);
  const std::vector<Attr> tokens = r.tokens ? *r.tokens : std::vector<Attr>{};
  if (program != nullptr) CheckTokens(store_.campaigns(), *program, tokens);
  // Choice: an empty or missing leadList is 20109.
  if (r.leads.empty()) {
    throw MarketoFault(error_codes::kParameterRequired, "leadList has no leadKey");
  }
  const std::vector<int> leads = ResolveLeads(store_.leads(), r.leads);
  for (int lead : leads) {
    if (program != nullptr) RequestFor(store_, c, *program, lead, r.source, tokens, now);
  }
  store_.campaigns().runs.push_back(
      {"requestCampaign", c.id, r.source, now, std::nullopt, "ran", tokens, leads.size(), {}});
  stats_.CountObject("REQUESTED", "Campaign");
}

void CampaignOps::ScheduleCampaign(const ScheduleRequest& r, std::time_t now) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  CampaignBook& book = store_.campaigns();
  Record* program = FindProgram(store_, r.program_name);
  Campaign* c = program != nullptr ? book.Find(program->id, r.campaign_name) : nullptr;
  if (c == nullptr) {
    throw MarketoFault(error_codes::kCampaignNotFound,
                       "No campaign '" + r.campaign_name + "' in program '" + r.program_name + "'");
  }
  // Choice: scheduling a trigger campaign is 20110 (scheduleCampaign runs batch campaigns).
  if (c->kind != CampaignKind::kBatch) Bad("Campaign '" + c->name + "' is not a batch campaign");
  CheckTokens(book, *program, r.tokens);
  if (r.clone_to) {
    program = &CloneProgram(store_, *program, *r.clone_to, now);
    c = book.Find(program->id, r.campaign_name);
  }
  CampaignRun run{"scheduleCampaign", c->id, "", now, r.run_at, "ran", r.tokens, 0, {}};
  if (r.clone_to) run.cloned_program = program->id;
  // Choice: a run in the future is recorded as scheduled and never runs (the mock has no
  // clock that fires it); now, absent or past runs at once.
  if (r.run_at && *r.run_at > now) {
    run.state = "scheduled";
  } else if (c->smart_list) {
    const StaticList* list = store_.leads().FindList(*c->smart_list);
    if (list != nullptr) {
      for (int lead : list->members) ChangeStatus(store_, *c, *program, lead, now);
      run.leads = list->members.size();
    }
  }
  stats_.CountObject(run.state == "ran" ? "RAN" : "SCHEDULED", "Campaign");
  book.runs.push_back(std::move(run));
}

}  // namespace mock
