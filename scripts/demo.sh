#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build in build/, start marketo-mock-server on a
# free loopback port, run the examples against it, print per-object results and summaries, stop
# the server. Exits non-zero if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The mock's default credentials (see `marketo-mock-server --help`); the examples read them from
# the same variables a real deployment would use.
export MARKETO_USER_ID=mockorg1_0123456789ABCDEF012345
export MARKETO_ENCRYPTION_KEY=mockEncryptionKey2026

build/src/mock_server/marketo-mock-server --port 0 --user-id "$MARKETO_USER_ID" \
  --encryption-key "$MARKETO_ENCRYPTION_KEY" --dump "$work/dump.json" --import-ms 500 \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do
  [ -s "$work/server.out" ] && break
  sleep 0.05
done
listening=$(head -n 1 "$work/server.out")
case "$listening" in
  "listening on "*) ;;
  *) echo "demo: the mock server did not start:" >&2; cat "$work/server.err" >&2; exit 1 ;;
esac
export MARKETO_SOAP_ENDPOINT=${listening#listening on }

step() { printf '\n== %s\n' "$*"; }

step "marketo-mock-server $MARKETO_SOAP_ENDPOINT (the real Marketo SOAP API was switched off on 2026-07-31)"

step "Seed sample 1: Program 1970 cost (Month 2013-06, Amount 2000, cost Id 153), UPDATE"
build/examples/program_cost_update
step "Program 1970 channel tag (Channel = Webinar), UPDATE"
build/examples/program_tag_update
step "Seed sample 2: Opportunity \"Q1 2014\", Amount 2000, Probability 80%, INSERT"
build/examples/create_opportunity
step "Seed sample 3: OpportunityPersonRole (Opportunity 64, Person 19, Influencer/Champion), INSERT"
build/examples/create_opportunity_person_role
step "describeMObject for every type listMObjects names"
build/examples/describe_and_list | head -n 20
echo "  ..."
step "getMObjects paging over all Programs (100 per page)"
build/examples/get_mobjects_paging | tail -n 3

step "mobject-sync UPSERT of examples/data/mixed_upsert.jsonl (300 Opportunities and roles)"
build/examples/mobject-sync --operation UPSERT --input examples/data/mixed_upsert.jsonl \
  --report "$work/mixed.csv"
echo "first rows of the per-object report:"
head -n 8 "$work/mixed.csv"

step "mobject-sync UPDATE of examples/data/program_costs_update.jsonl (50 Program cost lines)"
build/examples/mobject-sync --operation UPDATE --input examples/data/program_costs_update.jsonl \
  --report "$work/programs.csv"
head -n 4 "$work/programs.csv"

step "syncLead: a new lead by email, with a Munchkin cookie, created in workspace EMEA"
build/examples/sync_lead
step "getLead by email (4 seeded leads share lead1@example.com), then the first one's activity"
build/examples/lead_activity
step "marketo-bulk lead-sync of examples/data/leads_sync.jsonl (350 new leads, 50 updates by id and SFDC id)"
build/examples/marketo-bulk lead-sync --input examples/data/leads_sync.jsonl --report "$work/leads.csv"
head -n 4 "$work/leads.csv"
step "leads updated in the last 7 days, read one day per call, four days at a time"
build/examples/export_recent_leads | tail -n 3
step "marketo-bulk lead-export of static list \"Webinar Attendees Q1 2013\" to JSONL"
build/examples/marketo-bulk lead-export --list "Webinar Attendees Q1 2013" --fields Email,Company \
  --output "$work/webinar.jsonl"
head -n 2 "$work/webinar.jsonl"
step "marketo-bulk activity-export of lead 19's activity to JSONL"
build/examples/marketo-bulk activity-export --lead IDNUM:19 --output "$work/activity.jsonl"
head -n 1 "$work/activity.jsonl" | cut -c1-160
step "listOperation: add leads 8 and 9 to \"Webinar Attendees Q1 2013\", then check 8, 9 and 10"
build/examples/static_list
step "importToList: two typed rows into \"Suppression List\" (the SDK writes the CSV), then wait"
build/examples/import_to_list

step "custom objects: upsert two Cars of lead 5, read its cars back in pages of 2, delete one"
build/examples/custom_objects
step "requestCampaign: \"Webinar Registration\" for 150 leads (two calls) with a token; lead 42's activity"
build/examples/request_campaign

step "stopping the server; its counters"
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=
/usr/bin/python3 - "$work/dump.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["counters"]
print("calls per operation:", ", ".join(f"{k}={v}" for k, v in sorted(c["calls"].items())))
print("faults:", c["faults"] or "none")
print("objects stored per type:", ", ".join(f"{k}={v}" for k, v in sorted(d["object_counts"].items())))
print("activities recorded:", d["activities_total"])
EOF
echo
echo "demo: done"
