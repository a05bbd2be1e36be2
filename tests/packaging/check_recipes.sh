#!/usr/bin/env bash
# Offline checks of the package-manager recipes (vcpkg ports, Conan recipe and test_package).
# vcpkg and conan cannot reach their registries here, so this checks what can be checked without
# them: Python syntax and structure of the recipes, JSON and fields of the manifests, that the
# options the recipes pass exist in our CMake, and that versions, licenses and names agree.
# Usage: check_recipes.sh REPO_ROOT          Needs bash, /usr/bin/python3 (stdlib) and cmake.
set -uo pipefail
root=${1:?usage: check_recipes.sh REPO_ROOT}
here=$(cd "$(dirname "$0")" && pwd)
status=0

/usr/bin/python3 "$here/check_recipes.py" "$root" || status=1

# CMake syntax of every CMake file the recipes ship. `cmake -P` parses a whole file before running
# it, so a copy that starts with return() is checked for syntax without executing anything.
cmake_bin=${CMAKE_COMMAND:-$(command -v cmake || true)}
if [[ -z $cmake_bin ]]; then
  echo "FAIL: cmake not found for the CMake syntax checks"
  status=1
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  for f in "$root"/ports/*/portfile.cmake "$root"/ports/*/CMakeLists.txt \
           "$root"/test_package/CMakeLists.txt "$here/CMakeLists.txt"; do
    [[ -f $f ]] || continue
    rel=${f#"$root"/}
    { echo "return()"; cat "$f"; } > "$tmp/check.cmake"
    if out=$("$cmake_bin" -P "$tmp/check.cmake" 2>&1); then
      echo "PASS: $rel: CMake syntax"
    else
      echo "FAIL: $rel: CMake syntax"
      printf '%s\n' "$out" | sed 's/^/      /' | head -5
      status=1
    fi
  done
fi

if (( status )); then echo "check_recipes: FAILED"; else echo "check_recipes: all checks passed"; fi
exit $status
