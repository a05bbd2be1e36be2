#!/usr/bin/env python3
"""Writes the demo's JSONL inputs (deterministic). Ids refer to objects the mock server seeds:
Opportunity 50-79, lead 1-1000 (SFDC lead id 00Q3000000NNNNN for id % 5 == 2), Company 1-5 (custom key ExternalCompanyId = COMP-001..COMP-005), Program 1001-1250."""
import json
import random

rng = random.Random(2026)
stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
roles = ["Influencer/Champion", "Decision Maker", "Economic Buyer", "Evaluator", "Executive Sponsor"]

mixed = []
for i in range(150):  # new opportunities, associated to a company by id or by external key
    assoc = ({"type": "Company", "id": str(rng.randint(1, 5))} if i % 2 == 0 else
             {"type": "Company", "externalKey": {"name": "ExternalCompanyId",
                                                 "value": f"COMP-{rng.randint(1, 5):03d}"}})
    mixed.append({"type": "Opportunity",
                  "attributes": {"Name": f"Demo deal {i + 1}", "Amount": str(rng.randint(5, 500) * 100),
                                 "Stage": rng.choice(stages), "Probability": f"{rng.randint(1, 9) * 10}%"},
                  "associations": [assoc]})
for opp in range(50, 80):  # updates of existing opportunities by id
    mixed.append({"type": "Opportunity", "id": str(opp),
                  "attributes": {"Stage": rng.choice(stages), "NextStep": "Follow-up call"}})
for i in range(120):  # new roles linking existing opportunities and leads
    mixed.append({"type": "OpportunityPersonRole",
                  "attributes": {"OpportunityId": str(rng.randint(50, 79)), "PersonId": str(rng.randint(1, 30)),
                                 "Role": rng.choice(roles), "IsPrimary": "false"}})
rng.shuffle(mixed)
with open("mixed_upsert.jsonl", "w") as f:
    f.writelines(json.dumps(o, separators=(",", ":")) + "\n" for o in mixed)

programs = []
for pid in range(1001, 1051):
    programs.append({"type": "Program", "id": str(pid),
                     "typeAttributes": [{"attrType": "Cost", "attributes": {
                         "Month": f"2026-{rng.randint(1, 12):02d}", "Amount": str(rng.randint(1, 50) * 100),
                         "Note": "demo budget"}}]})
with open("program_costs_update.jsonl", "w") as f:
    f.writelines(json.dumps(o, separators=(",", ":")) + "\n" for o in programs)

first = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Niklaus"]
last = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Wirth"]
titles = ["Engineer", "Director", "VP Marketing", "Analyst", "CTO"]
leads = []
for i in range(350):  # new leads, matched (and de-duplicated) by email
    leads.append({"email": f"demo.lead{i + 1}@example.com",
                  "attributes": {"FirstName": rng.choice(first), "LastName": rng.choice(last),
                                 "Company": f"Demo Co {rng.randint(1, 40)}", "Title": rng.choice(titles)}})
for lead_id in range(1, 31):  # updates of seeded leads by id
    leads.append({"id": lead_id, "attributes": {"Title": rng.choice(titles), "LeadScore": str(rng.randint(1, 99))}})
for lead_id in range(2, 200, 10):  # updates by the SFDC lead id the mock seeds
    leads.append({"foreignSysPersonId": f"00Q3000000{lead_id:05d}", "foreignSysType": "SFDC",
                  "attributes": {"Phone": f"+1 555 01{lead_id:02d}"}})
rng.shuffle(leads)
with open("leads_sync.jsonl", "w") as f:
    f.writelines(json.dumps(o, separators=(",", ":")) + "\n" for o in leads)
