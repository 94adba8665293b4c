#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang-14, ASan + UBSan) and runs each for a
# bounded time on its seed corpus (copied by tests/fuzz/CMakeLists.txt from the example scenarios
# and the test data) plus what earlier runs found (build/fuzz/corpus/<target>, not committed).
# Fails on the first target that crashes, leaks, trips a sanitizer, hangs (-timeout) or exceeds
# the memory limit; libFuzzer writes the input to build/fuzz/artifacts/<target>/ and this script
# prints the command that replays it.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, every target)
# Docs: docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" --target evsim_fuzzers

build=build/fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_scenario_loader fuzz_area_reader fuzz_road_csv_nodes fuzz_road_csv_edges fuzz_osm_loader
           fuzz_candidates fuzz_station_file fuzz_trip_file fuzz_node_weights fuzz_feeder_file)
fi

for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  log="$build/$t.log"
  echo "fuzz: $t for ${seconds} s"
  # -rss_limit_mb / -malloc_limit_mb: a reader that allocates gigabytes for a small file is a bug.
  if ! "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" \
       "$corpus" "$build/tests/fuzz/seeds/$t" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $t FAILED; replay with: $build/tests/fuzz/$t $artifacts<file>  (log: $log)" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz: $t ok, $runs inputs run"
done
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s each without a crash"
