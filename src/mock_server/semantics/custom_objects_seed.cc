// The two custom object types and their seeded records. "Car" links to a lead by its id
// (MKTOID, old custom-object UI: the link field may go in the key list) with dedupe key VIN;
// "Subscription" links by the lead's email (LeadEmail) with dedupe key SubscriptionId.
#include <string>
#include <utility>

#include "semantics/custom_object_book.h"
#include "semantics/custom_objects.h"
#include "text.h"

namespace mock {
namespace {

using Role = CoField::Role;

CoType CarType() {
  return CoType{"Car",
                "A lead's car",
                {{"MKTOID", "integer", Role::kLink, "Id"},
                 {"VIN", "string", Role::kDedupe, ""},
                 {"Make", "string", Role::kPlain, ""},
                 {"Model", "string", Role::kPlain, ""},
                 {"Year", "integer", Role::kPlain, ""},
                 {"Color", "string", Role::kPlain, ""},
                 {"PurchaseDate", "date", Role::kPlain, ""}}};
}

CoType SubscriptionType() {
  return CoType{"Subscription",
                "A lead's product subscription",
                {{"SubscriptionId", "string", Role::kDedupe, ""},
                 {"LeadEmail", "string", Role::kLink, "Email"},
                 {"Plan", "string", Role::kPlain, ""},
                 {"Seats", "integer", Role::kPlain, ""},
                 {"Active", "boolean", Role::kPlain, ""},
                 {"StartDate", "date", Role::kPlain, ""}}};
}

constexpr const char* kMakes[] = {"Honda", "Toyota", "Ford", "Volvo", "Tesla"};
constexpr const char* kModels[] = {"Accord", "Corolla", "Focus", "XC60", "Model 3"};
constexpr const char* kColors[] = {"Red", "Blue", "Black", "White", "Silver"};
constexpr const char* kPlans[] = {"Basic", "Pro", "Enterprise"};

void Add(CoTable& t, CustomObjectBook& book, std::vector<Attr> attrs, std::time_t when) {
  CoRecord r;
  r.seq = book.NextSeq();
  r.attrs = std::move(attrs);
  r.created = r.updated = when;
  t.by_key[CustomObjectBook::KeyText(t.type, r.attrs)] = r.seq;
  t.by_seq[r.seq] = std::move(r);
}

// 40 cars of leads 1..20 (two each), VIN "SEEDVIN00001"...
void SeedCars(CoTable& t, CustomObjectBook& book) {
  for (int i = 1; i <= 40; ++i) {
    const int k = i % 5;
    Add(t, book,
        {{"MKTOID", std::to_string((i + 1) / 2)},
         {"VIN", "SEEDVIN" + ZeroPad(i, 5)},
         {"Make", kMakes[k]},
         {"Model", kModels[k]},
         {"Year", std::to_string(2005 + i % 9)},
         {"Color", kColors[(i / 5) % 5]},
         {"PurchaseDate", "2012-" + ZeroPad(1 + i % 12, 2) + "-15"}},
        kSeedEpoch - 86400L * (41 - i));
  }
}

// 12 subscriptions of the leads 1..12, by their email.
void SeedSubscriptions(CoTable& t, CustomObjectBook& book, LeadBook& leads) {
  for (int i = 1; i <= 12; ++i) {
    const Record* lead = leads.Find(i);
    const std::string* email = lead != nullptr ? GetAttr(*lead, kEmail) : nullptr;
    if (email == nullptr) continue;
    Add(t, book,
        {{"SubscriptionId", "SUB-" + ZeroPad(i, 4)},
         {"LeadEmail", *email},
         {"Plan", kPlans[i % 3]},
         {"Seats", std::to_string(i * 5)},
         {"Active", i % 4 == 0 ? "false" : "true"},
         {"StartDate", "2012-" + ZeroPad(1 + i % 12, 2) + "-01"}},
        kSeedEpoch - 86400L * (13 - i));
  }
}

}  // namespace

const CoField* CoType::Find(const std::string& field) const {
  for (const auto& f : fields) {
    if (f.name == field) return &f;
  }
  return nullptr;
}

const CoField* CoType::LinkField() const {
  for (const auto& f : fields) {
    if (f.role == Role::kLink) return &f;
  }
  return nullptr;
}

CustomObjectBook::CustomObjectBook() {
  for (CoType t : {CarType(), SubscriptionType()}) {
    const std::string name = t.name;
    tables_[name].type = std::move(t);
  }
}

CoTable* CustomObjectBook::Find(const std::string& type) {
  auto it = tables_.find(type);
  return it != tables_.end() ? &it->second : nullptr;
}

std::string CustomObjectBook::KeyText(const CoType& type, const std::vector<Attr>& attrs) {
  std::string out;
  for (const auto& f : type.fields) {
    if (f.role != Role::kDedupe) continue;
    const Attr* a = nullptr;
    for (const auto& x : attrs) {
      if (x.name == f.name) a = &x;
    }
    if (a == nullptr || a->value.empty()) return "";
    out += (out.empty() ? "" : ", ") + f.name + " = " + a->value;
  }
  return out;
}

CustomObjectOps::CustomObjectOps(Store& store, Stats& stats) : store_(store), stats_(stats) {
  std::lock_guard<std::mutex> lock(store_.mutex());
  CustomObjectBook& book = store_.custom_objects();
  SeedCars(*book.Find("Car"), book);
  SeedSubscriptions(*book.Find("Subscription"), book, store_.leads());
}

}  // namespace mock
