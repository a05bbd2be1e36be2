// mobject-sync: sync a JSONL file of MObjects with syncMObjects, one result per input line.
// Input is streamed in chunks, so memory stays flat however long the file is.
#include "mobject_sync_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <future>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "interrupt.h"
#include "json_fields.h"
#include "line_reader.h"
#include "mobject_jsonl.h"
#include "report_file.h"

namespace bulk {
namespace {

using marketo::SyncOperation;

constexpr char kTool[] = "mobject-sync";

// Objects synced per SyncAll, per --concurrency: two batches of 100 for every worker, so each
// has one to work ahead on, while an interrupt waits for at most two rounds of calls.
constexpr std::size_t kChunkObjects = 200;
// Rows that wait for a batch ahead of them (the report is in input order) are at most this
// many; then the batch is sent early. This bounds memory for any mix of valid and invalid lines.
constexpr std::size_t kMaxPending = 10000;
// The report is written at least this often, in bytes, between batches.
constexpr std::size_t kReportFlushBytes = std::size_t{64} * 1024;

constexpr char kInFlightError[] =
    "sent before an interrupt; the answer was not recorded, so it may have been applied (not "
    "sent again by --resume)";

struct Counts {
  std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0, deleted = 0, failed = 0,
              rejected = 0, unknown = 0;
};

// One input line waiting for its row: an object to sync, or a row already decided.
struct Pending {
  std::size_t line = 0;
  std::string type;
  std::string status;  // empty for an object to sync; else REJECTED or UNKNOWN
  std::string error;
};

// A batch on the wire: its objects, the rows of its lines (decided ones among them) and the
// answer to come.
struct Batch {
  std::vector<marketo::MObject> objects;
  std::vector<Pending> pending;
  std::future<marketo::SyncAllResult> results;
};

// A field that keeps a report row on one physical line (--resume reads it line by line).
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return CsvField(s);
}

class Run {
 public:
  Run(const MObjectSyncArgs& args, marketo::ClientOptions options, SyncOperation operation)
      : args_(args), operation_(operation), options_(std::move(options)) {}

  int Execute() {
    if (!OpenFiles()) return kExitCallFailed;
    if (!args_.dry_run) client_.emplace(marketo::MakeConnection(std::move(options_)));
    progress_ = isatty(STDERR_FILENO) != 0;
    CatchInterrupts();
    LineReader reader(input_fd_, args_.max_line_bytes);
    std::string text;
    std::size_t line_no = 0;
    for (;;) {
      if (InterruptSignal() != 0 || !io_error_.empty()) break;
      const auto got = reader.Next(text);
      if (got == LineReader::Result::kEnd) break;
      if (got == LineReader::Result::kError) {
        io_error_ = "cannot read input file " + args_.input + ": " + std::strerror(errno);
        break;
      }
      ++line_no;
      if (line_no <= resume_.last_line) continue;
      if (got == LineReader::Result::kTooLong) {
        Decided(line_no, "", "REJECTED",
                "line longer than --max-line-bytes " + std::to_string(args_.max_line_bytes));
      } else if (!IsBlank(text)) {
        Take(line_no, text);
      }
      if (objects_.size() >= kChunkObjects * args_.concurrency || pending_.size() >= kMaxPending) {
        Flush();
      }
    }
    Collect();  // a batch on the wire is always answered and recorded, interrupted or not
    if (InterruptSignal() == 0 && io_error_.empty()) {
      Flush();
      Collect();
    }
    if (InterruptSignal() != 0) Abandon();
    return Finish();
  }

 private:
  bool OpenFiles() {
    std::string error;
    std::pair<dev_t, ino_t> input_id{};
    input_fd_ = OpenInput(args_.input, input_id, error);
    if (input_fd_ < 0) return Fail(error);
    if (args_.report.empty()) return !args_.resume || Fail("--resume needs --report");
    if (IsSameFile(args_.report, input_id)) {
      return Fail("--report " + args_.report + " is the input file; refusing to overwrite it");
    }
    bool append = false;
    if (args_.resume && access(args_.report.c_str(), F_OK) == 0) {
      std::vector<std::pair<std::size_t, std::string>> inflight;
      if (!ReadResumePoint(args_.report, resume_, error) ||
          !ReadInflight(args_.report, inflight, error) ||
          !TruncateReport(args_.report, resume_.keep_bytes, error)) {
        return Fail(error);
      }
      for (auto& [line, type] : inflight) {
        if (line > resume_.last_line) unknown_.emplace(line, std::move(type));
      }
      append = true;
    }
    if (!report_.Open(args_.report, append, error)) return Fail(error);
    if (!resume_.has_header) report_.Add("line,type,id,status,error\n");
    if (!report_.Flush(error)) return Fail(error);
    return true;
  }

