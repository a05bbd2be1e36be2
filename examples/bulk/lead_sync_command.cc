// lead-sync: a JSONL file of leads through syncMultipleLeads (LeadClient::SyncLeads), one
// report line per input line. Input is streamed in chunks, so memory stays flat.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "json_fields.h"
#include "lead_commands.h"
#include "lead_jsonl.h"
#include "line_reader.h"

namespace bulk {
namespace {

constexpr char kTool[] = "lead-sync";

// Leads parsed and synced at a time per --concurrency; SyncLeads splits a chunk into calls.
constexpr std::size_t kChunkLeads = 1500;
// A longer line is rejected without being held.
constexpr std::size_t kMaxLineBytes = 1 << 20;

constexpr const char* kFooter =
    "\n"
    "One JSON object per input line, e.g.\n"
    "  {\"email\":\"ada@example.com\",\"attributes\":{\"FirstName\":\"Ada\"}}\n"
    "Keys: id, email, foreignSysPersonId with foreignSysType (CUSTOM, SFDC, NETSUITE),\n"
    "attributes {name: value}. A lead needs id, foreignSysPersonId or email to match on.\n"
    "Invalid lines are reported with their line number and field and are not sent.\n"
    "The report CSV has columns line,id,status,error. The last line on stdout is\n"
    "  created=N updated=N failed=N rejected=N\n"
    "Exit status: 0 all good, 1 some lead failed or was rejected, 2 call-level error.\n";

struct Counts {
  std::size_t created = 0, updated = 0, failed = 0, rejected = 0;
};

// One input line waiting for its result.
struct Pending {
  std::size_t line = 0;
  std::optional<std::string> rejection;  // set when the line is not sent
};

class LeadSyncRun {
 public:
  LeadSyncRun(const LeadSyncArgs& args, marketo::ClientOptions options) : args_(args) {
    if (!args_.dry_run) client_.emplace(marketo::MakeConnection(std::move(options)));
    progress_ = isatty(STDERR_FILENO) != 0;
  }

  int Execute() {
    LineReader reader(OpenFiles(), kMaxLineBytes);
    std::string text;
    std::size_t line_no = 0;
    for (;;) {
      const auto got = reader.Next(text);
      if (got == LineReader::Result::kEnd) break;
      if (got == LineReader::Result::kError) {
        UsageError(kTool, "cannot read input file " + args_.input + ": " + std::strerror(errno));
      }
      ++line_no;
      if (got == LineReader::Result::kTooLong) {
        pending_.push_back(
            {line_no, "line longer than " + std::to_string(kMaxLineBytes) + " bytes"});
      } else if (!IsBlank(text)) {
        Add(line_no, text);
      }
      if (leads_.size() >= kChunkLeads * args_.concurrency || pending_.size() >= 2 * kChunkLeads) {
        Flush();
      }
    }
    Flush();
    if (progress_) std::cerr << "\n";
    std::cout << "created=" << counts_.created << " updated=" << counts_.updated
              << " failed=" << counts_.failed << " rejected=" << counts_.rejected << std::endl;
    if (report_.is_open()) report_.close();
    if (report_.fail()) UsageError(kTool, "cannot write report file " + args_.report);
    if (!std::cout) UsageError(kTool, "cannot write to stdout");
    if (!call_error_.ok()) return kExitCallFailed;
    return counts_.failed + counts_.rejected > 0 ? kExitRecordFailed : kExitOk;
  }

 private:
  // The input first, then the report, which must not be the input.
  int OpenFiles() {
    std::pair<dev_t, ino_t> input_id{};
    std::string error;
    const int fd = OpenInput(args_.input, input_id, error);
    if (fd < 0) UsageError(kTool, error);
    if (args_.report.empty()) return fd;
    if (IsSameFile(args_.report, input_id)) {
      UsageError(kTool,
                 "--report " + args_.report + " is the input file; refusing to overwrite it");
    }
    report_.open(args_.report, std::ios::trunc);
    if (!report_) UsageError(kTool, "cannot write report file " + args_.report);
    report_ << "line,id,status,error\n";
    return fd;
  }

