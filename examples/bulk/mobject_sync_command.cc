// mobject-sync: sync a JSONL file of MObjects with syncMObjects, one result per input line.
// Input is streamed in chunks, so memory stays flat however long the file is.
#include "mobject_sync_command.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "json_fields.h"
#include "mobject_jsonl.h"

namespace bulk {
namespace {

using marketo::SyncOperation;

constexpr char kTool[] = "mobject-sync";

constexpr const char* kFooter =
    "\n"
    "Transient failures (connection errors, timeouts, HTTP 502/503/504, Marketo 10001, 20011,\n"
    "20016, 20023, 20024) are retried with jittered exponential backoff. An INSERT (or a\n"
    "keyless UPSERT) is retried only when the request provably was not executed, so a lost\n"
    "response never creates duplicates.\n"
    "\n"
    "Endpoint and credentials default to MARKETO_SOAP_ENDPOINT, MARKETO_USER_ID and\n"
    "MARKETO_ENCRYPTION_KEY. One JSON object per input line, e.g.\n"
    "  {\"type\":\"Opportunity\",\"attributes\":{\"Name\":\"Q1 2014\",\"Amount\":\"2000\"}}\n"
    "Keys: type (required), id, externalKey {name,value}, attributes {name: value},\n"
    "typeAttributes [{attrType, attributes}], associations [{type, id | externalKey}].\n"
    "Invalid lines are reported with their line number and field and are not sent.\n"
    "The report CSV has columns line,type,id,status,error. The last line on stdout is\n"
    "  created=N updated=N unchanged=N skipped=N deleted=N failed=N rejected=N\n"
    "Exit status: 0 all good, 1 some object failed or was rejected, 2 call-level error.\n";

// Lines are parsed and synced this many at a time per --concurrency (so every concurrent call
// has batches to work on); SyncAll splits a chunk into calls of 100.
constexpr std::size_t kChunkObjects = 1000;

struct Counts {
  std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0, deleted = 0, failed = 0,
              rejected = 0;
};

// One input line waiting for its result.
struct Pending {
  std::size_t line = 0;
  std::string type;
  std::optional<std::string> rejection;  // set when the line never becomes an object
};

class Run {
 public:
  Run(const MObjectSyncArgs& args, marketo::ClientOptions options, SyncOperation operation)
      : args_(args), operation_(operation) {
    if (!args_.report.empty()) {
      report_.open(args_.report, std::ios::trunc);
      if (!report_) UsageError(kTool, "cannot write report file " + args_.report);
      report_ << "line,type,id,status,error\n";
    }
    if (!args_.dry_run) client_.emplace(marketo::MakeConnection(std::move(options)));
    progress_ = isatty(STDERR_FILENO) != 0;
  }

  int Execute() {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (args_.input != "-") {
      file.open(args_.input);
      if (!file) UsageError(kTool, "cannot read input file " + args_.input);
      in = &file;
    }
    std::string text;
    std::size_t line_no = 0;
    while (std::getline(*in, text)) {
      ++line_no;
      if (IsBlank(text)) continue;
      auto parsed = ParseMObjectLine(text);
      if (auto* error = std::get_if<std::string>(&parsed)) {
        pending_.push_back({line_no, "", *error});
      } else {
        auto& object = std::get<marketo::MObject>(parsed);
        // Checked here rather than inside SyncAll so the message names the line, not a batch slot.
        if (auto valid = marketo::ValidateSyncObject(object, operation_); !valid.ok()) {
          pending_.push_back({line_no, object.type, valid.message()});
          continue;
        }
        pending_.push_back({line_no, object.type, std::nullopt});
        objects_.push_back(std::move(object));
      }
      if (objects_.size() >= kChunkObjects * args_.concurrency) Flush();
    }
    Flush();
    if (progress_) std::cerr << "\n";
    std::cout << "created=" << counts_.created << " updated=" << counts_.updated
              << " unchanged=" << counts_.unchanged << " skipped=" << counts_.skipped
              << " deleted=" << counts_.deleted << " failed=" << counts_.failed
              << " rejected=" << counts_.rejected << std::endl;
    if (!call_error_.ok()) return 2;
    return counts_.failed + counts_.rejected > 0 ? 1 : 0;
  }

