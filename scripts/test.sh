#!/usr/bin/env bash
# Sets everything up on Debian 12 (installs missing packages), builds evsim and its tests (release,
# warnings as errors) and runs the whole test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
ctest --preset release -j"$(nproc)"
