"""Compares two `evsim run` result files: determinism and common random numbers (CRN).

Usage:
  compare_runs.py same A.h5 B.h5
      Every table (/trips, /needs, /sessions, /stations, /stations/samples, /vehicles, /segments),
      every /kpi attribute and /meta seed and scenario_text are identical, bit for bit.
  compare_runs.py crn SCENARIO.yaml BASE.h5 PLAN.h5 PLAN_NAME
      PLAN.h5 simulates the same scenario with the stations of plan PLAN_NAME added. Plans never
      depend on stations (models/demand/fleet_plan.hpp), and a vehicle meets the stations only
      through a charging need, so:
      - /vehicles type, segment, start, charger_node, charger_power_kw, initial_soc are identical;
      - for every vehicle, everything before its first charging need in either run is identical:
        its trips (every column) and home or depot sessions that ended before that moment, and the
        first need itself (time, reason, node) unless it was opportunistic (those depend on a free
        plug nearby); a vehicle without needs in both runs has identical trips, sessions and
        /vehicles row;
      - every vehicle drives the legs of the same plan: its sequence of plan-trip destinations and
        activities in one run is a prefix of the other's (ride-hailing fares may be skipped when a
        shift runs out, so for those segments only the non-fare legs are compared);
      - the plan's stations are the base's plus the plan's own, the shared ones unchanged, and the
        station results differ.
      (A plan trip's planned_depart_ms is when the leg fell due, which after the first charging
      stop depends on the charging delays; it is compared only where the histories are identical.)
Exits 0 when the files agree, 1 on the first difference or without h5py/numpy/yaml.
"""
import math
import sys

try:
    import h5py
    import numpy as np
    import yaml
except ImportError as error:  # pragma: no cover
    # A check that cannot run must fail, not pass as skipped (scripts/setup-debian.sh installs these).
    print(f"FAILED: {error} (install python3-h5py python3-numpy python3-yaml)")
    sys.exit(1)

TABLES = ("/trips", "/needs", "/sessions", "/stations", "/stations/samples", "/vehicles", "/segments")
PLAN, OPPORTUNISTIC, PASSENGER, PUBLIC = 0, 3, 3, 0


class Different(Exception):
    pass


def read_table(f, path):
    group = f[path]
    columns = [str(c) for c in group.attrs["columns"]]
    return {name: (np.array(group[name].asstr()[:], dtype=object) if h5py.check_string_dtype(group[name].dtype)
                   else group[name][:]) for name in columns}


def same_array(a, b):
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.kind == "f":
        return np.array_equal(a, b, equal_nan=True)
    return np.array_equal(a, b)


def same(path_a, path_b):
    with h5py.File(path_a, "r") as a, h5py.File(path_b, "r") as b:
        for table in TABLES:
            ta, tb = read_table(a, table), read_table(b, table)
            if list(ta) != list(tb):
                raise Different(f"{table}: columns {list(ta)} vs {list(tb)}")
            for name in ta:
                if not same_array(ta[name], tb[name]):
                    raise Different(f"{table}/{name} differs")
        ka, kb = dict(a["/kpi"].attrs.items()), dict(b["/kpi"].attrs.items())
        if sorted(ka) != sorted(kb):
            raise Different(f"/kpi attributes {sorted(ka)} vs {sorted(kb)}")
        for k in ka:
            if not (ka[k] == kb[k] or (isinstance(ka[k], float) and math.isnan(ka[k]) and math.isnan(kb[k]))):
                raise Different(f"/kpi {k}: {ka[k]!r} vs {kb[k]!r}")
        for k in ("seed", "replication"):
            if a["/meta"].attrs[k] != b["/meta"].attrs[k]:
                raise Different(f"/meta {k} differs")
        if a["/meta/scenario_text"][()] != b["/meta/scenario_text"][()]:
            raise Different("/meta/scenario_text differs")
        rows = {t: int(a[t].attrs["rows"]) for t in ("/trips", "/needs", "/sessions")}
    return f"identical: {rows}"


