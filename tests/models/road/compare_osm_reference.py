#!/usr/bin/python3
"""ctest road_osm_reference: evsim's load_osm (through road_stats) against osm_reference.py.

    compare_osm_reference.py ROAD_STATS TEST_DATA_DIR SHARED_OSM_DIR

For tests/models/road/data/features.osm and each shared extract: every count equal, total kept
and dropped lengths equal to 1e-6 relative. Exit 0 when all agree, 1 otherwise. Without
SHARED_OSM_DIR (../shared absent) only features.osm is compared.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import osm_reference  # noqa: E402

LOCAL_CASES = [("features.osm", False), ("features.osm", True)]
SHARED_CASES = [("shanghai_central.osm", False), ("nanjing_xuanwu.osm.gz", False), ("nanjing_xuanwu.osm.gz", True),
                ("taipei_major.osm.gz", False)]
LENGTHS = ("length_m", "length_dropped_m")


def main(argv):
    road_stats, data_dir, shared_dir = argv[1], argv[2], argv[3]
    cases = [(os.path.join(data_dir, name), service) for name, service in LOCAL_CASES]
    if os.path.isdir(shared_dir):
        cases += [(os.path.join(shared_dir, name), service) for name, service in SHARED_CASES]
    else:
        print(f"{shared_dir} is absent: only the test data is compared")
    failures = 0
    for path, service in cases:
        name = os.path.basename(path)
        command = [road_stats, path] + (["--include-service"] if service else [])
        cpp = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        py = osm_reference.load_osm_graph(path, include_service=service).graph["report"]
        label = name + (" (with service roads)" if service else "")
        for key in sorted(set(cpp) | set(py)):
            a, b = cpp.get(key), py.get(key)
            if key in LENGTHS:
                same = a is not None and b is not None and abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)
            else:
                same = a == b
            if not same:
                failures += 1
                print(f"MISMATCH {label}: {key}: C++ {a}, Python {b}")
        print(f"{label}: nodes {cpp['nodes']} kept / {cpp['nodes_dropped']} dropped, edges {cpp['edges']} kept / "
              f"{cpp['edges_dropped']} dropped, {cpp['length_m'] / 1000:.3f} km kept / "
              f"{cpp['length_dropped_m'] / 1000:.3f} km dropped (directed); "
              f"Python {py['length_m'] / 1000:.3f} km, relative difference "
              f"{abs(cpp['length_m'] - py['length_m']) / max(py['length_m'], 1.0):.1e}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
