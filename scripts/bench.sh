#!/usr/bin/env bash
# Performance benchmarks (issue 7). Builds in Release in build-bench/, starts marketo-mock-server
# on loopback and prints ONE Markdown table, also written to bench/RESULTS.md with the date and
# the machine:
#   W1  throughput (objects/s), 100-object UPSERT batches, concurrency 1 and 4, against one mock
#       (limits off): the SDK (bench/w1_driver), the raw limit (bench/raw_driver: pre-serialised
#       bytes over kept-alive sockets, no XML work), PHP 8.2 SoapClient and zeep (same WSDL,
#       same objects, signed header per call), and the SDK's ratios to them.
#   W2  latency-bound: a second mock with --latency-ms 50; 100 000 objects at concurrency 10;
#       wall time against the ideal 1000 calls / 10 x 50 ms = 5 s.
#   W3  memory: peak RSS of examples/mobject-sync (streams its input) for 10 000 and 1 000 000
#       objects, and their ratio.
#   W1c client CPU per call (getrusage) and throughput on bench/canned_server (canned bytes, no
#       XML work): SDK, bare generated gSOAP proxy, raw replay, PHP SoapClient, zeep; one call at
#       a time, drivers interleaved per round.
#   W6  parallel export: LeadClient::ExportLeads of 100 000 bulk leads (mock --seed-leads),
#       latency 50 ms, concurrency 10, pages of 1000; wall against pages / 10 x 50 ms.
#   W5  the quota: mobject-sync UPSERT of 25 000 Opportunity lines (250 calls) at concurrency 4
#       against the mock's default limits (100 calls per sliding 20 s, 10 in flight); wall
#       against the quota's minimum, and the mock's count of 20023/20024 answers. One run.
#   W2t W2 through the tool: mobject-sync --concurrency 10 --max-calls-per-20s 0, JSONL in, CSV
#       report out, against a mock with --latency-ms 50 --rate-limit 0; ideal 5 s.
#   Micro  bench/micro_bench (Google Benchmark): SDK vs bare generated gSOAP code, in memory.
# Every number is the median of BENCH_RUNS runs (default 5), the drivers interleaved per run;
# micro-benchmarks: median of 2 x BENCH_RUNS repetitions in random order.
#
# Usage: scripts/bench.sh            full run (about 6 minutes on 2 cores)
#        scripts/bench.sh w5         W5 alone (about 45 s)
#        scripts/bench.sh w2tool     W2 through mobject-sync alone (BENCH_RUNS runs of ~6 s)
#        BENCH_RUNS=5 BENCH_W1_SECONDS=5 scripts/bench.sh
#        scripts/bench.sh --quick    1 run, short windows, 100 000 objects for W3 (smoke test)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

runs=${BENCH_RUNS:-5}
w1_seconds=${BENCH_W1_SECONDS:-3}
w3_big=1000000
micro_min_time=0.25
canned_seconds=${BENCH_CANNED_SECONDS:-2}
w6_leads=100000
mode=all
if [ "${1:-}" = "--quick" ]; then
  runs=1; w1_seconds=1; w3_big=100000; micro_min_time=0.1; canned_seconds=0.5
elif [ "${1:-}" = w5 ] || [ "${1:-}" = w2tool ]; then
  mode=$1
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--quick | w5 | w2tool]" >&2; exit 2
fi

scripts/install-deps.sh libbenchmark-dev php-cli php-soap python3-zeep time

build=build-bench
jobs=$(nproc)
echo "bench: building (Release) in $build/" >&2
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMARKETO_SOAP_BUILD_BENCHMARKS=ON \
  -DMARKETO_SOAP_BUILD_TESTS=OFF -DMARKETO_SOAP_BUILD_EXAMPLES=ON \
  -DMARKETO_SOAP_BUILD_MOCK_SERVER=ON >/dev/null
cmake --build "$build" -j "$jobs" --target micro_bench w1_driver raw_driver marketo-mock-server \
  mobject-sync cpu_driver canned_server w6_driver >/dev/null

mock_bin=$build/src/mock_server/marketo-mock-server
sync_bin=$build/examples/mobject-sync
w1_bin=$build/bench/w1_driver
raw_bin=$build/bench/raw_driver
micro_bin=$build/bench/micro_bench
cpu_bin=$build/bench/cpu_driver
canned_bin=$build/bench/canned_server
w6_bin=$build/bench/w6_driver
wsdl=$root/wsdl/mktows.wsdl
user=mockorg1_0123456789ABCDEF012345
key=mockEncryptionKey2026
# zeep/requests must not pick up proxy or CA settings from the environment.
unset REQUESTS_CA_BUNDLE CURL_CA_BUNDLE http_proxy https_proxy HTTP_PROXY HTTPS_PROXY || true

