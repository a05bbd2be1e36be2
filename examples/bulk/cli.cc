#include "cli.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace bulk {
namespace {

constexpr double kMaxDurationSeconds = 86400;

// A validator whose message says what the flag wants, e.g. "must be a whole number from 0 to
// 100, got 999".
CLI::Validator WholeNumber(long min, long max, const std::string& range) {
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        char* end = nullptr;
        const long n = std::strtol(text.c_str(), &end, 10);
        if (end == text.c_str() || *end != '\0' || n < min || n > max) {
          return "must be a whole number " + range + ", got " + text;
        }
        return "";
      },
      "N");
}

// A duration flag: finite, at least 1 ms and at most a day, so converting it to milliseconds
// can neither overflow (inf, 1e300) nor round to zero.
CLI::Validator PositiveSeconds() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || !(v >= 0.001) ||
            v > kMaxDurationSeconds) {
          return "must be a number of seconds from 0.001 to 86400 (one day), got " + text;
        }
        return "";
      },
      "SECONDS");
}

}  // namespace

void AddConnectionFlags(CLI::App& app, ConnectionFlags& f) {
  app.add_option("--endpoint", f.endpoint, "SOAP endpoint (default: $MARKETO_SOAP_ENDPOINT)");
  app.add_option("--user-id", f.user_id, "SOAP user id (default: $MARKETO_USER_ID)");
  app.add_option("--encryption-key", f.encryption_key,
                 "encryption key (default: $MARKETO_ENCRYPTION_KEY)");
  app.add_option("--ca-file", f.ca_file, "PEM file of the only CAs to trust");
  app.add_option_function<double>(
         "--timeout", [&f](const double& s) { f.timeout_s = s; },
         "connect, send and receive timeout")
      ->check(PositiveSeconds());
  app.add_option("--retries", f.retries, "attempts after the first for a failed call (0: none)")
      ->check(WholeNumber(0, 100, "from 0 to 100"))
      ->capture_default_str();
  app.add_option("--max-calls-per-20s", f.max_calls_per_20s,
                 "client-side rate limit (default 100, Marketo's; 0 turns it off)")
      ->check(WholeNumber(0, 1000000000, ">= 0"));
}

[[noreturn]] void UsageError(const std::string& tool, const std::string& message) {
  std::cerr << tool << ": " << message << "\n(run " << tool << " --help for the usage)\n";
  std::exit(kExitCallFailed);
}

marketo::ClientOptions ToOptions(const ConnectionFlags& f, bool need_credentials,
                                 const std::string& tool) {
  marketo::ClientOptions o;
  o.endpoint = f.endpoint;
  o.credentials = {f.user_id, f.encryption_key};
  o.tls.ca_file = f.ca_file;
  if (f.timeout_s) {
    const auto t = std::chrono::milliseconds(std::llround(*f.timeout_s * 1000));  // validated
    o.connect_timeout = o.send_timeout = o.receive_timeout = t;
  }
  o.retry.max_retries = f.retries;
  o.limits.max_calls_per_window = static_cast<std::size_t>(f.max_calls_per_20s);
  o = marketo::ClientOptions::FromEnvironment(std::move(o));
  if (!need_credentials) return o;
  if (o.endpoint.empty()) UsageError(tool, "--endpoint (or MARKETO_SOAP_ENDPOINT) is required");
  if (o.credentials.user_id.empty()) {
    UsageError(tool, "--user-id (or MARKETO_USER_ID) is required");
  }
  if (o.credentials.encryption_key.empty()) {
    UsageError(tool, "--encryption-key (or MARKETO_ENCRYPTION_KEY) is required");
  }
  return o;
}

int ParseAndRun(CLI::App& app, int argc, char** argv, const std::function<int()>& run) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << app.get_name() << ": " << e.what() << "\n(run " << app.get_name()
              << " --help for the usage)\n";
    return kExitCallFailed;
  }
  return run();
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

void ExplainMarketoCode(const std::string& tool, int code) {
  if (const auto* row = marketo::error_codes::FindErrorCode(code)) {
    std::cerr << tool << ": Marketo " << code << " \"" << row->message << "\": " << row->meaning
              << "\n";
  }
}

std::optional<std::chrono::system_clock::time_point> ParseTime(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10) {
    return std::nullopt;
  }
  long offset_s = 0;
  if (text.size() > 10) {
    int rest = 0;
    if (std::sscanf(text.c_str() + 10, "T%2d:%2d:%2d%n", &h, &mi, &s, &rest) != 3) {
      return std::nullopt;
    }
    const std::string zone = text.substr(10 + static_cast<std::size_t>(rest));
    int zh = 0, zm = 0;
    if (zone == "Z") {
      offset_s = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') &&
               std::sscanf(zone.c_str() + 1, "%2d:%2d", &zh, &zm) == 2) {
      offset_s = (zone[0] == '-' ? -1 : 1) * (zh * 3600L + zm * 60L);
    } else {
      return std::nullopt;
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  const std::time_t t = timegm(&tm) - offset_s;
  return std::chrono::system_clock::from_time_t(t);
}

}  // namespace bulk
