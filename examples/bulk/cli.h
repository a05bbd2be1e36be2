// What the bulk tool's commands share: the connection flags and the MARKETO_* variables, usage
// errors, parsing with CLI11 with the tool's exit codes, CSV fields, and times on the command
// line.
#ifndef MARKETO_EXAMPLES_BULK_CLI_H_
#define MARKETO_EXAMPLES_BULK_CLI_H_

#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "marketo/marketo.h"

namespace bulk {

// Exit statuses of every command: 0 all good, 1 some record failed or was rejected, 2 a
// call-level error, an I/O error or bad usage, 3 stopped by SIGINT/SIGTERM after writing a
// complete report of every line it reached (mobject-sync: continue with --resume).
inline constexpr int kExitOk = 0;
inline constexpr int kExitRecordFailed = 1;
inline constexpr int kExitCallFailed = 2;
inline constexpr int kExitInterrupted = 3;

// Where to connect and how patiently; each flag falls back to its MARKETO_* variable.
struct ConnectionFlags {
  std::string endpoint;
  std::string user_id;
  std::string encryption_key;
  std::string ca_file;
  std::optional<double> timeout_s;
  int retries = marketo::RetryPolicy{}.max_retries;
  long max_calls_per_20s = 100;
};

// --endpoint, --user-id, --encryption-key, --ca-file, --timeout, --retries, --max-calls-per-20s.
void AddConnectionFlags(CLI::App& app, ConnectionFlags& flags);

// The client options the flags and the environment give; fails (usage) when the endpoint or a
// credential is missing and `need_credentials`.
marketo::ClientOptions ToOptions(const ConnectionFlags& flags, bool need_credentials,
                                 const std::string& tool);

[[noreturn]] void UsageError(const std::string& tool, const std::string& message);

// Parses argv with `app` and runs `run`: --help prints the help and exits 0; a parse error is
// reported with a pointer to --help and exits 2 (CLI11's own codes are not the tool's).
int ParseAndRun(CLI::App& app, int argc, char** argv, const std::function<int()>& run);

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string CsvField(const std::string& s);

// Prints what a Marketo code means (error_codes.h), so a user need not look it up.
void ExplainMarketoCode(const std::string& tool, int code);

// "2026-11-24", "2026-11-24T08:00:00Z" or "2026-11-24T08:00:00+01:00"; nullopt otherwise.
std::optional<std::chrono::system_clock::time_point> ParseTime(const std::string& text);

}  // namespace bulk

#endif  // MARKETO_EXAMPLES_BULK_CLI_H_
