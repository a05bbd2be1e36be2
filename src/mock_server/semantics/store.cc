#include "semantics/store.h"

namespace mock {

const std::string* GetAttr(const Record& r, const std::string& name) {
  for (const auto& a : r.attrs) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

bool SetAttr(Record* r, const std::string& name, const std::string& value) {
  for (auto& a : r->attrs) {
    if (a.name == name) {
      if (a.value == value) return false;
      a.value = value;
      return true;
    }
  }
  r->attrs.push_back(Attr{name, value});
  return true;
}

Store::Store() { Seed(); }

std::map<int, Record>* Store::OfType(const std::string& type) {
  auto it = records_.find(type);
  return it == records_.end() ? nullptr : &it->second;
}

Record* Store::Find(const std::string& type, int id) {
  auto* recs = OfType(type);
  if (recs == nullptr) return nullptr;
  auto it = recs->find(id);
  return it == recs->end() ? nullptr : &it->second;
}

Record* Store::FindByKey(const std::string& type, const Attr& key) {
  auto* recs = OfType(type);
  if (recs == nullptr) return nullptr;
  Record* best = nullptr;
  for (auto& [id, r] : *recs) {
    const std::string* v = GetAttr(r, key.name);
    if (v != nullptr && *v == key.value && (best == nullptr || r.seq > best->seq)) best = &r;
  }
  return best;
}

Record& Store::CreateWithId(const std::string& type, int id, std::time_t when) {
  Record& r = records_[type][id];
  r.type = type;
  r.id = id;
  r.seq = next_seq_++;
  r.created = when;
  r.updated = when;
  int& next = next_id_[type];
  if (next <= id) next = id + 1;
  return r;
}

Record& Store::Create(const std::string& type, std::time_t now) {
  int& next = next_id_[type];
  if (next == 0) next = 1;
  return CreateWithId(type, next, now);
}

bool Store::Erase(const std::string& type, int id) {
  auto* recs = OfType(type);
  return recs != nullptr && recs->erase(id) > 0;
}

}  // namespace mock
