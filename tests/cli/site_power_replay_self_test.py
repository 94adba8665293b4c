"""Shows that site_power_replay.py can fail: altered copies of a good result must be refused.

Usage: site_power_replay_self_test.py LIMITED.h5 UNLIMITED.h5 SCRATCH_DIR
"""
import os
import shutil
import subprocess
import sys

import h5py

HERE = os.path.dirname(os.path.abspath(__file__))


def replay(limited, unlimited):
    return subprocess.run([sys.executable, os.path.join(HERE, "site_power_replay.py"), limited, unlimited],
                          capture_output=True, text=True)


def altered(source, scratch, name, change):
    path = os.path.join(scratch, name + ".h5")
    shutil.copyfile(source, path)
    with h5py.File(path, "r+") as f:
        change(f)
    return path


def scale(path, factor):
    def change(f):
        f[path][...] = f[path][()] * factor
    return change


def main():
    limited, unlimited, scratch = sys.argv[1:4]
    os.makedirs(scratch, exist_ok=True)
    good = replay(limited, unlimited)
    if good.returncode != 0:
        print(f"FAILED: the unaltered files do not pass: {good.stdout}")
        sys.exit(1)

    def later_end(f):
        ends = f["/sessions/end_ms"][()]
        starts = f["/sessions/start_ms"][()]
        ends[starts < ends] -= 3_600_000
        f["/sessions/end_ms"][...] = ends

    cases = {
        "limit_halved": scale("/grid/sites/power_limit_kw", 0.5),
        "cabinet_halved": scale("/grid/cabinets/power_kw", 0.5),
        "power_above_share": scale("/grid/session_power/power_kw", 1.5),
        "more_energy": scale("/sessions/energy_kwh", 1.01),
        "ends_earlier": later_end,
    }
    for name, change in cases.items():
        result = replay(altered(limited, scratch, name, change), unlimited)
        if result.returncode == 0:
            print(f"FAILED: {name}: the altered file passed: {result.stdout}")
            sys.exit(1)
        print(f"{name}: refused ({result.stdout.strip()})")
    print("every alteration was caught")


if __name__ == "__main__":
    main()
