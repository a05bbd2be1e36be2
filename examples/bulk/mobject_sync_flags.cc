// mobject-sync's flags and help text.
#include <cstddef>
#include <string>

#include "mobject_sync_command.h"

namespace bulk {
namespace {

constexpr const char* kFooter =
    "\n"
    "Transient failures (connection errors, timeouts, HTTP 502/503/504, Marketo 10001, 20011,\n"
    "20016, 20024) are retried with jittered exponential backoff; a rate-limit fault (20023)\n"
    "waits for a free slot of the client's rate window (backoff with --max-calls-per-20s 0).\n"
    "An INSERT (or a keyless UPSERT) is retried only when the request provably was not\n"
    "executed, so a lost response never creates duplicates.\n"
    "\n"
    "Endpoint and credentials default to MARKETO_SOAP_ENDPOINT, MARKETO_USER_ID and\n"
    "MARKETO_ENCRYPTION_KEY. One JSON object per input line, e.g.\n"
    "  {\"type\":\"Opportunity\",\"attributes\":{\"Name\":\"Q1 2014\",\"Amount\":\"2000\"}}\n"
    "Keys: type (required), id, externalKey {name,value}, attributes {name: value},\n"
    "typeAttributes [{attrType, attributes}], associations [{type, id | externalKey}].\n"
    "Invalid lines are reported with their line number and field and are not sent.\n"
    "The report CSV has columns line,type,id,status,error, one row per input line in input\n"
    "order, written as each batch is answered. The last line on stdout is\n"
    "  created=N updated=N unchanged=N skipped=N deleted=N failed=N rejected=N [unknown=N]\n"
    "SIGINT or SIGTERM: no new batch is sent, the batches in flight finish (within\n"
    "--timeout), the report ends at a line before which every line has its row, and the exit\n"
    "status is 3; the same command with --resume then continues after that line. A line\n"
    "whose batch was sent but whose answer was never recorded (the run was killed) gets\n"
    "status UNKNOWN from --resume and is not sent again.\n"
    "Exit status: 0 all good, 1 some object failed, was rejected or is UNKNOWN, 2 call-level\n"
    "error, I/O error or bad usage, 3 interrupted.\n";

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
  app.add_flag("--resume", args.resume,
               "continue an interrupted run: keep the --report and skip the lines it has");
  app.add_option("--max-line-bytes", args.max_line_bytes,
                 "longer input lines are rejected without being read into memory")
      ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 30))
      ->capture_default_str();
  app.footer(kFooter);
}

}  // namespace bulk
