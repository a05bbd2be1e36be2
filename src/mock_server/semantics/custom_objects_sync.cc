// syncCustomObjects and deleteCustomObjects. Each record is checked against its type's field
// definitions and answered on its own (FAILED with an error text); only a bad object name or an
// oversized batch fails the call. Where Marketo's documentation is silent: "Choice:".
#include <algorithm>
#include <string>
#include <utility>

#include "semantics/custom_objects.h"
#include "semantics/marketo_fault.h"
#include "semantics/values.h"

namespace mock {
namespace {

using Role = CoField::Role;

CoOutcome Failed(std::vector<Attr> keys, std::string error) {
  return CoOutcome{std::move(keys), "FAILED", std::move(error)};
}

// "Unknown name attribute list: a, b" (the text Marketo answers, S6) for names the type lacks.
std::optional<std::string> UnknownNames(const CoType& type, const std::vector<Attr>& a,
                                        const std::vector<Attr>& b) {
  std::string names;
  for (const auto* list : {&a, &b}) {
    for (const auto& x : *list) {
      if (type.Find(x.name) == nullptr) names += (names.empty() ? "" : ", ") + x.name;
    }
  }
  if (names.empty()) return std::nullopt;
  return "Unknown name attribute list: " + names;
}

// Choice: the key list holds the dedupe fields and, as for objects of the old custom-object
// UI, optionally the link field; any other field there fails the record.
std::optional<std::string> CheckKeyList(const CoType& type, const std::vector<Attr>& keys) {
  for (const auto& k : keys) {
    if (type.Find(k.name)->role == Role::kPlain) {
      return "Field " + k.name + " is not a key field of " + type.name;
    }
  }
  for (const auto& f : type.fields) {
    if (f.role != Role::kDedupe) continue;
    const bool given = std::any_of(keys.begin(), keys.end(), [&](const Attr& k) {
      return k.name == f.name && !k.value.empty();
    });
    if (!given) return "Key field " + f.name + " is missing";
  }
  return std::nullopt;
}

std::optional<std::string> CheckValues(const CoType& type, const std::vector<Attr>& all) {
  for (const auto& a : all) {
    const CoField* f = type.Find(a.name);
    if (!a.value.empty() && !ValueFitsType(f->data_type, a.value)) {
      return "Invalid value for " + a.name + ": '" + a.value + "' is not of type " + f->data_type;
    }
  }
  return std::nullopt;
}

// Choice: a link value must name an existing lead (by id or email as the field says);
// otherwise the record fails "No lead found with MKTOID = 99999".
std::optional<std::string> CheckLink(Store& store, const CoType& type, const std::vector<Attr>& all,
                                     bool creating) {
  const CoField* link = type.LinkField();
  if (link == nullptr) return std::nullopt;
  const Attr* value = nullptr;
  for (const auto& a : all) {
    if (a.name == link->name && !a.value.empty()) value = &a;
  }
  // Choice: a new record must link to a lead; an update may leave the link as it is.
  if (value == nullptr) {
    return creating ? std::optional<std::string>("Link field " + link->name + " is required")
                    : std::nullopt;
  }
  LeadBook& leads = store.leads();
  const bool found = link->lead_field == "Id"
                         ? ParseId(value->value) && leads.Find(*ParseId(value->value)) != nullptr
                         : !leads.FindByAttr(link->lead_field, value->value).empty();
  if (found) return std::nullopt;
  return "No lead found with " + link->name + " = " + value->value;
}

// Sets the fields of `all` on the record, in the type's field order; true when one changed.
// Choice: an empty value clears the field.
bool Apply(const CoType& type, const std::vector<Attr>& all, CoRecord* r) {
  bool changed = false;
  for (const auto& a : all) {
    auto it = std::find_if(r->attrs.begin(), r->attrs.end(),
                           [&](const Attr& x) { return x.name == a.name; });
    if (it != r->attrs.end() && it->value == a.value) continue;
    if (it == r->attrs.end() && a.value.empty()) continue;
    changed = true;
    if (it != r->attrs.end()) r->attrs.erase(it);
    if (!a.value.empty()) r->attrs.push_back(a);
  }
  auto order = [&](const Attr& x) {
    return std::find_if(type.fields.begin(), type.fields.end(),
                        [&](const CoField& f) { return f.name == x.name; }) -
           type.fields.begin();
  };
  std::sort(r->attrs.begin(), r->attrs.end(),
            [&](const Attr& x, const Attr& y) { return order(x) < order(y); });
  return changed;
}

CoOutcome SyncOne(Store& store, CoTable& t, const std::string& op, const CoIn& in,
                  std::time_t now) {
  if (auto e = UnknownNames(t.type, in.keys, in.attrs)) return Failed(in.keys, *e);
  if (auto e = CheckKeyList(t.type, in.keys)) return Failed(in.keys, *e);
  std::vector<Attr> all = in.keys;
  all.insert(all.end(), in.attrs.begin(), in.attrs.end());
  if (auto e = CheckValues(t.type, all)) return Failed(in.keys, *e);
  const std::string key = CustomObjectBook::KeyText(t.type, in.keys);
  auto existing = t.by_key.find(key);
  const bool exists = existing != t.by_key.end();
  // Choice: INSERT of an existing key and UPDATE of a missing one fail the record.
  if (op == "INSERT" && exists) return Failed(in.keys, "Record already exists with " + key);
  if (op == "UPDATE" && !exists) return Failed(in.keys, "No record found with " + key);
  if (auto e = CheckLink(store, t.type, all, !exists)) return Failed(in.keys, *e);
  if (exists) {
    CoRecord& r = t.by_seq.at(existing->second);
    // Choice: an update that changes nothing answers UNCHANGED (the docs' intro names it; the
    // schema's SyncStatusEnum lacks it).
    if (!Apply(t.type, all, &r)) return CoOutcome{in.keys, "UNCHANGED", std::nullopt};
    r.updated = now;
    return CoOutcome{in.keys, "UPDATED", std::nullopt};
  }
  CoRecord r;
  r.seq = store.custom_objects().NextSeq();
  r.created = r.updated = now;
  Apply(t.type, all, &r);
  t.by_key[key] = r.seq;
  t.by_seq[r.seq] = std::move(r);
  return CoOutcome{in.keys, "CREATED", std::nullopt};
}

CoOutcome DeleteOne(CoTable& t, const std::vector<Attr>& keys) {
  if (auto e = UnknownNames(t.type, keys, {})) return Failed(keys, *e);
  if (auto e = CheckKeyList(t.type, keys)) return Failed(keys, *e);
  const std::string key = CustomObjectBook::KeyText(t.type, keys);
  auto it = t.by_key.find(key);
  // Choice: deleting a record that does not exist fails it (so a repeated delete answers
  // FAILED "No record found with ..." for records the first one deleted).
  if (it == t.by_key.end()) return Failed(keys, "No record found with " + key);
  t.by_seq.erase(it->second);
  t.by_key.erase(it);
  return CoOutcome{keys, "DELETED", std::nullopt};
}

void CheckCount(std::size_t n, const char* op) {
  // Choice: as for syncMObjects, more than 100 records is a request-level fault (20110).
  if (n > kMaxCustomObjectsPerCall) {
    throw MarketoFault(
        error_codes::kBadParameter,
        std::string(op) + " accepts at most 100 records per call, got " + std::to_string(n));
  }
}

}  // namespace

CoTable& RequireTable(Store& store, const std::string& type) {
  CoTable* t = store.custom_objects().Find(type);
  if (t == nullptr) throw MarketoFault(error_codes::kBadParameter, "Object name is not valid");
  return *t;
}

std::vector<CoOutcome> CustomObjectOps::Sync(const std::string& type,
                                             const std::optional<std::string>& operation,
                                             const std::vector<CoIn>& objects, std::time_t now) {
  CheckCount(objects.size(), "syncCustomObjects");
  // Choice: the optional operation defaults to UPSERT.
  const std::string op = operation.value_or("UPSERT");
  std::lock_guard<std::mutex> lock(store_.mutex());
  CoTable& t = RequireTable(store_, type);
  std::vector<CoOutcome> out;
  out.reserve(objects.size());
  for (const auto& o : objects) {
    out.push_back(SyncOne(store_, t, op, o, now));
    Count(out.back().status, type);
  }
  return out;
}

std::vector<CoOutcome> CustomObjectOps::Delete(const std::string& type,
                                               const std::vector<std::vector<Attr>>& keys) {
  CheckCount(keys.size(), "deleteCustomObjects");
  std::lock_guard<std::mutex> lock(store_.mutex());
  CoTable& t = RequireTable(store_, type);
  std::vector<CoOutcome> out;
  out.reserve(keys.size());
  for (const auto& k : keys) {
    out.push_back(DeleteOne(t, k));
    Count(out.back().status, type);
  }
  return out;
}

}  // namespace mock
