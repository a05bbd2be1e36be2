#ifndef MARKETO_TAG_CLIENT_H_
#define MARKETO_TAG_CLIENT_H_

/// @file
/// TagClient and the requests and results of getChannels and getTags: the channels with their
/// progression statuses, and the other tag types with their values.
///
/// connection.h includes this header for the request types, so it only declares Connection.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "marketo/mobject.h"
#include "marketo/options.h"
#include "marketo/status_or.h"

namespace marketo {

class Connection;

/// One step of a channel's progression (schema `ProgressionStatus`: a list of attribs).
struct ProgressionStatus {
  /// The `Status` attrib, e.g. "Registered" (empty when the server sent none).
  std::string status;
  /// The `Step` attrib as a number; absent when missing or not a number (see `attributes`).
  std::optional<int> step;
  /// The `Success` attrib; absent when missing or neither "true" nor "false".
  std::optional<bool> success;
  /// Every attrib exactly as received, in order, including the three above and any others
  /// (e.g. "Check-in Status").
  std::vector<Attrib> attributes;
};

/// A channel and its progression statuses (schema `TagStatus`).
struct Channel {
  /// The channel's name (`tagValue`), e.g. "Webinar".
  std::string name;
  /// Its statuses, in the server's order.
  std::vector<ProgressionStatus> statuses;
};

/// One getChannels call.
struct GetChannelsRequest {
  /// Only these channels; empty means all.
  std::vector<std::string> names;
};

/// A tag type and its allowed values (schema `Tag`).
struct TagType {
  /// The type, e.g. "Region".
  std::string type;
  /// Its values, in the server's order.
  std::vector<std::string> values;
};

/// One getTags call.
struct GetTagsRequest {
  /// Only these tag types; empty means every type but the channels.
  std::vector<std::string> types;
};

/// Names that are not empty and not given twice (`names[i]`).
Status ValidateGetChannelsRequest(const GetChannelsRequest& request);
/// Types that are not empty and not given twice (`types[i]`).
Status ValidateGetTagsRequest(const GetTagsRequest& request);

/// Typed, validated getChannels and getTags calls over a shared Connection. Both are reads and
/// retried like any read. Cheap to copy; safe to use from several threads at once.
class TagClient {
 public:
  /// Uses `connection` for every call; share it with the other family clients. Not null.
  explicit TagClient(std::shared_ptr<Connection> connection);
  /// Convenience: TagClient(MakeConnection(std::move(options))).
  explicit TagClient(ClientOptions options);

  /// One getChannels call, validated first.
  StatusOr<std::vector<Channel>> GetChannels(const GetChannelsRequest& request = {});
  /// One getTags call, validated first.
  StatusOr<std::vector<TagType>> GetTags(const GetTagsRequest& request = {});

  /// The underlying connection.
  const std::shared_ptr<Connection>& connection() const noexcept { return connection_; }

 private:
  std::shared_ptr<Connection> connection_;
};

}  // namespace marketo

#endif  // MARKETO_TAG_CLIENT_H_
