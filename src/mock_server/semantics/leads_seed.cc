// The seeded leads: ids 1..1000 created over the 90 days after kSeedEpoch, every value derived
// from the id, so the same binary always seeds the same instance. Leads 1..30 keep what they had
// before the lead family existed (Email leadN@example.com, ExternalLeadId LEAD-00NN, names,
// company, creation time, no data changes), because OpportunityPersonRole rows name them.
// What a test can rely on is listed in src/mock_server/README.md ("Seeded data").
#include <cstdint>
#include <string>

#include "semantics/store.h"
#include "text.h"

namespace mock {
namespace {

constexpr std::time_t kDay = 86400;
constexpr std::time_t kLeadsNow = kSeedEpoch + 90 * kDay;  // the seeded history ends here
constexpr int kSeedLeads = 1000;
constexpr int kDefaultPartition = 1, kEmeaPartition = 2, kEmeaPartnersPartition = 3;
constexpr char kCookiePrefix[] = "id:123-ABC-456&token:_mch-";

// splitmix64: a stable, well-spread value per (id, salt).
std::uint64_t Mix(std::uint64_t id, std::uint64_t salt = 0) {
  std::uint64_t z = id * 0x9E3779B97F4A7C15ULL + salt * 0xBF58476D1CE4E5B9ULL + 1;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

template <typename T, std::size_t N>
const T& Pick(const T (&list)[N], std::uint64_t h) {
  return list[h % N];
}

const char* const kFirstNames[] = {
    "Maria", "James",  "Sofia", "Liam",  "Emma",  "Noah",   "Olivia", "Lucas", "Mia",
    "Ethan", "Hannah", "Jonas", "Chloe", "Mateo", "Aisha",  "Kenji",  "Priya", "Lars",
    "Elena", "Omar",   "Zoe",   "Felix", "Ines",  "Hugo",   "Yuki",   "Anika", "Diego",
    "Clara", "Ravi",   "Nora",  "Owen",  "Lea",   "Samuel", "Freya",  "Tariq", "Julia"};
const char* const kLastNames[] = {
    "Garcia", "Smith",  "Muller", "Rossi",     "Dubois",  "Jansen", "Kowalski", "Nakamura",
    "Patel",  "Olsen",  "Silva",  "Brown",     "Schmidt", "Martin", "Novak",    "Andersson",
    "Chen",   "Kumar",  "Lopez",  "Taylor",    "Fischer", "Moreau", "Bakker",   "Lindqvist",
    "Tanaka", "Okafor", "Walsh",  "Hernandez", "Bianchi", "Ivanova"};
const char* const kCompanies[] = {"Acme Corp",
                                  "Globex",
                                  "Initech",
                                  "Umbrella",
                                  "Stark Industries",
                                  "Wayne Enterprises",
                                  "Hooli",
                                  "Soylent",
                                  "Cyberdyne",
                                  "Vandelay Industries",
                                  "Massive Dynamic",
                                  "Tyrell Corp",
                                  "Wonka Industries",
                                  "Oscorp",
                                  "Aperture Science",
                                  "Pied Piper",
                                  "Dunder Mifflin",
                                  "Gringotts",
                                  "Nakatomi Trading",
                                  "Blue Sun"};
const char* const kTitles[] = {
    "Marketing Manager", "VP Marketing",       "CMO",        "Demand Generation Lead",
    "Sales Director",    "Account Executive",  "IT Manager", "CTO",
    "Product Manager",   "Operations Analyst", "Founder",    "Procurement Lead"};
const char* const kIndustries[] = {"Software", "Manufacturing", "Healthcare", "Financial Services",
                                   "Retail",   "Education",     "Media"};
const char* const kSources[] = {"Website",  "Webinar", "Trade Show", "Paid Search",
                                "Referral", "Partner", "List Import"};
const char* const kStatuses[] = {"Open", "Contacted", "Qualified", "Unqualified", "Nurture"};

struct Place {
  const char* city;
  const char* country;
  const char* dial;
  bool emea;
};
const Place kPlaces[] = {{"San Francisco", "United States", "+1 415", false},
                         {"New York", "United States", "+1 212", false},
                         {"Chicago", "United States", "+1 312", false},
                         {"Austin", "United States", "+1 512", false},
                         {"Toronto", "Canada", "+1 416", false},
                         {"London", "United Kingdom", "+44 20", true},
                         {"Manchester", "United Kingdom", "+44 161", true},
                         {"Berlin", "Germany", "+49 30", true},
                         {"Munich", "Germany", "+49 89", true},
                         {"Paris", "France", "+33 1", true},
                         {"Amsterdam", "Netherlands", "+31 20", true},
                         {"Madrid", "Spain", "+34 91", true},
                         {"Zürich", "Switzerland", "+41 44", true},
                         {"Stockholm", "Sweden", "+46 8", true},
                         {"Sydney", "Australia", "+61 2", false},
                         {"Singapore", "Singapore", "+65 6", false},
                         {"Tokyo", "Japan", "+81 3", false},
                         {"Mexico City", "Mexico", "+52 55", false}};

const char* const kPages[] = {"www.example.com/pricing", "www.example.com/product/analytics",
                              "www.example.com/blog/marketing-automation",
                              "www.example.com/customers", "www.example.com/webinars"};
const char* const kMailings[] = {"Newsletter January 2013", "Newsletter February 2013",
                                 "Webinar Invitation Q1", "Product Update March 2013"};

// Leads known only by a cookie: no email, no name, no CRM id.
bool Anonymous(int id) { return id % 50 == 37; }

std::string Slug(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::time_t CreatedAt(int id) {
  if (id <= 30) return kSeedEpoch + static_cast<std::time_t>(id) * 120;  // as before
  constexpr std::time_t kStep = (90 * kDay - 7200) / (kSeedLeads - 30);
  return kSeedEpoch + 3600 + (id - 31) * kStep + static_cast<std::time_t>(Mix(id, 1) % kStep);
}

const Place& PlaceOf(int id) { return Pick(kPlaces, Mix(id, 2)); }

int PartitionFor(int id) {
  if (!PlaceOf(id).emea) return kDefaultPartition;
  return id % 4 == 0 ? kEmeaPartnersPartition : kEmeaPartition;
}

// Leads 101, 202, ... 909 reuse the email of lead 1, 2 or 3: getLead by EMAIL finds several.
std::string EmailOf(int id, const std::string& first, const std::string& last,
                    const std::string& company) {
  if (id <= 30) return "lead" + std::to_string(id) + "@example.com";
  if (id % 101 == 0) return "lead" + std::to_string((id / 101 - 1) % 3 + 1) + "@example.com";
  return Slug(first) + "." + Slug(last) + std::to_string(id) + "@" + Slug(company) + ".example.com";
}

// Name, email, company and the other person fields.
void SeedPerson(LeadBook& book, Record* lead) {
  const int id = lead->id;
  const Place& place = PlaceOf(id);
  if (!Anonymous(id)) {
    const char* const kOldFirst[] = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald"};
    const std::string first = id <= 30 ? kOldFirst[id % 6] : Pick(kFirstNames, Mix(id, 3));
    const std::string last =
        id <= 30 ? "Person" + std::to_string(id) : Pick(kLastNames, Mix(id, 4));
    const std::string company = id <= 30 ? kSeedCompanies[id % 5] : Pick(kCompanies, Mix(id, 5));
    book.Set(lead, kEmail, EmailOf(id, first, last, company));
    book.Set(lead, "FirstName", first);
    book.Set(lead, "LastName", last);
    book.Set(lead, "Company", company);
    book.Set(lead, "ExternalLeadId", "LEAD-" + ZeroPad(id, 4));
    book.Set(lead, "Title", Pick(kTitles, Mix(id, 6)));
    book.Set(lead, "Industry", Pick(kIndustries, Mix(id, 7)));
    book.Set(
        lead, "Phone",
        std::string(place.dial) + " 555 " + ZeroPad(static_cast<long long>(Mix(id, 8) % 10000), 4));
    book.Set(lead, "Website", "www." + Slug(company) + ".example.com");
    book.Set(lead, "NumberOfEmployees", std::to_string(10 * (1 + Mix(id, 9) % 500)));
    book.Set(lead, "Unsubscribed", id % 17 == 0 ? "true" : "false");
  }
  book.Set(lead, "City", place.city);
  book.Set(lead, "Country", place.country);
  book.Set(lead, "LeadSource", Anonymous(id) ? "Website" : Pick(kSources, Mix(id, 10)));
}

// Foreign system ids, CRM ids and cookies.
void SeedKeys(LeadBook& book, Record* lead) {
  const int id = lead->id;
  if (!Anonymous(id) && id % 5 == 2) {
    const bool contact = id % 10 == 7;
    const std::string crm_id = (contact ? "0033000000" : "00Q3000000") + ZeroPad(id, 5);
    book.Set(lead, kForeignId, crm_id);
    book.Set(lead, kForeignType, "SFDC");
    book.Set(lead, contact ? "SFDCContactId" : "SFDCLeadId", crm_id);
    if (contact) book.Set(lead, "SFDCOpptyId", "0063000000" + ZeroPad(id, 5));
    const int owner = 1 + id % 8;
    book.Set(lead, "SFDCLeadOwnerId", "0053000000" + ZeroPad(owner, 5));
    book.Set(lead, "LeadOwnerEmail", "owner" + std::to_string(owner) + "@sales.example.com");
    book.Set(lead, "SFDCAccountId",
             "0013000000" + ZeroPad(static_cast<long long>(1 + Mix(id, 5) % 20), 5));
  } else if (!Anonymous(id) && id % 7 == 3) {
    book.Set(lead, kForeignId, "CRM-" + ZeroPad(id, 6));
    book.Set(lead, kForeignType, "CUSTOM");
  } else if (!Anonymous(id) && id % 11 == 4) {
    book.Set(lead, kForeignId, "NS-" + ZeroPad(id, 6));
    book.Set(lead, kForeignType, "NETSUITE");
  }
  const std::string ms = std::to_string(lead->created) + "000-" + ZeroPad(id, 5);
  if (Anonymous(id) || id % 3 == 0) book.AttachCookie(id, kCookiePrefix + ("example.com-" + ms));
  if (id % 9 == 0) book.AttachCookie(id, kCookiePrefix + ("www.example.com-" + ms));
}

Activity Make(int lead, std::time_t at, const char* type, std::string asset,
              std::vector<Attr> attrs, std::string campaign = "") {
  return Activity{0, lead, at, type, std::move(asset), std::move(attrs), std::move(campaign)};
}

// One engagement activity (web, email, form) of kind k.
Activity Engagement(int id, std::time_t at, std::uint64_t k) {
  const std::string mailing = Pick(kMailings, k / 7);
  const std::string mailing_id = std::to_string(2001 + k / 7 % 4);
  switch (k % 6) {
    case 0:
      return Make(id, at, "Open Email", mailing,
                  {{"Mailing ID", mailing_id}, {"Device", "Desktop"}}, "Newsletter Program.Send");
    case 1:
      return Make(id, at, "Click Email", mailing,
                  {{"Mailing ID", mailing_id}, {"Link", "http://" + std::string(Pick(kPages, k))}},
                  "Newsletter Program.Send");
    case 2:
      return Make(id, at, "Email Delivered", mailing, {{"Mailing ID", mailing_id}},
                  "Newsletter Program.Send");
    case 3:
      return Make(id, at, "Fill Out Form", "Contact Us Form",
                  {{"Webpage ID", "1002"}, {"Form Fields", "FirstName, LastName, Email, Company"}});
    case 4:
      return Make(id, at, "Click Link", Pick(kPages, k),
                  {{"Link ID", std::to_string(300 + k % 9)}});
    default:
      break;
  }
  const std::string page = Pick(kPages, k / 6);
  return Make(id, at, "Visit Webpage", page,
              {{"Webpage URL", page.substr(page.find('/'))},
               {"Client IP Address", "203.0.113." + std::to_string(id % 250)}});
}

// New Lead, then engagement and (from lead 31 on, not for anonymous leads) LeadStatus and
// LeadScore changes; sets the final status, score and updatedAt.
std::vector<Activity> SeedHistory(LeadBook& book, Record* lead) {
  const int id = lead->id;
  const bool changes = id > 30 && !Anonymous(id);
  const std::string source = Anonymous(id) ? "Web page visit" : "Web form fillout";
  std::vector<Activity> out = {Make(id, lead->created, kNewLead, "", {{"Source Type", source}})};
  std::size_t status = Mix(id, 11) % 5;
  int score = static_cast<int>(Mix(id, 12) % 40);
  std::time_t updated = lead->created;
  const int n = 2 + static_cast<int>(Mix(id, 13) % 4);
  for (int j = 0; j < n; ++j) {
    const std::time_t at = lead->created + (kLeadsNow - lead->created) * (j + 1) / (n + 2);
    const std::uint64_t k = Mix(id, 20 + j);
    if (changes && k % 5 == 0) {
      const std::size_t next = (status + 1 + k / 5 % 4) % 5;
      out.push_back(Make(id, at, kChangeDataValue, "LeadStatus",
                         {{"Attribute Name", "LeadStatus"},
                          {"Old Value", kStatuses[status]},
                          {"New Value", kStatuses[next]},
                          {"Reason", "Lead status rule"}}));
      status = next;
      updated = at;
    } else if (changes && k % 5 == 1) {
      const int delta = 5 * static_cast<int>(1 + k / 5 % 3);
      out.push_back(Make(id, at, "Change Score", "LeadScore",
                         {{"Change Value", "+" + std::to_string(delta)},
                          {"Old Value", std::to_string(score)},
                          {"New Value", std::to_string(score + delta)}},
                         "Scoring.Engagement"));
      score += delta;
      updated = at;
    } else {
      out.push_back(Engagement(id, at, Anonymous(id) ? 5 + 6 * k : k));
    }
  }
  if (!Anonymous(id)) book.Set(lead, "LeadStatus", kStatuses[status]);
  book.Set(lead, "LeadScore", std::to_string(score));
  book.Touch(lead, updated);
  return out;
}

void SeedWorkspaces(LeadBook& book) {
  book.AddWorkspace(Workspace{1, "Default", kDefaultPartition},
                    {Partition{kDefaultPartition, "Default", 1}});
  book.AddWorkspace(Workspace{2, "EMEA", kEmeaPartition},
                    {Partition{kEmeaPartition, "EMEA", 2},
                     Partition{kEmeaPartnersPartition, "EMEA Partners", 2}});
}

// Static lists 1..6 (6 stays empty); each membership has its "Add to List" activity.
void SeedLists(LeadBook& book, std::vector<Activity>* history) {
  struct Seeded {
    int id;
    const char* name;
    bool (*member)(int lead, int partition);
  };
  const Seeded kLists[] = {
      {1, "Newsletter Subscribers", [](int l, int) { return l % 3 == 1; }},
      {2, "Webinar Attendees Q1 2013", [](int l, int) { return l % 7 == 0; }},
      {3, "Trade Show Leads", [](int l, int) { return l % 11 == 5; }},
      {4, "Customers", [](int l, int) { return l % 13 == 0; }},
      {5, "EMEA Prospects", [](int, int p) { return p != kDefaultPartition; }},
      {6, "Suppression List", [](int, int) { return false; }},
  };
  for (const auto& s : kLists) {
    StaticList& list = book.AddList(s.id, s.name);
    for (const auto& [id, lead] : book.all()) {
      if (Anonymous(id) || !s.member(id, book.PartitionOf(id))) continue;
      list.members.insert(id);
      history->push_back(Make(id, lead.created + 600 + std::time_t{60} * s.id, kAddToList, s.name,
                              {{"List ID", std::to_string(s.id)}}, "List Import.Add"));
    }
  }
}

}  // namespace

void Store::SeedLeads() {
  SeedWorkspaces(leads_);
  std::vector<Activity> history;
  for (int id = 1; id <= kSeedLeads; ++id) {
    Record& lead = leads_.CreateWithId(id, CreatedAt(id), PartitionFor(id));
    SeedPerson(leads_, &lead);
    SeedKeys(leads_, &lead);
    for (auto& a : SeedHistory(leads_, &lead)) history.push_back(std::move(a));
  }
  SeedLists(leads_, &history);
  activities_.Seed(std::move(history));
}

}  // namespace mock
