// lead-export and activity-export: walk leads (updated in a window, or a static list's members)
// or one lead's activity, one JSON line each. A run that stops early says how to resume it.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <string>
#include <utility>

#include "lead_commands.h"
#include "lead_jsonl.h"

namespace bulk {
namespace {

// Where the lines go: --output FILE, or stdout.
class Output {
 public:
  Output(const std::string& tool, const std::string& path) {
    if (path.empty() || path == "-") return;
    file_.open(path, std::ios::trunc);
    if (!file_) UsageError(tool, "cannot write output file " + path);
  }
  std::ostream& stream() { return file_.is_open() ? file_ : std::cout; }

 private:
  std::ofstream file_;
};

// Counts what was written, shows progress on a terminal, and ends the run with the tool's
// exit status and, when it stopped early, the token that resumes it.
class ExportRun {
 public:
  ExportRun(const char* tool, const char* what, const std::string& output)
      : tool_(tool), what_(what), out_(tool, output), progress_(isatty(STDERR_FILENO) != 0) {}

  bool Write(const std::string& line, const marketo::LeadReadPosition& after) {
    out_.stream() << line << '\n';
    if (!out_.stream()) return false;  // a full disk stops the walk; `last_` stays before it
    last_ = after;
    ++count_;
    if (progress_ && count_ % 500 == 0) std::cerr << "\r" << tool_ << ": " << count_ << std::flush;
    return true;
  }

  int Finish(const marketo::Status& status) {
    out_.stream().flush();
    if (progress_) std::cerr << "\n";
    std::cerr << tool_ << ": " << what_ << "=" << count_ << "\n";
    if (!out_.stream()) {
      std::cerr << tool_ << ": cannot write the output" << ResumeHint() << "\n";
      return kExitCallFailed;
    }
    if (status.ok()) return kExitOk;
    std::cerr << tool_ << ": stopped: " << status.ToString() << "\n";
    ExplainMarketoCode(tool_, status.marketo_error_code());
    if (!last_.empty()) std::cerr << tool_ << ":" << ResumeHint() << "\n";
    return kExitCallFailed;
  }

 private:
  std::string ResumeHint() const {
    return last_.empty() ? "" : " resume after the last line with --resume " + last_.text();
  }

  const char* tool_;
  const char* what_;
  Output out_;
  bool progress_;
  marketo::LeadReadPosition last_;
  std::size_t count_ = 0;
};

marketo::LeadSelector ExportSelector(const LeadExportArgs& args) {
  if (!args.list.empty()) return marketo::LeadSelector::StaticList(args.list);
  if (args.list_id != 0) return marketo::LeadSelector::StaticListId(args.list_id);
  const auto since = ParseTime(args.since);
  if (!since) UsageError("lead-export", "--since must be a date or a W3C timestamp");
  std::optional<std::chrono::system_clock::time_point> until;
  if (!args.until.empty()) {
    until = ParseTime(args.until);
    if (!until) UsageError("lead-export", "--until must be a date or a W3C timestamp");
  }
  return marketo::LeadSelector::UpdatedBetween(*since, until);
}

marketo::LeadKey ParseLeadFlag(const std::string& text) {
  const auto colon = text.find(':');
  const auto type = marketo::ParseLeadKeyType(text.substr(0, colon));
  if (colon == std::string::npos || !type) {
    UsageError("activity-export", "--lead must be KEYTYPE:VALUE, e.g. IDNUM:19, got " + text);
  }
  return marketo::LeadKey{*type, text.substr(colon + 1)};
}

}  // namespace

void AddLeadExportFlags(CLI::App& app, LeadExportArgs& args) {
  AddConnectionFlags(app, args.connection);
  auto* since =
      app.add_option("--since", args.since, "leads updated since (YYYY-MM-DD or a W3C timestamp)");
  app.add_option("--until", args.until, "and until (default: now)")->needs(since);
  auto* list = app.add_option("--list", args.list, "or: the members of this static list");
  auto* list_id = app.add_option("--list-id", args.list_id, "or: of the static list with this id")
                      ->check(CLI::PositiveNumber);
  since->excludes(list)->excludes(list_id);
  list->excludes(list_id);
  app.add_option("--fields", args.fields, "only these lead fields")->delimiter(',');
  app.add_option("--batch-size", args.batch_size, "leads per page")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--output", args.output, "JSONL file (default: stdout)");
  app.add_option("--resume", args.resume, "continue a stopped export of the same leads");
  app.footer(
      "\nWindows longer than 30 days are read in 30-day parts. Each line is one lead:\n"
      "  {\"id\":19,\"email\":\"...\",\"attributes\":{\"FirstName\":\"Ada\"}}\n"
      "A run that stops early prints the --resume token that continues after its last line.\n"
      "Exit status: 0 done, 2 a call failed or bad usage.\n");
}

void AddActivityExportFlags(CLI::App& app, ActivityExportArgs& args) {
  AddConnectionFlags(app, args.connection);
  app.add_option("--lead", args.lead, "the lead, as KEYTYPE:VALUE (e.g. IDNUM:19)")->required();
  auto* types = app.add_option("--types", args.types, "only these activity types (WSDL tokens)")
                    ->delimiter(',');
  app.add_option("--exclude-types", args.exclude_types, "every type but these")
      ->delimiter(',')
      ->excludes(types);
  app.add_option("--batch-size", args.batch_size, "activities per page")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--output", args.output, "JSONL file (default: stdout)");
  app.add_option("--resume", args.resume, "continue a stopped export of the same lead");
  app.footer(
      "\nTypes are the WSDL's ActivityType tokens (VisitWebpage, NewLead, ChangeDataValue, ...).\n"
      "A run that stops early prints the --resume token that continues after its last line.\n"
      "Exit status: 0 done, 2 a call failed or bad usage.\n");
}

int RunLeadExport(const LeadExportArgs& args) {
  if (args.since.empty() && args.list.empty() && args.list_id == 0) {
    UsageError("lead-export", "give --since, --list or --list-id");
  }
  const marketo::LeadSelector selector = ExportSelector(args);
  marketo::LeadClient client(ToOptions(args.connection, true, "lead-export"));
  marketo::ReadLeadsOptions options;
  options.include_attributes = args.fields;
  options.batch_size = args.batch_size;
  options.resume_from = marketo::LeadReadPosition::FromText(args.resume);
  ExportRun run("lead-export", "exported", args.output);
  const marketo::Status s = client.ForEachLead(
      selector, options, [&](marketo::LeadRecord&& lead, const marketo::LeadReadPosition& after) {
        return run.Write(LeadToJson(lead), after);
      });
  return run.Finish(s);
}

int RunActivityExport(const ActivityExportArgs& args) {
  marketo::GetLeadActivityRequest request;
  request.key = ParseLeadFlag(args.lead);
  request.filter.include_types = args.types;
  request.filter.exclude_types = args.exclude_types;
  marketo::LeadClient client(ToOptions(args.connection, true, "activity-export"));
  marketo::ReadActivityOptions options;
  options.batch_size = args.batch_size;
  options.resume_from = marketo::LeadReadPosition::FromText(args.resume);
  ExportRun run("activity-export", "activities", args.output);
  const marketo::Status s = client.ForEachActivity(
      request, options,
      [&](marketo::ActivityRecord&& activity, const marketo::LeadReadPosition& after) {
        return run.Write(ActivityToJson(activity), after);
      });
  return run.Finish(s);
}

}  // namespace bulk