  bool Fail(const std::string& error) {
    std::cerr << kTool << ": " << error << "\n";
    return false;
  }

  void Take(std::size_t line_no, const std::string& text) {
    if (auto it = unknown_.find(line_no); it != unknown_.end()) {
      Decided(line_no, it->second, "UNKNOWN", kInFlightError);
      return;
    }
    auto parsed = ParseMObjectLine(text);
    if (auto* error = std::get_if<std::string>(&parsed)) {
      Decided(line_no, "", "REJECTED", *error);
      return;
    }
    auto& object = std::get<marketo::MObject>(parsed);
    // Checked here rather than inside SyncAll so the message names the line, not a batch slot.
    if (auto valid = marketo::ValidateSyncObject(object, operation_); !valid.ok()) {
      Decided(line_no, object.type, "REJECTED", valid.message());
      return;
    }
    pending_.push_back({line_no, object.type, "", ""});
    objects_.push_back(std::move(object));
  }

  // A row known without a call: written at once unless objects ahead of it wait for theirs.
  void Decided(std::size_t line, std::string type, const char* status, std::string error) {
    Pending p{line, std::move(type), status, std::move(error)};
    if (Idle()) {
      RecordDecided(p);
    } else {
      pending_.push_back(std::move(p));
    }
  }

  void RecordDecided(const Pending& p) {
    (p.status == "UNKNOWN" ? counts_.unknown : counts_.rejected)++;
    Record(p.line, p.type, "", p.status, p.error);
  }

  // Nothing read waits for a batch: a decided row may go straight to the report.
  bool Idle() const { return objects_.empty() && !inflight_; }

  // Sends what was read in the background, so the next chunk is parsed while it is on the wire.
  // One batch at a time: the one before is recorded first, and with it its journal.
  void Flush() {
    Collect();
    if (!io_error_.empty()) return;
    if (objects_.empty()) {
      for (const auto& p : pending_) RecordDecided(p);
      pending_.clear();
      FlushReport();
      return;
    }
    // Rows decided so far go first: the journal about to be replaced may be what made them
    // UNKNOWN (a resumed run).
    if (!FlushReport() || !WriteInflight()) return;
    inflight_.emplace();
    inflight_->objects = std::move(objects_);
    inflight_->pending = std::move(pending_);
    objects_.clear();
    pending_.clear();
    inflight_->results = std::async(std::launch::async,
                                    [this, batch = &*inflight_] { return Sync(batch->objects); });
  }

  // Waits for the batch on the wire, if any, and writes its rows in input order.
  void Collect() {
    if (!inflight_) return;
    marketo::SyncAllResult all = inflight_->results.get();
    if (!all.status.ok() && call_error_.ok()) {
      call_error_ = all.status;
      std::cerr << kTool << ": call failed: " << all.status.ToString() << "\n";
      ExplainMarketoCode(kTool, all.status.marketo_error_code());
    }
    std::size_t next = 0;
    for (const auto& p : inflight_->pending) {
      if (!p.status.empty()) {
        RecordDecided(p);
      } else {
        Report(p, all.results.at(next++));
      }
    }
    sent_ += inflight_->objects.size();
    inflight_.reset();
    // On failure the journal stays, so --resume knows these lines were sent.
    if (!FlushReport()) return;
    if (report_.is_open()) unlink(InflightPath(args_.report).c_str());
    if (progress_) {
      std::cerr << "\r" << kTool << ": " << sent_ << " objects processed" << std::flush;
    }
  }

  bool FlushReport() {
    std::string error;
    if (report_.Flush(error)) return true;
    io_error_ = error;
    return false;
  }

  // Runs on the background thread: touches only the client and its own batch.
  marketo::SyncAllResult Sync(const std::vector<marketo::MObject>& objects) {
    if (args_.dry_run) {
      marketo::SyncAllResult all;
      all.results.resize(objects.size());
      return all;
    }
    marketo::SyncAllOptions sync;
    sync.concurrency = args_.concurrency;
    return client_->SyncAll(objects, operation_, sync);
  }

  // Names the lines about to be sent, before they are (see InflightPath).
  bool WriteInflight() {
    if (!report_.is_open() || args_.dry_run) return true;
    std::string rows;
    for (const auto& p : pending_) {
      if (p.status.empty()) rows += std::to_string(p.line) + "," + OneLine(p.type) + "\n";
    }
    const std::string path = InflightPath(args_.report);
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    const bool ok = fd >= 0 && WriteAll(fd, rows);
    if ((fd >= 0 && close(fd) != 0) || !ok) {
      io_error_ = "cannot write " + path + ": " + std::strerror(errno);
      return false;
    }
    return true;
  }

