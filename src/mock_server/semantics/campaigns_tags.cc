// getChannels and getTags over the store's tag types (the same ones Program tags use in
// syncMObjects) and the channels' progression statuses.
#include <algorithm>
#include <mutex>
#include <string>

#include "semantics/campaigns.h"

namespace mock {
namespace {

constexpr char kChannelType[] = "Channel";

bool Wanted(const std::vector<std::string>& filter, const std::string& name) {
  return filter.empty() || std::find(filter.begin(), filter.end(), name) != filter.end();
}

std::vector<Attr> StatusAttrs(const ProgressionStep& s) {
  std::vector<Attr> attrs = {{"Status", s.status},
                             {"Step", std::to_string(s.step)},
                             {"Success", s.success ? "true" : "false"}};
  attrs.insert(attrs.end(), s.extra.begin(), s.extra.end());
  return attrs;
}

}  // namespace

// Choice: names are exact; names of no channel are ignored (no fault).
std::vector<ChannelOut> CampaignOps::GetChannels(const std::vector<std::string>& names) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  std::vector<ChannelOut> out;
  const auto it = store_.tag_types().find(kChannelType);
  if (it == store_.tag_types().end()) return out;
  for (const std::string& channel : it->second) {
    if (!Wanted(names, channel)) continue;
    ChannelOut c{channel, {}};
    for (const auto& s : store_.campaigns().channels[channel]) c.statuses.push_back(StatusAttrs(s));
    out.push_back(std::move(c));
  }
  return out;
}

// Choice: the Channel type is never listed (Marketo: getTags is for non-channel types), even
// when asked for; unknown types are ignored; the values of a requested tag are not a filter.
std::vector<TagOut> CampaignOps::GetTags(const std::vector<std::string>& types) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  std::vector<TagOut> out;
  for (const auto& [type, values] : store_.tag_types()) {
    if (type != kChannelType && Wanted(types, type)) out.push_back({type, values});
  }
  return out;
}

}  // namespace mock