 private:
  void Flush() {
    std::vector<marketo::SyncResult> results;
    if (!objects_.empty()) {
      if (args_.dry_run) {
        results.resize(objects_.size());
      } else {
        marketo::SyncAllOptions sync;
        sync.concurrency = args_.concurrency;
        auto all = client_->SyncAll(objects_, operation_, sync);
        if (!all.status.ok() && call_error_.ok()) {
          call_error_ = all.status;
          std::cerr << "mobject-sync: call failed: " << all.status.ToString() << "\n";
          ExplainMarketoCode(kTool, all.status.marketo_error_code());
        }
        results = std::move(all.results);
      }
    }
    std::size_t next = 0;
    for (const auto& p : pending_) {
      if (p.rejection) {
        Record(p, "REJECTED", "", *p.rejection);  // the line is its own column
        ++counts_.rejected;
        continue;
      }
      const auto& r = results.at(next++);
      Report(p, r);
    }
    sent_ += objects_.size();
    objects_.clear();
    pending_.clear();
    if (progress_) std::cerr << "\rmobject-sync: " << sent_ << " objects processed" << std::flush;
  }

  void Report(const Pending& p, const marketo::SyncResult& r) {
    const std::string id = r.id ? std::to_string(*r.id) : "";
    if (r.call_status.code() == marketo::StatusCode::kInvalidArgument) {
      Record(p, "REJECTED", id, r.call_status.message());
      ++counts_.rejected;
      return;
    }
    if (args_.dry_run) {
      Record(p, "VALID", id, "");
      return;
    }
    switch (r.status) {
      case marketo::SyncStatus::kCreated:
        ++counts_.created;
        break;
      case marketo::SyncStatus::kUpdated:
        ++counts_.updated;
        break;
      case marketo::SyncStatus::kUnchanged:
        ++counts_.unchanged;
        break;
      case marketo::SyncStatus::kSkipped:
        ++counts_.skipped;
        break;
      case marketo::SyncStatus::kDeleted:
        ++counts_.deleted;
        break;
      case marketo::SyncStatus::kFailed:
      case marketo::SyncStatus::kUnknown:  // never count it as success
        ++counts_.failed;
        break;
    }
    std::string error = r.error;
    if (r.status == marketo::SyncStatus::kUnknown) {
      error = "unknown status \"" + r.raw_status + "\" from server";
    }
    const std::string status =
        r.status == marketo::SyncStatus::kUnknown ? r.raw_status : marketo::ToString(r.status);
    Record(p, status, id, error);
  }

  void Record(const Pending& p, const std::string& status, const std::string& id,
              const std::string& error) {
    if (!report_.is_open()) {
      if (status == "REJECTED" || !error.empty()) {
        std::cerr << "line " << p.line << ": " << status << ": " << error << "\n";
      }
      return;
    }
    report_ << p.line << ',' << CsvField(p.type) << ',' << id << ',' << CsvField(status) << ','
            << CsvField(error) << '\n';
  }

  const MObjectSyncArgs& args_;
  SyncOperation operation_;
  std::optional<marketo::MObjectClient> client_;
  std::ofstream report_;
  bool progress_ = false;
  std::vector<marketo::MObject> objects_;
  std::vector<Pending> pending_;
  Counts counts_;
  std::size_t sent_ = 0;
  marketo::Status call_error_;
};

}  // namespace

void AddMObjectSyncFlags(CLI::App& app, MObjectSyncArgs& args) {
  AddConnectionFlags(app, args.connection);
  app.add_option("--operation", args.operation, "INSERT, UPDATE or UPSERT")
      ->required()
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return marketo::ParseSyncOperation(text)
                       ? ""
                       : "must be INSERT, UPDATE or UPSERT, got " + text;
          },
          "INSERT|UPDATE|UPSERT"));
  app.add_option("--input", args.input, "JSONL file of MObjects, or - for stdin")->required();
  app.add_option("--report", args.report, "CSV report: line,type,id,status,error");
  app.add_option("--concurrency", args.concurrency,
                 "calls in flight at once, 1 to 10; Marketo allows 10 per subscription, shared "
                 "with every other integration")
      ->check(CLI::Range(1, 10));
  app.add_flag("--dry-run", args.dry_run, "validate only; send nothing");
  app.footer(kFooter);
}

int RunMObjectSync(const MObjectSyncArgs& args) {
  const auto operation = marketo::ParseSyncOperation(args.operation);
  marketo::ClientOptions options = ToOptions(args.connection, !args.dry_run, kTool);
  Run run(args, std::move(options), *operation);
  return run.Execute();
}

}  // namespace bulk