  // Interrupted with objects read but not sent: they get no row, and neither do the lines after
  // the first of them, so the report ends at a line before which every line has its row.
  void Abandon() {
    for (const auto& p : pending_) {
      if (p.status.empty()) break;
      RecordDecided(p);
    }
    objects_.clear();
    pending_.clear();
  }

  void Report(const Pending& p, const marketo::SyncResult& r) {
    const std::string id = r.id ? std::to_string(*r.id) : "";
    if (r.call_status.code() == marketo::StatusCode::kInvalidArgument) {
      Record(p.line, p.type, id, "REJECTED", r.call_status.message());
      ++counts_.rejected;
      return;
    }
    if (args_.dry_run) {
      Record(p.line, p.type, id, "VALID", "");
      return;
    }
    Count(r.status);
    std::string error = r.error;
    if (r.status == marketo::SyncStatus::kUnknown) {
      error = "unknown status \"" + r.raw_status + "\" from server";
    }
    const std::string status =
        r.status == marketo::SyncStatus::kUnknown ? r.raw_status : marketo::ToString(r.status);
    Record(p.line, p.type, id, status, error);
  }

  void Count(marketo::SyncStatus s) {
    switch (s) {
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
  }

  void Record(std::size_t line, const std::string& type, const std::string& id,
              const std::string& status, const std::string& error) {
    last_recorded_ = line;
    if (!report_.is_open()) {
      if (status == "REJECTED" || !error.empty()) {
        std::cerr << "line " << line << ": " << status << ": " << error << "\n";
      }
      return;
    }
    report_.Add(std::to_string(line) + ',' + OneLine(type) + ',' + id + ',' + OneLine(status) +
                ',' + OneLine(error) + '\n');
    if (Idle() && report_.buffered() >= kReportFlushBytes) FlushReport();
  }

  int Finish() {
    if (progress_) std::cerr << "\n";
    std::string error;
    if (!report_.Close(error) && io_error_.empty()) io_error_ = error;
    // Nothing is in flight now; the journal may go once its lines have their rows.
    const std::size_t last = std::max(last_recorded_, resume_.last_line);
    if (io_error_.empty() && !args_.report.empty() &&
        (unknown_.empty() || last >= unknown_.rbegin()->first)) {
      unlink(InflightPath(args_.report).c_str());
    }
    std::cout << "created=" << counts_.created << " updated=" << counts_.updated
              << " unchanged=" << counts_.unchanged << " skipped=" << counts_.skipped
              << " deleted=" << counts_.deleted << " failed=" << counts_.failed
              << " rejected=" << counts_.rejected;
    if (counts_.unknown > 0) std::cout << " unknown=" << counts_.unknown;
    std::cout << std::endl;
    if (!std::cout && io_error_.empty()) io_error_ = "cannot write to stdout";
    if (!io_error_.empty()) {
      Fail(io_error_);
      return kExitCallFailed;
    }
    if (const int sig = InterruptSignal(); sig != 0) {
      std::cerr << kTool << ": stopped by " << SignalName(sig) << " after line " << last
                << "; every line up to it is in the report; run the same command with --resume "
                   "to continue\n";
      return kExitInterrupted;
    }
    if (!call_error_.ok()) return kExitCallFailed;
    return counts_.failed + counts_.rejected + counts_.unknown > 0 ? kExitRecordFailed : kExitOk;
  }

  const MObjectSyncArgs& args_;
  SyncOperation operation_;
  marketo::ClientOptions options_;
  std::optional<marketo::MObjectClient> client_;
  int input_fd_ = -1;
  ReportFile report_;
  ResumePoint resume_;
  std::map<std::size_t, std::string> unknown_;  // line -> type, from the journal
  bool progress_ = false;
  std::vector<marketo::MObject> objects_;
  std::vector<Pending> pending_;
  std::optional<Batch> inflight_;
  Counts counts_;
  std::size_t sent_ = 0;
  std::size_t last_recorded_ = 0;
  std::string io_error_;
  marketo::Status call_error_;
};

}  // namespace

int RunMObjectSync(const MObjectSyncArgs& args) {
  const auto operation = marketo::ParseSyncOperation(args.operation);
  marketo::ClientOptions options = ToOptions(args.connection, !args.dry_run, kTool);
  Run run(args, std::move(options), *operation);
  return run.Execute();
}

}  // namespace bulk
