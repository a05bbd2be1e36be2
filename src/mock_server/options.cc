#include "options.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

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

}  // namespace

ParseResult ParseOptions(int argc, char** argv, Options* o, std::string* error) {
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
    long long n = 0;
    auto int_flag = [&](long long lo, long long hi) {
      if (ParseInt(value, lo, hi, &n)) return true;
      *error = "bad value for " + name + ": '" + value + "'";
      return false;
    };
    if (name == "--port") {
      if (!int_flag(0, 65535)) return ParseResult::kError;
      o->port = static_cast<int>(n);
    } else if (name == "--user-id") {
      o->user_id = value;
    } else if (name == "--encryption-key") {
      o->encryption_key = value;
    } else if (name == "--tls-cert") {
      o->tls_cert = value;
    } else if (name == "--tls-key") {
      o->tls_key = value;
    } else if (name == "--latency-ms") {
      if (!int_flag(0, 600000)) return ParseResult::kError;
      o->latency_ms = static_cast<int>(n);
    } else if (name == "--max-skew-s") {
      if (!int_flag(0, INT_MAX)) return ParseResult::kError;
      o->max_skew_s = static_cast<int>(n);
    } else if (name == "--rate-limit") {
      if (!int_flag(0, INT_MAX)) return ParseResult::kError;
      o->rate_limit = static_cast<int>(n);
    } else if (name == "--concurrency-limit") {
      if (!int_flag(0, INT_MAX)) return ParseResult::kError;
      o->concurrency_limit = static_cast<int>(n);
    } else if (name == "--daily-quota") {
      if (!int_flag(0, LLONG_MAX)) return ParseResult::kError;
      o->daily_quota = static_cast<std::uint64_t>(n);
    } else if (name == "--fault") {
      FaultSpec spec;
      const std::string err = ParseFaultSpec(value, &spec);
      if (!err.empty()) {
        *error = "bad --fault '" + std::string(value) + "': " + err;
        return ParseResult::kError;
      }
      o->faults.push_back(spec);
    } else if (name == "--dump") {
      o->dump_path = value;
    } else if (name == "--seed") {
      if (!int_flag(0, LLONG_MAX)) return ParseResult::kError;
      o->seed = static_cast<std::uint64_t>(n);
    } else if (name == "--hang-s") {
      if (!int_flag(1, 3600)) return ParseResult::kError;
      o->hang_s = static_cast<int>(n);
    } else if (name == "--max-connections") {
      if (!int_flag(1, 1024)) return ParseResult::kError;
      o->max_connections = static_cast<int>(n);
    } else if (name == "--io-timeout-s") {
      if (!int_flag(1, 3600)) return ParseResult::kError;
      o->io_timeout_s = static_cast<int>(n);
    } else {
      *error = "unknown option " + name + " (see --help)";
      return ParseResult::kError;
    }
  }
  if (!o->tls_key.empty() && o->tls_cert.empty()) {
    *error = "--tls-key needs --tls-cert";
    return ParseResult::kError;
  }
  if (o->user_id.empty() || o->encryption_key.empty()) {
    *error = "--user-id and --encryption-key must not be empty";
    return ParseResult::kError;
  }
  return ParseResult::kOk;
}

