// deleteMObjects. Where Marketo's documentation is silent the decision is marked "Choice:".
#include "semantics/mobjects.h"

namespace mock {

std::vector<ObjStatus> MObjectOps::Delete(const std::vector<MObj>& objects) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  std::vector<ObjStatus> out;
  for (const auto& obj : objects) {
    ObjStatus s;
    if (obj.type != "Opportunity" && obj.type != "OpportunityPersonRole") {
      s = Failed(obj, "deleteMObjects supports Opportunity and OpportunityPersonRole, not '" +
                          obj.type + "'");
    } else if (!obj.id) {
      s = Failed(obj, "id is required");
    } else if (store_.Erase(obj.type, *obj.id)) {
      s = WithStatus(obj, obj.id, Status::kDeleted);
    } else {
      // Choice: deleting what is not there changes nothing -> UNCHANGED (so a retried delete
      // whose first answer was lost reads as success, not as an error).
      s = WithStatus(obj, obj.id, Status::kUnchanged);
    }
    out.push_back(Count(s, obj.type));
  }
  return out;
}

}  // namespace mock
