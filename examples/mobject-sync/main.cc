// mobject-sync: sync a JSONL file of MObjects with syncMObjects, one result per input line.
//
//   mobject-sync --endpoint URL --user-id ID --encryption-key KEY
//                --operation INSERT|UPDATE|UPSERT --input FILE.jsonl|-
//                [--report FILE.csv] [--ca-file PEM] [--timeout SECONDS] [--retries N]
//                [--concurrency N] [--max-calls-per-20s N] [--dry-run]
//
// Input is streamed in chunks, so memory stays flat however long the file is. Exit status:
// 0 nothing failed or was rejected, 1 some object failed or was rejected, 2 call-level error
// (or bad usage).
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "jsonl_input.h"
#include "marketo/marketo.h"

namespace {

constexpr const char* kUsage =
    "usage: mobject-sync --endpoint URL --user-id ID --encryption-key KEY\n"
    "                    --operation INSERT|UPDATE|UPSERT --input FILE.jsonl|-\n"
    "                    [--report FILE.csv] [--ca-file PEM] [--timeout SECONDS]\n"
    "                    [--retries N] [--concurrency N] [--max-calls-per-20s N]\n"
    "                    [--dry-run]\n"
    "\n"
    "--retries N: attempts after the first for a failed call (0 disables retrying;\n"
    "default @RETRIES@).\n"
    "--concurrency N: calls in flight at once, 1 to 10 (default 1); Marketo allows 10 per\n"
    "subscription, shared with every other integration.\n"
    "--max-calls-per-20s N: client-side rate limit (default 100, Marketo's limit; 0 turns it\n"
    "off, e.g. against a local mock).\n"
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

// The usage text with the SDK's default retry count filled in.
std::string Usage() {
  std::string text = kUsage;
  const std::string mark = "@RETRIES@";
  text.replace(text.find(mark), mark.size(), std::to_string(marketo::RetryPolicy{}.max_retries));
  return text;
}

// Lines are parsed and synced this many at a time per --concurrency (so every concurrent call
// has batches to work on); SyncAll splits a chunk into calls of 100.
constexpr std::size_t kChunkObjects = 1000;

struct Args {
  marketo::ClientOptions options;
  std::optional<marketo::SyncOperation> operation;
  std::string input;
  std::string report;
  std::size_t concurrency = 1;
  bool dry_run = false;
};

[[noreturn]] void UsageError(const std::string& message) {
  std::cerr << "mobject-sync: " << message << "\n\n" << Usage();
  std::exit(2);
}

// A whole number flag value within [min, max].
long WholeNumber(const std::string& flag, const std::string& text, long min, long max,
                 const std::string& range) {
  char* end = nullptr;
  const long n = std::strtol(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || n < min || n > max) {
    UsageError(flag + " must be a whole number " + range + ", got " + text);
  }
  return n;
}

std::chrono::milliseconds Seconds(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(seconds > 0)) {
    UsageError(flag + " must be a positive number of seconds, got " + text);
  }
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// The flags that take a value, and what each does with it.
struct ValueFlag {
  const char* name;
  void (*apply)(const std::string& flag, const std::string& value, Args& args);
};

const ValueFlag kValueFlags[] = {
    {"--endpoint",
     [](const std::string&, const std::string& v, Args& a) { a.options.endpoint = v; }},
    {"--user-id",
     [](const std::string&, const std::string& v, Args& a) { a.options.credentials.user_id = v; }},
    {"--encryption-key", [](const std::string&, const std::string& v,
                            Args& a) { a.options.credentials.encryption_key = v; }},
    {"--operation",
     [](const std::string&, const std::string& v, Args& a) {
       a.operation = marketo::ParseSyncOperation(v);
       if (!a.operation) UsageError("--operation must be INSERT, UPDATE or UPSERT, got " + v);
     }},
    {"--input", [](const std::string&, const std::string& v, Args& a) { a.input = v; }},
    {"--report", [](const std::string&, const std::string& v, Args& a) { a.report = v; }},
    {"--ca-file",
     [](const std::string&, const std::string& v, Args& a) { a.options.tls.ca_file = v; }},
    {"--timeout",
     [](const std::string& f, const std::string& v, Args& a) {
       marketo::ClientOptions& o = a.options;
       o.connect_timeout = o.send_timeout = o.receive_timeout = Seconds(f, v);
     }},
    {"--retries",
     [](const std::string& f, const std::string& v, Args& a) {
       a.options.retry.max_retries = static_cast<int>(WholeNumber(f, v, 0, 100, "from 0 to 100"));
     }},
    {"--concurrency",
     [](const std::string& f, const std::string& v, Args& a) {
       a.concurrency = static_cast<std::size_t>(WholeNumber(f, v, 1, 10, "from 1 to 10"));
     }},
    {"--max-calls-per-20s",
     [](const std::string& f, const std::string& v, Args& a) {
       a.options.limits.max_calls_per_window =
           static_cast<std::size_t>(WholeNumber(f, v, 0, LONG_MAX, ">= 0"));
     }},
};

const ValueFlag* FindValueFlag(const std::string& flag) {
  for (const ValueFlag& f : kValueFlags) {
    if (flag == f.name) return &f;
  }
  return nullptr;
}

void RequireArgs(const Args& args) {
  if (!args.operation) UsageError("--operation is required");
  if (args.input.empty()) UsageError("--input is required");
  if (args.dry_run) return;
  const marketo::ClientOptions& o = args.options;
  if (o.endpoint.empty()) UsageError("--endpoint (or MARKETO_SOAP_ENDPOINT) is required");
  if (o.credentials.user_id.empty()) UsageError("--user-id (or MARKETO_USER_ID) is required");
  if (o.credentials.encryption_key.empty()) {
    UsageError("--encryption-key (or MARKETO_ENCRYPTION_KEY) is required");
  }
}

Args ParseArgs(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << Usage();
      std::exit(0);
    }
    if (flag == "--dry-run") {
      args.dry_run = true;
      continue;
    }
    const ValueFlag* f = FindValueFlag(flag);
    if (f == nullptr) UsageError("unknown argument " + flag);
    if (i + 1 >= argc) UsageError(flag + " needs a value");
    f->apply(flag, argv[++i], args);
  }
  args.options = marketo::ClientOptions::FromEnvironment(std::move(args.options));
  RequireArgs(args);
  return args;
}

