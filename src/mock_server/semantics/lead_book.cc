#include "semantics/lead_book.h"

#include <algorithm>
#include <cctype>

#include "semantics/leads_fields.h"
#include "semantics/store.h"
#include "semantics/values.h"

namespace mock {
namespace {

constexpr char kLead[] = "Lead";

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Choice: emails compare case-insensitively; ids (SFDC, cookies) exactly.
std::string IndexValue(const std::string& name, const std::string& value) {
  const LeadField* f = FindLeadField(name);
  return f != nullptr && std::string(f->type) == "email" ? Lower(value) : value;
}

const std::string& AttrOrEmpty(const Record& r, const std::string& name) {
  static const std::string kEmpty;
  const std::string* v = GetAttr(r, name);
  return v != nullptr ? *v : kEmpty;
}

}  // namespace

std::string CookieKey(const std::string& cookie) {
  const std::size_t at = cookie.find("token:");
  if (at == std::string::npos) return cookie;
  const std::size_t begin = at + 6;
  const std::size_t end = cookie.find('&', begin);
  return cookie.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

bool LeadBook::Indexed(const std::string& name) {
  const LeadField* f = FindLeadField(name);
  return f != nullptr && f->key_type != nullptr;
}

void LeadBook::Index(int id, const std::string& name, const std::string& value, bool add) {
  if (value.empty() || !Indexed(name)) return;
  auto& by_value = attr_index_[name];
  const std::string key = IndexValue(name, value);
  if (add) {
    by_value[key].insert(id);
    return;
  }
  auto it = by_value.find(key);
  if (it == by_value.end()) return;
  it->second.erase(id);
  if (it->second.empty()) by_value.erase(it);
}

std::string LeadBook::ForeignKeyOf(const Record& lead) const {
  const std::string& id = AttrOrEmpty(lead, kForeignId);
  return id.empty() ? std::string() : AttrOrEmpty(lead, kForeignType) + '\x1f' + id;
}

Record* LeadBook::Find(int id) { return store_.Find(kLead, id); }

std::vector<int> LeadBook::FindByAttr(const std::string& name, const std::string& value) const {
  const auto by_value = attr_index_.find(name);
  if (by_value == attr_index_.end()) return {};
  const auto it = by_value->second.find(IndexValue(name, value));
  if (it == by_value->second.end()) return {};
  return std::vector<int>(it->second.begin(), it->second.end());
}

std::optional<int> LeadBook::FindByForeign(const std::string& type, const std::string& id) const {
  const auto it = foreign_index_.find(type + '\x1f' + id);
  if (it == foreign_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<int> LeadBook::FindByCookie(const std::string& cookie) const {
  const auto it = cookie_index_.find(CookieKey(cookie));
  if (it == cookie_index_.end()) return std::nullopt;
  return it->second;
}

const std::map<int, Record>& LeadBook::all() const {
  static const std::map<int, Record> kNone;
  const auto& records = store_.records();
  const auto it = records.find(kLead);
  return it == records.end() ? kNone : it->second;
}

Record& LeadBook::Create(std::time_t when, int partition) {
  Record& r = store_.Create(kLead, when);
  ExtraOf(r.id).partition = partition;
  by_updated_.insert({r.updated, r.id});
  return r;
}

Record& LeadBook::CreateWithId(int id, std::time_t when, int partition) {
  Record& r = store_.CreateWithId(kLead, id, when);
  ExtraOf(r.id).partition = partition;
  by_updated_.insert({r.updated, r.id});
  return r;
}

bool LeadBook::Set(Record* lead, const std::string& name, const std::string& value) {
  const std::string old = AttrOrEmpty(*lead, name);
  if (old == value) return false;
  const bool foreign = name == kForeignId || name == kForeignType;
  if (foreign) foreign_index_.erase(ForeignKeyOf(*lead));
  Index(lead->id, name, old, false);
  if (value.empty()) {
    auto& attrs = lead->attrs;
    attrs.erase(
        std::remove_if(attrs.begin(), attrs.end(), [&](const Attr& a) { return a.name == name; }),
        attrs.end());
  } else {
    SetAttr(lead, name, value);
  }
  Index(lead->id, name, value, true);
  if (foreign) {
    const std::string key = ForeignKeyOf(*lead);
    if (!key.empty()) foreign_index_[key] = lead->id;
  }
  return true;
}

void LeadBook::Touch(Record* lead, std::time_t when) {
  by_updated_.erase({lead->updated, lead->id});
  lead->updated = when;
  by_updated_.insert({lead->updated, lead->id});
}

void LeadBook::Erase(int id) {
  Record* lead = Find(id);
  if (lead == nullptr) return;
  for (const auto& a : lead->attrs) Index(id, a.name, a.value, false);
  foreign_index_.erase(ForeignKeyOf(*lead));
  for (const auto& c : Cookies(id)) cookie_index_.erase(CookieKey(c));
  by_updated_.erase({lead->updated, id});
  for (auto& l : lists_) l.members.erase(id);
  extra_.erase(id);
  store_.Erase(kLead, id);
}

void LeadBook::AttachCookie(int lead, const std::string& cookie) {
  const std::string key = CookieKey(cookie);
  if (key.empty()) return;
  if (const auto owner = FindByCookie(cookie); owner && *owner != lead) {
    auto& theirs = ExtraOf(*owner).cookies;
    theirs.erase(std::remove_if(theirs.begin(), theirs.end(),
                                [&](const std::string& c) { return CookieKey(c) == key; }),
                 theirs.end());
  } else if (owner) {
    return;  // already this lead's
  }
  ExtraOf(lead).cookies.push_back(cookie);
  cookie_index_[key] = lead;
}

const std::vector<std::string>& LeadBook::Cookies(int lead) const {
  static const std::vector<std::string> kNone;
  const auto it = extra_.find(lead);
  return it == extra_.end() ? kNone : it->second.cookies;
}

int LeadBook::PartitionOf(int lead) const {
  const auto it = extra_.find(lead);
  return it == extra_.end() ? 0 : it->second.partition;
}

void LeadBook::AddWorkspace(const Workspace& w, const std::vector<Partition>& partitions) {
  workspaces_.push_back(w);
  partitions_.insert(partitions_.end(), partitions.begin(), partitions.end());
}

const Workspace* LeadBook::FindWorkspace(const std::string& name) const {
  for (const auto& w : workspaces_) {
    if (EqualsIgnoreCase(w.name, name)) return &w;
  }
  return nullptr;
}

const Partition* LeadBook::FindPartition(int id) const {
  for (const auto& p : partitions_) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

StaticList& LeadBook::AddList(int id, const std::string& name) {
  lists_.push_back(StaticList{id, name, {}});
  return lists_.back();
}

StaticList* LeadBook::FindList(int id) {
  for (auto& l : lists_) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

StaticList* LeadBook::FindList(const std::string& name) {
  for (auto& l : lists_) {
    if (EqualsIgnoreCase(l.name, name)) return &l;
  }
  return nullptr;
}

std::vector<int> LeadBook::ListsOf(int lead) const {
  std::vector<int> out;
  for (const auto& l : lists_) {
    if (l.members.count(lead) != 0) out.push_back(l.id);
  }
  return out;
}

}  // namespace mock
