#!/usr/bin/env bash
# Starts marketo-mock-server on a free loopback port, runs one example against it with the
# MARKETO_* variables set, and checks its exit status and output.
# Usage: run_with_mock.sh MOCK_BIN EXPECTED_EXIT EXPECTED_REGEX -- COMMAND [ARGS...]
# An empty EXPECTED_REGEX checks nothing on stdout; with EXPECT_STDERR set, stderr must match
# that regex too.
set -euo pipefail
mock=$1 expected_exit=$2 expected=$3
shift 3
[ "$1" = "--" ] && shift

work=$(mktemp -d)
"$mock" --port 0 >"$work/server.out" 2>"$work/server.err" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 200); do [ -s "$work/server.out" ] && break; sleep 0.05; done
line=$(head -n 1 "$work/server.out")
[[ $line == "listening on "* ]] || { echo "mock did not start: $(cat "$work/server.err")"; exit 1; }

export MARKETO_SOAP_ENDPOINT=${line#listening on }
export MARKETO_USER_ID=mockorg1_0123456789ABCDEF012345
export MARKETO_ENCRYPTION_KEY=mockEncryptionKey2026

set +e
"$@" >"$work/stdout" 2>"$work/stderr"
rc=$?
set -e
cat "$work/stdout"
[ -s "$work/stderr" ] && sed 's/^/stderr: /' "$work/stderr"
if [ "$rc" -ne "$expected_exit" ]; then
  echo "FAIL: exit status $rc, expected $expected_exit"
  exit 1
fi
if [ -n "$expected" ] && ! grep -Eq -- "$expected" "$work/stdout"; then
  echo "FAIL: output does not match /$expected/"
  exit 1
fi
if [ -n "${EXPECT_STDERR:-}" ] && ! grep -Eq -- "$EXPECT_STDERR" "$work/stderr"; then
  echo "FAIL: stderr does not match /$EXPECT_STDERR/"
  exit 1
fi
echo "PASS"
