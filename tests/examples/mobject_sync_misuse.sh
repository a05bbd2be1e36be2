#!/usr/bin/env bash
# mobject-sync misused (issue 15, cases 4, 5, 7, 8, 12), all with --dry-run so no server is needed:
# a report that is the input (also through a symlink or another spelling), a missing or
# directory input, writes to /dev/full, out-of-range durations, one huge line and many invalid
# lines (peak RSS bounded).
# With MARKETO_BULK_BIN, its lead-sync is checked for the same file rules.
# Usage: mobject_sync_misuse.sh MOBJECT_SYNC_BIN [MARKETO_BULK_BIN]
set -euo pipefail
tool=$1 bulk=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# run EXPECTED_EXIT STDERR_REGEX ARGS...: runs a dry run and checks its exit status and stderr.
run() {
  local want=$1 regex=$2 rc=0
  shift 2
  "$tool" --operation INSERT --dry-run --endpoint http://127.0.0.1:9/unused "$@" \
    >"$work/out" 2>"$work/err" || rc=$?
  [ "$rc" -eq "$want" ] || { cat "$work/err"; fail "exit $rc, expected $want: $*"; }
  [ -z "$regex" ] || grep -Eq -- "$regex" "$work/err" || { cat "$work/err"; fail "stderr lacks /$regex/: $*"; }
}
in=$work/in.jsonl
printf '{"type":"Opportunity","attributes":{"Name":"a"}}\n' >"$in"
cp "$in" "$work/orig"
mkdir "$work/sub"
ln -s "$in" "$work/link.jsonl"

# The report is never the input, however it is spelled; the input is left as it was.
for report in "$in" "$work/sub/../in.jsonl" "$work/link.jsonl"; do
  run 2 "is the input file; refusing" --input "$in" --report "$report"
  cmp -s "$in" "$work/orig" || fail "input changed by --report $report"
done
run 2 "is the input file" --input - --report "$in" <"$in"
cmp -s "$in" "$work/orig" || fail "input changed through stdin"

# A missing input fails before the report is touched; a directory is not an input.
echo keep >"$work/old.csv"
run 2 "cannot read input file .*missing.jsonl: No such file" --input "$work/missing.jsonl" \
  --report "$work/old.csv"
[ "$(cat "$work/old.csv")" = keep ] || fail "report truncated for a missing input"
run 2 "is a directory" --input "$work/sub" --report "$work/old.csv"
[ "$(cat "$work/old.csv")" = keep ] || fail "report truncated for a directory input"

# --resume needs a report of this tool; it leaves any other file as it was.
run 2 "--resume needs --report" --input "$in" --resume
run 2 "has a row that is not this tool's" --input "$in" --report "$work/old.csv" --resume
[ "$(cat "$work/old.csv")" = keep ] || fail "--resume changed a file that is no report"

# Write errors are errors.
run 2 "cannot write report file /dev/full: No space left" --input "$in" --report /dev/full
rc=0
"$tool" --operation INSERT --dry-run --input "$in" >/dev/full 2>"$work/err" || rc=$?
[ "$rc" -eq 2 ] && grep -q "cannot write to stdout" "$work/err" || fail "stdout /dev/full: exit $rc"

# Durations: finite, positive, at most a day; the error names the flag.
for t in inf 1e300 nan 0 -1 90000 0.0001 5s; do
  run 2 "^mobject-sync: --timeout: .*seconds from 0.001 to 86400" --input "$in" --timeout "$t"
done
run 0 "" --input "$in" --timeout 86400

# Peak RSS of a dry run, in KiB (ru_maxrss of the child).
peak() {
  python3 -c 'import resource,subprocess,sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
    "$tool" --operation INSERT --dry-run "$@"
}
read -r _ base < <(peak --input "$in" --report "$work/base.csv")
# Under AddressSanitizer freed memory waits in a quarantine, so RSS says nothing about what the
# tool holds there: the bound is checked by the normal build; the rows are checked in both.
if ldd "$tool" | grep -q libasan; then base=$((1 << 40)); fi
limit=$((base + 16384))  # the old tool held all of either input below: 60 MB and more over base
# One 30 MB line between two good ones: rejected by length, never held.
{
  head -c 1 "$in" | tr -d '\n'
  head -c 30000000 /dev/zero | tr '\0' 'x'
  printf '\n'
} >"$work/huge.jsonl"
cat "$in" "$work/huge.jsonl" "$in" >"$work/mixed.jsonl"
read -r rc kib < <(peak --input "$work/mixed.jsonl" --report "$work/huge.csv")
[ "$rc" -eq 1 ] || fail "huge line: exit $rc"
[ "$kib" -lt "$limit" ] || fail "huge line: peak RSS ${kib} KiB, base ${base} KiB"
grep -q '^2,,,REJECTED,line longer than --max-line-bytes 1048576$' "$work/huge.csv" ||
  fail "huge line not rejected: $(cut -c1-100 "$work/huge.csv")"
[ "$(grep -c ',VALID,' "$work/huge.csv")" -eq 2 ] || fail "the lines around the huge one"
# One valid line, then 300,000 invalid ones: rows stream out, memory stays flat.
{ cat "$in"; awk 'BEGIN { for (i = 0; i < 300000; i++) print "{\"type\":" }'; } >"$work/bad.jsonl"
read -r rc kib2 < <(peak --input "$work/bad.jsonl" --report "$work/bad.csv")
[ "$rc" -eq 1 ] || fail "invalid lines: exit $rc"
[ "$kib2" -lt "$limit" ] || fail "invalid lines: peak RSS ${kib2} KiB, base ${base} KiB"
[ "$(wc -l <"$work/bad.csv")" -eq 300002 ] || fail "invalid lines: $(wc -l <"$work/bad.csv") rows"
cmp -s <(tail -n +2 "$work/bad.csv" | cut -d, -f1) <(seq 300001) || fail "rows out of order"
if [ -n "$bulk" ]; then
  leads() {
    local want=$1 regex=$2 rc=0
    shift 2
    "$bulk" lead-sync --dry-run "$@" >"$work/out" 2>"$work/err" || rc=$?
    [ "$rc" -eq "$want" ] && grep -Eq -- "$regex" "$work/err" || { cat "$work/err"; fail "lead-sync $*"; }
  }
  printf '{"email":"a@example.com"}\n' >"$work/leads.jsonl"
  cp "$work/leads.jsonl" "$work/leads.orig"
  leads 2 "is the input file" --input "$work/leads.jsonl" --report "$work/sub/../leads.jsonl"
  cmp -s "$work/leads.jsonl" "$work/leads.orig" || fail "lead-sync changed its input"
  leads 2 "No such file" --input "$work/missing.jsonl" --report "$work/old.csv"
  [ "$(cat "$work/old.csv")" = keep ] || fail "lead-sync truncated the report"
  leads 2 "is a directory" --input "$work/sub"
  leads 2 "cannot write report file /dev/full" --input "$work/leads.jsonl" --report /dev/full
fi
echo "PASS: peak RSS ${base} KiB (1 line), ${kib} KiB (30 MB line), ${kib2} KiB (300,000 invalid lines)"
