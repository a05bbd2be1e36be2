// The static-list family: listOperation over the LeadBook's lists, and importToList /
// getImportToListStatus jobs (kept in the LeadBook, shown by --dump). Request-level problems
// throw MarketoFault; the mock's choices where Marketo is silent are marked "Choice:" and listed
// in src/mock_server/README.md.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_LISTS_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_LISTS_H_

#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "semantics/leads_model.h"
#include "semantics/store.h"
#include "stats.h"

namespace mock {

inline constexpr std::size_t kMaxListMembers = 1000;  // Marketo's limit per listOperation

struct ListOpRequest {
  std::string operation;  // ADDTOLIST, REMOVEFROMLIST, ISMEMBEROFLIST
  std::string key_type;   // ListKeyType text
  std::string key_value;
  std::vector<LeadKey> members;
  bool strict = false;
};

struct ListOpResult {
  bool success = false;
  std::vector<std::pair<LeadKey, bool>> statuses;  // in request order
};

struct ImportRequest {
  std::string program, header, mode, list;  // mode: UPSERTLEADS or LISTONLY
  std::vector<std::string> rows;
  bool clear_list = false;
  std::optional<std::string> campaign;
};

struct ImportProgress {
  std::string status;
  std::time_t started = 0;
  std::optional<std::time_t> ended;
  int estimated_time = 0, estimated_rows = 0, imported = 0, failed = 0, ignored = 0;
  std::string summary;
  bool done = false;  // the counts, endedTime and summary are sent (nil while PROCESSING)
};

class ListOps {
 public:
  ListOps(Store& store, Stats& stats, std::chrono::milliseconds import_time)
      : store_(store), stats_(stats), import_time_(import_time) {}

  ListOpResult ListOperation(const ListOpRequest& request, std::time_t now);  // lists_members.cc
  // The job's state right after it was accepted.
  std::string ImportToList(const ImportRequest& request, std::time_t now);  // lists_import.cc
  ImportProgress GetImportStatus(const std::optional<std::string>& program,
                                 const std::optional<std::string>& list);

 private:
  Store& store_;
  Stats& stats_;
  std::chrono::milliseconds import_time_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_LISTS_H_
