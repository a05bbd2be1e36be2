#!/usr/bin/env bash
# Builds the libFuzzer target with clang 14 (ASan + UBSan + coverage) in build-fuzz/ and runs it
# for SECONDS (default 60) on a seed corpus made from the test fixtures. Fails on any crash,
# sanitizer report, leak or timeout.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

scripts/install-deps.sh clang-14 libclang-rt-14-dev
build_dir=build-fuzz
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 -DMARKETO_SOAP_BUILD_FUZZERS=ON -DMARKETO_SOAP_WERROR=ON \
  -DMARKETO_SOAP_BUILD_TESTS=OFF -DMARKETO_SOAP_BUILD_EXAMPLES=OFF \
  -DMARKETO_SOAP_BUILD_MOCK_SERVER=OFF -DMARKETO_SOAP_INSTALL=OFF \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target marketo_soap_response_fuzzer

# Seed corpus: operation byte + HTTP head + body. Ops: 0 sync, 1 get, 2 describe, 3 list, 4 delete.
corpus="$build_dir/fuzz-corpus"
artifacts="$build_dir/fuzz-artifacts"
mkdir -p "$corpus" "$artifacts"
seed() {  # op status file
  local body; body=$(cat "$3")
  { printf "\\x$(printf %02x "$1")"
    printf 'HTTP/1.1 %s\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: %d\r\n\r\n' \
      "$2" "${#body}"
    printf '%s' "$body"; } > "$corpus/seed-$1-$(basename "$3")"
}
for f in tests/golden/fixtures/*response*.xml; do seed 0 "200 OK" "$f"; done
for f in fuzz/seeds/*.xml; do
  name=$(basename "$f")
  case "$name" in
    sync-*) op=0 ;; get-*) op=1 ;; describe-*|describe.xml) op=2 ;; list-*|list.xml) op=3 ;;
    delete-*|delete.xml) op=4 ;; *) op=-1 ;;
  esac
  case "$name" in fault-*|html-*) status="500 Internal Server Error" ;; *) status="200 OK" ;; esac
  if [ "$op" -ge 0 ]; then seed "$op" "$status" "$f"; else for o in 0 1 2 3 4; do seed "$o" "$status" "$f"; done; fi
done

# Inputs that once crashed (kept as regressions; libFuzzer runs every corpus file first).
cp fuzz/regressions/* "$corpus/"

echo "fuzz: running for ${seconds}s on $(ls "$corpus" | wc -l) corpus files" >&2
# -fork keeps going after a finding only with -ignore_crashes; without it the first crash stops
# the run with a non-zero exit code, which is what CI wants.
"$build_dir/fuzz/marketo_soap_response_fuzzer" "$corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1
