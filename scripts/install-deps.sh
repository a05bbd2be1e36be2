#!/usr/bin/env bash
# Installs the Debian 12 packages the build, tests and demo need; a no-op when all are present.
# Usage: scripts/install-deps.sh [extra-package...]
set -euo pipefail

packages=(
  g++ make cmake pkg-config git ca-certificates openssl
  gsoap libgsoap-dev libssl-dev zlib1g-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev
  libxml2-dev libxml2-utils
  php-cli php-soap python3-zeep
  doxygen clang-format clang-tidy
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
