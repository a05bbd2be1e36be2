// libFuzzer target: arbitrary bytes as the HTTP response to a real gSOAP connection, through the
// internal Wire seam (no socket). The first byte picks the operation and options; the rest is
// the raw response (status line, headers, body) exactly as gSOAP will read it.
//
//   byte 0, bits 0-2: operation, modulo 5: sync, get, describe, list, delete
//   byte 0, bit 3:    wire log on (exercises the capture and credential masking path)
//
// Any crash, sanitizer report, leak or hang is a bug; every outcome must be a Status or a value.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "marketo/marketo.h"
#include "operations/soap_connection.h"
#include "transport/wire.h"

namespace {

class BytesWire : public marketo::internal::Wire {
 public:
  std::string RoundTrip(const std::string&) override { return response; }
  std::string response;
};

struct Target {
  explicit Target(bool log) : wire(std::make_shared<BytesWire>()) {
    marketo::ClientOptions o;
    o.endpoint = "http://fuzz.invalid/soap/mktows/3_1";
    o.credentials = {"fuzz_0123456789ABCDEF012345", "fuzz-Encryption-Key"};
    o.clock = [] {
      return std::chrono::system_clock::time_point(std::chrono::seconds(1375737765));
    };
    o.max_connections = 1;
    o.max_response_bytes = 1u << 20;
    if (log) {
      o.wire_log = [this](marketo::WireDirection, std::string_view xml) { logged += xml.size(); };
    }
    connection = marketo::internal::MakeSoapConnection(std::move(o), wire);
  }
  std::shared_ptr<BytesWire> wire;
  std::shared_ptr<marketo::MObjectConnection> connection;
  std::size_t logged = 0;
};

std::vector<marketo::MObject> Objects() {
  std::vector<marketo::MObject> v;
  v.push_back(marketo::Program(1970).AddCost("2013-06", "2000", 153));
  v.push_back(marketo::Opportunity().SetName("fuzz").SetAmount("1"));
  v.push_back(marketo::Opportunity(64));
  return v;
}

// Reads everything a caller could read, so the sanitizers see every byte of the result.
void Touch(const marketo::Status& st) {
  volatile std::size_t n = st.message().size() + st.ToString().size();
  (void)n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static Target plain(false);
  static Target logged(true);
  static const std::vector<marketo::MObject> objects = Objects();
  Target& t = (data[0] & 0x08) != 0 ? logged : plain;
  t.wire->response.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  switch ((data[0] & 0x07) % 5) {
    case 0: {
      auto r = t.connection->SyncMObjects(objects, marketo::SyncOperation::kUpsert);
      if (r.ok()) {
        for (const auto& s : *r)
          Touch(marketo::Status(marketo::StatusCode::kInternal, s.raw_status + s.error));
      } else {
        Touch(r.status());
      }
      break;
    }
    case 1: {
      marketo::GetMObjectsRequest req;
      req.type = "Program";
      req.include_details = true;
      auto r = t.connection->GetMObjects(req);
      if (!r.ok()) Touch(r.status());
      break;
    }
    case 2: {
      auto r = t.connection->DescribeMObject("Opportunity");
      if (!r.ok()) Touch(r.status());
      break;
    }
    case 3: {
      auto r = t.connection->ListMObjects();
      if (!r.ok()) Touch(r.status());
      break;
    }
    default: {
      auto r = t.connection->DeleteMObjects(objects);
      if (!r.ok()) Touch(r.status());
      break;
    }
  }
  return 0;
}
