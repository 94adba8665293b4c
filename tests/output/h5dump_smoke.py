"""Smoke test: `h5dump -H` reads the sample result file and lists its groups.

Usage: h5dump_smoke.py <h5dump> <sample.h5>. Exits 0 on success, 1 otherwise.
"""
import subprocess
import sys


def main():
    h5dump, path = sys.argv[1], sys.argv[2]
    result = subprocess.run([h5dump, "-H", path], capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        print(f"FAILED: h5dump exited with {result.returncode}\n{result.stderr}")
        return 1
    expected = ['GROUP "/"', 'GROUP "meta"', 'GROUP "sessions"', 'GROUP "stations"', 'GROUP "samples"',
                'GROUP "trips"', 'GROUP "kpi"', 'DATASET "energy_kwh"', 'ATTRIBUTE "units"',
                'ATTRIBUTE "columns"']
    missing = [text for text in expected if text not in result.stdout]
    if missing:
        print(f"FAILED: h5dump -H output lacks {missing}\n{result.stdout}")
        return 1
    print("h5dump -H lists every group")
    return 0


if __name__ == "__main__":
    sys.exit(main())