tmp=$(mktemp -d)
mock_pids=()
cleanup() {
  for p in "${mock_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${mock_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

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

if [ "$mode" != all ]; then
  "run_$mode"
  echo "| Workload | Measure | Result | Target | |"
  echo "|---|---|---:|---|---|"
  "${mode}_rows"
  exit 0
fi

start_mock fast --rate-limit 0 --concurrency-limit 0 --max-connections 64
fast_url=$url
start_mock slow --rate-limit 0 --concurrency-limit 0 --latency-ms 50
slow_url=$url
echo "bench: mocks at $fast_url and $slow_url (latency 50 ms)" >&2

# ---- W1 ------------------------------------------------------------------------------------
# w1_once DRIVER CONCURRENCY -> objects/s (sum over processes for PHP/zeep)
w1_once() {
  local driver=$1 conc=$2 out start_at
  case $driver in
    sdk) "$w1_bin" --endpoint "$fast_url" --concurrency "$conc" --seconds "$w1_seconds" | kv objects_per_s ;;
    raw) "$raw_bin" --endpoint "$fast_url" --concurrency "$conc" --seconds "$w1_seconds" | kv objects_per_s ;;
    php|zeep)
      # One process per unit of concurrency; all measure the same wall-clock window, which starts
      # after their (unmeasured) WSDL loading and warm-up call.
      start_at=$(awk -v t="$(date +%s.%N)" 'BEGIN {printf "%.3f", t + 2.5}')
      local pids=() i
      for i in $(seq "$conc"); do
        if [ "$driver" = php ]; then
          php bench/php_driver.php "$wsdl" "$fast_url" "$user" "$key" "$w1_seconds" "$start_at" >"$tmp/$driver.$i" &
        else
          /usr/bin/python3 bench/zeep_driver.py "$wsdl" "$fast_url" "$user" "$key" "$w1_seconds" "$start_at" >"$tmp/$driver.$i" &
        fi
        pids+=($!)
      done
      for p in "${pids[@]}"; do wait "$p"; done
      for i in $(seq "$conc"); do kv objects_per_s <"$tmp/$driver.$i"; done | awk '{s += $1} END {print s}' ;;
  esac
}

for run in $(seq "$runs"); do
  for conc in 1 4; do
    for driver in sdk raw php zeep; do
      v=$(w1_once "$driver" "$conc")
      echo "$v" >>"$tmp/w1.$driver.$conc"
      echo "bench: W1 run $run concurrency $conc $driver: $v objects/s" >&2
    done
  done
done

# ---- W2 ------------------------------------------------------------------------------------
for run in $(seq "$runs"); do
  out=$("$w1_bin" --endpoint "$slow_url" --concurrency 10 --objects 100000)
  echo "$out" | kv seconds >>"$tmp/w2"
  echo "bench: W2 run $run: $out" >&2
done

# ---- W1c: client CPU per call on the canned responder ------------------------------------------
# w1c_once DRIVER URL -> "CPU_US OBJECTS_PER_S" of one window of $canned_seconds, one call at a time
w1c_once() {
  local out
  case $1 in
    sdk|bare|bare-tree) out=$("$cpu_bin" --client "$1" --endpoint "$2" --seconds "$canned_seconds") ;;
    raw) out=$("$raw_bin" --endpoint "$2" --concurrency 1 --seconds "$canned_seconds") ;;
    php) out=$(php bench/php_driver.php "$wsdl" "$2" "$user" "$key" "$canned_seconds") ;;
    zeep) out=$(/usr/bin/python3 bench/zeep_driver.py "$wsdl" "$2" "$user" "$key" "$canned_seconds") ;;
  esac
  echo "$(echo "$out" | kv cpu_us_per_call) $(echo "$out" | kv objects_per_s)"
}
w1c_drivers="sdk bare bare-tree raw php zeep"
run_w1c() {
  mock_bin=$canned_bin start_mock canned
  local run d v
  for run in $(seq "$runs"); do
    for d in $w1c_drivers; do
      v=$(w1c_once "$d" "$url")
      echo "${v%% *}" >>"$tmp/w1c.cpu.$d"
      echo "${v##* }" >>"$tmp/w1c.tput.$d"
      echo "bench: W1c run $run $d: ${v%% *} µs CPU per call, ${v##* } objects/s" >&2
    done
  done
}
w1c_rows() {
  local d label cpu tput
  for d in $w1c_drivers; do
    case $d in
      sdk) label="SDK (MObjectClient::Sync)" ;; bare) label="bare generated gSOAP proxy" ;;
      bare-tree) label="bare gSOAP proxy, SOAP_XML_TREE (lever: no multi-reference pass)" ;;
      raw) label="raw replay of the SDK's request bytes" ;; php) label="PHP 8.2 SoapClient" ;;
      zeep) label="zeep" ;;
    esac
    cpu=$(median <"$tmp/w1c.cpu.$d"); tput=$(median <"$tmp/w1c.tput.$d")
    eval "w1c_${d//-/_}=\$cpu"
    echo "| W1 canned responder | $label: client CPU per call (µs); objects/s | $(printf '%.1f' "$cpu"); $(fmt_int "$tput") | | |"
  done
  local r_php r_bare r_raw
  r_php=$(ratio "$w1c_sdk" "$w1c_php"); r_bare=$(ratio "$w1c_sdk" "$w1c_bare")
  r_raw=$(ratio "$w1c_sdk" "$w1c_raw")
  echo "| W1 canned responder | SDK / PHP, CPU per call | ${r_php}× | ≤ 0.33× | $(check "$r_php" "<=" 0.333) |"
  echo "| W1 canned responder | SDK / bare gSOAP, CPU per call | ${r_bare}× | ≤ 1.10× | $(check "$r_bare" "<=" 1.10) |"
  echo "| W1 canned responder | SDK / raw replay, CPU per call: gSOAP building, serialising and parsing the XML | ${r_raw}× | (shown) | |"
}

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

