// Micro-benchmarks: the SDK's syncMObjects path against the bare generated gSOAP code for the
// same 100-object UPSERT batch, both over in-memory I/O (no socket), so the ratio is the cost of
// the SDK layer (validation, SDK -> gSOAP conversion, connection pool, error mapping, result
// conversion) on top of what any gSOAP user pays (building the gSOAP objects from their data,
// signing, serialising, parsing).
//
//   Sdk/Request    validate + build + sign + serialise + send (the canned "server" answers
//                  nothing, so the call ends with the SDK's EOF error mapping)
//   Sdk/RoundTrip  the same plus parsing the 100-status response into SyncResults
//   Bare/Request   soap_new_* objects from the same MObjects + sign + send_syncMObjects
//   Bare/Parse     recv_syncMObjects of the canned response (manually timed: thread CPU time)
//   Bare/RoundTrip Bare/Request + Bare/Parse
//
// After the run it prints the ratios, and one machine-readable line starting "MICRO " for
// scripts/bench.sh. SDK parse time is derived: Sdk/RoundTrip - Sdk/Request.
#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bare_request.h"
#include "marketo/auth.h"
#include "marketo/mobject_client.h"
#include "operations/soap_connection.h"
#include "workload.h"

namespace {

constexpr char kEndpoint[] = "http://127.0.0.1:1/soap/mktows/3_1";

const std::vector<marketo::MObject>& Batch() {
  static const std::vector<marketo::MObject> batch = bench::Objects(bench::kBatch);
  return batch;
}

const std::string& Canned() {
  static const std::string canned = bench::CannedSyncResponse(bench::kBatch);
  return canned;
}

// ---- SDK ------------------------------------------------------------------------------------

class CannedWire : public marketo::internal::Wire {
 public:
  explicit CannedWire(bool answer) : answer_(answer) {}
  std::string RoundTrip(const std::string&) override { return answer_ ? Canned() : std::string(); }

 private:
  bool answer_;
};

marketo::MObjectClient SdkClient(bool answer) {
  marketo::ClientOptions o;
  o.endpoint = kEndpoint;
  o.credentials = {bench::kUserId, bench::kEncryptionKey};
  return marketo::MObjectClient(
      marketo::internal::MakeSoapConnection(o, std::make_shared<CannedWire>(answer)));
}

void SdkRequest(benchmark::State& state) {
  auto client = SdkClient(false);
  for (auto _ : state) {
    auto r = client.Sync(Batch(), marketo::SyncOperation::kUpsert);
    if (r.ok() || r.status().code() != marketo::StatusCode::kUnavailable) {
      state.SkipWithError(("unexpected: " + r.status().ToString()).c_str());
      break;
    }
    benchmark::DoNotOptimize(r);
  }
}

void SdkRoundTrip(benchmark::State& state) {
  auto client = SdkClient(true);
  for (auto _ : state) {
    auto r = client.Sync(Batch(), marketo::SyncOperation::kUpsert);
    if (!r.ok() || r->size() != bench::kBatch) {
      state.SkipWithError(("call failed: " + r.status().ToString()).c_str());
      break;
    }
    benchmark::DoNotOptimize(r);
  }
}

// ---- bare gSOAP -----------------------------------------------------------------------------

// In-memory peer (as tests/golden/golden_wire_test.cc): records what gSOAP sends, replays the
// canned response.
struct Memory {
  std::string sent;
  const std::string* reply = nullptr;
  std::size_t pos = 0;

  void Attach(struct soap* s) {
    s->user = this;
    s->fopen = [](struct soap*, const char*, const char*, int) -> SOAP_SOCKET { return 1; };
    s->fsend = [](struct soap* soap, const char* buf, size_t n) {
      static_cast<Memory*>(soap->user)->sent.append(buf, n);
      return SOAP_OK;
    };
    s->frecv = [](struct soap* soap, char* buf, size_t n) -> size_t {
      auto* m = static_cast<Memory*>(soap->user);
      if (m->reply == nullptr) return 0;
      const size_t k = std::min(n, m->reply->size() - m->pos);
      std::memcpy(buf, m->reply->data() + m->pos, k);
      m->pos += k;
      return k;
    };
    s->fclose = [](struct soap*) { return SOAP_OK; };
    s->fclosesocket = [](struct soap*, SOAP_SOCKET) { return SOAP_OK; };
  }
  void Reset() {
    sent.clear();
    pos = 0;
  }
};

struct Bare {
  Bare() : proxy(SOAP_C_UTFSTRING, SOAP_C_UTFSTRING) {
    memory.Attach(proxy.soap);
    memory.reply = &Canned();
  }

  // What a gSOAP user writes: gSOAP objects from the application's data, a signed header, send.
  int Send(const std::vector<marketo::MObject>& objects) {
    memory.Reset();
    auto* params = bench::BareSyncParams(proxy, objects, auth);
    return proxy.send_syncMObjects(kEndpoint, nullptr, params);
  }

  int Receive(mktows__SuccessSyncMObjects& resp) { return proxy.recv_syncMObjects(resp); }

