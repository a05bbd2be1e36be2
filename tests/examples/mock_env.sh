# Sourced by the example tests: start_mock MOCK_BIN [ARGS...] starts marketo-mock-server on a
# free loopback port in the background, exports the MARKETO_* variables for it, and stops it
# (and removes $work) when the script exits.
work=$(mktemp -d)
mock_pid=
stop_mock() {
  if [ -n "$mock_pid" ]; then
    kill -TERM "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_mock EXIT

start_mock() {
  local bin=$1
  shift
  "$bin" --port 0 "$@" >"$work/server.out" 2>"$work/server.err" &
  mock_pid=$!
  for _ in $(seq 200); do [ -s "$work/server.out" ] && break; sleep 0.05; done
  local line
  line=$(head -n 1 "$work/server.out")
  [[ $line == "listening on "* ]] || { echo "mock did not start: $(cat "$work/server.err")"; exit 1; }
  export MARKETO_SOAP_ENDPOINT=${line#listening on }
  export MARKETO_USER_ID=mockorg1_0123456789ABCDEF012345
  export MARKETO_ENCRYPTION_KEY=mockEncryptionKey2026
}
