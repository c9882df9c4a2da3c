#!/usr/bin/env bash
# Installs the Debian packages notestore builds and tests with, if any are missing
# (clang and its runtime are for the fuzzers; the sanitizer build uses gcc's).
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsqlite3-dev sqlite3 libsqlitecpp-dev
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  nlohmann-json3-dev libcli11-dev
  libgtest-dev
  python3-dev python3-venv pybind11-dev
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