# stamp_rows DATE MACHINE: adds Date and Machine columns to every row of the table on stdin, so a
# row copied elsewhere (or re-run alone) still says when and where it was measured.
stamp_rows() {
  awk -v d="$1" -v m="$2" 'NR == 1 {print $0 " Date | Machine |"; next}
    NR == 2 {print $0 "---|---|"; next} {print $0 " " d " | " m " |"}'
}

run_w1c
run_w6

# ---- W3 ------------------------------------------------------------------------------------
gen_jsonl() {  # gen_jsonl N FILE: the W1 workload as mobject-sync input lines
  awk -v n="$1" 'BEGIN {for (i = 0; i < n; i++) {k = i % 100;
    printf "{\"type\":\"Opportunity\",\"id\":%d,\"attributes\":{\"Name\":\"Bench opportunity %d\",\"Amount\":\"1000.00\",\"Stage\":\"Prospecting\"}}\n", 50 + k % 30, k}}' >"$2"
}
for n in 10000 "$w3_big"; do
  gen_jsonl "$n" "$tmp/w3.jsonl"
  for run in $(seq "$runs"); do
    /usr/bin/time -v "$sync_bin" --endpoint "$fast_url" --user-id "$user" --encryption-key "$key" \
      --operation UPSERT --input "$tmp/w3.jsonl" --concurrency 4 --max-calls-per-20s 0 \
      >"$tmp/w3.out" 2>"$tmp/w3.time"
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/w3.time")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/w3.time")
    echo "$rss" >>"$tmp/w3.$n"
    echo "bench: W3 run $run $n objects: peak RSS $rss KiB, wall $wall, $(tail -1 "$tmp/w3.out")" >&2
  done
  rm -f "$tmp/w3.jsonl"
done

run_w2tool
run_w5

# ---- micro ---------------------------------------------------------------------------------
echo "bench: micro-benchmarks" >&2
# Repetitions in random order, so the SDK and bare runs share the machine's drifting load
# instead of one of them catching a slow spell.
micro_out=$("$micro_bin" --benchmark_repetitions="$((2 * runs))" --benchmark_min_time="$micro_min_time" \
  --benchmark_enable_random_interleaving=true --benchmark_color=false 2>&1)
echo "$micro_out" >&2
micro=$(echo "$micro_out" | grep '^MICRO ')

# ---- table ---------------------------------------------------------------------------------
m() { median <"$tmp/$1"; }
for conc in 1 4; do
  for d in sdk raw php zeep; do eval "w1_${d}_$conc=\$(m w1.$d.$conc)"; done
