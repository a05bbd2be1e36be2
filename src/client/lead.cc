#include "marketo/lead.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iterator>

namespace marketo {
namespace {

constexpr const char* kKeyTypeNames[] = {
    "IDNUM",         "COOKIE",     "EMAIL",           "LEADOWNEREMAIL", "SFDCACCOUNTID",
    "SFDCCONTACTID", "SFDCLEADID", "SFDCLEADOWNERID", "SFDCOPPTYID",
};

constexpr const char* kForeignSysTypeNames[] = {"CUSTOM", "SFDC", "NETSUITE"};

// Enumerators are the table's indexes.
template <typename Enum, std::size_t N>
const char* NameOf(const char* const (&names)[N], Enum e) {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : "UNKNOWN";
}

template <typename Enum, std::size_t N>
std::optional<Enum> Parse(const char* const (&names)[N], std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (text == names[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

const char* ToString(LeadKeyType type) noexcept { return NameOf(kKeyTypeNames, type); }

std::optional<LeadKeyType> ParseLeadKeyType(std::string_view text) noexcept {
  return Parse<LeadKeyType>(kKeyTypeNames, text);
}

const char* ToString(ForeignSysType type) noexcept { return NameOf(kForeignSysTypeNames, type); }

std::optional<ForeignSysType> ParseForeignSysType(std::string_view text) noexcept {
  return Parse<ForeignSysType>(kForeignSysTypeNames, text);
}

LeadRecord& LeadRecord::Set(std::string_view name, std::string value) {
  auto it = std::find_if(attributes.begin(), attributes.end(),
                         [&](const LeadAttribute& a) { return a.name == name; });
  if (it != attributes.end()) {
    it->value = std::move(value);
  } else {
    attributes.push_back(LeadAttribute{std::string(name), std::move(value), std::nullopt});
  }
  return *this;
}

const std::string* LeadRecord::Find(std::string_view name) const noexcept {
  for (const auto& a : attributes) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

std::optional<std::string> LeadRecord::Text(std::string_view name) const {
  const std::string* v = Find(name);
  if (v == nullptr) return std::nullopt;
  return *v;
}

std::optional<std::int64_t> LeadRecord::LeadScore() const {
  const std::string* v = Find("LeadScore");
  if (v == nullptr || v->empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v->c_str(), &end, 10);
  if (errno != 0 || end == v->c_str() || *end != '\0') return std::nullopt;
  return n;
}

LeadSelector LeadSelector::Keys(LeadKeyType type, std::vector<std::string> values) {
  LeadSelector s;
  s.kind = Kind::kKeys;
  s.key_type = type;
  s.key_values = std::move(values);
  return s;
}

LeadSelector LeadSelector::StaticList(std::string name) {
  LeadSelector s;
  s.kind = Kind::kStaticList;
  s.list_name = std::move(name);
  return s;
}

LeadSelector LeadSelector::StaticListId(std::int64_t id) {
  LeadSelector s;
  s.kind = Kind::kStaticList;
  s.list_id = id;
  return s;
}

LeadSelector LeadSelector::UpdatedBetween(
    std::chrono::system_clock::time_point oldest,
    std::optional<std::chrono::system_clock::time_point> latest) {
  LeadSelector s;
  s.kind = Kind::kUpdatedBetween;
  s.oldest_updated_at = oldest;
  s.latest_updated_at = latest;
  return s;
}

}  // namespace marketo
