#!/usr/bin/env bash
# Sets everything up on Debian 12 (installs missing packages), then, in this order:
#   1. asan:    builds the test suite with AddressSanitizer + UBSan (the `asan` preset) and runs it,
#               except the tests in ASAN_EXCLUDE below (each with its reason);
#   2. fuzz:    runs every libFuzzer target of tests/fuzz for FUZZ_SECONDS (default 30) on its
#               seed corpus (scripts/fuzz.sh);
#   3. release: builds evsim and its tests (release, warnings as errors) and runs the whole suite.
# The release ctest runs last so that its summary closes the output; a failed earlier stage is
# named after it and makes the script exit 1. Timings: docs/reliability.md.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh || exit 1
[ -f /root/.ccache_env ] && source /root/.ccache_env
jobs="$(nproc)"
failed=()

# Tests that take minutes under ASan (instrumented code runs several times slower) and test the
# model's numbers, not memory safety, which the other cases cover on the same code paths:
#   ErlangC.MeanWait*: 0.5 to 2 million simulated arrivals per case, for a 3% agreement with the
#   M/M/c formulas; the release run keeps them.
# And one test that fails under ASan for a reason that is not memory safety:
#   Cli.InterruptedRunKeepsWhatItComputedAndSaysSo sends SIGINT 0.5 s after the output file
#   appears; under ASan that lands while the model is still being built (100,000 vehicles), and
#   cli/run_pipeline.cpp (at this branch's base, 3f022ac) acts on such an early interrupt only at
#   the horizon, so the test sees simulated_h = 24. The interruption code is reworked on main
#   (1578b49, "exact interruption"): drop this exclusion when that version passes under ASan.
ASAN_EXCLUDE='ErlangC\.MeanWait|Cli\.InterruptedRunKeepsWhatItComputedAndSaysSo'

echo "== asan: build and test (AddressSanitizer + UBSan)"
if ! { cmake --preset asan >/dev/null && cmake --build --preset asan -j"$jobs" &&
       ctest --preset asan -j"$jobs" -E "$ASAN_EXCLUDE"; }; then
  failed+=(asan)
fi

echo "== fuzz: every target for ${FUZZ_SECONDS:-30} s"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}" || failed+=(fuzz)

echo "== release: build and test"
if ! { cmake --preset release >/dev/null && cmake --build --preset release -j"$jobs"; }; then
  failed+=(release-build)
fi
ctest --preset release -j"$jobs" || failed+=(release)

if [ ${#failed[@]} -gt 0 ]; then
  echo "scripts/test.sh: FAILED stages: ${failed[*]}" >&2
  exit 1
fi
