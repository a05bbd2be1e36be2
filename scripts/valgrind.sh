#!/usr/bin/env bash
# Valgrind memcheck of the integration tests (the SDK over real sockets, HTTP and HTTPS, against
# marketo-mock-server). Uses the normal build in build/ (builds it if needed). Any memcheck error
# or definite/possible leak in the test process fails the run.
#   scripts/valgrind.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

scripts/install-deps.sh valgrind
if [ ! -x "$build_dir/tests/integration/marketo_soap_integration_tests" ]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMARKETO_SOAP_WERROR=ON
fi
cmake --build "$build_dir" -j "$(nproc)" --target marketo_soap_integration_tests marketo-mock-server
# The test certificates (normally a ctest fixture).
certs="$build_dir/test-certs"
bash tests/support/make_test_certs.sh "$certs" >/dev/null

env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE -u SSL_CERT_FILE -u SSL_CERT_DIR \
  MARKETO_TEST_CERTS_DIR="$PWD/$certs" \
  valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible \
    --track-origins=yes --suppressions=scripts/valgrind.supp --num-callers=30 \
    "$build_dir/tests/integration/marketo_soap_integration_tests"
