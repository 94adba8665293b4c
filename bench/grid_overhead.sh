#!/usr/bin/env bash
# Whole-run benchmark: what attaching feeders adds to a city run. Runs the ring-radial city without
# feeders (ring_radial_city.yaml) and with its eight feeders and a power flow of each at every
# 15-minute sample (ring_radial_grid.yaml: same roads, fleet, stations and demand) in turn, A B A B,
# RUNS times each after one warm-up pair, and prints each run's wall time, the medians and the median
# of the pairwise ratios grid / city (pairs, so that a drift in the machine's speed cancels).
#
#   bash bench/grid_overhead.sh [EVSIM] [RUNS]     # defaults: build/release/cli/evsim, 5
set -euo pipefail
cd "$(dirname "$0")/.."
evsim="${1:-build/release/cli/evsim}"
runs="${2:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

wall() {  # seconds of one whole `evsim run`
  /usr/bin/time -f %e -o "$out/t" "$evsim" run "scenarios/examples/$1.yaml" -o "$out/r.h5" --force >/dev/null
  cat "$out/t"
}

wall ring_radial_city >/dev/null
wall ring_radial_grid >/dev/null
city=() grid=() ratio=()
for ((i = 0; i < runs; i++)); do
  c="$(wall ring_radial_city)"
  g="$(wall ring_radial_grid)"
  city+=("$c") grid+=("$g")
  ratio+=("$(awk -v g="$g" -v c="$c" 'BEGIN {print g / c}')")
  printf 'pair %d: city %.2f s, grid %.2f s, ratio %.3f\n' "$((i + 1))" "$c" "$g" "${ratio[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
r="$(median "${ratio[@]}")"
printf 'median: city %.2f s, grid %.2f s; grid / city %.3f (the grid adds %.1f%%)\n' \
  "$(median "${city[@]}")" "$(median "${grid[@]}")" "$r" "$(awk -v r="$r" 'BEGIN {print (r - 1) * 100}')"
