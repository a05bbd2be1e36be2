// The benchmark workload shared by every driver and the micro-benchmarks: 100-object UPSERT
// batches of Opportunity objects addressed by id (the mock's seeded Opportunities 50-79, so the
// mock looks them up by id and its store does not grow however long a run lasts), each with
// three attributes. bench/php_driver.php and bench/zeep_driver.py build the same objects.
#ifndef MARKETO_BENCH_WORKLOAD_H_
#define MARKETO_BENCH_WORKLOAD_H_

#include <cstddef>
#include <string>
#include <vector>

#include "marketo/mobject.h"

namespace bench {

inline constexpr std::size_t kBatch = 100;
// The mock's defaults (see marketo-mock-server --help).
inline constexpr char kUserId[] = "mockorg1_0123456789ABCDEF012345";
inline constexpr char kEncryptionKey[] = "mockEncryptionKey2026";

// Object k of any batch (k = 0..99); identical in every driver.
inline marketo::MObject Object(std::size_t k) {
  return marketo::Opportunity(static_cast<std::int64_t>(50 + k % 30))
      .SetName("Bench opportunity " + std::to_string(k))
      .SetAmount("1000.00")
      .SetStage("Prospecting");
}

// `n` objects: batches of kBatch repeating Object(0..99).
inline std::vector<marketo::MObject> Objects(std::size_t n) {
  std::vector<marketo::MObject> v;
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i) v.push_back(Object(i % kBatch));
  return v;
}

// A syncMObjects response with `n` UPDATED statuses, shaped like the mock's, as raw HTTP.
inline std::string CannedSyncResponse(std::size_t n) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope "
      "xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" "
      "xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:ns1=\"http://www.marketo.com/mktows/\"><SOAP-ENV:Body><ns1:successSyncMObjects>"
      "<result><mObjStatusList>";
  for (std::size_t i = 0; i < n; ++i) {
    xml += "<mObjStatus><id>" + std::to_string(50 + i % 30) +
           "</id><status>UPDATED</status></mObjStatus>";
  }
  xml += "</mObjStatusList></result></ns1:successSyncMObjects></SOAP-ENV:Body></SOAP-ENV:Envelope>";
  return "HTTP/1.1 200 OK\r\nServer: gSOAP/2.8\r\nContent-Type: text/xml; charset=utf-8\r\n"
         "Content-Length: " +
         std::to_string(xml.size()) + "\r\nConnection: keep-alive\r\n\r\n" + xml;
}

}  // namespace bench

#endif  // MARKETO_BENCH_WORKLOAD_H_
