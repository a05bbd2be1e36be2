// The custom-object family: syncCustomObjects, deleteCustomObjects and getCustomObjects over the
// Store's CustomObjectBook, linking records to the LeadBook's leads. Protocol:
// docs/protocol.md and the reference's "Custom objects"; the mock's choices where Marketo is
// silent are marked "Choice:" and listed in src/mock_server/README.md. Request-level problems
// throw MarketoFault.
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_CUSTOM_OBJECTS_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_CUSTOM_OBJECTS_H_

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "semantics/model.h"
#include "semantics/store.h"
#include "stats.h"

namespace mock {

inline constexpr std::size_t kMaxCustomObjectsPerCall = 100;
inline constexpr int kMaxCustomObjectBatch = 100;

// One customObj of a request (or of a getCustomObjects answer).
struct CoIn {
  std::vector<Attr> keys;
  std::vector<Attr> attrs;
};

// One syncCustomObjStatus: the key list echoed, the status and the error text.
struct CoOutcome {
  std::vector<Attr> keys;
  std::string status;  // CREATED UPDATED UNCHANGED DELETED FAILED
  std::optional<std::string> error;
};

struct CoQuery {
  std::string type;
  std::string stream_position;
  std::optional<int> batch_size;
  std::vector<Attr> key;
  std::vector<std::string> include;
};

struct CoPage {
  std::string type;
  std::vector<CoIn> objects;
  int remaining = 0;
  std::string new_stream_position;
};

class CustomObjectOps {
 public:
  // Seeds the book's first records (custom_objects_seed.cc): they link to seeded leads.
  CustomObjectOps(Store& store, Stats& stats);

  // operation: "INSERT", "UPDATE", "UPSERT"; absent means UPSERT. custom_objects_sync.cc.
  std::vector<CoOutcome> Sync(const std::string& type, const std::optional<std::string>& operation,
                              const std::vector<CoIn>& objects, std::time_t now);
  std::vector<CoOutcome> Delete(const std::string& type,
                                const std::vector<std::vector<Attr>>& keys);
  CoPage Get(const CoQuery& query);  // custom_objects_get.cc

 private:
  void Count(const std::string& status, const std::string& type) {
    stats_.CountObject(status, type);
  }

  Store& store_;
  Stats& stats_;
};

// The table of `type`, or the 20110 fault "Object name is not valid".
CoTable& RequireTable(Store& store, const std::string& type);

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_CUSTOM_OBJECTS_H_
