#include "dump.h"

#include <cstdio>
#include <ctime>
#include <fstream>

namespace mock {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);  // UTF-8 passes through unchanged
        }
    }
  }
  return out + "\"";
}

std::string Iso(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return buf;
}

template <typename Map>
std::string CountMap(const Map& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    out += (first ? "" : ", ") + Quote(k) + ": " + std::to_string(v);
    first = false;
  }
  return out + "}";
}

}  // namespace

std::string DumpJson(Store& store, const Stats& stats) {
  const Stats::Snapshot snap = stats.Get();
  std::string j = "{\n  \"counters\": {\n";
  std::uint64_t total = 0;
  for (const auto& [op, n] : snap.calls) total += n;
  j += "    \"calls_total\": " + std::to_string(total) + ",\n";
  j += "    \"calls\": " + CountMap(snap.calls) + ",\n";
  j += "    \"faults\": " + CountMap(snap.faults) + ",\n";
  j += "    \"injected\": " + CountMap(snap.injected) + ",\n";
  j += "    \"objects\": {";
  bool first = true;
  for (const auto& [status, by_type] : snap.objects) {
    j += std::string(first ? "" : ", ") + Quote(status) + ": " + CountMap(by_type);
    first = false;
  }
  j += "}\n  },\n";

  std::lock_guard<std::mutex> lock(store.mutex());
  j += "  \"object_counts\": {";
  first = true;
  for (const auto& [type, recs] : store.records()) {
    j += std::string(first ? "" : ", ") + Quote(type) + ": " + std::to_string(recs.size());
    first = false;
  }
  j += "},\n  \"objects\": [";
  first = true;
  for (const auto& [type, recs] : store.records()) {
    for (const auto& [id, r] : recs) {
      j += first ? "\n" : ",\n";
      first = false;
      j += "    {\"type\": " + Quote(type) + ", \"id\": " + std::to_string(id);
      j += ", \"externalKey\": ";
      j += r.external_key ? "{\"name\": " + Quote(r.external_key->name) +
                                ", \"value\": " + Quote(r.external_key->value) + "}"
                          : std::string("null");
      j +=
          ", \"createdAt\": " + Quote(Iso(r.created)) + ", \"updatedAt\": " + Quote(Iso(r.updated));
      j += ", \"attributes\": {";
      bool f2 = true;
      for (const auto& a : r.attrs) {
        j += std::string(f2 ? "" : ", ") + Quote(a.name) + ": " + Quote(a.value);
        f2 = false;
      }
      j += "}";
      if (r.company_id) j += ", \"companyId\": " + std::to_string(*r.company_id);
      if (type == "Program") {
        j += ", \"tags\": [";
        f2 = true;
        for (const auto& t : r.tags) {
          j += std::string(f2 ? "" : ", ") + "{\"type\": " + Quote(t.type) +
               ", \"value\": " + Quote(t.value) + "}";
          f2 = false;
        }
        j += "], \"costs\": [";
        f2 = true;
        for (const auto& c : r.costs) {
          j += std::string(f2 ? "" : ", ") + "{\"id\": " + std::to_string(c.id) +
               ", \"month\": " + Quote(c.month) + ", \"amount\": " + Quote(c.amount) +
               ", \"note\": " + Quote(c.note) + "}";
          f2 = false;
        }
        j += "]";
      }
      j += "}";
    }
  }
  j += "\n  ]\n}\n";
  return j;
}

bool WriteDump(const std::string& path, Store& store, const Stats& stats) {
  const std::string json = DumpJson(store, stats);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << json;
    out.flush();
    if (!out) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace mock
