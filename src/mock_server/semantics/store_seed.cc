// The seeded instance. It makes the syncMObjects samples of Marketo's documentation ("the doc
// sample" below) succeed unchanged (Program 1970 with cost line 153, Opportunity 64, lead 19) and
// gives getMObjects enough Programs (251) that paging crosses two page boundaries.
#include <string>

#include "semantics/store.h"
#include "text.h"

namespace mock {
namespace {

const char* const kChannels[] = {
    "Webinar", "Blog", "Tradeshow", "Email", "Content Syndication", "Online Advertising", "Event"};
const char* const kStages[] = {"Prospecting", "Qualification", "Proposal", "Negotiation",
                               "Closed Won"};

}  // namespace

void Store::Seed() {
  SeedTagTypes();
  SeedPrograms();
  SeedDocSampleProgram();
  SeedCompanies();
  SeedLeads();
  SeedOpportunities();
  SeedRoles();
  SeedCampaigns();
  // Ids Marketo would assign next: clearly apart from the seeded ones.
  next_id_["Opportunity"] = 1001;
  next_id_["OpportunityPersonRole"] = 101;
  next_id_["Lead"] = 1001;
  next_id_["Company"] = 101;
}

void Store::SeedTagTypes() {
  tag_types_["Channel"] = std::vector<std::string>(std::begin(kChannels), std::end(kChannels));
  tag_types_["Region"] = {"Americas", "EMEA", "APAC"};
  tag_types_["Product Line"] = {"Core", "Analytics", "Services"};
}

// Programs 1001..1250, every 25th archived, events every 4th.
void Store::SeedPrograms() {
  for (int id = 1001; id <= 1250; ++id) {
    Record& p = CreateWithId("Program", id, kSeedEpoch + static_cast<std::time_t>(id) * 3600);
    const bool event = id % 4 == 0;
    const std::string name = (event ? "Event " : "Program ") + std::to_string(id);
    SetAttr(&p, "Name", name);
    SetAttr(&p, "Description", "Seeded program " + std::to_string(id));
    SetAttr(&p, "Type", event ? "Marketing Event" : "Marketing Program");
    SetAttr(&p, "Workspace Id", id % 10 == 0 ? "2" : "1");
    SetAttr(&p, "Workspace Name", id % 10 == 0 ? "EMEA" : "Default");
    SetAttr(
        &p, "Tree Path",
        std::string("/Marketing Activities/") + (id % 10 == 0 ? "EMEA" : "Default") + "/" + name);
    SetAttr(&p, "Is Archived", id % 25 == 0 ? "true" : "false");
    if (event) {
      const std::string day = "2013-" + ZeroPad(1 + id % 12, 2) + "-" + ZeroPad(1 + id % 28, 2);
      SetAttr(&p, "Start Date", day + " 09:00:00");
      SetAttr(&p, "End Date", day + " 17:00:00");
    }
    p.tags.push_back(Tag{"Channel", kChannels[id % 7]});
    if (id % 3 == 0) p.tags.push_back(Tag{"Region", tag_types_["Region"][id % 3]});
    if (id % 5 == 0) {
      p.costs.push_back(Cost{NextCostId(), "2013-" + ZeroPad(1 + id % 12, 2) + "-01",
                             std::to_string(100 * (id % 17 + 1)), ""});
    }
  }
}

// The doc sample's Program: channel Webinar, cost line 153 for 2013-06 (the sample updates its
// amount from 1500 to 2000, so the first call answers UPDATED like the doc).
void Store::SeedDocSampleProgram() {
  Record& p = CreateWithId("Program", 1970, kSeedEpoch + std::time_t{86400} * 120);
  SetAttr(&p, "Name", "Q3 Webinar Series");
  SetAttr(&p, "Description", "Webinar program of the syncMObjects doc sample");
  SetAttr(&p, "Type", "Marketing Program");
  SetAttr(&p, "Workspace Id", "1");
  SetAttr(&p, "Workspace Name", "Default");
  SetAttr(&p, "Tree Path", "/Marketing Activities/Default/Webinars/Q3 Webinar Series");
  SetAttr(&p, "Is Archived", "false");
  p.tags.push_back(Tag{"Channel", "Webinar"});
  p.costs.push_back(Cost{153, "2013-06-01", "1500", "Initial estimate"});
}

// Companies with a custom key field.
void Store::SeedCompanies() {
  for (int id = 1; id <= 5; ++id) {
    Record& c = CreateWithId("Company", id, kSeedEpoch + static_cast<std::time_t>(id) * 60);
    SetAttr(&c, "Company", kSeedCompanies[id - 1]);
    SetAttr(&c, "ExternalCompanyId", "COMP-" + ZeroPad(id, 3));
    SetAttr(&c, "Industry", id % 2 ? "Manufacturing" : "Software");
  }
}

// Opportunities 50..79 (64 is the doc sample's OpportunityId).
void Store::SeedOpportunities() {
  for (int id = 50; id <= 79; ++id) {
    Record& o = CreateWithId("Opportunity", id, kSeedEpoch + static_cast<std::time_t>(id) * 7200);
    SetAttr(&o, "Name", std::string(kSeedCompanies[id % 5]) + " deal " + std::to_string(id));
    SetAttr(&o, "Amount", std::to_string(1000 * (id % 9 + 1)));
    SetAttr(&o, "Stage", kStages[id % 5]);
    SetAttr(&o, "Type", id % 2 ? "New Business" : "Renewal");
    SetAttr(&o, "CloseDate", "2013-" + ZeroPad(1 + id % 12, 2) + "-28");
    SetAttr(&o, "IsClosed", id % 5 == 4 ? "true" : "false");
    SetAttr(&o, "IsWon", id % 5 == 4 ? "true" : "false");
    SetAttr(&o, "ExternalOpportunityId", "OPP-" + ZeroPad(id, 4));
    o.company_id = 1 + id % 5;
  }
}

// A few roles, none of them for (64, 19) so the doc sample's INSERT is a clean CREATED.
void Store::SeedRoles() {
  const char* const roles[] = {"Decision Maker", "Economic Buyer", "Technical Buyer",
                               "Influencer/Champion", "Evaluator"};
  for (int id = 1; id <= 5; ++id) {
    Record& r =
        CreateWithId("OpportunityPersonRole", id, kSeedEpoch + static_cast<std::time_t>(id) * 300);
    SetAttr(&r, "OpportunityId", std::to_string(49 + id));
    SetAttr(&r, "PersonId", std::to_string(id));
    SetAttr(&r, "Role", roles[id - 1]);
    SetAttr(&r, "IsPrimary", id == 1 ? "true" : "false");
    SetAttr(&r, "ExternalRoleId", "ROLE-" + ZeroPad(id, 4));
  }
}

}  // namespace mock
