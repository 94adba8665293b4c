#!/usr/bin/env bash
# Installs the Debian 12 packages evsim needs, only those that are missing.
# Safe to run again; runs apt-get update only when something must be installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev          # road graph, Dijkstra (compressed_sparse_row_graph)
  libeigen3-dev               # grid power flow
  libyaml-cpp-dev             # scenario files
  libhdf5-dev hdf5-tools      # results (h5dump for checks)
  libgtest-dev libgmock-dev   # tests
  libbenchmark-dev            # bench/
  libcli11-dev                # command line: typed options, subcommands, --help for free
  libfmt-dev                  # exact error messages without iostream noise
  libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev  # OpenStreetMap .osm/.osm.pbf
  libnanoflann-dev            # k-d tree for snapping lon/lat points to road nodes
  osmium-tool bzip2           # tests: write .osm.pbf and .osm.bz2 copies of a test map (road loader)
  python3 python3-h5py python3-numpy python3-networkx python3-yaml  # independent checks in tests
  util-linux                  # tests: prlimit (a file-size limit) and mount (a small tmpfs) for the disk-full tests
  clang-14 libclang-rt-14-dev libfuzzer-14-dev  # tests/fuzz: libFuzzer targets with ASan + UBSan (fuzz preset)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-debian: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-debian: missing packages and not root; run as root or install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
