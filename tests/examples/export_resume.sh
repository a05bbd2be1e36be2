#!/usr/bin/env bash
# An export that stops part way resumes exactly: the mock fails the 3rd page once, the run exits 2
# and prints a --resume token, and a second run with it writes the rest. Together the two files
# hold every member of the list once, in the order one uninterrupted run writes them.
# Usage: export_resume.sh MOCK_BIN MARKETO_BULK_BIN
set -euo pipefail
mock=$1 bulk=$2
source "$(dirname "$0")/mock_env.sh"
start_mock "$mock" --fault "every=3:code=20011:op=getMultipleLeads:count=1"

export_list() {
  "$bulk" lead-export --list "Webinar Attendees Q1 2013" --batch-size 20 --retries 0 "$@"
}
set +e
export_list --output "$work/part1.jsonl" 2>"$work/part1.err"
rc=$?
set -e
cat "$work/part1.err"
[ "$rc" -eq 2 ] || { echo "FAIL: first run exit status $rc, expected 2"; exit 1; }
token=$(sed -n 's/.*resume after the last line with --resume \([^ ]*\)$/\1/p' "$work/part1.err")
[ -n "$token" ] || { echo "FAIL: no resume token"; exit 1; }
[ "$(wc -l <"$work/part1.jsonl")" -eq 40 ] || { echo "FAIL: first run wrote $(wc -l <"$work/part1.jsonl") lines, expected 40"; exit 1; }

export_list --resume "$token" --output "$work/part2.jsonl"
export_list --output "$work/whole.jsonl"  # the fault has fired; this one runs through
cat "$work/part1.jsonl" "$work/part2.jsonl" >"$work/joined.jsonl"
if ! cmp -s "$work/joined.jsonl" "$work/whole.jsonl"; then
  echo "FAIL: the resumed export differs from an uninterrupted one"
  diff <(cut -c1-60 "$work/joined.jsonl") <(cut -c1-60 "$work/whole.jsonl") | head
  exit 1
fi
echo "PASS: $(wc -l <"$work/part1.jsonl") + $(wc -l <"$work/part2.jsonl") lines = $(wc -l <"$work/whole.jsonl")"
