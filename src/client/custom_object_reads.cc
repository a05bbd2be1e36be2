// The read side of CustomObjectClient: getCustomObjects validation and the walk that pages
// through a query and can stop and resume (positions as the lead walks write them, lead_walk.h).
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "invalid_argument.h"
#include "lead_walk.h"
#include "marketo/connection.h"
#include "marketo/custom_object_client.h"

namespace marketo {
namespace {

using internal::Invalid;

Status CheckQuery(const CustomObjectQuery& q) {
  if (q.object_name.empty()) return Invalid("objTypeName is empty");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < q.key.size(); ++i) {
    if (q.key[i].name.empty()) {
      return Invalid("customObjKeyList[" + std::to_string(i) + "] has no name");
    }
    if (!seen.insert(q.key[i].name).second) {
      return Invalid("customObjKeyList: \"" + q.key[i].name + "\" is given twice");
    }
  }
  seen.clear();
  for (std::size_t i = 0; i < q.include_attributes.size(); ++i) {
    if (q.include_attributes[i].empty()) {
      return Invalid("includeAttributes[" + std::to_string(i) + "] is empty");
    }
    if (!seen.insert(q.include_attributes[i]).second) {
      return Invalid("includeAttributes: \"" + q.include_attributes[i] + "\" is given twice");
    }
  }
  return Status();
}

Status CheckBatchSize(int batch_size) {
  if (batch_size < 1 || batch_size > kMaxCustomObjectsPageSize) {
    return Invalid("batchSize must be from 1 to 100, got " + std::to_string(batch_size));
  }
  return Status();
}

}  // namespace

Status ValidateGetCustomObjectsRequest(const GetCustomObjectsRequest& request) {
  if (Status s = CheckQuery(request.query); !s.ok()) return s;
  return request.batch_size ? CheckBatchSize(*request.batch_size) : Status();
}

StatusOr<CustomObjectsPage> CustomObjectClient::GetCustomObjects(
    const GetCustomObjectsRequest& request) {
  if (Status s = ValidateGetCustomObjectsRequest(request); !s.ok()) return s;
  return connection_->GetCustomObjects(request);
}

Status CustomObjectClient::ForEachCustomObject(const CustomObjectQuery& query,
                                               const ReadCustomObjectsOptions& options,
                                               const CustomObjectVisitor& visit) {
  if (Status s = CheckQuery(query); !s.ok()) return s;
  if (Status s = CheckBatchSize(options.batch_size); !s.ok()) return s;
  internal::WalkCursor at;
  if (!options.resume_from.empty() &&
      (!internal::ParseCursor(options.resume_from.text(), &at) || at.part != 0)) {
    return Invalid("resume_from is not a position of ForEachCustomObject: \"" +
                   options.resume_from.text() + "\"");
  }
  GetCustomObjectsRequest request{query, options.batch_size, StreamPosition(at.page_start)};
  std::size_t skip = at.skip;
  for (;;) {
    auto page = connection_->GetCustomObjects(request);
    if (!page.ok()) return std::move(page).status();
    for (std::size_t i = skip; i < page->objects.size(); ++i) {
      const auto after = CustomObjectReadPosition::FromText(
          internal::FormatCursor({0, i + 1, request.stream_position.text()}));
      if (!visit(std::move(page->objects[i]), after)) return Status();
    }
    skip = 0;
    if (page->remaining_count <= 0) return Status();
    // Records remain: going on from the same (or no) position would loop or drop them.
    if (page->new_stream_position.empty() || page->new_stream_position == request.stream_position) {
      return Status(StatusCode::kMalformedResponse,
                    "getCustomObjects: records remain but the stream position did not advance");
    }
    request.stream_position = std::move(page->new_stream_position);
  }
}

StatusOr<std::vector<CustomObject>> CustomObjectClient::GetAllCustomObjects(
    const CustomObjectQuery& query, const ReadCustomObjectsOptions& options) {
  std::vector<CustomObject> all;
  Status s = ForEachCustomObject(query, options,
                                 [&all](CustomObject&& o, const CustomObjectReadPosition&) {
                                   all.push_back(std::move(o));
                                   return true;
                                 });
  if (!s.ok()) return s;
  return all;
}

}  // namespace marketo