// What a Marketo code means, from the SDK's table, so a user need not look it up.
void ExplainMarketoCode(int code) {
  if (const auto* row = marketo::error_codes::FindErrorCode(code)) {
    std::cerr << "mobject-sync: Marketo " << code << " \"" << row->message << "\": " << row->meaning
              << "\n";
  }
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

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
  explicit Run(Args args) : args_(std::move(args)) {
    if (!args_.report.empty()) {
      report_.open(args_.report, std::ios::trunc);
      if (!report_) UsageError("cannot write report file " + args_.report);
      report_ << "line,type,id,status,error\n";
    }
    if (!args_.dry_run) client_.emplace(marketo::MakeConnection(args_.options));
    progress_ = isatty(STDERR_FILENO) != 0;
  }

  int Execute() {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (args_.input != "-") {
      file.open(args_.input);
      if (!file) UsageError("cannot read input file " + args_.input);
      in = &file;
    }
    std::string text;
    std::size_t line_no = 0;
    while (std::getline(*in, text)) {
      ++line_no;
      if (mobject_sync::IsBlank(text)) continue;
      auto parsed = mobject_sync::ParseLine(text);
      if (auto* error = std::get_if<std::string>(&parsed)) {
        pending_.push_back({line_no, "", *error});
      } else {
        auto& object = std::get<marketo::MObject>(parsed);
        // Checked here rather than inside SyncAll so the message names the line, not a batch slot.
        if (auto valid = marketo::ValidateSyncObject(object, *args_.operation); !valid.ok()) {
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
        auto all = client_->SyncAll(objects_, *args_.operation, sync);
        if (!all.status.ok() && call_error_.ok()) {
          call_error_ = all.status;
          std::cerr << "mobject-sync: call failed: " << all.status.ToString() << "\n";
          ExplainMarketoCode(all.status.marketo_error_code());
        }
        results = std::move(all.results);
      }
    }
    std::size_t next = 0;
    for (const auto& p : pending_) {
      if (p.rejection) {
        Record(p, "REJECTED", "", "line " + std::to_string(p.line) + ": " + *p.rejection);
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
      Record(p, "REJECTED", id, "line " + std::to_string(p.line) + ": " + r.call_status.message());
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

  Args args_;
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

int main(int argc, char** argv) {
  try {
    Run run(ParseArgs(argc, argv));
    return run.Execute();
  } catch (const std::exception& e) {
    // E.g. out of memory, or a StatusOr misused: say so instead of aborting.
    std::cerr << "mobject-sync: " << e.what() << "\n";
    return 2;
  }
}
