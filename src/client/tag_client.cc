#include "marketo/tag_client.h"

#include <set>
#include <string>
#include <utility>

#include "invalid_argument.h"
#include "marketo/connection.h"

namespace marketo {
namespace {

using internal::Invalid;

Status CheckNames(const std::vector<std::string>& names, const char* field) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string at = std::string(field) + "[" + std::to_string(i) + "]";
    if (names[i].empty()) return Invalid(at + " is empty");
    if (!seen.insert(names[i]).second) return Invalid(at + " \"" + names[i] + "\" is given twice");
  }
  return Status();
}

}  // namespace

Status ValidateGetChannelsRequest(const GetChannelsRequest& request) {
  return CheckNames(request.names, "names");
}

Status ValidateGetTagsRequest(const GetTagsRequest& request) {
  return CheckNames(request.types, "types");
}

TagClient::TagClient(std::shared_ptr<Connection> connection) : connection_(std::move(connection)) {}

TagClient::TagClient(ClientOptions options) : connection_(MakeConnection(std::move(options))) {}

StatusOr<std::vector<Channel>> TagClient::GetChannels(const GetChannelsRequest& request) {
  if (Status s = ValidateGetChannelsRequest(request); !s.ok()) return s;
  return connection_->GetChannels(request);
}

StatusOr<std::vector<TagType>> TagClient::GetTags(const GetTagsRequest& request) {
  if (Status s = ValidateGetTagsRequest(request); !s.ok()) return s;
  return connection_->GetTags(request);
}

}  // namespace marketo