def by_vehicle(table, mask):
    """Row indices where mask holds, ordered by vehicle and, within a vehicle, as in the table."""
    rows = np.flatnonzero(mask)
    return rows[np.argsort(table["vehicle"][rows], kind="stable")]


def first_difference(A, B, rows_a, rows_b, columns):
    """None when the rows hold the same values, else the position of the first difference."""
    if rows_a.size != rows_b.size:
        return min(rows_a.size, rows_b.size)
    for c in columns:
        bad = np.flatnonzero(A[c][rows_a] != B[c][rows_b])
        if bad.size:
            return int(bad[0])
    return None


def leading(table, rows, keep):
    """Of rows (grouped by vehicle), the first keep[v] rows of every vehicle v."""
    v = table["vehicle"][rows].astype(np.int64)
    start = np.searchsorted(v, v, side="left")
    return rows[np.arange(rows.size) - start < keep[v]]


def crn(scenario_path, base_path, plan_path, plan_name):
    with open(scenario_path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    ride_hailing = np.array([str(s.get("kind", "private")) == "ride_hailing" for s in doc["fleet"]])
    plan_spec = next(p for p in doc.get("plans") or [] if str(p["name"]) == plan_name)
    plan_station_names = {str(s["name"]) for s in plan_spec.get("stations") or []}
    with h5py.File(base_path, "r") as a, h5py.File(plan_path, "r") as b:
        if str(b["/kpi"].attrs["plan"]) != plan_name or str(a["/kpi"].attrs["plan"]) != "base":
            raise Different(f"/kpi plan: base file says {a['/kpi'].attrs['plan']}, plan file {b['/kpi'].attrs['plan']}")
        A = {t: read_table(a, t) for t in ("/trips", "/needs", "/sessions", "/stations", "/vehicles")}
        B = {t: read_table(b, t) for t in ("/trips", "/needs", "/sessions", "/stations", "/vehicles")}

    va, vb = A["/vehicles"], B["/vehicles"]
    for col in ("type", "segment", "start", "charger_node", "charger_power_kw", "initial_soc"):
        if not same_array(va[col], vb[col]):
            bad = int(np.flatnonzero(va[col] != vb[col])[0])
            raise Different(f"/vehicles {col} of vehicle {bad}: {va[col][bad]} vs {vb[col][bad]} (plans must not "
                            f"depend on stations)")
    n = len(va["type"])

    # t_star[v]: the first charging need of v in either run (int64 max: none).
    never = np.iinfo(np.int64).max
    t_star = np.full(n, never, dtype=np.int64)
    first = {}
    for k, X in (("a", A), ("b", B)):
        nd = X["/needs"]
        v = nd["vehicle"].astype(np.int64)
        np.minimum.at(t_star, v, nd["time_ms"])
        order = np.lexsort((np.arange(v.size), nd["time_ms"], v))  # by vehicle, then time, then row
        vehicles, at = np.unique(v[order], return_index=True)
        first[k] = np.full(n, -1)
        first[k][vehicles] = order[at]
    untouched = t_star == never
    if not untouched.any():
        raise Different("no vehicle was free of charging needs in both runs: the comparison compares nothing")
    for col in va:
        bad = np.flatnonzero(untouched & (va[col] != vb[col]))
        if bad.size:
            raise Different(f"vehicle {bad[0]} had no charging need in either run, yet its /vehicles {col} differs: "
                            f"{va[col][bad[0]]} vs {vb[col][bad[0]]}")

    # Trips and home or depot sessions before the first need: identical, row for row.
    ta, tb = A["/trips"], B["/trips"]
    ra = by_vehicle(ta, ta["arrive_ms"] < t_star[ta["vehicle"].astype(np.int64)])
    rb = by_vehicle(tb, tb["arrive_ms"] < t_star[tb["vehicle"].astype(np.int64)])
    d = first_difference(ta, tb, ra, rb, list(ta))
    if d is not None:
        v = ta["vehicle"][ra[min(d, ra.size - 1)]] if ra.size else "?"
        raise Different(f"trips before the first charging need differ (around vehicle {v})")
    sa_, sb_ = A["/sessions"], B["/sessions"]
    qa = by_vehicle(sa_, (sa_["place"] != PUBLIC) & (sa_["end_ms"] < t_star[sa_["vehicle"].astype(np.int64)]))
    qb = by_vehicle(sb_, (sb_["place"] != PUBLIC) & (sb_["end_ms"] < t_star[sb_["vehicle"].astype(np.int64)]))
    d = first_difference(sa_, sb_, qa, qb, list(sa_))
    if d is not None:
        raise Different("home or depot sessions before the first charging need differ")

    # The first need, unless opportunistic, arises in both runs alike.
    first_needs = 0
    for k, other, X, Y in (("a", "b", A, B), ("b", "a", B, A)):
        nx, ny = X["/needs"], Y["/needs"]
        for v in np.flatnonzero((first[k] >= 0)):
            i, j = first[k][v], first[other][v]
            if nx["reason"][i] == OPPORTUNISTIC:
                continue
            if j < 0 or ny["time_ms"][j] > nx["time_ms"][i]:
                raise Different(f"vehicle {v}: its first need (reason {nx['reason'][i]}, at {nx['time_ms'][i]} ms) "
                                f"is missing in the other run")
            if ny["time_ms"][j] == nx["time_ms"][i]:
                for col in ("reason", "node"):
                    if nx[col][i] != ny[col][j]:
                        raise Different(f"vehicle {v}: first need {col} {nx[col][i]} vs {ny[col][j]}")
                first_needs += k == "a"

    # The same plan legs in the same order: per vehicle, one run's list is a prefix of the other's.
    def legs(t):
        segment = np.asarray(va["segment"], dtype=np.int64)[t["vehicle"].astype(np.int64)]
        fare = ride_hailing[segment] & (t["activity"] == PASSENGER)
        rows = by_vehicle(t, (t["purpose"] == PLAN) & ~fare)
        return rows, np.bincount(t["vehicle"][rows].astype(np.int64), minlength=n)
    la, ca = legs(ta)
    lb, cb = legs(tb)
    keep = np.minimum(ca, cb)
    d = first_difference(ta, tb, leading(ta, la, keep), leading(tb, lb, keep), ["vehicle", "destination", "activity"])
    if d is not None:
        raise Different("plan legs (destination, activity) differ: one run's are not a prefix of the other's")

    sa, sb = A["/stations"], B["/stations"]
    names_a, names_b = list(sa["name"]), list(sb["name"])
    if set(names_b) != set(names_a) | plan_station_names or len(names_b) != len(names_a) + len(plan_station_names):
        raise Different(f"plan stations {sorted(set(names_b) - set(names_a))} are not the base's plus the plan's "
                        f"{sorted(plan_station_names)}")
    results_differ = False
    for i, name in enumerate(names_a):
        j = names_b.index(name)
        for col in ("node", "plugs", "dc_plugs", "rated_power_kw", "price_per_kwh", "public"):
            if sa[col][i] != sb[col][j]:
                raise Different(f"station {name}: {col} {sa[col][i]} in the base, {sb[col][j]} in the plan")
        results_differ |= any(sa[col][i] != sb[col][j]
                              for col in ("arrivals", "energy_kwh", "busy_plug_ms", "queue_ms"))
    if not results_differ:
        raise Different("the base stations' results are identical with and without the plan's stations")
    return (f"common random numbers hold: {n} vehicles, {int(untouched.sum())} without charging needs, "
            f"{ra.size} trips and {qa.size} home/depot sessions before first needs identical, "
            f"{first_needs} first needs alike, {int(keep.sum())} plan legs in the same order")


def main():
    try:
        if len(sys.argv) == 4 and sys.argv[1] == "same":
            print(same(sys.argv[2], sys.argv[3]))
        elif len(sys.argv) == 6 and sys.argv[1] == "crn":
            print(crn(*sys.argv[2:]))
        else:
            print(__doc__)
            return 2
    except Different as e:
        print(f"FAILED: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
