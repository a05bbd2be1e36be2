# Sourced by scripts/bench.sh: W6, the parallel export.
# shellcheck shell=bash

# ---- W6: parallel export -------------------------------------------------------------------
run_w6() {
  start_mock w6 --rate-limit 0 --concurrency-limit 0 --latency-ms 50 --seed-leads "$w6_leads"
  local run out
  for run in $(seq "$runs"); do
    out=$("$w6_bin" --endpoint "$url" --leads "$w6_leads" --concurrency 10 --batch 1000 --latency-ms 50)
    echo "$out" | kv seconds >>"$tmp/w6"
    echo "$out" | kv ideal_s >"$tmp/w6.ideal"
    echo "$out" | kv client_cpu_s >>"$tmp/w6.cpu"
    echo "bench: W6 run $run: $out" >&2
  done
}
w6_rows() {
  local wall ideal r
  wall=$(median <"$tmp/w6"); ideal=$(cat "$tmp/w6.ideal"); r=$(ratio "$wall" "$ideal")
  echo "| W6, export, 50 ms latency | $(fmt_int "$w6_leads") leads, 1-hour slices, concurrency 10, pages of 1,000 (s); each lead once | $(printf '%.2f' "$wall") | ideal $(printf '%.2f' "$ideal") | |"
  echo "| W6, export, 50 ms latency | wall / ideal | ${r}× | ≤ 1.20× | $(check "$r" "<=" 1.20) |"
  echo "| W6, export, 50 ms latency | client CPU for the export (s) | $(printf '%.2f' "$(median <"$tmp/w6.cpu")") | | |"
}
