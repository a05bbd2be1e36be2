#!/usr/bin/env bash
# Style checks of every hand-written C++ file (scripts/test.sh runs this after the build):
#   clang-format --dry-run -Werror against .clang-format, for every tracked .cc/.h/.cpp file
#   clang-tidy against .clang-tidy, for every translation unit of the library, the mock, the
#     tools and the examples in the compile database and, through tests/headers, every public
#     header (bench/ and fuzz/ are only formatted: their targets are not in the default build;
#     so are the test files, whose GoogleTest-heavy TUs took most of a 17-minute lint on 2 cores,
#     and which the -Wall -Wextra -Wpedantic -Werror build checks too)
# Usage: scripts/lint.sh [BUILD_DIR]   (default build; it must have been configured and built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
root=$(pwd)

mapfile -t files < <(git ls-files '*.cc' '*.h' '*.cpp')
echo "lint: clang-format ${#files[@]} files" >&2
clang-format --dry-run -Werror "${files[@]}"

[ -f "$build/compile_commands.json" ] || { echo "lint: no $build/compile_commands.json" >&2; exit 2; }
echo "lint: clang-tidy ($build/compile_commands.json)" >&2
build_abs=$(cd "$build" && pwd)
run-clang-tidy -p "$build" -j "$(nproc)" -quiet \
  "^($root/(src|examples)/|$build_abs/tests/headers/standalone/)" \
  > "$build/clang-tidy.log" 2>&1 || {
  grep -E "(error|warning): " "$build/clang-tidy.log" | sort -u >&2 || cat "$build/clang-tidy.log" >&2
  echo "lint: clang-tidy found problems (full log: $build/clang-tidy.log)" >&2
  exit 1
}
echo "lint: clean" >&2
