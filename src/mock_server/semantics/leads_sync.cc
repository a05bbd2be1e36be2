// syncLead and syncMultipleLeads: match, check, write, and log "New Lead" / "Change Data Value".
// Where Marketo's documentation is silent the decision is marked "Choice:".
#include <algorithm>

#include "semantics/leads.h"
#include "semantics/leads_common.h"
#include "semantics/leads_fields.h"
#include "semantics/marketo_fault.h"
#include "semantics/mobjects_describe.h"
#include "semantics/values.h"

namespace mock {
namespace {

constexpr char kApiSource[] = "Web service API";

enum class MatchedBy { kNone, kId, kForeign, kCookie, kEmail };

struct Match {
  Record* lead = nullptr;
  MatchedBy by = MatchedBy::kNone;
  std::string problem;  // the record FAILED
};

struct SyncMode {
  bool email_is_key = false;  // syncMultipleLeads: the Email element finds, never changes a lead
  bool dedup = true;
  std::optional<std::string> cookie;  // syncLead's marketoCookie
  bool move_cookie = false;
  const Workspace* workspace = nullptr;  // MktowsContextHeader
};

// The Email a record is keyed by: the element, else an Email attribute.
std::optional<std::string> KeyEmail(const LeadIn& in) {
  if (in.email && !in.email->empty()) return in.email;
  for (const auto& a : in.attrs) {
    if (a.name == kEmail && !a.value.empty()) return a.value;
  }
  return std::nullopt;
}

// Unknown attribute names fail the whole request, before anything is written.
void CheckKnownFields(const std::vector<LeadIn>& leads, const std::string& op) {
  std::vector<std::string> unknown;
  for (const auto& in : leads) {
    for (const auto& a : in.attrs) {
      if (FindLeadField(a.name) == nullptr &&
          std::find(unknown.begin(), unknown.end(), a.name) == unknown.end()) {
        unknown.push_back(a.name);
      }
    }
  }
  if (unknown.empty()) return;
  std::string names;
  for (const auto& n : unknown) names += (names.empty() ? "" : ", ") + n;
  throw MarketoFault(error_codes::kLeadAttributeBad,
                     op + " operation failed: unknown fields for import: " + names);
}

// Why a record cannot be written as sent; "" when it can.
std::string CheckValues(const LeadIn& in) {
  if (in.foreign_id.has_value() != in.foreign_type.has_value()) {
    return "ForeignSysPersonId and ForeignSysType must be sent together";
  }
  for (const auto& a : in.attrs) {
    const LeadField* f = FindLeadField(a.name);
    if (f->read_only) return "Field '" + a.name + "' is read-only";
    if (f->top_level && a.name != kEmail) {
      return "Send " + a.name + " as an element of leadRecord, not as an attribute";
    }
    if (!ValueFitsType(f->type, a.value)) {
      return "Invalid value '" + a.value + "' for field '" + a.name + "' (" + f->type + ")";
    }
    if (const FieldMeta* meta = FindField("LeadRecord", a.name)) {
      if (auto p = SizeProblem(*meta, a.value)) return *p;
    }
  }
  if (const FieldMeta* meta = FindField("LeadRecord", kEmail); meta && in.email) {
    if (auto p = SizeProblem(*meta, *in.email)) return *p;
  }
  return "";
}

// Keys in Marketo's precedence: Id, ForeignSysPersonId (+type), cookie, Email.
Match FindMatch(LeadBook& book, const LeadIn& in, const SyncMode& mode) {
  if (in.id) {
    Record* lead = book.Find(*in.id);
    // Choice: ids are Marketo's to assign, so an unknown Id fails instead of creating.
    if (lead == nullptr) {
      return Match{nullptr, MatchedBy::kNone, "No lead with Id " + std::to_string(*in.id)};
    }
    return Match{lead, MatchedBy::kId, ""};
  }
  // Choice: a foreign id nobody has yet falls through to the cookie and Email, which then
  // link the existing lead to it (the first sync from a CRM).
  if (in.foreign_id && in.foreign_type) {
    if (const auto id = book.FindByForeign(*in.foreign_type, *in.foreign_id)) {
      return Match{book.Find(*id), MatchedBy::kForeign, ""};
    }
  }
  if (mode.cookie) {
    if (const auto id = book.FindByCookie(*mode.cookie)) {
      return Match{book.Find(*id), MatchedBy::kCookie, ""};
    }
  }
  const auto email = KeyEmail(in);
  if (email && mode.dedup) {
    // Several leads may share an email: the most recently created one is updated.
    const auto ids = book.FindByAttr(kEmail, *email);
    if (!ids.empty()) return Match{book.Find(ids.back()), MatchedBy::kEmail, ""};
  }
  const bool keyed = in.id || in.foreign_id || mode.cookie || email;
  // Choice: a record without any key fails rather than creating an unreachable lead.
  return Match{nullptr, MatchedBy::kNone,
               keyed ? "" : "No lead key: send Id, ForeignSysPersonId, Email or a cookie"};
}

// Problems of writing `in` to the matched lead: the workspace's partition, a foreign id that
// belongs to another lead.
std::string CheckTarget(LeadBook& book, const LeadIn& in, const Match& m, const SyncMode& mode) {
  if (m.lead != nullptr && mode.workspace != nullptr && m.by != MatchedBy::kEmail &&
      book.PartitionOf(m.lead->id) != mode.workspace->primary_partition) {
    const Partition* p = book.FindPartition(book.PartitionOf(m.lead->id));
    return "Lead " + std::to_string(m.lead->id) + " is in partition '" +
           (p != nullptr ? p->name : "?") + "', not in the primary partition of workspace '" +
           mode.workspace->name + "'";
  }
  if (in.foreign_id && in.foreign_type) {
    const auto owner = book.FindByForeign(*in.foreign_type, *in.foreign_id);
    if (owner && (m.lead == nullptr || *owner != m.lead->id)) {
      return "ForeignSysPersonId " + *in.foreign_id + " (" + *in.foreign_type +
             ") already belongs to lead " + std::to_string(*owner);
    }
  }
  return "";
}

struct Change {
  std::string name, old_value, new_value;
};

void Write(LeadBook& book, Record* lead, const std::string& name, const std::string& value,
           std::vector<Change>* changes) {
  const std::string* old = GetAttr(*lead, name);
  const std::string before = old != nullptr ? *old : "";
  if (book.Set(lead, name, value)) changes->push_back(Change{name, before, value});
}

void AttachCookie(LeadBook& book, int lead, const SyncMode& mode) {
  if (!mode.cookie || CookieKey(*mode.cookie).empty()) return;
  const auto owner = book.FindByCookie(*mode.cookie);
  // Choice (moveCookie is undocumented): a cookie nobody has joins the synced lead; one another
  // lead has moves only with moveCookie=true, otherwise it stays where it is.
  if (!owner || (*owner != lead && mode.move_cookie)) book.AttachCookie(lead, *mode.cookie);
}

std::vector<Change> Apply(LeadBook& book, Record* lead, const LeadIn& in, const SyncMode& mode,
                          bool created) {
  std::vector<Change> changes;
  // syncLead writes the Email it was sent (ForeignSysPersonId + Email: Email updated);
  // syncMultipleLeads only when creating or when Email is sent as an attribute.
  if (in.email && (!mode.email_is_key || created)) Write(book, lead, kEmail, *in.email, &changes);
  if (in.foreign_id) {
    Write(book, lead, kForeignId, *in.foreign_id, &changes);
    Write(book, lead, kForeignType, *in.foreign_type, &changes);
  }
  for (const auto& a : in.attrs) Write(book, lead, a.name, a.value, &changes);
  AttachCookie(book, lead->id, mode);
  return changes;
}

void LogChanges(Store& store, int lead, const std::vector<Change>& changes, std::time_t now) {
  for (const auto& c : changes) {
    LogActivity(store, lead, now, kChangeDataValue, c.name,
                {{"Attribute Name", c.name},
                 {"Old Value", c.old_value},
                 {"New Value", c.new_value},
                 {"Reason", "Changed by " + std::string(kApiSource)},
                 {"Source", kApiSource}});
  }
}

LeadSyncOutcome Failed(const Match& m, std::string error) {
  LeadSyncOutcome out;
  out.lead_id = m.lead != nullptr ? m.lead->id : 0;
  out.status = Status::kFailed;
  out.error = std::move(error);
  return out;
}

LeadSyncOutcome SyncOne(Store& store, const LeadIn& in, const SyncMode& mode, std::time_t now) {
  LeadBook& book = store.leads();
  const Match m = FindMatch(book, in, mode);
  if (!m.problem.empty()) return Failed(m, m.problem);
  std::string problem = CheckValues(in);
  if (problem.empty()) problem = CheckTarget(book, in, m, mode);
  if (!problem.empty()) return Failed(m, problem);

  const bool created = m.lead == nullptr;
  // Choice: no assignment rules; a new lead goes to the primary partition of the header's
  // workspace, else of Default.
  const Workspace* ws = mode.workspace != nullptr ? mode.workspace : book.FindWorkspace("Default");
  Record* lead = created ? &book.Create(now, ws != nullptr ? ws->primary_partition : 0) : m.lead;
  const std::vector<Change> changes = Apply(book, lead, in, mode, created);
  if (created) {
    LogActivity(store, lead->id, now, kNewLead, "", {{"Source Type", kApiSource}});
  } else {
    LogChanges(store, lead->id, changes, now);
    if (!changes.empty()) book.Touch(lead, now);
  }
  LeadSyncOutcome out;
  out.lead_id = lead->id;
  // Choice: LeadSyncStatus has no UNCHANGED, so a sync that changes nothing is UPDATED.
  out.status = created ? Status::kCreated : Status::kUpdated;
  return out;
}

}  // namespace

LeadSyncOutcome LeadOps::SyncLead(const SyncLeadRequest& request, std::time_t now) {
  CheckKnownFields({request.lead}, "syncLead");
  std::lock_guard<std::mutex> lock(store_.mutex());
  SyncMode mode;
  mode.cookie = request.cookie;
  mode.move_cookie = request.move_cookie;
  if (request.workspace) {
    mode.workspace = store_.leads().FindWorkspace(*request.workspace);
    // Choice: an unknown workspace name is a bad parameter of the request.
    if (mode.workspace == nullptr) {
      throw MarketoFault(error_codes::kBadParameter,
                         "Unknown workspace '" + *request.workspace + "' in MktowsContextHeader");
    }
  }
  LeadSyncOutcome out = SyncOne(store_, request.lead, mode, now);
  if (out.status != Status::kFailed && request.return_lead) {
    out.lead = ToLeadOut(*store_.leads().Find(out.lead_id));
  }
  Count(out.status);
  return out;
}

std::vector<LeadSyncOutcome> LeadOps::SyncMultipleLeads(const std::vector<LeadIn>& leads,
                                                        bool dedup, std::time_t now) {
  // Choice: Marketo advises at most 300; beyond 1000 the request is refused as a whole.
  if (leads.size() > kMaxSyncLeads) {
    throw MarketoFault(error_codes::kBadParameter,
                       "syncMultipleLeads accepts at most 1000 leads per call, got " +
                           std::to_string(leads.size()));
  }
  CheckKnownFields(leads, "syncMultipleLeads");
  std::lock_guard<std::mutex> lock(store_.mutex());
  SyncMode mode;
  mode.email_is_key = true;
  mode.dedup = dedup;
  std::vector<LeadSyncOutcome> out;
  out.reserve(leads.size());
  for (const auto& in : leads) {
    out.push_back(SyncOne(store_, in, mode, now));
    Count(out.back().status);
  }
  return out;
}

}  // namespace mock
