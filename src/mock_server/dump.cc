#include "dump.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>

#include "text.h"

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

// Joins the items with ", ".
template <typename Items, typename Fn>
std::string Join(const Items& items, Fn item_json) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    out += (first ? "" : ", ") + item_json(item);
    first = false;
  }
  return out;
}

template <typename Map>
std::string CountMap(const Map& m) {
  return "{" +
         Join(m,
              [](const auto& kv) { return Quote(kv.first) + ": " + std::to_string(kv.second); }) +
         "}";
}

std::string CountersJson(const Stats::Snapshot& snap) {
  std::uint64_t total = 0;
  for (const auto& [op, n] : snap.calls) total += n;
  std::string j = "  \"counters\": {\n";
  j += "    \"calls_total\": " + std::to_string(total) + ",\n";
  j += "    \"calls\": " + CountMap(snap.calls) + ",\n";
  j += "    \"faults\": " + CountMap(snap.faults) + ",\n";
  j += "    \"injected\": " + CountMap(snap.injected) + ",\n";
  j += "    \"objects\": {" + Join(snap.objects, [](const auto& kv) {
         return Quote(kv.first) + ": " + CountMap(kv.second);
       });
  return j + "}\n  },\n";
}

std::string ProgramJson(const Record& r) {
  const std::string tags = Join(r.tags, [](const Tag& t) {
    return "{\"type\": " + Quote(t.type) + ", \"value\": " + Quote(t.value) + "}";
  });
  const std::string costs = Join(r.costs, [](const Cost& c) {
    return "{\"id\": " + std::to_string(c.id) + ", \"month\": " + Quote(c.month) +
           ", \"amount\": " + Quote(c.amount) + ", \"note\": " + Quote(c.note) + "}";
  });
  return ", \"tags\": [" + tags + "], \"costs\": [" + costs + "]";
}

std::string Ints(const std::vector<int>& ids) {
  return "[" + Join(ids, [](int id) { return std::to_string(id); }) + "]";
}

// A lead's cookies, partition and list memberships (its fields are its attributes).
std::string LeadJson(LeadBook& book, int id) {
  const Partition* p = book.FindPartition(book.PartitionOf(id));
  return ", \"cookies\": [" + Join(book.Cookies(id), Quote) +
         "], \"partition\": " + (p != nullptr ? Quote(p->name) : std::string("null")) +
         ", \"lists\": " + Ints(book.ListsOf(id));
}

// importToList jobs, oldest first, with their state at the time of the dump.
std::string ImportJobsJson(LeadBook& book) {
  const auto now = std::chrono::steady_clock::now();
  return "  \"import_jobs\": [" +
         Join(book.imports(),
              [&](const ImportJob& job) {
                return "{\"id\": " + std::to_string(job.id) +
                       ", \"program\": " + Quote(job.program) + ", \"list\": " + Quote(job.list) +
                       ", \"mode\": " + Quote(job.mode) +
                       ", \"clearList\": " + (job.clear_list ? "true" : "false") +
                       ", \"campaign\": " + Quote(job.campaign) +
                       ", \"status\": " + Quote(job.State(now)) +
                       ", \"startedAt\": " + Quote(FormatTimestamp(job.started)) +
                       ", \"rows\": " + std::to_string(job.rows) +
                       ", \"rowsImported\": " + std::to_string(job.imported) +
                       ", \"rowsFailed\": " + std::to_string(job.failed) +
                       ", \"rowsIgnored\": " + std::to_string(job.ignored) +
                       ", \"tokenColumns\": [" + Join(job.token_columns, Quote) +
                       "], \"summary\": " + Quote(job.summary) + "}";
              }) +
         "],\n";
}

// Static lists with their members, workspaces with their partitions, activities per type.
std::string LeadWorldJson(Store& store) {
  LeadBook& book = store.leads();
  std::string j = "  \"static_lists\": [" + Join(book.lists(), [](const StaticList& l) {
                    const std::vector<int> members(l.members.begin(), l.members.end());
                    return "{\"id\": " + std::to_string(l.id) + ", \"name\": " + Quote(l.name) +
                           ", \"members\": " + Ints(members) + "}";
                  });
  j += "],\n  \"workspaces\": [" + Join(book.workspaces(), [&](const Workspace& w) {
         const Partition* primary = book.FindPartition(w.primary_partition);
         std::vector<std::string> partitions;
         for (const auto& p : book.partitions()) {
           if (p.workspace_id == w.id) partitions.push_back(p.name);
         }
         return "{\"id\": " + std::to_string(w.id) + ", \"name\": " + Quote(w.name) +
                ", \"primaryPartition\": " + (primary != nullptr ? Quote(primary->name) : "null") +
                ", \"partitions\": [" + Join(partitions, Quote) + "]}";
       });
  j += "],\n" + ImportJobsJson(book);
  const auto counts = store.activities().CountsByType();
  j += "  \"activities_total\": " + std::to_string(store.activities().all().size());
  return j + ",\n  \"activity_counts\": " + CountMap(counts) + ",\n";
}

// extra: more members of the record's object (a lead's cookies, partition, lists).
std::string RecordJson(const std::string& type, int id, const Record& r, const std::string& extra) {
  std::string j = "    {\"type\": " + Quote(type) + ", \"id\": " + std::to_string(id);
  j += ", \"externalKey\": ";
  j += r.external_key ? "{\"name\": " + Quote(r.external_key->name) +
                            ", \"value\": " + Quote(r.external_key->value) + "}"
                      : std::string("null");
  j += ", \"createdAt\": " + Quote(FormatTimestamp(r.created)) +
       ", \"updatedAt\": " + Quote(FormatTimestamp(r.updated));
  j += ", \"attributes\": {" +
       Join(r.attrs, [](const Attr& a) { return Quote(a.name) + ": " + Quote(a.value); }) + "}";
  if (r.company_id) j += ", \"companyId\": " + std::to_string(*r.company_id);
  if (type == "Program") j += ProgramJson(r);
  return j + extra + "}";
}

}  // namespace

std::string DumpJson(Store& store, const Stats& stats) {
  std::string j = "{\n" + CountersJson(stats.Get());
  std::lock_guard<std::mutex> lock(store.mutex());
  j += "  \"object_counts\": {" + Join(store.records(), [](const auto& kv) {
         return Quote(kv.first) + ": " + std::to_string(kv.second.size());
       });
  j += "},\n" + LeadWorldJson(store) + "  \"objects\": [";
  bool first = true;
  for (const auto& [type, recs] : store.records()) {
    for (const auto& [id, r] : recs) {
      j += first ? "\n" : ",\n";
      first = false;
      j += RecordJson(type, id, r, type == "Lead" ? LeadJson(store.leads(), id) : "");
    }
  }
  return j + "\n  ]\n}\n";
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
