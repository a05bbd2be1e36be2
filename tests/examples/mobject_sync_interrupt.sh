#!/usr/bin/env bash
# An interrupted mobject-sync loses nothing and a --resume run doubles nothing: 3,000 INSERTs
# against a mock that answers each call after 100 ms; SIG (INT, TERM or KILL) after 3 batches.
# INT/TERM: exit 3, a complete summary, every report row well formed. KILL: the .inflight
# journal makes --resume report the batch that was on the wire as UNKNOWN instead of re-sending.
# Then: every input line has exactly one row, and the mock holds no object twice.
# Usage: mobject_sync_interrupt.sh MOCK_BIN MOBJECT_SYNC_BIN INT|TERM|KILL
set -euo pipefail
mock=$1 tool=$2 sig=$3
source "$(dirname "$0")/mock_env.sh"
start_mock "$mock" --latency-ms 100 --dump "$work/dump.json"
lines=3000
for i in $(seq $lines); do
  printf '{"type":"Opportunity","attributes":{"Name":"int-%d","Amount":"%d"}}\n' "$i" "$i"
done >"$work/in.jsonl"
run_sync() { "$tool" --operation INSERT --input "$work/in.jsonl" --report "$work/report.csv" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

# A script's background job starts with SIGINT ignored; the child needs the default back.
env --default-signal=INT,TERM "$tool" --operation INSERT --input "$work/in.jsonl" \
  --report "$work/report.csv" >"$work/out1" 2>"$work/err1" &
pid=$!
# Interrupt once three batches are reported (the whole run takes at least 3 s).
for _ in $(seq 300); do
  [ -f "$work/report.csv" ] && [ "$(wc -l <"$work/report.csv")" -gt 300 ] && break
  sleep 0.05
done
kill -"$sig" "$pid"
set +e
wait "$pid"
rc=$?
set -e
cat "$work/out1" "$work/err1"
rows=$(($(wc -l <"$work/report.csv") - 1))
if [ "$sig" = KILL ]; then
  [ "$rc" -eq 137 ] || fail "exit status $rc after SIGKILL"
  # The kill lands while a batch is on the wire unless it hits the instant between two.
  inflight=0
  [ -s "$work/report.csv.inflight" ] && inflight=$(wc -l <"$work/report.csv.inflight")
else
  [ "$rc" -eq 3 ] || fail "exit status $rc, expected 3"
  grep -Eq "^created=$rows updated=0 unchanged=0 skipped=0 deleted=0 failed=0 rejected=0$" \
    "$work/out1" || fail "summary does not count the $rows rows"
  grep -q "stopped by SIG$sig after line $rows;.*--resume" "$work/err1" || fail "no resume hint"
  [ ! -e "$work/report.csv.inflight" ] || fail "journal left after a clean stop"
fi
[ "$rows" -gt 0 ] && [ "$rows" -lt $lines ] || fail "interrupt came too late or early: $rows rows"
# Every row complete: line,type,id,status,error with a known status.
if grep -vnE '^([0-9]+,Opportunity,[0-9]+,CREATED,|line,type,id,status,error)$' \
  "$work/report.csv" | head -3 | grep .; then
  fail "malformed rows"
fi

set +e
run_sync --resume >"$work/out2" 2>"$work/err2"
rc=$?
set -e
cat "$work/out2" "$work/err2"
# UNKNOWN lines (after SIGKILL) count as not confirmed: exit 1.
[ "$rc" -eq "$(grep -q ',UNKNOWN,' "$work/report.csv" && echo 1 || echo 0)" ] ||
  fail "resume exit status $rc"
[ "$(head -1 "$work/report.csv")" = "line,type,id,status,error" ] || fail "header"
[ "$(grep -c '^line,' "$work/report.csv")" -eq 1 ] || fail "header repeated"
tail -n +2 "$work/report.csv" | cut -d, -f1 >"$work/lines"
[ "$(sort -n "$work/lines" | uniq | wc -l)" -eq $lines ] || fail "not every line reported"
[ "$(wc -l <"$work/lines")" -eq $lines ] || fail "some line reported twice"
cmp -s "$work/lines" <(seq $lines) || fail "report not in input order"
unknown=$(grep -c ',UNKNOWN,' "$work/report.csv" || true)
if [ "$sig" = KILL ]; then
  [ "$unknown" -eq "$inflight" ] || fail "$unknown UNKNOWN rows, $inflight lines were in flight"
  [ "$inflight" -gt 0 ] || echo "note: SIGKILL fell between two batches"
  [ "$unknown" -eq 0 ] || grep -q " unknown=$unknown$" "$work/out2" || fail "summary: unknown"
else
  [ "$unknown" -eq 0 ] || fail "UNKNOWN rows after a clean stop"
fi

stop_mock_keep() { kill -TERM "$mock_pid"; wait "$mock_pid" || true; mock_pid=; }
stop_mock_keep
python3 - "$work/dump.json" "$work/report.csv" <<'PY'
import collections, csv, json, sys
names = collections.Counter(o["attributes"].get("Name") for o in json.load(open(sys.argv[1]))["objects"]
                            if o["type"] == "Opportunity" and str(o["attributes"].get("Name", "")).startswith("int-"))
twice = [n for n, c in names.items() if c > 1]
assert not twice, f"created twice: {twice[:5]}"
for row in csv.DictReader(open(sys.argv[2])):
    if row["status"] == "CREATED":
        assert names["int-" + row["line"]] == 1, f"line {row['line']} CREATED but not in the mock"
print(f"PASS: {len(names)} objects in the mock, none twice")
PY
