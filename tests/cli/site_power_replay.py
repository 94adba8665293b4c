"""Replays the power of every site that shares power from a result file, and compares a run with
site limits against the same scenario without them.

Usage:
  site_power_replay.py LIMITED.h5 UNLIMITED.h5
      LIMITED.h5 and UNLIMITED.h5 are `evsim run` results of one scenario (same seed, same vehicles)
      with and without the stations' power_limit and cabinets. Checks, from the files alone:
      - replay: /grid/session_power rows, applied in time order, give each session's share from one
        row to its next; at every instant the shares of a site sum to at most its power_limit_kw,
        and those of a cabinet's plugs to at most the cabinet's power_kw; every row's power_kw is
        at most its share_kw; and the limits do bind somewhere (the check is not vacuous);
      - the shares bound the energy: every session on a shared site gained at most the integral of
        its share from plug-in to unplug (to 1e-4 kWh: ends are rounded to the millisecond), and
        every such session has a plug-in row first and an unplug row last;
      - never earlier: every session that plugged in at the same time, station and state of charge
        in both runs ends no earlier and gains no more energy with the limits; some end later.
Exits 0 when every check holds, 1 on the first failure (or without h5py/numpy).
"""
import sys
from collections import defaultdict

try:
    import h5py
    import numpy as np
except ImportError as error:  # pragma: no cover
    print(f"FAILED: {error} (install python3-h5py python3-numpy)")
    sys.exit(1)

TOLERANCE_KW = 1e-6
# Session ends are rounded to the millisecond: up to 0.5 ms at a few hundred kW per session.
TOLERANCE_KWH = 1e-4
PLUG_IN, RESHARE, UNPLUG = 0, 1, 2
MS_PER_H = 3_600_000.0


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def table(f, path):
    group = f[path]
    return {name: group[name][()] for name in group.attrs["columns"]}


def replay(f):
    sites = table(f, "/grid/sites")
    cabinets = table(f, "/grid/cabinets")
    rows = table(f, "/grid/session_power")
    limit = {int(s): float(l) for s, l in zip(sites["station"], sites["power_limit_kw"])}
    cabinet_of = {}  # (station, plug) -> (cabinet row, power_kw)
    for i, (s, first, n, p) in enumerate(zip(cabinets["station"], cabinets["first_plug"], cabinets["plugs"],
                                             cabinets["power_kw"])):
        for plug in range(int(first), int(first) + int(n)):
            cabinet_of[(int(s), plug)] = (i, float(p))
    order = np.lexsort((np.arange(len(rows["time_ms"])), rows["time_ms"]))
    share = {}  # (station, plug) -> (vehicle, share_kw, since_ms)
    integral_kwh = defaultdict(float)  # (vehicle, station, plug-in ms) -> integral of share
    plug_in_ms = {}
    worst = defaultdict(float)  # station -> largest summed share / limit
    binding = 0
    i = 0
    n = len(order)
    while i < n:
        t = int(rows["time_ms"][order[i]])
        touched = set()
        while i < n and int(rows["time_ms"][order[i]]) == t:
            r = order[i]
            s, plug, v = int(rows["station"][r]), int(rows["plug"][r]), int(rows["vehicle"][r])
            kw, cap = float(rows["power_kw"][r]), float(rows["share_kw"][r])
            if s not in limit:
                fail(f"/grid/session_power row {r}: station {s} is not in /grid/sites")
            if kw > cap + TOLERANCE_KW:
                fail(f"/grid/session_power row {r}: power {kw} kW above its share {cap} kW")
            previous = share.get((s, plug))
            if previous is not None:
                pv, pcap, since = previous
                if pv != v:
                    fail(f"row {r}: vehicle {v} on station {s} plug {plug} while vehicle {pv} holds it")
                integral_kwh[(pv, s, plug_in_ms[(pv, s)])] += pcap * (t - since) / MS_PER_H
            elif int(rows["cause"][r]) != PLUG_IN:
                fail(f"row {r}: vehicle {v} on station {s} plug {plug} has no plug-in row before it")
            else:
                plug_in_ms[(v, s)] = t
            if int(rows["cause"][r]) == UNPLUG:
                if previous is None:
                    fail(f"row {r}: vehicle {v} unplugs from station {s} plug {plug} without plugging in")
                share.pop((s, plug))
            else:
                share[(s, plug)] = (v, cap, t)
            touched.add(s)
            i += 1
        for s in touched:
            total = sum(c for (st, _), (_, c, _) in share.items() if st == s)
            if limit[s] > 0:
                if total > limit[s] + TOLERANCE_KW:
                    fail(f"station {s} at {t} ms: shares sum to {total} kW above its limit {limit[s]} kW")
                worst[s] = max(worst[s], total / limit[s])
                binding += total > limit[s] - TOLERANCE_KW
            by_cabinet = defaultdict(float)
            for (st, plug), (_, c, _) in share.items():
                if st == s and (st, plug) in cabinet_of:
                    by_cabinet[cabinet_of[(st, plug)]] += c
            for (row, power), total_c in by_cabinet.items():
                if total_c > power + TOLERANCE_KW:
                    fail(f"station {s} at {t} ms: cabinet {row} shares sum to {total_c} kW above {power} kW")
                binding += total_c > power - TOLERANCE_KW
    if share:
        fail(f"sessions without an unplug row: {sorted(share.items())[:3]}")
    if binding == 0:
        fail("no site or cabinet limit ever bound: the replay checks nothing")
    return integral_kwh, binding, dict(worst)


