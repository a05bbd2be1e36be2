// The lead side of the store: the "Lead" records (the same ones OpportunityPersonRole.PersonId
// names) with indexes by email, key attributes, foreign system id, cookie and update time, plus
// each lead's cookies and partition, the workspaces, the static lists and their import jobs. Every
// change to a lead goes through here so that the indexes stay current. Callers hold Store::mutex().
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_LEAD_BOOK_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_LEAD_BOOK_H_

#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mock {

class Store;
struct Record;

struct StaticList {
  int id = 0;
  std::string name;
  std::set<int> members;  // lead ids
};

// One importToList job (semantics/lists_import.cc). Its rows are applied when it is accepted;
// it reads PROCESSING until done_at, then COMPLETE or FAILED.
struct ImportJob {
  int id = 0;
  std::string program, list, mode, campaign;
  bool clear_list = false;
  std::vector<std::string> token_columns;  // {{my.token}} names, kept for the dump only
  std::time_t started = 0;
  std::chrono::steady_clock::time_point done_at;
  int seconds = 0;  // the import time, whole seconds rounded up (endedTime, estimatedTime)
  int rows = 0, imported = 0, failed = 0, ignored = 0;
  bool job_failed = false;
  std::string summary;
  bool Processing(std::chrono::steady_clock::time_point now) const { return now < done_at; }
  const char* State(std::chrono::steady_clock::time_point now) const {
    return Processing(now) ? "PROCESSING" : job_failed ? "FAILED" : "COMPLETE";
  }
};

struct Workspace {
  int id = 0;
  std::string name;
  int primary_partition = 0;
};

struct Partition {
  int id = 0;
  std::string name;
  int workspace_id = 0;
};

// The top-level LeadRecord fields; stored as attributes of the Record like the others.
inline constexpr char kEmail[] = "Email";
inline constexpr char kForeignId[] = "ForeignSysPersonId";
inline constexpr char kForeignType[] = "ForeignSysType";

// Marketo's munchkin cookie "id:123-ABC-456&token:_mch-…" is matched by its token part, so the
// same visitor matches with or without the "id:" prefix. Other text is matched whole.
std::string CookieKey(const std::string& cookie);

class LeadBook {
 public:
  explicit LeadBook(Store& store) : store_(store) {}

  Record* Find(int id);
  // Leads whose attribute `name` has `value` (Email and the key attributes of LeadKeyRef),
  // ascending by id. Emails compare case-insensitively.
  std::vector<int> FindByAttr(const std::string& name, const std::string& value) const;
  std::optional<int> FindByForeign(const std::string& type, const std::string& id) const;
  std::optional<int> FindByCookie(const std::string& cookie) const;
  const std::map<int, Record>& all() const;
  // (updatedAt, id) of every lead, in that order.
  const std::set<std::pair<std::time_t, int>>& by_updated() const { return by_updated_; }

  Record& Create(std::time_t when, int partition);
  Record& CreateWithId(int id, std::time_t when, int partition);  // seeding
  // "" removes the attribute. Returns true when the value changed.
  bool Set(Record* lead, const std::string& name, const std::string& value);
  void Touch(Record* lead, std::time_t when);  // updatedAt
  void Erase(int id);

  // Attaches the cookie to lead, taking it from whichever lead had it.
  void AttachCookie(int lead, const std::string& cookie);
  const std::vector<std::string>& Cookies(int lead) const;
  int PartitionOf(int lead) const;

  void AddWorkspace(const Workspace& w, const std::vector<Partition>& partitions);
  const Workspace* FindWorkspace(const std::string& name) const;  // case-insensitive
  const Partition* FindPartition(int id) const;
  const std::vector<Workspace>& workspaces() const { return workspaces_; }
  const std::vector<Partition>& partitions() const { return partitions_; }

  StaticList& AddList(int id, const std::string& name);
  StaticList* FindList(int id);
  StaticList* FindList(const std::string& name);  // case-insensitive
  std::vector<int> ListsOf(int lead) const;
  std::vector<StaticList>& lists() { return lists_; }
  const std::vector<StaticList>& lists() const { return lists_; }
  std::vector<ImportJob>& imports() { return imports_; }

 private:
  struct Extra {
    std::vector<std::string> cookies;
    int partition = 0;
  };
  static bool Indexed(const std::string& name);
  void Index(int id, const std::string& name, const std::string& value, bool add);
  std::string ForeignKeyOf(const Record& lead) const;
  Extra& ExtraOf(int id) { return extra_[id]; }

  Store& store_;
  std::map<std::string, std::unordered_map<std::string, std::set<int>>> attr_index_;
  std::unordered_map<std::string, int> foreign_index_;
  std::unordered_map<std::string, int> cookie_index_;
  std::unordered_map<int, Extra> extra_;
  std::set<std::pair<std::time_t, int>> by_updated_;
  std::vector<Workspace> workspaces_;
  std::vector<Partition> partitions_;
  std::vector<StaticList> lists_;
  std::vector<ImportJob> imports_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_LEAD_BOOK_H_
