// importToList and getImportToListStatus. A job's rows are applied when it is accepted; the job
// then reads PROCESSING for --import-ms before it turns COMPLETE or FAILED (Choice: Marketo
// applies them during the job; applying at once keeps the mock's store simple and race-free).
#include <algorithm>
#include <cctype>
#include <map>

#include "semantics/csv_reader.h"
#include "semantics/leads_common.h"
#include "semantics/leads_fields.h"
#include "semantics/lists.h"
#include "semantics/marketo_fault.h"
#include "semantics/values.h"

namespace mock {
namespace {

using SteadyClock = std::chrono::steady_clock;

struct Column {
  const LeadField* field = nullptr;  // null for a {{my.token}} column
  std::string name;
};

// Choice: a column names a lead field by its API name or its display name ("First Name",
// "Email Address"), compared without case and spaces.
std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

const LeadField* FieldForColumn(const std::string& column) {
  static const std::pair<const char*, const char*> kDisplay[] = {
      {"emailaddress", "Email"}, {"companyname", "Company"}, {"jobtitle", "Title"},
      {"phonenumber", "Phone"},  {"zipcode", "PostalCode"},  {"score", "LeadScore"},
  };
  const std::string key = Squeeze(column);
  for (const auto& [display, name] : kDisplay) {
    if (key == display) return FindLeadField(name);
  }
  for (const auto& f : LeadFields()) {
    if (key == Squeeze(f.name)) return &f;
  }
  return nullptr;
}

bool IsToken(const std::string& c) {
  return c.size() > 7 && c.rfind("{{my.", 0) == 0 && c.compare(c.size() - 2, 2, "}}") == 0;
}

// The header's columns, or why the whole job fails.
std::vector<Column> ParseHeader(const std::string& header, std::string* problem) {
  const auto cells = ParseCsvLine(header);
  if (!cells) {
    *problem = "importFileHeader is not a CSV line";
    return {};
  }
  std::vector<Column> out;
  bool has_email = false;
  for (const auto& c : *cells) {
    Column col{IsToken(c) ? nullptr : FieldForColumn(c), c};
    if (!IsToken(c) && col.field == nullptr) *problem = "Unknown column '" + c + "'";
    if (col.field != nullptr && col.field->read_only) *problem = "Column '" + c + "' is read-only";
    if (!problem->empty()) return {};
    has_email = has_email || (col.field != nullptr && std::string(col.field->name) == kEmail);
    out.push_back(col);
  }
  // Choice: rows find their lead by Email, so the header must have it.
  if (!has_email) *problem = "The header has no Email Address column";
  return out;
}

Record* FindProgram(Store& store, const std::string& name) {
  std::map<int, Record>* programs = store.OfType("Program");
  if (programs == nullptr) return nullptr;
  for (auto& [id, r] : *programs) {
    const std::string* n = GetAttr(r, "Name");
    if (n != nullptr && EqualsIgnoreCase(*n, name)) return &r;
  }
  return nullptr;
}

enum class RowOutcome { kImported, kFailed, kIgnored };

struct ImportContext {
  Store& store;
  StaticList& list;
  const std::vector<Column>& columns;
  bool upsert;
  std::time_t now;
};

// Checks, then writes one row and adds its lead to the list.
RowOutcome ApplyRow(const ImportContext& ctx, const std::string& line) {
  const auto cells = ParseCsvLine(line);
  if (!cells || cells->size() != ctx.columns.size()) return RowOutcome::kFailed;
  std::string email;
  for (std::size_t i = 0; i < cells->size(); ++i) {
    const LeadField* f = ctx.columns[i].field;
    if (f == nullptr) continue;
    if (std::string(f->name) == kEmail) email = (*cells)[i];
    if (!(*cells)[i].empty() && !ValueFitsType(f->type, (*cells)[i])) return RowOutcome::kFailed;
  }
  if (email.empty()) return RowOutcome::kFailed;
  LeadBook& book = ctx.store.leads();
  const auto ids = book.FindByAttr(kEmail, email);
  Record* lead = ids.empty() ? nullptr : book.Find(ids.back());
  if (lead == nullptr && !ctx.upsert) return RowOutcome::kIgnored;  // LISTONLY: leads that exist
  if (lead == nullptr) {
    const Workspace* ws = book.FindWorkspace("Default");
    lead = &book.Create(ctx.now, ws != nullptr ? ws->primary_partition : 0);
    LogActivity(ctx.store, lead->id, ctx.now, kNewLead, "", {{"Source Type", "List import"}});
  }
  if (ctx.upsert) {
    bool changed = false;
    for (std::size_t i = 0; i < cells->size(); ++i) {
      // Choice: an empty cell leaves the field as it is.
      const LeadField* f = ctx.columns[i].field;
      if (f != nullptr && !(*cells)[i].empty()) changed |= book.Set(lead, f->name, (*cells)[i]);
    }
    if (changed) book.Touch(lead, ctx.now);
  }
  if (ctx.list.members.insert(lead->id).second) {
    LogActivity(ctx.store, lead->id, ctx.now, kAddToList, ctx.list.name,
                {{"List ID", std::to_string(ctx.list.id)}});
  }
  return RowOutcome::kImported;
}

void CheckRequired(const ImportRequest& r) {
  if (r.program.empty()) {
    throw MarketoFault(error_codes::kParameterRequired, "programName is empty");
  }
  if (r.list.empty()) throw MarketoFault(error_codes::kParameterRequired, "listName is empty");
  if (r.header.empty()) {
    throw MarketoFault(error_codes::kParameterRequired, "importFileHeader is empty");
  }
}

ImportJob* LatestJob(LeadBook& book, const std::string& program, const std::string& list) {
  auto& jobs = book.imports();
  for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) {
    if (EqualsIgnoreCase(it->program, program) && EqualsIgnoreCase(it->list, list)) return &*it;
  }
  return nullptr;
}

void RunRows(const ImportContext& ctx, const ImportRequest& r, ImportJob* job) {
  for (const auto& row : r.rows) {
    switch (ApplyRow(ctx, row)) {
      case RowOutcome::kImported:
        ++job->imported;
        break;
      case RowOutcome::kFailed:
        ++job->failed;
        break;
      case RowOutcome::kIgnored:
        ++job->ignored;
        break;
    }
  }
  // Choice: the job FAILED when no row could be imported and some failed.
  job->job_failed = job->imported == 0 && job->failed > 0;
  job->summary = std::to_string(job->imported) + " imported, " + std::to_string(job->failed) +
                 " failed, " + std::to_string(job->ignored) + " ignored";
}

}  // namespace

