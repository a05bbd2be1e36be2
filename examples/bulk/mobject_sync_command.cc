// mobject-sync: sync a JSONL file of MObjects with syncMObjects, one result per input line.
// Input is streamed in chunks, so memory stays flat however long the file is.
#include "mobject_sync_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
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
#include "sync_counts.h"

namespace bulk {
namespace {

using marketo::SyncOperation;

constexpr char kTool[] = "mobject-sync";

// Objects synced per SyncAll, per --concurrency: one call for every worker.
constexpr std::size_t kChunkObjects = 100;
// Chunks on the wire at once. The second fills the slots the first frees while its last calls
// finish, so no worker idles at a chunk's end; the connection's in-flight cap (set to
// --concurrency) keeps their calls together within --concurrency. An interrupt waits for at
// most these chunks: two rounds of calls.
constexpr std::size_t kChunksInFlight = 2;
// Rows that wait for a batch ahead of them (the report is in input order) are at most this
// many; then the batch is sent early. This bounds memory for any mix of valid and invalid lines.
constexpr std::size_t kMaxPending = 10000;
// The report is written at least this often, in bytes, between batches.
constexpr std::size_t kReportFlushBytes = std::size_t{64} * 1024;

constexpr char kInFlightError[] =
    "sent before an interrupt; the answer was not recorded, so it may have been applied (not "
    "sent again by --resume)";

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
    CollectAll();  // a batch on the wire is always answered and recorded, interrupted or not
    if (InterruptSignal() == 0 && io_error_.empty()) {
      Flush();
      CollectAll();
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
  bool Idle() const { return objects_.empty() && inflight_.empty(); }

  // Sends what was read in the background, so the next chunk is parsed while others are on the
  // wire. At most kChunksInFlight batches: the oldest is recorded first when that many are out.
  void Flush() {
    if (objects_.empty()) {
      CollectAll();  // only decided rows: they follow every batch out
    } else if (inflight_.size() >= kChunksInFlight) {
      Collect();
    }
    if (!io_error_.empty()) return;
    if (objects_.empty()) {
      for (const auto& p : pending_) RecordDecided(p);
      pending_.clear();
      FlushReport();
      return;
    }
    // Rows decided so far go first: the journal about to be replaced may be what made them
    // UNKNOWN (a resumed run).
    if (!FlushReport() || !WriteInflight(pending_)) return;
    Batch& batch = inflight_.emplace_back();  // a deque: the reference stays valid
    batch.objects = std::move(objects_);
    batch.pending = std::move(pending_);
    objects_.clear();
    pending_.clear();
    batch.results = std::async(std::launch::async, [this, &batch] { return Sync(batch.objects); });
  }

  void CollectAll() {
    while (!inflight_.empty()) Collect();
  }

  // Waits for the oldest batch on the wire, if any, and writes its rows in input order.
  void Collect() {
    if (inflight_.empty()) return;
    Batch& batch = inflight_.front();
    marketo::SyncAllResult all = batch.results.get();
    if (!all.status.ok() && call_error_.ok()) {
      call_error_ = all.status;
      std::cerr << kTool << ": call failed: " << all.status.ToString() << "\n";
      ExplainMarketoCode(kTool, all.status.marketo_error_code());
    }
    std::size_t next = 0;
    for (const auto& p : batch.pending) {
      if (!p.status.empty()) {
        RecordDecided(p);
      } else {
        Report(p, all.results.at(next++));
      }
    }
    sent_ += batch.objects.size();
    inflight_.pop_front();
    // On failure the journal stays, so --resume knows these lines were sent. While later batches
    // are out it names just theirs.
    if (!FlushReport()) return;
    if (!report_.is_open()) return;
    if (inflight_.empty()) {
      unlink(InflightPath(args_.report).c_str());
    } else {
      WriteInflight({});
    }
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

  // Rewrites the journal (see InflightPath): the lines of the batches out and of `next`, about to
  // be sent. Replaced by rename, so a kill at any instant leaves the old journal or the new one
  // whole, never one that misses a line on the wire.
  bool WriteInflight(const std::vector<Pending>& next) {
    if (!report_.is_open() || args_.dry_run) return true;
    std::string rows;
    auto add = [&rows](const std::vector<Pending>& lines) {
      for (const auto& p : lines) {
        if (p.status.empty()) rows += std::to_string(p.line) + "," + OneLine(p.type) + "\n";
      }
    };
    for (const auto& b : inflight_) add(b.pending);
    add(next);
    const std::string path = InflightPath(args_.report);
    const std::string temp = path + ".new";
    const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    const bool ok = fd >= 0 && WriteAll(fd, rows);
    if ((fd >= 0 && close(fd) != 0) || !ok || rename(temp.c_str(), path.c_str()) != 0) {
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
    counts_.Add(r.status);
    std::string error = r.error;
    if (r.status == marketo::SyncStatus::kUnknown) {
      error = "unknown status \"" + r.raw_status + "\" from server";
    }
    const std::string status =
        r.status == marketo::SyncStatus::kUnknown ? r.raw_status : marketo::ToString(r.status);
    Record(p.line, p.type, id, status, error);
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
    std::cout << counts_.Summary() << std::endl;
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
  std::deque<Batch> inflight_;  // oldest first
  SyncCounts counts_;
  std::size_t sent_ = 0;
  std::size_t last_recorded_ = 0;
  std::string io_error_;
  marketo::Status call_error_;
};

}  // namespace

int RunMObjectSync(const MObjectSyncArgs& args) {
  const auto operation = marketo::ParseSyncOperation(args.operation);
  marketo::ClientOptions options = ToOptions(args.connection, !args.dry_run, kTool);
  // Two chunks may be out at once (kChunksInFlight): together they stay within --concurrency.
  auto& in_flight = options.limits.max_in_flight;
  if (in_flight == 0 || in_flight > args.concurrency) in_flight = args.concurrency;
  Run run(args, std::move(options), *operation);
  return run.Execute();
}

}  // namespace bulk
