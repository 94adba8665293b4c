#!/usr/bin/env bash
# Sets everything up on Debian 12 (installs missing packages), builds evsim (release) and runs the
# bundled demo scenario, writing build/demo.h5 and printing the run's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target evsim
build/release/cli/evsim validate scenarios/examples/demo.yaml
# --force: build/demo.h5 is the demo's own scratch result, replaced on every run.
build/release/cli/evsim run scenarios/examples/demo.yaml -o build/demo.h5 --force
