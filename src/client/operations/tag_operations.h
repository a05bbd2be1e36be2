#ifndef MARKETO_SRC_CLIENT_OPERATIONS_TAG_OPERATIONS_H_
#define MARKETO_SRC_CLIENT_OPERATIONS_TAG_OPERATIONS_H_

// Channels and tags on gSOAP: marshal functions of getChannels and getTags, their declarations
// and the layer that implements their Connection methods.

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "marketo/connection.h"
#include "marketo/tag_client.h"
#include "operations/lead_operations.h"
#include "operations/operation_spec.h"

namespace marketo {
namespace internal {
namespace tags {

using Proxy = MktowsApiSoapBindingProxy;

// ---- SDK -> gSOAP ----------------------------------------------------------------------------

// No names: no <tag> at all, which asks for every channel.
inline mktows__ParamsGetChannels* GetChannelsToSoap(RequestBuilder& b,
                                                    const GetChannelsRequest& r) {
  auto* p = b.New<mktows__ParamsGetChannels>();
  if (!r.names.empty()) {
    p->tag = b.New<mktows__Tag>();
    p->tag->values = leads::ToSoap(b, r.names);
  }
  return p;
}

inline mktows__ParamsGetTags* GetTagsToSoap(RequestBuilder& b, const GetTagsRequest& r) {
  auto* p = b.New<mktows__ParamsGetTags>();
  if (r.types.empty()) return p;
  p->tagList = b.New<mktows__ArrayOfTag>();
  for (const auto& type : r.types) {
    auto* t = b.New<mktows__Tag>();
    t->type = leads::ToSoapString(b, type);
    p->tagList->tag.push_back(t);
  }
  return p;
}

// ---- gSOAP -> SDK ----------------------------------------------------------------------------

inline std::optional<int> ParseStep(const std::string& text) {
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::atoi(text.c_str());
}

inline std::optional<bool> ParseFlag(const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

// The raw attribs are kept whole; the typed fields only read them.
inline ProgressionStatus Take(mktows__ArrayOfAttrib* list) {
  ProgressionStatus out;
  if (list == nullptr) return out;
  for (auto* a : list->attrib) {
    if (a == nullptr) continue;
    if (a->name == "Status") out.status = a->value;
    if (a->name == "Step") out.step = ParseStep(a->value);
    if (a->name == "Success") out.success = ParseFlag(a->value);
    out.attributes.push_back({std::move(a->name), std::move(a->value)});
  }
  return out;
}

inline StatusOr<std::vector<Channel>> GetChannelsFromSoap(mktows__SuccessGetChannels& resp,
                                                          const GetChannelsRequest&) {
  if (resp.result == nullptr) return leads::Malformed("getChannels", "response has no result");
  std::vector<Channel> out;
  if (resp.result->tags == nullptr) return out;
  for (auto* t : resp.result->tags->tagStatus) {
    if (t == nullptr) return leads::Malformed("getChannels", "empty tagStatus");
    Channel c;
    c.name = std::move(t->tagValue);
    if (t->statusList != nullptr) {
      for (auto* item : t->statusList->progressionStatusItem) {
        if (item != nullptr) c.statuses.push_back(Take(item->progressionStatus));
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

inline StatusOr<std::vector<TagType>> GetTagsFromSoap(mktows__SuccessGetTags& resp,
                                                      const GetTagsRequest&) {
  if (resp.result == nullptr) return leads::Malformed("getTags", "response has no result");
  std::vector<TagType> out;
  if (resp.result->tagList == nullptr) return out;
  for (auto* t : resp.result->tagList->tag) {
    if (t == nullptr) return leads::Malformed("getTags", "empty tag");
    TagType type;
    if (t->type != nullptr) type.type = std::move(*t->type);
    if (t->values != nullptr) type.values = std::move(t->values->stringItem);
    out.push_back(std::move(type));
  }
  return out;
}

// ---- the operations --------------------------------------------------------------------------

inline constexpr auto kGetChannels =
    DeclareOperation(Operation::kGetChannels, &Connection::GetChannels, nullptr, &GetChannelsToSoap,
                     &GetChannelsFromSoap, &Proxy::getChannels);
inline constexpr auto kGetTags =
    DeclareOperation(Operation::kGetTags, &Connection::GetTags, nullptr, &GetTagsToSoap,
                     &GetTagsFromSoap, &Proxy::getTags);

}  // namespace tags

// Implements getChannels and getTags on a ConnectionCore (see soap_connection.cc).
template <typename Base>
class TagOperations : public Base {
 public:
  using Base::Base;

  StatusOr<std::vector<Channel>> GetChannels(const GetChannelsRequest& request) override {
    return this->Call(tags::kGetChannels, request);
  }
  StatusOr<std::vector<TagType>> GetTags(const GetTagsRequest& request) override {
    return this->Call(tags::kGetTags, request);
  }
};

}  // namespace internal
}  // namespace marketo

#endif  // MARKETO_SRC_CLIENT_OPERATIONS_TAG_OPERATIONS_H_
