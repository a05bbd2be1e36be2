#!/usr/bin/env bash
# Starts marketo-mock-server on a free loopback port, runs one example against it with the
# MARKETO_* variables set, and checks its exit status and output.
# Usage: run_with_mock.sh MOCK_BIN EXPECTED_EXIT EXPECTED_REGEX -- COMMAND [ARGS...]
# An empty EXPECTED_REGEX checks nothing on stdout; with EXPECT_STDERR set, stderr must match
# that regex too. MOCK_ARGS (word-split) are passed to the mock.
set -euo pipefail
mock=$1 expected_exit=$2 expected=$3
shift 3
[ "$1" = "--" ] && shift

source "$(dirname "$0")/mock_env.sh"
start_mock "$mock" ${MOCK_ARGS:-}

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
