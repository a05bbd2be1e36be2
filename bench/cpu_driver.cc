// cpu_driver: the client's own CPU time per 100-object syncMObjects call, for W1 on the canned
// responder (bench/canned_server). One thread, one kept-alive connection, calls one after the
// other for S seconds after one warm-up call:
//   sdk   MObjectClient::Sync (validation, signing, gSOAP, result mapping, pool, limiter off)
//   bare  the generated MktowsApiSoapBindingProxy::syncMObjects with the same objects
//         (bare_request.h), then proxy.destroy(), as its documentation shows
//   bare-tree  the same in SOAP_XML_TREE mode (no multi-reference analysis pass)
//
//   cpu_driver --client sdk|bare|bare-tree --endpoint URL --seconds S
//
// Prints: calls=... seconds=... calls_per_s=... objects_per_s=... cpu_us_per_call=... failed=...
// where cpu_us_per_call is getrusage(RUSAGE_SELF) user + system time of the measured calls.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

#include "bare_request.h"
#include "marketo/marketo.h"
#include "workload.h"

namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

std::function<bool()> SdkCall(const std::string& endpoint) {
  marketo::ClientOptions o;
  o.endpoint = endpoint;
  o.credentials = {bench::kUserId, bench::kEncryptionKey};
  o.limits.max_calls_per_window = 0;
  auto client = std::make_shared<marketo::MObjectClient>(o);
  auto batch = std::make_shared<std::vector<marketo::MObject>>(bench::Objects(bench::kBatch));
  return [client, batch] {
    auto r = client->Sync(*batch, marketo::SyncOperation::kUpsert);
    return r.ok() && r->size() == bench::kBatch;
  };
}

struct BareClient {
  explicit BareClient(soap_mode extra)
      : proxy(SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING | extra,
              SOAP_IO_KEEPALIVE | SOAP_C_UTFSTRING | extra) {}
  MktowsApiSoapBindingProxy proxy;
  mktows__AuthenticationHeaderInfo auth;
  std::vector<marketo::MObject> batch = bench::Objects(bench::kBatch);
  std::string endpoint;
};

std::function<bool()> BareCall(const std::string& endpoint, soap_mode extra) {
  auto c = std::make_shared<BareClient>(extra);
  c->endpoint = endpoint;
  return [c] {
    auto* params = bench::BareSyncParams(c->proxy, c->batch, c->auth);
    mktows__SuccessSyncMObjects resp;
    const bool ok = c->proxy.syncMObjects(c->endpoint.c_str(), nullptr, params, resp) == SOAP_OK &&
                    resp.result != nullptr && resp.result->mObjStatusList != nullptr &&
                    resp.result->mObjStatusList->mObjStatus.size() == bench::kBatch;
    c->proxy.destroy();
    return ok;
  };
}

[[noreturn]] void Usage() {
  std::fprintf(stderr,
               "usage: cpu_driver --client sdk|bare|bare-tree --endpoint URL --seconds S\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string client, endpoint;
  double seconds = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--client") == 0) {
      client = argv[i + 1];
    } else if (std::strcmp(argv[i], "--endpoint") == 0) {
      endpoint = argv[i + 1];
    } else if (std::strcmp(argv[i], "--seconds") == 0) {
      seconds = std::strtod(argv[i + 1], nullptr);
    } else {
      Usage();
    }
  }
  if (endpoint.empty() || seconds <= 0 ||
      (client != "sdk" && client != "bare" && client != "bare-tree")) {
    Usage();
  }
  const std::function<bool()> call = client == "sdk"    ? SdkCall(endpoint)
                                     : client == "bare" ? BareCall(endpoint, 0)
                                                        : BareCall(endpoint, SOAP_XML_TREE);
  if (!call()) {
    std::fprintf(stderr, "cpu_driver: warm-up call failed\n");
    return 1;
  }
  using Clock = std::chrono::steady_clock;
  long calls = 0, failed = 0;
  const double cpu0 = CpuSeconds();
  const auto t0 = Clock::now();
  const auto end =
      t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (Clock::now() < end) {
    failed += call() ? 0 : 1;
    ++calls;
  }
  const double el = std::chrono::duration<double>(Clock::now() - t0).count();
  const double cpu = CpuSeconds() - cpu0;
  std::printf(
      "calls=%ld seconds=%.4f calls_per_s=%.1f objects_per_s=%.1f cpu_us_per_call=%.1f "
      "failed=%ld\n",
      calls, el, calls / el, calls * static_cast<double>(bench::kBatch) / el, cpu * 1e6 / calls,
      failed);
  return failed == 0 ? 0 : 1;
}
