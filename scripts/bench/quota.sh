# Sourced by scripts/bench.sh: the workloads against the quota and through the tool (W5, W2t).
# shellcheck shell=bash

# ---- W5: a bulk job against the quota --------------------------------------------------------
# Ideal: the server admits 100 calls per sliding 20 s, so call k cannot be counted before
# floor((k - 1) / 100) x 20 s after the first; the job's minimum is that for its last call plus
# the time of a one-call job (process start, one 100-object call), measured on its own mock.
w5_objects=25000
run_w5() {
  local calls t0 t1 pid
  awk -v n="$w5_objects" 'BEGIN {for (i = 0; i < n; i++) printf "{\"type\":\"Opportunity\",\"id\":%d,\"attributes\":{\"Name\":\"W5 %d\",\"Amount\":\"10.00\"}}\n", 50 + i % 30, i}' >"$tmp/w5.jsonl"
  head -100 "$tmp/w5.jsonl" >"$tmp/w5.one.jsonl"
  w5_sync() { "$sync_bin" --endpoint "$url" --user-id "$user" --encryption-key "$key" \
    --operation UPSERT --input "$1" --concurrency 4 >"$tmp/w5.out" 2>&1; }
  start_mock w5one
  t0=$(date +%s.%N); w5_sync "$tmp/w5.one.jsonl"; t1=$(date +%s.%N)
  w5_one=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
  start_mock w5 --dump "$tmp/w5.json"
  pid=${mock_pids[${#mock_pids[@]}-1]}
  t0=$(date +%s.%N); w5_sync "$tmp/w5.jsonl" || true; t1=$(date +%s.%N)
  w5_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  calls=$(( (w5_objects + 99) / 100 ))
  w5_ideal=$(awk -v c="$calls" -v l="$w5_one" 'BEGIN {printf "%.2f", int((c - 1) / 100) * 20 + l}')
  w5_fault() { sed -n 's/.*"faults": {\([^}]*\)}.*/\1/p' "$tmp/w5.json" | tr ',' '\n' | sed -n "s/.*\"$1\": *//p" | awk '{s += $1} END {print s + 0}'; }
  w5_20023=$(w5_fault 20023); w5_20024=$(w5_fault 20024)
  echo "bench: W5 wall $w5_wall s, ideal $w5_ideal s (one call $w5_one s), 20023 x $w5_20023, 20024 x $w5_20024; $(tail -1 "$tmp/w5.out")" >&2
  rm -f "$tmp/w5.jsonl" "$tmp/w5.one.jsonl"
}
w5_rows() {
  local r faults
  r=$(ratio "$w5_wall" "$w5_ideal")
  faults=$((w5_20023 + w5_20024))
  echo "| W5, mock's limits | mobject-sync UPSERT, $(fmt_int "$w5_objects") objects, concurrency 4 (s) | $w5_wall | ideal $w5_ideal | |"
  echo "| W5, mock's limits | wall / ideal | ${r}× | ≤ 1.05× | $(check "$r" "<=" 1.05) |"
  echo "| W5, mock's limits | 20023 / 20024 answers | $w5_20023 / $w5_20024 | 0 | $(check "$faults" "<=" 0) |"
}

# ---- W2t: W2 through mobject-sync ----------------------------------------------------------------
run_w2tool() {
  local run t0 t1
  awk 'BEGIN {for (i = 0; i < 100000; i++) printf "{\"type\":\"Opportunity\",\"id\":%d,\"attributes\":{\"Name\":\"W2 %d\",\"Amount\":\"10.00\"}}\n", 50 + i % 30, i}' >"$tmp/w2t.jsonl"
  start_mock w2t --rate-limit 0 --latency-ms 50
  for run in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$sync_bin" --endpoint "$url" --user-id "$user" --encryption-key "$key" --operation UPSERT \
      --input "$tmp/w2t.jsonl" --report "$tmp/w2t.csv" --concurrency 10 --max-calls-per-20s 0 \
      >"$tmp/w2t.out" 2>&1 || true
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", b - a}' >>"$tmp/w2t"
    echo "bench: W2t run $run: $(tail -1 "$tmp/w2t") s; $(tail -1 "$tmp/w2t.out")" >&2
  done
  rm -f "$tmp/w2t.jsonl" "$tmp/w2t.csv"
}
w2tool_rows() {
  local w r
  w=$(median <"$tmp/w2t"); r=$(ratio "$w" 5)
  echo "| W2 via mobject-sync | 100,000 objects, concurrency 10, JSONL in, CSV out (s) | $(printf '%.2f' "$w") | ideal 5.00 | |"
  echo "| W2 via mobject-sync | wall / ideal | ${r}× | ≤ 1.10× | $(check "$r" "<=" 1.10) |"
}
