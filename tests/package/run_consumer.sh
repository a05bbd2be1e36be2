#!/usr/bin/env bash
# Installs the build tree into a fresh prefix, then builds and runs consumer projects against it.
# Usage: run_consumer.sh BUILD_DIR WORK_DIR MODE   (MODE: find_package | pkg_config)
set -euo pipefail
build_dir=$1 work=$2 mode=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null

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
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
