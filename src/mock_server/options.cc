#include "options.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mock {
namespace {

bool ParseInt(const char* s, long long lo, long long hi, long long* out) {
  if (s == nullptr || *s == '\0') return false;
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(s, &end, 10);
  if (errno != 0 || *end != '\0' || v < lo || v > hi) return false;
  *out = v;
  return true;
}

// A flag with an integer value in [lo, hi].
struct IntFlag {
  const char* name;
  long long lo, hi;
  void (*set)(Options* o, long long n);
};

constexpr IntFlag kIntFlags[] = {
    {"--port", 0, 65535, [](Options* o, long long n) { o->port = static_cast<int>(n); }},
    {"--latency-ms", 0, 600000,
     [](Options* o, long long n) { o->latency_ms = static_cast<int>(n); }},
    {"--latency-jitter-ms", 0, 600000,
     [](Options* o, long long n) { o->latency_jitter_ms = static_cast<int>(n); }},
    {"--rate-window-ms", 1, 3600000,
     [](Options* o, long long n) { o->rate_window_ms = static_cast<int>(n); }},
    {"--max-skew-s", 0, INT_MAX,
     [](Options* o, long long n) { o->max_skew_s = static_cast<int>(n); }},
    {"--rate-limit", 0, INT_MAX,
     [](Options* o, long long n) { o->rate_limit = static_cast<int>(n); }},
    {"--concurrency-limit", 0, INT_MAX,
     [](Options* o, long long n) { o->concurrency_limit = static_cast<int>(n); }},
    {"--daily-quota", 0, LLONG_MAX,
     [](Options* o, long long n) { o->daily_quota = static_cast<std::uint64_t>(n); }},
    {"--seed", 0, LLONG_MAX,
     [](Options* o, long long n) { o->seed = static_cast<std::uint64_t>(n); }},
    {"--hang-s", 1, 3600, [](Options* o, long long n) { o->hang_s = static_cast<int>(n); }},
    {"--max-connections", 1, 1024,
     [](Options* o, long long n) { o->max_connections = static_cast<int>(n); }},
    {"--io-timeout-s", 1, 3600,
     [](Options* o, long long n) { o->io_timeout_s = static_cast<int>(n); }},
    {"--header-timeout-ms", 100, 600000,
     [](Options* o, long long n) { o->header_timeout_ms = static_cast<int>(n); }},
    {"--body-timeout-ms", 100, 3600000,
     [](Options* o, long long n) { o->body_timeout_ms = static_cast<int>(n); }},
    {"--import-ms", 0, 3600000,
     [](Options* o, long long n) { o->import_ms = static_cast<int>(n); }},
    {"--seed-leads", 0, 10000000,
     [](Options* o, long long n) { o->seed_leads = static_cast<int>(n); }},
};

// A flag whose value is kept as given.
struct TextFlag {
  const char* name;
  std::string Options::*field;
};

constexpr TextFlag kTextFlags[] = {
    {"--user-id", &Options::user_id},   {"--encryption-key", &Options::encryption_key},
    {"--tls-cert", &Options::tls_cert}, {"--tls-key", &Options::tls_key},
    {"--dump", &Options::dump_path},
};

// --encryption-key-file: the file's content without trailing line breaks, so the key stays out
// of argv (/proc/PID/cmdline). Errors name the path, never the content.
bool ReadKeyFile(const char* path, Options* o, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string key = text.str();
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
  if (!in || key.empty() || key.size() > 4096) {
    *error = std::string("cannot read a key from --encryption-key-file '") + path +
             "' (missing, unreadable, empty or over 4096 bytes)";
    return false;
  }
  o->encryption_key = key;
  return true;
}

// Sets one flag from its value; false (and *error) when the flag or the value is bad.
bool ApplyFlag(const std::string& name, const char* value, Options* o, std::string* error) {
  for (const auto& f : kIntFlags) {
    if (name != f.name) continue;
    long long n = 0;
    if (!ParseInt(value, f.lo, f.hi, &n)) {
      *error = "bad value for " + name + ": '" + value + "'";
      return false;
    }
    f.set(o, n);
    return true;
  }
  for (const auto& f : kTextFlags) {
    if (name != f.name) continue;
    o->*f.field = value;
    return true;
  }
  if (name == "--encryption-key-file") return ReadKeyFile(value, o, error);
  if (name == "--fault") {
    FaultSpec spec;
    const std::string err = ParseFaultSpec(value, &spec);
    if (!err.empty()) {
      *error = "bad --fault '" + std::string(value) + "': " + err;
      return false;
    }
    o->faults.push_back(spec);
    return true;
  }
  *error = "unknown option " + name + " (see --help)";
  return false;
}

// Checks that span flags, once every flag is read.
bool CheckOptions(const Options& o, std::string* error) {
  if (!o.tls_key.empty() && o.tls_cert.empty()) {
    *error = "--tls-key needs --tls-cert";
    return false;
  }
  if (o.user_id.empty() || o.encryption_key.empty()) {
    *error = "--user-id and --encryption-key must not be empty";
    return false;
  }
  return true;
}

// --help, around the two default credentials.
constexpr char kHelpBeforeUserId[] = R"(Usage: marketo-mock-server [options]

A Marketo SOAP API (mktows 3_1) server for demos and tests. It listens on 127.0.0.1 only
and prints, as its first stdout line:
  listening on http://127.0.0.1:PORT/soap/mktows/3_1      (https with --tls-cert)
SIGINT/SIGTERM stop it cleanly (and write --dump); SIGUSR1 writes --dump immediately.

Options:
  --port N               TCP port; 0 (default) picks a free port
  --user-id ID           SOAP user id clients must send (default )";
constexpr char kHelpBeforeKey[] = R"()
  --encryption-key KEY   key of the HMAC-SHA1 request signature (default )";
constexpr char kHelpRest[] = R"(;
                         argv is visible to other users: prefer the two below)
  --encryption-key-file PATH  read the key from PATH (trailing line breaks dropped)
  MARKETO_MOCK_ENCRYPTION_KEY (environment) the key, when no key flag is given
  --tls-cert PEM         serve HTTPS (TLS 1.2+) with this certificate (chain); may also
                         hold the private key
  --tls-key PEM          private key (default: read from --tls-cert)
  --latency-ms N         delay every answer by N ms (default 0)
  --latency-jitter-ms J  and by a further uniform 0..J ms per call (default 0; --seed
                         makes the sequence repeatable)
  --max-skew-s N         accepted |now - requestTimestamp| in seconds, past and future
                         (default 900); outside -> fault 20016
  --rate-limit N         more than N calls in a sliding 20 s -> fault 20023 (default 100,
                         0 = off); a call is counted when its latency has passed
  --rate-window-ms W     length of that sliding window (default 20000)
  --concurrency-limit N  more than N calls in flight -> fault 20024 (default 10, 0 = off)
  --daily-quota N        calls after the first N -> fault 20015 (default 0 = off)
  --fault SPEC           inject a fault; repeatable, the first spec that fires wins
  --seed N               seed for rate= faults and latency jitter (deterministic runs)
  --dump FILE.json       on shutdown write every stored object and the call/fault/
                         object counters as JSON
  --hang-s N             how long kind=hang holds a call (default 120; ends on shutdown)
  --max-connections N    connection threads (default 64); when all are taken, a new
                         connection evicts one still waiting for its request header
                         (longest waiting, of the peer holding most), else an idle or
                         slow-body one, else it is closed
  --io-timeout-s N       server recv/send/idle keep-alive timeout (default 30)
  --header-timeout-ms N  a request header must be complete N ms after its first byte
                         (a new connection's: after accept; default 5000), else closed
  --body-timeout-ms N    a request body must be complete N ms after its header
                         (default 30000), else fault 20012 and closed
  --import-ms N          how long an importToList job reads PROCESSING before it ends
                         (default 3000)
  --seed-leads N         add N bulk leads (ids from 1000001, updatedAt spread over the
                         100 hours from 2014-01-01T00:00:00Z) for export benchmarks
  --stop-on-stdin-eof    stop (and dump) when stdin reaches end of file, e.g. when the
                         test process holding the other end of a pipe dies
  -h, --help             this text

Fault SPEC: TRIGGER:ACTION[:op=OPERATION][:count=M], fields separated by ':'
  TRIGGER  every=N      every Nth call (counted per spec, among calls of OPERATION)
           rate=P       each call with probability P (0 < P <= 1; use --seed)
  ACTION   code=CODE    answer the Marketo fault CODE (e.g. 20023, 10001, 20016)
           kind=KIND    misbehave on the wire, KIND one of:
             reset      send part of the HTTP head, then reset the connection (RST)
             truncate   HTTP 200, Content-Length larger than the body, then close
             html500    HTTP 500 with a text/html page
             http503    HTTP 503 with an empty body
             non-xml    HTTP 200 text/plain garbage
             malformed  HTTP 200 text/xml with broken XML
             hang       no answer until the client gives up (at most --hang-s); a
                        misbehaving call does not count against --concurrency-limit
             KIND-after-commit (e.g. reset-after-commit): run the operation first, then
                        misbehave: the store IS changed, the answer is lost
  op=NAME  only calls of that operation (e.g. op=syncMObjects)
  count=M  fire at most M times
  Injected codes and plain kinds are decided before the operation runs: the store is NOT
  changed. Example: --fault every=5:code=20023 --fault rate=0.1:kind=reset --seed 7

Order of checks per call: latency, injected fault, signature (20014; stale or
unparseable timestamp 20016), daily quota (20015), rate (20023), concurrency (20024),
then the operation.

Operations: syncMObjects, getMObjects, deleteMObjects, describeMObject, listMObjects;
syncLead, syncMultipleLeads, getLead, getMultipleLeads, getLeadActivity, getLeadChanges,
mergeLeads; every other mktows operation answers fault 20019 Unsupported Operation.
Seeded data: Program 1001-1250 and 1970 (tag type Channel: Webinar, Blog, Tradeshow,
Email, ...; cost line 153 for 2013-06), Opportunity 50-79 (incl. 64), lead 1-1000 (1-30
leadN@example.com, incl. 19) with activities, static lists 1-6 and workspaces Default and
EMEA, Company 1-5 (custom key field ExternalCompanyId), OpportunityPersonRole 1-5.
Writable fields: Opportunity: Amount CloseDate Description ExpectedRevenue
  ExternalCreatedDate Fiscal FiscalQuarter FiscalYear ForecastCategoryName IsClosed IsWon
  LastActivityDate LeadSource Name NextStep Probability Quantity Stage Type and the custom
  key field ExternalOpportunityId; OpportunityPersonRole: OpportunityId PersonId Role
  IsPrimary ExternalCreatedDate and the custom key field ExternalRoleId.
)";

}  // namespace

ParseResult ParseOptions(int argc, char** argv, Options* o, std::string* error) {
  // The environment sets the key first, so a key flag on the command line still wins.
  if (const char* env = std::getenv(kEncryptionKeyEnv); env != nullptr && *env != '\0') {
    o->encryption_key = env;
  }
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") return ParseResult::kHelp;
    if (arg == "--stop-on-stdin-eof") {
      o->stop_on_stdin_eof = true;
      continue;
    }
    // Every other flag takes a value: "--flag value" or "--flag=value".
    std::string name = arg;
    const char* value = nullptr;
    std::string inline_value;
    if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
      value = inline_value.c_str();
    } else if (i + 1 < argc) {
      value = argv[++i];
    }
    if (value == nullptr) {
      *error = "missing value for " + name;
      return ParseResult::kError;
    }
    if (!ApplyFlag(name, value, o, error)) return ParseResult::kError;
  }
  return CheckOptions(*o, error) ? ParseResult::kOk : ParseResult::kError;
}

std::string HelpText() {
  return std::string(kHelpBeforeUserId) + kDefaultUserId + kHelpBeforeKey + kDefaultEncryptionKey +
         kHelpRest;
}

}  // namespace mock
