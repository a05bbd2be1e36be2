// listOperation: ADDTOLIST, REMOVEFROMLIST and ISMEMBEROFLIST over the LeadBook's static lists,
// with "Add to List" / "Remove from List" activities.
#include "semantics/leads_common.h"
#include "semantics/lists.h"
#include "semantics/marketo_fault.h"

namespace mock {
namespace {

constexpr char kRemoveFromList[] = "Remove from List";

StaticList& FindListByKey(LeadBook& book, const ListOpRequest& r) {
  // Choice: the mock has no sales users or CRM owners, so only MKTOLISTNAME names a list.
  if (r.key_type != "MKTOLISTNAME") {
    throw MarketoFault(error_codes::kBadParameter,
                       "listKey keyType " + r.key_type + " is not supported; use MKTOLISTNAME");
  }
  StaticList* list = book.FindList(r.key_value);  // case-insensitive
  if (list == nullptr) {
    throw MarketoFault(error_codes::kListNotFound, "List '" + r.key_value + "' not found");
  }
  return *list;
}

void CheckRequest(const ListOpRequest& r) {
  if (r.members.empty()) {
    throw MarketoFault(error_codes::kParameterRequired, "listMemberList is empty");
  }
  if (r.members.size() > kMaxListMembers) {
    throw MarketoFault(error_codes::kBadParameter,
                       "listMemberList accepts at most 1000 leads per call, got " +
                           std::to_string(r.members.size()));
  }
}

// The lead a member key names, 0 for none. Choice: any LeadKeyRef works (Marketo documents
// IDNUM); a key matching several leads means the most recently created one.
int Resolve(const LeadBook& book, const LeadKey& key) {
  const auto ids = FindLeads(book, key);
  return ids.empty() ? 0 : ids.back();
}

void Log(Store& store, int lead, std::time_t now, const char* type, const StaticList& list) {
  LogActivity(store, lead, now, type, list.name, {{"List ID", std::to_string(list.id)}});
}

}  // namespace

ListOpResult ListOps::ListOperation(const ListOpRequest& request, std::time_t now) {
  CheckRequest(request);
  std::lock_guard<std::mutex> lock(store_.mutex());
  LeadBook& book = store_.leads();
  StaticList& list = FindListByKey(book, request);
  std::vector<int> ids;
  ids.reserve(request.members.size());
  for (const auto& key : request.members) ids.push_back(Resolve(book, key));

  ListOpResult out;
  out.success = true;
  const bool check = request.operation == "ISMEMBEROFLIST";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    // Choice: ADD and REMOVE report true when the lead exists (already in, or already out, is
    // done: a repeat reads as success); ISMEMBEROF reports membership.
    const bool ok = ids[i] != 0 && (!check || list.members.count(ids[i]) != 0);
    out.statuses.emplace_back(request.members[i], ok);
    out.success = out.success && ok;
  }
  // strict: one failure and nothing is applied (every status false).
  if (request.strict && !out.success && !check) {
    for (auto& st : out.statuses) st.second = false;
    return out;
  }
  if (check) return out;
  const bool add = request.operation == "ADDTOLIST";
  for (int id : ids) {
    if (id == 0) continue;
    const bool changed = add ? list.members.insert(id).second : list.members.erase(id) != 0;
    if (!changed) continue;
    Log(store_, id, now, add ? kAddToList : kRemoveFromList, list);
    stats_.CountObject(add ? "ADDED" : "REMOVED", "List member");
  }
  return out;
}

}  // namespace mock