  void Add(std::size_t line_no, const std::string& text) {
    auto parsed = ParseLeadLine(text);
    if (auto* error = std::get_if<std::string>(&parsed)) {
      pending_.push_back({line_no, *error});
      return;
    }
    auto& lead = std::get<marketo::LeadRecord>(parsed);
    // Checked here so the message names the line, not a batch slot.
    if (auto valid = marketo::ValidateSyncLeadsRecord(lead); !valid.ok()) {
      pending_.push_back({line_no, valid.message()});
      return;
    }
    pending_.push_back({line_no, std::nullopt});
    leads_.push_back(std::move(lead));
  }

  void Flush() {
    std::vector<marketo::LeadSyncResult> results(leads_.size());
    if (!leads_.empty() && !args_.dry_run) {
      marketo::SyncLeadsOptions options;
      options.batch_size = args_.batch_size;
      options.dedup_enabled = !args_.no_dedup;
      options.concurrency = args_.concurrency;
      auto all = client_->SyncLeads(leads_, options);
      if (!all.status.ok() && call_error_.ok()) {
        call_error_ = all.status;
        std::cerr << kTool << ": call failed: " << all.status.ToString() << "\n";
        ExplainMarketoCode(kTool, all.status.marketo_error_code());
      }
      results = std::move(all.results);
    }
    std::size_t next = 0;
    for (const auto& p : pending_) {
      if (p.rejection) {
        Record(p, "REJECTED", "", *p.rejection);  // the line is its own column
        ++counts_.rejected;
        continue;
      }
      Report(p, results.at(next++));
    }
    sent_ += leads_.size();
    leads_.clear();
    pending_.clear();
    if (report_.is_open() && !report_.flush()) {
      UsageError(kTool, "cannot write report file " + args_.report);
    }
    if (progress_) std::cerr << "\r" << kTool << ": " << sent_ << " leads processed" << std::flush;
  }

  void Report(const Pending& p, const marketo::LeadSyncResult& r) {
    const std::string id = r.lead_id ? std::to_string(*r.lead_id) : "";
    if (args_.dry_run) {
      Record(p, "VALID", id, "");
      return;
    }
    if (r.status == marketo::LeadSyncStatus::kCreated) {
      ++counts_.created;
    } else if (r.status == marketo::LeadSyncStatus::kUpdated) {
      ++counts_.updated;
    } else {
      ++counts_.failed;  // FAILED, and statuses this version does not know
    }
    const std::string status = r.raw_status.empty() ? marketo::ToString(r.status) : r.raw_status;
    Record(p, status, id, r.error);
  }

  void Record(const Pending& p, const std::string& status, const std::string& id,
              const std::string& error) {
    if (!report_.is_open()) {
      if (!error.empty()) std::cerr << "line " << p.line << ": " << status << ": " << error << "\n";
      return;
    }
    report_ << p.line << ',' << id << ',' << CsvField(status) << ',' << CsvField(error) << '\n';
  }

  const LeadSyncArgs& args_;
  std::optional<marketo::LeadClient> client_;
  std::ofstream report_;
  bool progress_ = false;
  std::vector<marketo::LeadRecord> leads_;
  std::vector<Pending> pending_;
  Counts counts_;
  std::size_t sent_ = 0;
  marketo::Status call_error_;
};

}  // namespace

void AddLeadSyncFlags(CLI::App& app, LeadSyncArgs& args) {
  AddConnectionFlags(app, args.connection);
  app.add_option("--input", args.input, "JSONL file of leads, or - for stdin")->required();
  app.add_option("--report", args.report, "CSV report: line,id,status,error");
  app.add_option("--batch-size", args.batch_size, "leads per call (Marketo advises 300)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_flag("--no-dedup", args.no_dedup,
               "turn off Marketo's de-duplication by email (creates duplicates)");
  app.add_option("--concurrency", args.concurrency, "calls in flight at once, 1 to 10")
      ->check(CLI::Range(1, 10));
  app.add_flag("--dry-run", args.dry_run, "validate only; send nothing");
  app.footer(kFooter);
}

int RunLeadSync(const LeadSyncArgs& args) {
  LeadSyncRun run(args, ToOptions(args.connection, !args.dry_run, kTool));
  return run.Execute();
}

}  // namespace bulk