done
w2=$(m w2)
w3_small=$(m w3.10000)
w3_large=$(m "w3.$w3_big")
r_raw1=$(ratio "$w1_sdk_1" "$w1_raw_1"); r_raw4=$(ratio "$w1_sdk_4" "$w1_raw_4")
r_zeep1=$(ratio "$w1_sdk_1" "$w1_zeep_1"); r_zeep4=$(ratio "$w1_sdk_4" "$w1_zeep_4")
r_php1=$(ratio "$w1_sdk_1" "$w1_php_1"); r_php4=$(ratio "$w1_sdk_4" "$w1_php_4")
# No client outruns the raw driver, so raw / PHP bounds what SDK / PHP can reach on this server.
c_php1=$(ratio "$w1_raw_1" "$w1_php_1"); c_php4=$(ratio "$w1_raw_4" "$w1_php_4")
r_w2=$(ratio "$w2" 5)
r_w3=$(ratio "$w3_large" "$w3_small")
mr() { echo "$micro" | kv "$1"; }
big_label=$(fmt_int "$w3_big")

table=$(cat <<EOF
| Workload | Measure | Result | Target | |
|---|---|---:|---|---|
| W1, concurrency 1 | SDK (objects/s) | $(fmt_int "$w1_sdk_1") | | |
| W1, concurrency 1 | raw limit driver (objects/s) | $(fmt_int "$w1_raw_1") | | |
| W1, concurrency 1 | PHP 8.2 SoapClient (objects/s) | $(fmt_int "$w1_php_1") | | |
| W1, concurrency 1 | zeep (objects/s) | $(fmt_int "$w1_zeep_1") | | |
| W1, concurrency 1 | SDK / raw | ${r_raw1}× | ≥ 0.7× | $(check "$r_raw1" ">=" 0.7) |
| W1, concurrency 1 | SDK / zeep | ${r_zeep1}× | ≥ 10× | $(check "$r_zeep1" ">=" 10) |
| W1, concurrency 1 | SDK / PHP | ${r_php1}× | ≥ 3× | $(check "$r_php1" ">=" 3) |
| W1, concurrency 1 | raw / PHP: the most any client can reach here | ${c_php1}× | | |
| W1, concurrency 4 | SDK (objects/s) | $(fmt_int "$w1_sdk_4") | | |
| W1, concurrency 4 | raw limit driver (objects/s) | $(fmt_int "$w1_raw_4") | | |
| W1, concurrency 4 | PHP 8.2 SoapClient, 4 processes (objects/s) | $(fmt_int "$w1_php_4") | | |
| W1, concurrency 4 | zeep, 4 processes (objects/s) | $(fmt_int "$w1_zeep_4") | | |
| W1, concurrency 4 | SDK / raw | ${r_raw4}× | (0.7× at concurrency 1) | |
| W1, concurrency 4 | SDK / zeep | ${r_zeep4}× | ≥ 10× | $(check "$r_zeep4" ">=" 10) |
| W1, concurrency 4 | SDK / PHP | ${r_php4}× | ≥ 3× | $(check "$r_php4" ">=" 3) |
| W1, concurrency 4 | raw / PHP: the most any client can reach here | ${c_php4}× | | |
| W2, 50 ms latency | 100,000 objects at concurrency 10 (s) | $(printf '%.2f' "$w2") | ideal 5.00 | |
| W2, 50 ms latency | wall / ideal | ${r_w2}× | ≤ 1.10× | $(check "$r_w2" "<=" 1.10) |
| W3, mobject-sync | peak RSS, 10,000 objects (MiB) | $(awk -v k="$w3_small" 'BEGIN {printf "%.1f", k / 1024}') | | |
| W3, mobject-sync | peak RSS, $big_label objects (MiB) | $(awk -v k="$w3_large" 'BEGIN {printf "%.1f", k / 1024}') | | |
| W3, mobject-sync | $big_label / 10,000 | ${r_w3}× | ≤ 1.5× | $(check "$r_w3" "<=" 1.5) |
$(w2tool_rows)
$(w5_rows)
| Micro | request: build + validate + sign + serialise (µs), SDK / bare gSOAP | $(mr sdk_request_us) / $(mr bare_request_us) = $(printf '%.2f' "$(mr ratio_request)")× | | |
| Micro | parse 100 statuses (µs), SDK (round trip − request) / bare gSOAP | $(mr sdk_parse_us) / $(mr bare_parse_us) = $(printf '%.2f' "$(mr ratio_parse)")× | | |
| Micro | whole call in memory (µs), SDK / bare gSOAP | $(mr sdk_roundtrip_us) / $(mr bare_roundtrip_us) = $(printf '%.2f' "$(mr ratio_roundtrip)")× | ≤ 1.2× | $(check "$(mr ratio_roundtrip)" "<=" 1.2) |
EOF
)
table="$table"$'\n'"$(w1c_rows)"$'\n'"$(w6_rows)"

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
cxx_version=$("$cxx" --version | head -1)
gsoap=$(pkg-config --modversion gsoapssl++)
php_version=$(php -r 'echo PHP_VERSION;')
zeep_version=$(/usr/bin/python3 -c 'import zeep; print(zeep.__version__)')
date_utc=$(date -u '+%Y-%m-%d %H:%M UTC')
machine="$(nproc) CPUs ($cpu), $mem RAM, $os, $cxx_version, gSOAP $gsoap, PHP $php_version, zeep $zeep_version"
machine_short="$(nproc) CPU $(echo "$cpu" | awk '{print $1, $2}')"
table=$(echo "$table" | stamp_rows "$(date -u '+%Y-%m-%d')" "$machine_short")

