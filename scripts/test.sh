#!/usr/bin/env bash
# Sets everything up on Debian 12 (installs missing packages), then, in this order:
#   1. sanitize: builds the test suite and the libFuzzer targets with clang-14, AddressSanitizer and
#                UBSan (the `fuzz` preset: one instrumented build serves both) and runs the suite,
#                except the tests in SANITIZE_EXCLUDE below (with the reason);
#   2. fuzz:     runs every libFuzzer target of tests/fuzz for FUZZ_SECONDS (default 10) on its
#                seed corpus (scripts/fuzz.sh);
#   3. release:  builds evsim and its tests (release, warnings as errors) and runs the whole suite.
# The release ctest runs last so that its summary closes the output; a failed earlier stage is
# named after it and makes the script exit 1. Timings: docs/reliability.md.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh || exit 1
jobs="$(nproc)"
failed=()

# Tests that take minutes under ASan (instrumented code runs several times slower) and test the
# model's numbers, not memory safety, which the other cases cover on the same code paths:
#   ErlangC.MeanWait*: 0.5 to 2 million simulated arrivals per case, for a 3% agreement with the
#   M/M/c formulas; the release run keeps them.
#   Cli.ReadmeHeadlineNumbers: re-runs the README's examples to compare their numbers (over 5 min of
#   CPU under ASan); its demo and small_town runs have their own Cli.RunCheck under ASan, and its
#   ring-radial city is the city of Cli.RunCheck.ring_radial_grid.
#   Cli.RunCheck.ring_radial_city: the same city, fleet and demand as Cli.RunCheck.ring_radial_grid,
#   which runs under ASan with the feeders on top (each over 3 min of CPU instrumented).
#   Cli.*changzhou*: that city again, with sites, tariffs and a grid event, and the independent
#   replays of its result, whose code paths the small_town_demand_response and small_town_pv_storage
#   tests run under ASan.
SANITIZE_EXCLUDE='ErlangC\.MeanWait|Cli\.ReadmeHeadlineNumbers|Cli\.RunCheck\.ring_radial_city$|changzhou'

echo "== sanitize: build and test with clang-14, AddressSanitizer + UBSan"
if ! { cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j"$jobs" &&
       ctest --preset fuzz -j"$jobs" -E "$SANITIZE_EXCLUDE"; }; then
  failed+=(sanitize)
fi

echo "== fuzz: every target for ${FUZZ_SECONDS:-10} s"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}" || failed+=(fuzz)

echo "== release: build and test"
if ! { cmake --preset release >/dev/null && cmake --build --preset release -j"$jobs"; }; then
  failed+=(release-build)
fi
ctest --preset release -j"$jobs" || failed+=(release)

if [ ${#failed[@]} -gt 0 ]; then
  echo "scripts/test.sh: FAILED stages: ${failed[*]}" >&2
  exit 1
fi
