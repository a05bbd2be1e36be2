// The MObjects family: syncMObjects, getMObjects, deleteMObjects, describeMObject and
// listMObjects over the Store. Protocol: docs/protocol.md, "MObjects".
#ifndef MARKETO_MOCK_SERVER_SEMANTICS_MOBJECTS_H_
#define MARKETO_MOCK_SERVER_SEMANTICS_MOBJECTS_H_

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "semantics/model.h"
#include "semantics/store.h"
#include "stats.h"

namespace mock {

inline constexpr std::size_t kMaxSyncObjects = 100;  // docs/protocol.md, "Limits"
inline constexpr std::size_t kPageSize = 100;        // getMObjects batch size

class MObjectOps {
 public:
  MObjectOps(Store& store, Stats& stats) : store_(store), stats_(stats) {}

  // One status per object, in order. Throws kBadParameter for more than 100 objects.
  std::vector<ObjStatus> Sync(SyncOp op, const std::vector<MObj>& objects, std::time_t now);
  // Throws kBadParameter (bad type/criteria) or kBadStreamPosition.
  GetResult Get(const GetQuery& query);
  std::vector<ObjStatus> Delete(const std::vector<MObj>& objects);
  // Throws kBadParameter for a name that is not describable.
  const ObjectMeta& Describe(const std::string& name);
  const std::vector<std::string>& List();

 private:
  ObjStatus SyncOne(SyncOp op, const MObj& obj, std::time_t now);
  ObjStatus SyncProgram(SyncOp op, const MObj& obj, std::time_t now);  // mobjects_program.cc
  ObjStatus SyncRecord(SyncOp op, const MObj& obj, std::time_t now);
  ObjStatus Count(ObjStatus s, const std::string& type);

  // Per-object answers; they echo the caller's externalKey.
  static ObjStatus Failed(const MObj& obj, std::string error);
  static ObjStatus WithStatus(const MObj& obj, std::optional<int> id, Status status);

  Store& store_;
  Stats& stats_;
};

}  // namespace mock

#endif  // MARKETO_MOCK_SERVER_SEMANTICS_MOBJECTS_H_
