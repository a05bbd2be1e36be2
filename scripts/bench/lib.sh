# Sourced by scripts/bench.sh: helpers shared by the workloads (mocks, medians, ratios, verdicts).
# shellcheck shell=bash

# start_mock NAME ARGS...: starts a mock, sets $url
start_mock() {
  local name=$1; shift
  "$mock_bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  mock_pids+=($!)
  for _ in $(seq 100); do
    url=$(sed -n 's/^listening on //p' "$tmp/$name.out" | head -1)
    [ -n "$url" ] && return 0
    sleep 0.05
  done
  echo "bench: mock $name did not start: $(cat "$tmp/$name.err")" >&2; exit 1
}

kv() { tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print 0; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
fmt_int() { awk -v x="$1" 'BEGIN {s = sprintf("%.0f", x); n = length(s); o = ""; for (i = 1; i <= n; i++) {o = o substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) o = o ","} print o}'; }
check() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {ok = (op == ">=") ? v >= t : v <= t; print ok ? "met" : "**missed**"}'; }

# stamp_rows DATE MACHINE: adds Date and Machine columns to every row of the table on stdin, so a
# row copied elsewhere (or re-run alone) still says when and where it was measured.
stamp_rows() {
  awk -v d="$1" -v m="$2" 'NR == 1 {print $0 " Date | Machine |"; next}
    NR == 2 {print $0 "---|---|"; next} {print $0 " " d " | " m " |"}'
}
