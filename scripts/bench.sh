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
# The workloads' functions are in scripts/bench/ (lib, quota, client_cost, export, results).
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

for part in lib quota client_cost export results; do
  # shellcheck source=/dev/null
  . "scripts/bench/$part.sh"
done

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

# ---- W1 (w1_once: scripts/bench/client_cost.sh) ----------------------------------------------
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

write_results "$table" "$machine" "$date_utc" >bench/RESULTS.md

echo
echo "Machine: $machine"
echo "Date: $date_utc; medians of $runs runs"
echo
echo "$table"
echo
echo "bench: written to bench/RESULTS.md" >&2