def main():
    if len(sys.argv) != 3:
        fail(__doc__)
    limited, unlimited = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
    if "/grid" in unlimited:
        fail(f"{sys.argv[2]} has /grid: it should be the run without limits")
    integral_kwh, binding, worst = replay(limited)
    shared = set(int(s) for s in limited["/grid/sites/station"][()])
    a = table(limited, "/sessions")
    checked = 0
    for k in range(len(a["vehicle"])):
        s = int(a["station"][k])
        if s not in shared or a["start_ms"][k] == a["end_ms"][k] and a["energy_kwh"][k] == 0.0:
            continue
        key = (int(a["vehicle"][k]), s, int(a["start_ms"][k]))
        if key not in integral_kwh:
            fail(f"/sessions row {k}: no /grid/session_power rows for vehicle {key[0]} at station {s} from {key[2]} ms")
        if a["energy_kwh"][k] > integral_kwh[key] + TOLERANCE_KWH:
            fail(f"/sessions row {k}: gained {a['energy_kwh'][k]} kWh, more than its shares allow ({integral_kwh[key]} kWh)")
        checked += 1
    b = table(unlimited, "/sessions")
    without = {}
    for k in range(len(b["vehicle"])):
        if b["start_ms"][k] < b["end_ms"][k]:
            without[(int(b["vehicle"][k]), int(b["station"][k]), int(b["start_ms"][k]), float(b["soc_before"][k]))] = k
    matched = later = 0
    for k in range(len(a["vehicle"])):
        key = (int(a["vehicle"][k]), int(a["station"][k]), int(a["start_ms"][k]), float(a["soc_before"][k]))
        if int(a["station"][k]) not in shared or key not in without:
            continue
        j = without[key]
        matched += 1
        if a["end_ms"][k] < b["end_ms"][j]:
            fail(f"vehicle {key[0]} at station {key[1]} from {key[2]} ms ends at {a['end_ms'][k]} ms with limits, "
                 f"earlier than {b['end_ms'][j]} ms without")
        if a["energy_kwh"][k] > b["energy_kwh"][j] + 1e-9:
            fail(f"vehicle {key[0]} at station {key[1]} from {key[2]} ms gains more with limits")
        later += a["end_ms"][k] > b["end_ms"][j]
    if matched == 0 or later == 0:
        fail(f"{matched} sessions matched, {later} ended later: the comparison checks nothing")
    print(f"replayed {len(limited['/grid/session_power/time_ms'])} power rows on {len(shared)} sites "
          f"({binding} instants at a limit; highest use of a limit {max(worst.values()):.4f}); "
          f"{checked} sessions within their shares' energy; {matched} sessions in both runs, {later} ended later "
          f"with limits, none earlier")


if __name__ == "__main__":
    main()
