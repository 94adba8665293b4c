"""Shows that compare_runs.py can fail: alters copies of the plan_town results one way at a time.

Usage: compare_runs_self_test.py SCENARIO.yaml BASE.h5 PLAN.h5 PLAN_NAME WORKDIR

`same` must reject a copy of BASE.h5 with one value changed; `crn` must reject PLAN.h5 copies in
which a vehicle's plan changed (initial SoC, charger), a trip before its first charging need
changed, a plan leg went elsewhere, or a base station moved; and both must accept the unaltered
files. Exits 0 when all of that holds, 1 otherwise (also without h5py/numpy/yaml).
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_runs  # noqa: E402  (exits 1 itself when h5py, numpy or yaml is missing)
from compare_runs import Different  # noqa: E402

import h5py  # noqa: E402
import numpy as np  # noqa: E402

PLAN, PASSENGER = 0, 3


def altered_copy(source, target, alter):
    shutil.copyfile(source, target)
    with h5py.File(target, "r+") as f:
        alter(f)
    return target


def bump(path, row, delta):
    def alter(f):
        ds = f[path]
        ds[row] = np.array(ds[row] + delta, dtype=ds.dtype)
    return alter


def main():
    if len(sys.argv) != 6:
        print(__doc__)
        return 2
    scenario, base, plan, plan_name, workdir = sys.argv[1:]
    os.makedirs(workdir, exist_ok=True)
    compare_runs.same(base, base)
    compare_runs.crn(scenario, base, plan, plan_name)

    def read(path):
        with h5py.File(path, "r") as f:
            return ({c: f["/trips"][c][:] for c in ("vehicle", "purpose", "activity", "arrive_ms")},
                    {c: f["/needs"][c][:] for c in ("vehicle", "time_ms")},
                    [s.decode() for s in f["/stations/name"][:]], int(f["/sessions"].attrs["rows"]))
    trips, needs, stations, _ = read(plan)
    base_trips, base_needs, base_stations, n_sessions = read(base)
    first_need = {}
    for nd in (needs, base_needs):
        for v, t in zip(nd["vehicle"].tolist(), nd["time_ms"].tolist()):
            first_need[v] = min(t, first_need.get(v, t))
    # A trip of a vehicle without needs in either run.
    quiet = next(i for i, v in enumerate(trips["vehicle"].tolist()) if v not in first_need)

    # A plan leg (not a ride-hailing fare) that arrives after the vehicle's first need and lies
    # within the legs both runs drove: only the leg comparison can see it.
    def legs(t):
        out = {}
        for i, (v, p, a) in enumerate(zip(t["vehicle"].tolist(), t["purpose"].tolist(), t["activity"].tolist())):
            if p == PLAN and a != PASSENGER:
                out.setdefault(v, []).append(i)
        return out
    plan_legs, base_legs = legs(trips), legs(base_trips)
    later_leg = next(plan_legs[v][k - 1] for v in sorted(first_need)
                     for k in [min(len(plan_legs.get(v, [])), len(base_legs.get(v, [])))]
                     if k > 0 and trips["arrive_ms"][plan_legs[v][k - 1]] > first_need[v])
    plan_row_of_base_station = stations.index(base_stations[0])

    cases = [
        ("same", "a session's energy changed", altered_copy(base, os.path.join(workdir, "same.h5"),
                                                             bump("/sessions/energy_kwh", n_sessions - 1, 1e-12))),
        ("crn", "a vehicle's initial SoC changed", altered_copy(plan, os.path.join(workdir, "soc.h5"),
                                                                bump("/vehicles/initial_soc", 0, 1e-9))),
        ("crn", "a vehicle's home charger moved", altered_copy(plan, os.path.join(workdir, "charger.h5"),
                                                               bump("/vehicles/charger_power_kw", 0, 1.0))),
        ("crn", "a trip of a vehicle without needs changed", altered_copy(plan, os.path.join(workdir, "quiet.h5"),
                                                                          bump("/trips/distance_m", quiet, 1e-6))),
        ("crn", "a later plan leg went elsewhere", altered_copy(plan, os.path.join(workdir, "leg.h5"),
                                                                bump("/trips/destination", later_leg, 1))),
        ("crn", "a base station moved", altered_copy(plan, os.path.join(workdir, "station.h5"),
                                                     bump("/stations/node", plan_row_of_base_station, 1))),
    ]
    failures = []
    for mode, what, path in cases:
        try:
            if mode == "same":
                compare_runs.same(base, path)
            else:
                compare_runs.crn(scenario, base, path, plan_name)
            failures.append(f"{mode}: {what}: not noticed")
        except Different as e:
            print(f"caught   {mode}: {what}: {e}")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print(f"ok: the unaltered runs compare equal, and all {len(cases)} alterations were caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
