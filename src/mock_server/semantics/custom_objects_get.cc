// getCustomObjects: the records of one type, optionally narrowed by a key list, in creation
// order, paged with a stream token bound to the query (so a token of another query, or a
// garbled one, is the 20122 fault). Where Marketo's documentation is silent: "Choice:".
#include <algorithm>
#include <string>

#include "semantics/custom_objects.h"
#include "semantics/leads_common.h"
#include "semantics/marketo_fault.h"
#include "semantics/values.h"
#include "text.h"

namespace mock {
namespace {

constexpr char kTokenKind[] = "co";

std::string QueryHash(const CoQuery& q) {
  std::string text = q.type + "|";
  for (const auto& k : q.key) text += k.name + "=" + k.value + ";";
  text += "|";
  for (const auto& n : q.include) text += n + ";";
  return HashHex(text);
}

// Choice: the key list may name the dedupe and link fields only; anything else is 20110.
void CheckQuery(const CoType& type, const CoQuery& q) {
  for (const auto& k : q.key) {
    const CoField* f = type.Find(k.name);
    if (f == nullptr || f->role == CoField::Role::kPlain) {
      throw MarketoFault(error_codes::kBadParameter,
                         "customObjKeyList: " + k.name + " is not a key field of " + type.name);
    }
  }
  for (const auto& n : q.include) {
    if (type.Find(n) == nullptr) {
      throw MarketoFault(error_codes::kBadParameter, "Unknown name attribute list: " + n);
    }
  }
}

bool Matches(const CoRecord& r, const std::vector<Attr>& key) {
  return std::all_of(key.begin(), key.end(), [&](const Attr& k) {
    return std::any_of(r.attrs.begin(), r.attrs.end(), [&](const Attr& a) {
      // Choice: values match case-insensitively (so emails match as the lead book does).
      return a.name == k.name && EqualsIgnoreCase(a.value, k.value);
    });
  });
}

// Choice: records come back with the dedupe fields in customObjKeyList and every other field
// (the link field too) in customObjAttributeList; includeAttributes narrows only the latter.
CoIn ToOut(const CoType& type, const CoRecord& r, const std::vector<std::string>& include) {
  CoIn out;
  for (const auto& a : r.attrs) {
    if (type.Find(a.name)->role == CoField::Role::kDedupe) {
      out.keys.push_back(a);
    } else if (include.empty() ||
               std::find(include.begin(), include.end(), a.name) != include.end()) {
      out.attrs.push_back(a);
    }
  }
  return out;
}

}  // namespace

CoPage CustomObjectOps::Get(const CoQuery& q) {
  const int batch = BatchSize(q.batch_size, kMaxCustomObjectBatch, kMaxCustomObjectBatch);
  std::lock_guard<std::mutex> lock(store_.mutex());
  CoTable& t = RequireTable(store_, q.type);
  CheckQuery(t.type, q);
  const std::string hash = QueryHash(q);
  std::uint64_t after = 0;
  if (!q.stream_position.empty()) {
    const auto f = ParseStreamToken(q.stream_position, kTokenKind, 1, hash);
    const auto seq = TokenNumber(f[0]);
    if (!seq || *seq < 0) {
      throw MarketoFault(error_codes::kBadStreamPosition, "Invalid stream position");
    }
    after = static_cast<std::uint64_t>(*seq);
  }
  CoPage page;
  page.type = t.type.name;
  std::uint64_t last = after;
  for (auto it = t.by_seq.upper_bound(after); it != t.by_seq.end(); ++it) {
    if (!Matches(it->second, q.key)) continue;
    if (static_cast<int>(page.objects.size()) < batch) {
      page.objects.push_back(ToOut(t.type, it->second, q.include));
      last = it->first;
    } else {
      ++page.remaining;
    }
  }
  // Choice: the last page answers an empty newStreamPosition (the element is required).
  if (page.remaining > 0) {
    page.new_stream_position = MakeStreamToken(kTokenKind, {std::to_string(last)}, hash);
  }
  return page;
}

}  // namespace mock