{
  echo "# Benchmark results"
  echo
  echo "Generated by \`scripts/bench.sh\` on $date_utc."
  echo
  echo "Machine: $machine. Client and mock server share the machine (loopback)."
  echo
  echo "Medians of $runs runs (micro-benchmarks: of $((2 * runs)) repetitions in random order); W1 windows of $w1_seconds s."
  echo
  echo "$table"
  echo
  cat <<'EOF'
How each number is made:
* W1: 100-object UPSERT batches of Opportunity objects 50-79 (three attributes each) against one
  `marketo-mock-server --rate-limit 0 --concurrency-limit 0`. SDK: `bench/w1_driver`
  (`MObjectClient::SyncAll` with `SyncAllOptions::concurrency` = the column's concurrency, i.e.
  at most that many requests on the wire while as many more workers prepare the next request
  or parse the last response; keep-alive connection pool, limiter with the rate limit off). Raw: `bench/raw_driver`, the SDK's request bytes signed once at start
  and POSTed over one kept-alive socket per thread, responses read by Content-Length with no
  XML work. PHP: `bench/php_driver.php` (SoapClient, our WSDL, location overridden). zeep:
  `bench/zeep_driver.py` (Debian's zeep, same WSDL); at concurrency 4, 4 processes measuring the
  same window. All clients sign every call except the raw driver. The raw driver does no client
  work at all, so raw / PHP is the ceiling of SDK / PHP against this server.
* W2: `w1_driver --concurrency 10 --objects 100000` against a second mock with `--latency-ms 50`.
* W3: `mobject-sync --concurrency 4 --max-calls-per-20s 0` on generated JSONL files; peak RSS
  from `/usr/bin/time -v`.
* W2 via mobject-sync: the same 100,000 objects as JSONL lines, `mobject-sync --operation UPSERT
  --concurrency 10 --max-calls-per-20s 0 --report FILE` against a mock with `--latency-ms 50
  --rate-limit 0`: what the tool adds to the SDK's W2.
* W5: `mobject-sync --operation UPSERT --concurrency 4` (default limits) of 25,000 Opportunity
  lines against a mock with its defaults (`--rate-limit 100`, 20 s window, `--concurrency-limit
  10`); one run. Ideal = floor((250 - 1) / 100) x 20 s (the 201st call cannot be counted before
  40 s) + the wall time of a one-call job; faults from the mock's `--dump` counters.
* Micro: `bench/micro_bench` (Google Benchmark), in-memory I/O; the SDK's parse time is its
  round trip minus its request path.
* W1 canned responder: `bench/canned_server` reads each request (head and Content-Length body)
  and answers the same pre-built 100-status response without any XML work, so the client's own
  cost is what is measured. Each driver makes one call at a time over one kept-alive connection
  for a window after a warm-up call; CPU per call is getrusage(RUSAGE_SELF) user + system time
  of the window divided by its calls. SDK and bare: `bench/cpu_driver --client sdk|bare` (the
  bare driver builds the same objects with the generated proxy, `bench/bare_request.h`, and
  calls `proxy.destroy()` after each call). Raw: `bench/raw_driver --concurrency 1`, which sends
  the SDK's request bytes (signed once) and reads the response by Content-Length: the distance
  SDK / raw is what gSOAP spends building, serialising and parsing the XML, plus signing.
* W6: `bench/w6_driver`: `LeadClient::ExportLeads` of the window holding the mock's
  `--seed-leads 100000` bulk leads (100 hours, 1-hour slices of 1,000 leads, only `Email`),
  concurrency 10, pages of 1,000, against a mock with `--latency-ms 50` and its limits off. It
  checks each bulk lead arrived exactly once. Ideal = pages / concurrency × 50 ms.
* Date and Machine: when and on what each row was measured (CPUs as in the Machine line above).
EOF
} >bench/RESULTS.md

echo
echo "Machine: $machine"
echo "Date: $date_utc; medians of $runs runs"
echo
echo "$table"
echo
echo "bench: written to bench/RESULTS.md" >&2
