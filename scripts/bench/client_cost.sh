# Sourced by scripts/bench.sh: the client's own cost: W1 against the mock, W1c on the canned responder.
# shellcheck shell=bash

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
