// The in-memory Marketo instance: MObjects, leads and companies, Program tags and cost lines, and
// (lead_book.h, activity_log.h) the lead indexes, lists, workspaces and activities.
// One mutex guards everything; each operation holds it for its whole batch, so a batch is atomic
// with respect to other calls.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_STORE_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_STORE_H_

#include <cstdint>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "semantics/activity_log.h"
#include "semantics/campaign_book.h"
#include "semantics/custom_object_book.h"
#include "semantics/lead_book.h"
#include "semantics/model.h"

namespace mock {

// The fixed "now" of the seeded data, so the same binary always seeds the same instance.
inline constexpr std::time_t kSeedEpoch = 1356998400;  // 2013-01-01T00:00:00Z
// The Companies (ids 1..5); leads 1..30 work for them.
inline constexpr const char* kSeedCompanies[] = {"Acme Corp", "Globex", "Initech", "Umbrella",
                                                 "Stark Industries"};

struct Cost {
  int id = 0;
  std::string month;  // YYYY-MM-01, the form getMObjects returns
  std::string amount;
  std::string note;
};

struct Tag {
  std::string type;
  std::string value;
};

struct Record {
  std::string type;
  int id = 0;
  std::uint64_t seq = 0;  // creation order: "most recently added" wins on duplicate keys
  std::vector<Attr> attrs;
  std::optional<Attr> external_key;  // the key it was last synced with, for the dump
  std::time_t created = 0;
  std::time_t updated = 0;
  std::optional<int> company_id;  // Opportunity -> Company association
  std::vector<Tag> tags;          // Program
  std::vector<Cost> costs;        // Program
};

const std::string* GetAttr(const Record& r, const std::string& name);
// Returns true when the value changed (or the attribute is new).
bool SetAttr(Record* r, const std::string& name, const std::string& value);

class Store {
 public:
  Store();  // seeded, see store_seed.cc

  std::mutex& mutex() { return mu_; }

  // All below require mutex() to be held.
  Record* Find(const std::string& type, int id);
  // Most recently added record whose attribute key.name equals key.value.
  Record* FindByKey(const std::string& type, const Attr& key);
  Record& Create(const std::string& type, std::time_t now);
  Record& CreateWithId(const std::string& type, int id, std::time_t when);  // seeding
  bool Erase(const std::string& type, int id);
  int NextCostId() { return next_cost_id_++; }
  const std::map<std::string, std::vector<std::string>>& tag_types() const { return tag_types_; }
  const std::map<std::string, std::map<int, Record>>& records() const { return records_; }
  std::map<int, Record>* OfType(const std::string& type);
  LeadBook& leads() { return leads_; }
  ActivityLog& activities() { return activities_; }
  CustomObjectBook& custom_objects() { return custom_objects_; }
  CampaignBook& campaigns() { return campaigns_; }

 private:
  // store_seed.cc
  void Seed();
  void SeedTagTypes();
  void SeedPrograms();
  void SeedDocSampleProgram();
  void SeedCompanies();
  void SeedLeads();  // leads_seed.cc
  void SeedOpportunities();
  void SeedRoles();
  void SeedCampaigns();  // campaigns_seed.cc

  std::mutex mu_;
  std::map<std::string, std::map<int, Record>> records_;
  std::map<std::string, int> next_id_;
  std::uint64_t next_seq_ = 1;
  int next_cost_id_ = 1000;
  std::map<std::string, std::vector<std::string>> tag_types_;
  LeadBook leads_{*this};  // over records_["Lead"]
  ActivityLog activities_;
  CustomObjectBook custom_objects_;  // seeded by CustomObjectOps
  CampaignBook campaigns_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_STORE_H_