std::string ListOps::ImportToList(const ImportRequest& r, std::time_t now) {
  CheckRequired(r);
  std::lock_guard<std::mutex> lock(store_.mutex());
  LeadBook& book = store_.leads();
  if (FindProgram(store_, r.program) == nullptr) {
    throw MarketoFault(error_codes::kBadParameter, "Program '" + r.program + "' not found");
  }
  StaticList* list = book.FindList(r.list);
  if (list == nullptr) {
    throw MarketoFault(error_codes::kListNotFound, "List '" + r.list + "' not found");
  }
  const auto steady_now = SteadyClock::now();
  if (const ImportJob* running = LatestJob(book, r.program, r.list);
      running != nullptr && running->Processing(steady_now)) {
    // Choice: one job per program and list at a time.
    throw MarketoFault(
        error_codes::kBadParameter,
        "An import to list '" + r.list + "' of program '" + r.program + "' is still processing");
  }
  ImportJob job;
  job.id = static_cast<int>(book.imports().size()) + 1;
  job.program = r.program;
  job.list = list->name;
  job.mode = r.mode;
  job.campaign = r.campaign.value_or("");
  job.clear_list = r.clear_list;
  job.started = now;
  job.done_at = steady_now + import_time_;
  job.seconds = static_cast<int>((import_time_.count() + 999) / 1000);
  job.rows = static_cast<int>(r.rows.size());
  std::string problem;
  const std::vector<Column> columns = ParseHeader(r.header, &problem);
  for (const auto& c : columns) {
    if (c.field == nullptr) job.token_columns.push_back(c.name);
  }
  if (!problem.empty()) {
    job.job_failed = true;
    job.failed = job.rows;
    job.summary = problem;
  } else {
    if (r.clear_list) list->members.clear();
    RunRows(ImportContext{store_, *list, columns, r.mode == "UPSERTLEADS", now}, r, &job);
  }
  stats_.CountObject(job.job_failed ? "FAILED" : "ACCEPTED", "List import");
  book.imports().push_back(job);
  return job.State(steady_now);
}

ImportProgress ListOps::GetImportStatus(const std::optional<std::string>& program,
                                        const std::optional<std::string>& list) {
  // Choice: the schema makes both optional, the docs require them: 20109 without either.
  if (!program || program->empty() || !list || list->empty()) {
    throw MarketoFault(error_codes::kParameterRequired,
                       "getImportToListStatus needs programName and listName");
  }
  std::lock_guard<std::mutex> lock(store_.mutex());
  const ImportJob* job = LatestJob(store_.leads(), *program, *list);
  if (job == nullptr) {
    // Choice: asking about an import that never ran is a bad parameter.
    throw MarketoFault(error_codes::kBadParameter,
                       "No import to list '" + *list + "' of program '" + *program + "'");
  }
  const auto now = SteadyClock::now();
  ImportProgress out;
  out.status = job->State(now);
  out.started = job->started;
  out.estimated_rows = job->rows;
  if (job->Processing(now)) {
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(job->done_at - now);
    out.estimated_time = static_cast<int>(left.count()) + 1;
    return out;  // counts and summary come when it ends
  }
  out.done = true;
  out.ended = job->started + job->seconds;
  out.imported = job->imported;
  out.failed = job->failed;
  out.ignored = job->ignored;
  out.summary = job->summary;
  return out;
}

}  // namespace mock
