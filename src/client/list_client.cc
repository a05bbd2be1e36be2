#include "marketo/list_client.h"

#include <algorithm>
#include <string>
#include <utility>

#include "invalid_argument.h"
#include "marketo/connection.h"

namespace marketo {
namespace {

using internal::Invalid;

constexpr const char* kListKeyTypeNames[] = {"MKTOLISTNAME", "MKTOSALESUSERID", "SFDCLEADOWNERID"};
constexpr const char* kListOperationNames[] = {"ADDTOLIST", "REMOVEFROMLIST", "ISMEMBEROFLIST"};

// Enumerators are the table's indexes.
template <typename Enum, std::size_t N>
const char* NameOf(const char* const (&names)[N], Enum e) {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : "UNKNOWN";
}

template <typename Enum, std::size_t N>
bool Known(const char* const (&)[N], Enum e) {
  return static_cast<std::size_t>(e) < N;
}

Status CheckListKey(const ListKey& list) {
  if (!Known(kListKeyTypeNames, list.type)) {
    return Invalid("listKey has an unknown keyType (" +
                   std::to_string(static_cast<int>(list.type)) + ")");
  }
  if (list.value.empty()) {
    return Invalid("listKey " + std::string(ToString(list.type)) + " is empty");
  }
  return Status();
}

// Every member key valid; errors name member[i] (i counted in the caller's input).
Status CheckMembers(const std::vector<LeadKey>& members, std::size_t first_index) {
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (Status s = ValidateLeadKey(members[i]); !s.ok()) {
      return Invalid("member[" + std::to_string(first_index + i) + "] " + s.message());
    }
  }
  return Status();
}

ListMembersResult Rejected(const std::vector<LeadKey>& members, const Status& why) {
  ListMembersResult out;
  out.status = why;
  out.results.resize(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    out.results[i].index = i;
    out.results[i].key = members[i];
    out.results[i].call_status = why;
  }
  return out;
}

}  // namespace

const char* ToString(ListKeyType type) noexcept { return NameOf(kListKeyTypeNames, type); }

const char* ToString(ListOperationType type) noexcept { return NameOf(kListOperationNames, type); }

Status ValidateListOperationRequest(const ListOperationRequest& request) {
  if (!Known(kListOperationNames, request.operation)) {
    return Invalid("listOperation has an unknown value (" +
                   std::to_string(static_cast<int>(request.operation)) + ")");
  }
  if (Status s = CheckListKey(request.list); !s.ok()) return s;
  if (request.members.empty()) return Invalid("listMemberList is empty");
  if (request.members.size() > kMaxListMembersPerCall) {
    return Invalid("listMemberList has " + std::to_string(request.members.size()) +
                   " leads; one call takes at most " + std::to_string(kMaxListMembersPerCall));
  }
  return CheckMembers(request.members, 0);
}

ListClient::ListClient(std::shared_ptr<Connection> connection)
    : connection_(std::move(connection)) {}

ListClient::ListClient(ClientOptions options) : connection_(MakeConnection(std::move(options))) {}

StatusOr<ListOperationResult> ListClient::ListOperation(const ListOperationRequest& request) {
  if (Status s = ValidateListOperationRequest(request); !s.ok()) return s;
  return connection_->ListOperation(request);
}

ListMembersResult ListClient::AddToList(const ListKey& list, const std::vector<LeadKey>& members,
                                        const ListOperationOptions& options) {
  return RunMembers(ListOperationType::kAddToList, list, members, options);
}

ListMembersResult ListClient::RemoveFromList(const ListKey& list,
                                             const std::vector<LeadKey>& members,
                                             const ListOperationOptions& options) {
  return RunMembers(ListOperationType::kRemoveFromList, list, members, options);
}

ListMembersResult ListClient::IsMemberOfList(const ListKey& list,
                                             const std::vector<LeadKey>& members,
                                             const ListOperationOptions& options) {
  return RunMembers(ListOperationType::kIsMemberOfList, list, members, options);
}

ListMembersResult ListClient::RunMembers(ListOperationType operation, const ListKey& list,
                                         const std::vector<LeadKey>& members,
                                         const ListOperationOptions& options) {
  Status valid = CheckListKey(list);
  if (valid.ok()) valid = CheckMembers(members, 0);
  // strict is all-or-nothing per call; several calls could not keep that promise.
  if (valid.ok() && options.strict && members.size() > kMaxListMembersPerCall) {
    valid = Invalid("strict needs one call, so at most " + std::to_string(kMaxListMembersPerCall) +
                    " leads; got " + std::to_string(members.size()));
  }
  if (!valid.ok()) return Rejected(members, valid);

  ListMembersResult out = Rejected(members, Status());
  for (std::size_t begin = 0; begin < members.size(); begin += kMaxListMembersPerCall) {
    const std::size_t end = std::min(members.size(), begin + kMaxListMembersPerCall);
    ListOperationRequest call;
    call.operation = operation;
    call.list = list;
    call.members.assign(members.begin() + static_cast<std::ptrdiff_t>(begin),
                        members.begin() + static_cast<std::ptrdiff_t>(end));
    if (options.strict) call.strict = true;
    ++out.calls;
    auto r = connection_->ListOperation(call);
    Status failed = r.ok() ? Status() : r.status();
    if (r.ok() && r->statuses.size() != call.members.size()) {
      failed = Status(StatusCode::kResponseMismatch,
                      "listOperation: sent " + std::to_string(call.members.size()) +
                          " leads but got " + std::to_string(r->statuses.size()) + " statuses");
    }
    for (std::size_t i = begin; i < end; ++i) {
      if (failed.ok()) {
        out.results[i].status = r->statuses[i - begin].status;
      } else {
        out.results[i].call_status = failed;
      }
    }
    if (!failed.ok()) {
      ++out.failed_calls;
      if (out.status.ok()) out.status = failed;
    }
  }
  return out;
}

}  // namespace marketo