std::string HelpText() {
  std::string h;
  h += "Usage: marketo-mock-server [options]\n";
  h += "\n";
  h += "A Marketo SOAP API (mktows 3_1) server for demos and tests. It listens on 127.0.0.1 only\n";
  h += "and prints, as its first stdout line:\n";
  h += "  listening on http://127.0.0.1:PORT/soap/mktows/3_1      (https with --tls-cert)\n";
  h += "SIGINT/SIGTERM stop it cleanly (and write --dump); SIGUSR1 writes --dump immediately.\n";
  h += "\n";
  h += "Options:\n";
  h += "  --port N               TCP port; 0 (default) picks a free port\n";
  h += "  --user-id ID           SOAP user id clients must send (default ";
  h += kDefaultUserId;
  h += ")\n";
  h += "  --encryption-key KEY   key of the HMAC-SHA1 request signature (default ";
  h += kDefaultEncryptionKey;
  h += ")\n";
  h += "  --tls-cert PEM         serve HTTPS (TLS 1.2+) with this certificate (chain); may also\n";
  h += "                         hold the private key\n";
  h += "  --tls-key PEM          private key (default: read from --tls-cert)\n";
  h += "  --latency-ms N         delay every answer by N ms (default 0)\n";
  h += "  --max-skew-s N         accepted |now - requestTimestamp| in seconds, past and future\n";
  h += "                         (default 900); outside -> fault 20016\n";
  h +=
      "  --rate-limit N         more than N calls in a sliding 20 s -> fault 20023 (default 100,\n";
  h += "                         0 = off)\n";
  h +=
      "  --concurrency-limit N  more than N calls in flight -> fault 20024 (default 10, 0 = off)\n";
  h += "  --daily-quota N        calls after the first N -> fault 20015 (default 0 = off)\n";
  h += "  --fault SPEC           inject a fault; repeatable, the first spec that fires wins\n";
  h += "  --seed N               seed for rate= faults (deterministic runs)\n";
  h += "  --dump FILE.json       on shutdown write every stored object and the call/fault/\n";
  h += "                         object counters as JSON\n";
  h += "  --hang-s N             how long kind=hang holds a call (default 120; ends on shutdown)\n";
  h += "  --max-connections N    connection threads (default 64; more are closed at once)\n";
  h += "  --io-timeout-s N       server recv/send/idle keep-alive timeout (default 30)\n";
  h += "  --stop-on-stdin-eof    stop (and dump) when stdin reaches end of file, e.g. when the\n";
  h += "                         test process holding the other end of a pipe dies\n";
  h += "  -h, --help             this text\n";
  h += "\n";
  h += "Fault SPEC: TRIGGER:ACTION[:op=OPERATION][:count=M], fields separated by ':'\n";
  h += "  TRIGGER  every=N      every Nth call (counted per spec, among calls of OPERATION)\n";
  h += "           rate=P       each call with probability P (0 < P <= 1; use --seed)\n";
  h += "  ACTION   code=CODE    answer the Marketo fault CODE (e.g. 20023, 10001, 20016)\n";
  h += "           kind=KIND    misbehave on the wire, KIND one of:\n";
  h += "             reset      send part of the HTTP head, then reset the connection (RST)\n";
  h += "             truncate   HTTP 200, Content-Length larger than the body, then close\n";
  h += "             html500    HTTP 500 with a text/html page\n";
  h += "             http503    HTTP 503 with an empty body\n";
  h += "             non-xml    HTTP 200 text/plain garbage\n";
  h += "             malformed  HTTP 200 text/xml with broken XML\n";
  h += "             hang       no answer until the client gives up (at most --hang-s); a\n";
  h += "                        misbehaving call does not count against --concurrency-limit\n";
  h += "             KIND-after-commit (e.g. reset-after-commit): run the operation first, then\n";
  h += "                        misbehave: the store IS changed, the answer is lost\n";
  h += "  op=NAME  only calls of that operation (e.g. op=syncMObjects)\n";
  h += "  count=M  fire at most M times\n";
  h += "  Injected codes and plain kinds are decided before the operation runs: the store is NOT\n";
  h += "  changed. Example: --fault every=5:code=20023 --fault rate=0.1:kind=reset --seed 7\n";
  h += "\n";
  h += "Order of checks per call: latency, injected fault, signature (20014; stale or\n";
  h += "unparseable timestamp 20016), daily quota (20015), rate (20023), concurrency (20024),\n";
  h += "then the operation.\n";
  h += "\n";
  h += "Operations: syncMObjects, getMObjects, deleteMObjects, describeMObject, listMObjects;\n";
  h += "every other mktows operation answers fault 20019 Unsupported Operation.\n";
  h += "Seeded data: Program 1001-1250 and 1970 (tag type Channel: Webinar, Blog, Tradeshow,\n";
  h += "Email, ...; cost line 153 for 2013-06), Opportunity 50-79 (incl. 64), lead 1-30 (incl.\n";
  h += "19), Company 1-5 (custom key field ExternalCompanyId), OpportunityPersonRole 1-5.\n";
  h += "Writable fields: Opportunity: Amount CloseDate Description ExpectedRevenue\n";
  h +=
      "  ExternalCreatedDate Fiscal FiscalQuarter FiscalYear ForecastCategoryName IsClosed IsWon\n";
  h += "  LastActivityDate LeadSource Name NextStep Probability Quantity Stage Type and the "
       "custom\n";
  h += "  key field ExternalOpportunityId; OpportunityPersonRole: OpportunityId PersonId Role\n";
  h += "  IsPrimary ExternalCreatedDate and the custom key field ExternalRoleId.\n";
  return h;
}

}  // namespace mock
