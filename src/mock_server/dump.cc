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

std::string AttrsJson(const std::vector<Attr>& attrs) {
  return "{" + Join(attrs, [](const Attr& a) { return Quote(a.name) + ": " + Quote(a.value); }) +
         "}";
}

std::string CampaignJson(const Campaign& c) {
  std::vector<std::string> sources(c.request_sources.begin(), c.request_sources.end());
  return "{\"id\": " + std::to_string(c.id) + ", \"name\": " + Quote(c.name) +
         ", \"description\": " + Quote(c.description) +
         ", \"programId\": " + std::to_string(c.program_id) +
         ", \"type\": " + Quote(c.kind == CampaignKind::kBatch ? "batch" : "trigger") +
         ", \"trigger\": " + Quote(c.trigger) + ", \"requestableFrom\": [" + Join(sources, Quote) +
         "], \"smartList\": " +
         (c.smart_list ? std::to_string(*c.smart_list) : std::string("null")) +
         ", \"flowStatus\": " + Quote(c.flow_status) + "}";
}

std::string RunJson(const CampaignRun& r) {
  return "{\"op\": " + Quote(r.op) + ", \"campaignId\": " + std::to_string(r.campaign_id) +
         ", \"source\": " + Quote(r.source) + ", \"at\": " + Quote(FormatTimestamp(r.at)) +
         ", \"runAt\": " + (r.run_at ? Quote(FormatTimestamp(*r.run_at)) : "null") +
         ", \"state\": " + Quote(r.state) + ", \"tokens\": " + AttrsJson(r.tokens) +
         ", \"leads\": " + std::to_string(r.leads) + ", \"clonedProgram\": " +
         (r.cloned_program ? std::to_string(*r.cloned_program) : std::string("null")) + "}";
}

// Tag types, channels with their statuses, campaigns, My Tokens, program members and runs.
std::string CampaignWorldJson(Store& store) {
  CampaignBook& book = store.campaigns();
  std::string j = "  \"tag_types\": {" + Join(store.tag_types(), [](const auto& kv) {
                    return Quote(kv.first) + ": [" + Join(kv.second, Quote) + "]";
                  });
  j += "},\n  \"channels\": [" + Join(book.channels, [](const auto& kv) {
         return "{\"name\": " + Quote(kv.first) + ", \"statuses\": [" +
                Join(kv.second,
                     [](const ProgressionStep& s) {
                       return "{\"status\": " + Quote(s.status) +
                              ", \"step\": " + std::to_string(s.step) +
                              ", \"success\": " + (s.success ? "true" : "false") +
                              ", \"extra\": " + AttrsJson(s.extra) + "}";
                     }) +
                "]}";
       });
  j += "],\n  \"campaigns\": [" +
       Join(book.campaigns, [](const auto& kv) { return CampaignJson(kv.second); });
  j += "],\n  \"program_tokens\": {" + Join(book.program_tokens, [](const auto& kv) {
         return Quote(std::to_string(kv.first)) + ": " + AttrsJson(kv.second);
       });
  j += "},\n  \"program_members\": {" + Join(book.members, [](const auto& kv) {
         return Quote(std::to_string(kv.first)) + ": {" +
                Join(kv.second,
                     [](const auto& m) {
                       return Quote(std::to_string(m.first)) + ": " + Quote(m.second);
                     }) +
                "}";
       });
  return j + "},\n  \"campaign_runs\": [" + Join(book.runs, RunJson) + "],\n";
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

// Custom object types (their field definitions) and records; the dedupe key names a record.
std::string CustomObjectsJson(Store& store) {
  const auto& tables = store.custom_objects().tables();
  std::string j = "  \"custom_object_counts\": {" + Join(tables, [](const auto& kv) {
                    return Quote(kv.first) + ": " + std::to_string(kv.second.by_seq.size());
                  });
  j += "},\n  \"custom_objects\": {" + Join(tables, [](const auto& kv) {
         const CoTable& t = kv.second;
         const std::string fields = Join(t.type.fields, [](const CoField& f) {
           const char* role = f.role == CoField::Role::kDedupe ? "dedupe"
                              : f.role == CoField::Role::kLink ? "link"
                                                               : "field";
           return "{\"name\": " + Quote(f.name) + ", \"dataType\": " + Quote(f.data_type) +
                  ", \"role\": \"" + role + "\"" +
                  (f.lead_field.empty() ? "" : ", \"leadField\": " + Quote(f.lead_field)) + "}";
         });
         const std::string records = Join(t.by_seq, [&](const auto& r) {
           return "\n      {\"key\": " + Quote(CustomObjectBook::KeyText(t.type, r.second.attrs)) +
                  ", \"createdAt\": " + Quote(FormatTimestamp(r.second.created)) +
                  ", \"updatedAt\": " + Quote(FormatTimestamp(r.second.updated)) +
                  ", \"attributes\": {" +
                  Join(r.second.attrs,
                       [](const Attr& a) { return Quote(a.name) + ": " + Quote(a.value); }) +
                  "}}";
         });
         return "\n    " + Quote(kv.first) + ": {\"description\": " + Quote(t.type.description) +
                ", \"fields\": [" + fields + "], \"records\": [" + records + "]}";
       });
  return j + "},\n";
}

}  // namespace

std::string DumpJson(Store& store, const Stats& stats) {
  std::string j = "{\n" + CountersJson(stats.Get());
  std::lock_guard<std::mutex> lock(store.mutex());
  j += "  \"object_counts\": {" + Join(store.records(), [](const auto& kv) {
         return Quote(kv.first) + ": " + std::to_string(kv.second.size());
       });
  j += "},\n" + LeadWorldJson(store) + CustomObjectsJson(store) + CampaignWorldJson(store) +
       "  \"objects\": [";
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
