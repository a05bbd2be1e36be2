#include "marketo/lead.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
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

bool IsActivityType(std::string_view token) noexcept {
  return std::any_of(std::begin(kActivityTypes), std::end(kActivityTypes),
                     [&](const char* t) { return token == t; });
}

const std::string* ActivityRecord::Find(std::string_view name) const noexcept {
  for (const auto& a : attributes) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

ActivityPosition ActivityPosition::Since(std::chrono::system_clock::time_point oldest) {
  ActivityPosition p;
  p.oldest_created_at = oldest;
  return p;
}

namespace {

using TimePoint = std::chrono::system_clock::time_point;

constexpr char kPositionPrefix[] = "ap1";
constexpr char kHex[] = "0123456789abcdef";

std::string Seconds(TimePoint t) {
  return std::to_string(std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count());
}

std::optional<TimePoint> ParseSeconds(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  const bool negative = text.front() == '-';
  const std::string_view digits = negative ? text.substr(1) : text;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const long long v = std::strtoll(std::string(text).c_str(), nullptr, 10);
  return TimePoint(std::chrono::seconds(v));
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const char* hi = std::strchr(kHex, hex[i]);
    const char* lo = std::strchr(kHex, hex[i + 1]);
    if (hi == nullptr || lo == nullptr || *hi == '\0' || *lo == '\0') return std::nullopt;
    out += static_cast<char>((hi - kHex) * 16 + (lo - kHex));
  }
  return out;
}

// One "k=v" field of a position token.
bool ApplyField(std::string_view field, ActivityPosition* p) {
  if (field.size() < 2 || field[1] != '=') return false;
  const std::string_view v = field.substr(2);
  std::optional<TimePoint>* time = nullptr;
  switch (field[0]) {
    case 'l':
      time = &p->latest_created_at;
      break;
    case 'o':
      time = &p->oldest_created_at;
      break;
    case 'c':
      time = &p->activity_created_at;
      break;
    case 'x':
      p->offset = FromHex(v);
      return p->offset.has_value();
    default:
      return false;
  }
  *time = ParseSeconds(v);
  return time->has_value();
}

}  // namespace

// "ap1;o=<unix seconds>;x=<offset in hex>": printable whatever the server's offset holds.
std::string ActivityPosition::ToText() const {
  std::string out = kPositionPrefix;
  if (latest_created_at) out += ";l=" + Seconds(*latest_created_at);
  if (oldest_created_at) out += ";o=" + Seconds(*oldest_created_at);
  if (activity_created_at) out += ";c=" + Seconds(*activity_created_at);
  if (offset) {
    out += ";x=";
    for (unsigned char ch : *offset) {
      out += kHex[ch >> 4];
      out += kHex[ch & 0xF];
    }
  }
  return out;
}

std::optional<ActivityPosition> ActivityPosition::FromText(std::string_view text) {
  if (text.substr(0, 3) != kPositionPrefix) return std::nullopt;
  ActivityPosition p;
  std::string_view rest = text.substr(3);
  while (!rest.empty()) {
    if (rest.front() != ';') return std::nullopt;
    rest.remove_prefix(1);
    const std::size_t end = rest.find(';');
    if (!ApplyField(rest.substr(0, end), &p)) return std::nullopt;
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  return p;
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