  MktowsApiSoapBindingProxy proxy;
  Memory memory;
  mktows__AuthenticationHeaderInfo auth;
};

// CPU time of this thread: unlike wall time it does not count time lost to other processes.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool CheckResponse(const mktows__SuccessSyncMObjects& resp) {
  return resp.result != nullptr && resp.result->mObjStatusList != nullptr &&
         resp.result->mObjStatusList->mObjStatus.size() == bench::kBatch;
}

void BareRequest(benchmark::State& state) {
  Bare bare;
  for (auto _ : state) {
    if (bare.Send(Batch()) != SOAP_OK) {
      state.SkipWithError("send_syncMObjects failed");
      break;
    }
    benchmark::DoNotOptimize(bare.memory.sent.data());
    bare.proxy.destroy();
  }
}

void BareParse(benchmark::State& state) {
  Bare bare;
  for (auto _ : state) {
    if (bare.Send(Batch()) != SOAP_OK) {
      state.SkipWithError("send_syncMObjects failed");
      break;
    }
    mktows__SuccessSyncMObjects resp;
    const double t0 = ThreadCpuSeconds();
    const int rc = bare.Receive(resp);
    const double t1 = ThreadCpuSeconds();
    if (rc != SOAP_OK || !CheckResponse(resp)) {
      state.SkipWithError("recv_syncMObjects failed");
      break;
    }
    state.SetIterationTime(t1 - t0);
    bare.proxy.destroy();
  }
}

void BareRoundTrip(benchmark::State& state) {
  Bare bare;
  for (auto _ : state) {
    mktows__SuccessSyncMObjects resp;
    if (bare.Send(Batch()) != SOAP_OK || bare.Receive(resp) != SOAP_OK || !CheckResponse(resp)) {
      state.SkipWithError("syncMObjects failed");
      break;
    }
    benchmark::DoNotOptimize(resp.result);
    bare.proxy.destroy();
  }
}

BENCHMARK(SdkRequest)->Name("Sdk/Request")->Unit(benchmark::kMicrosecond);
BENCHMARK(SdkRoundTrip)->Name("Sdk/RoundTrip")->Unit(benchmark::kMicrosecond);
BENCHMARK(BareRequest)->Name("Bare/Request")->Unit(benchmark::kMicrosecond);
BENCHMARK(BareParse)->Name("Bare/Parse")->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BareRoundTrip)->Name("Bare/RoundTrip")->Unit(benchmark::kMicrosecond);

// Console output as usual, plus the per-iteration CPU time (µs) of every repetition: CPU time,
// not wall time, so that other load on the machine does not skew the ratios. For the manually
// timed Bare/Parse the "real" time is already this thread's CPU time.
class Collector : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      if (r.run_type == Run::RT_Iteration && !r.error_occurred) {
        times_[r.run_name.function_name].push_back(r.run_name.function_name == "Bare/Parse"
                                                       ? r.GetAdjustedRealTime()
                                                       : r.GetAdjustedCPUTime());
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  // Median over repetitions; 0 when the benchmark did not run.
  double Median(const std::string& name) const {
    auto it = times_.find(name);
    if (it == times_.end() || it->second.empty()) return 0;
    std::vector<double> v = it->second;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  }

 private:
  std::map<std::string, std::vector<double>> times_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Collector collector;
  benchmark::RunSpecifiedBenchmarks(&collector);
  benchmark::Shutdown();

  const double sdk_req = collector.Median("Sdk/Request");
  const double sdk_rt = collector.Median("Sdk/RoundTrip");
  const double bare_req = collector.Median("Bare/Request");
  const double bare_parse = collector.Median("Bare/Parse");
  const double bare_rt = collector.Median("Bare/RoundTrip");
  if (sdk_req <= 0 || sdk_rt <= 0 || bare_req <= 0 || bare_parse <= 0 || bare_rt <= 0) {
    std::fprintf(stderr, "micro_bench: run all five benchmarks to get the ratios\n");
    return 0;
  }
  const double sdk_parse = std::max(sdk_rt - sdk_req, 0.0);
  std::printf("\nSDK / bare gSOAP, 100-object UPSERT batch (median CPU time per call):\n");
  std::printf("  request (build+sign+serialise): %8.1f us / %8.1f us = %.2fx\n", sdk_req, bare_req,
              sdk_req / bare_req);
  std::printf("  parse 100 statuses (derived):   %8.1f us / %8.1f us = %.2fx\n", sdk_parse,
              bare_parse, sdk_parse / bare_parse);
  std::printf("  round trip:                     %8.1f us / %8.1f us = %.2fx\n", sdk_rt, bare_rt,
              sdk_rt / bare_rt);
  std::printf(
      "MICRO sdk_request_us=%.2f bare_request_us=%.2f sdk_parse_us=%.2f bare_parse_us=%.2f "
      "sdk_roundtrip_us=%.2f bare_roundtrip_us=%.2f ratio_request=%.3f ratio_parse=%.3f "
      "ratio_roundtrip=%.3f\n",
      sdk_req, bare_req, sdk_parse, bare_parse, sdk_rt, bare_rt, sdk_req / bare_req,
      sdk_parse / bare_parse, sdk_rt / bare_rt);
  return 0;
}
