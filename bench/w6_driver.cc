// w6_driver: W6, parallel export. LeadClient::ExportLeads over the 100-hour window of the mock's
// bulk leads (marketo-mock-server --seed-leads N: ids 1000001.., updatedAt spread evenly over
// the window, none on a whole hour), in 1-hour slices, CONCURRENCY slices at once, pages of
// BATCH leads, only the Email field. It checks that every bulk lead arrived exactly once (the
// SDK merges slices by id; the driver counts what on_lead saw, not what the SDK merged).
//
//   w6_driver --endpoint URL --leads N [--concurrency 10] [--batch 1000] [--latency-ms 50]
//
// Prints: leads=... distinct=... missing=... duplicates=... others=... pages=... seconds=...
//         ideal_s=... client_cpu_s=...
// with pages = the getMultipleLeads calls the window needs when every slice holds N / 100 leads
// (ceil(N / 100 / BATCH) per slice) and ideal_s = pages / CONCURRENCY x latency.
// Exit status 1 when the export failed or a lead is missing or repeated.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "marketo/marketo.h"
#include "workload.h"

namespace {

constexpr std::int64_t kFirstId = 1000001;  // as src/mock_server/semantics/leads_bulk_seed.h
constexpr std::time_t kEpoch = 1388534400;  // 2014-01-01T00:00:00Z
constexpr int kHours = 100;

// User + system CPU time of this process: what the client spent, next to the wall time.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

struct Flags {
  std::string endpoint;
  long leads = 0;
  std::size_t concurrency = 10;
  int batch = 1000;
  double latency_ms = 50;
};

Flags Parse(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    const char* v = argv[i + 1];
    if (std::strcmp(argv[i], "--endpoint") == 0) {
      f.endpoint = v;
    } else if (std::strcmp(argv[i], "--leads") == 0) {
      f.leads = std::strtol(v, nullptr, 10);
    } else if (std::strcmp(argv[i], "--concurrency") == 0) {
      f.concurrency = std::strtoul(v, nullptr, 10);
    } else if (std::strcmp(argv[i], "--batch") == 0) {
      f.batch = std::atoi(v);
    } else if (std::strcmp(argv[i], "--latency-ms") == 0) {
      f.latency_ms = std::strtod(v, nullptr);
    } else {
      f.endpoint.clear();
      break;
    }
  }
  if (f.endpoint.empty() || f.leads <= 0 || f.concurrency == 0 || f.batch <= 0) {
    std::fprintf(stderr,
                 "usage: w6_driver --endpoint URL --leads N [--concurrency 10] [--batch 1000] "
                 "[--latency-ms 50]\n");
    std::exit(2);
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  const Flags f = Parse(argc, argv);
  marketo::ClientOptions o;
  o.endpoint = f.endpoint;
  o.credentials = {bench::kUserId, bench::kEncryptionKey};
  o.max_connections = f.concurrency;
  o.limits.max_calls_per_window = 0;
  o.limits.max_in_flight = f.concurrency;
  marketo::LeadClient client(o);

  marketo::ExportLeadsOptions opts;
  opts.concurrency = f.concurrency;
  opts.slice = std::chrono::hours(1);
  opts.batch_size = f.batch;
  opts.include_attributes = {"Email"};
  const auto oldest = std::chrono::system_clock::from_time_t(kEpoch);
  const auto latest = oldest + std::chrono::hours(kHours);

  std::vector<unsigned char> seen(static_cast<std::size_t>(f.leads), 0);
  long received = 0, duplicates = 0, strangers = 0;
  const double cpu0 = CpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  const marketo::Status st = client.ExportLeads(oldest, latest, opts, [&](marketo::LeadRecord&& l) {
    ++received;
    const std::int64_t k = l.id.value_or(0) - kFirstId;
    if (k < 0 || k >= f.leads) return ++strangers, true;
    if (seen[static_cast<std::size_t>(k)]++ != 0) ++duplicates;
    return true;
  });
  const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = CpuSeconds() - cpu0;
  long distinct = 0;
  for (unsigned char s : seen) distinct += s != 0 ? 1 : 0;
  const long per_slice = (f.leads + kHours - 1) / kHours;
  const long pages = kHours * ((per_slice + f.batch - 1) / f.batch);
  const double ideal = std::ceil(static_cast<double>(pages) / static_cast<double>(f.concurrency)) *
                       f.latency_ms / 1000;
  std::printf(
      "leads=%ld distinct=%ld missing=%ld duplicates=%ld others=%ld pages=%ld seconds=%.3f "
      "ideal_s=%.3f client_cpu_s=%.3f\n",
      received, distinct, f.leads - distinct, duplicates, strangers, pages, el, ideal, cpu);
  if (!st.ok()) std::fprintf(stderr, "w6_driver: %s\n", st.ToString().c_str());
  return st.ok() && distinct == f.leads && duplicates == 0 && strangers == 0 ? 0 : 1;
}
