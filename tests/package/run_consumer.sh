#!/usr/bin/env bash
# Installs the build tree into a fresh prefix, then builds and runs consumer projects against it.
# Usage: run_consumer.sh BUILD_DIR WORK_DIR MODE
#   find_package  a CMake project using find_package(marketo_soap) on the installed tree
#   pkg_config    a plain compiler command line using `pkg-config marketo-soap`
#   examples      examples/ built standalone against the installed tree
#   fetch_content a CMake project that pulls the source tree in with FetchContent (no install)
set -euo pipefail
build_dir=$1 work=$2 mode=$3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rm -rf "$work" && mkdir -p "$work"
prefix="$work/prefix"
[ "$mode" = fetch_content ] || cmake --install "$build_dir" --prefix "$prefix" >/dev/null

case "$mode" in
  find_package)
    cmake -S "$here/find_package" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work/build" >/dev/null
    "$work/build/consumer"
    ;;
  pkg_config)
    export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/x86_64-linux-gnu/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
    # shellcheck disable=SC2046
    c++ -std=c++17 -o "$work/consumer" "$here/consumer.cc" $(pkg-config --cflags --libs marketo-soap)
    "$work/consumer"
    ;;
  examples)
    cmake -S "$repo/examples" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work/build" -j 2 >/dev/null
    "$work/build/mobject-sync" --operation INSERT --dry-run --input - <<<'{"type":"Opportunity"}'
    for e in program_cost_update program_tag_update create_opportunity create_opportunity_person_role \
             get_mobjects_paging describe_and_list; do
      test -x "$work/build/$e"
    done
    ;;
  fetch_content)
    cmake -S "$here/fetch_content" -B "$work/build" -DMARKETO_SOAP_SOURCE_DIR="$repo" >/dev/null
    cmake --build "$work/build" -j 2 >/dev/null
    "$work/build/consumer"
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
