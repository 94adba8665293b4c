"""Checks a measured-session replay end to end against its sessions file, and a run with tight site
limits against the same replay without them.

Usage:
  replay_check.py SESSIONS.csv START FREE.h5 FREE.json [LIMITED.h5 LIMITED.json]
      SESSIONS.csv: the Hamburg-style file (location_id, charger_id, start_time, end_time) the runs
      replayed; START: the scenario's sessions.start; FREE.h5/.json: `evsim run --json` of the replay
      without site limits; LIMITED.*: the same sessions under site limits. Checks, from the files:
      - every /replay row's connected_ms equals end_time - start_time of its line in the CSV,
        computed here independently from the text, and the rows are exactly the CSV rows wholly
        inside the run (the others counted as outside_run in the JSON);
      - without limits: every session delivered exactly what it wanted (outcome 0) and stopped
        charging at arrival + wanted / 11 kW (to 1 ms); the JSON totals equal the table's sums;
      - with limits: same sessions and connected times; no session stops charging earlier or gets
        more; some get less or stop later (the limit binds), and every site's summed power, replayed
        from /grid/session_power, stays within its power_limit_kw at every instant.
Exits 0 when every check holds, 1 on the first failure, 77 when SESSIONS.csv is absent.
"""
import csv
import datetime
import json
import os
import sys
from collections import defaultdict

try:
    import h5py
    import numpy as np
except ImportError as error:  # pragma: no cover
    print(f"FAILED: {error} (install python3-h5py python3-numpy)")
    sys.exit(1)

PLUG_KW = 11.0


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def table(f, name):
    return {k: np.asarray(v[()]) for k, v in f[name].items()}


def ms_since(text, start):
    t = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    return int((t - start).total_seconds()) * 1000


def expected_rows(path, start, horizon_ms):
    rows = {}
    outside = 0
    with open(path, newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            a, d = ms_since(row["start_time"], start), ms_since(row["end_time"], start)
            if a < 0 or d > horizon_ms:
                outside += 1
            else:
                rows[line] = (a, d)
    return rows, outside


def check_run(h5_path, json_path, csv_path, start):
    with h5py.File(h5_path, "r") as f:
        r = table(f, "/replay")
        horizon_ms = int(f["/meta"].attrs["simulated_until_ms"])
    summary = json.loads(open(json_path).read())["replay"]
    rows, outside = expected_rows(csv_path, start, horizon_ms)
    lines = r["line"].tolist()
    if sorted(lines) != sorted(rows):
        fail(f"{h5_path}: /replay lines are not the CSV rows inside the run ({len(lines)} vs {len(rows)})")
    if summary["outside_run"] != outside:
        fail(f"{json_path}: outside_run {summary['outside_run']}, the CSV has {outside}")
    for i, line in enumerate(lines):
        a, d = rows[line]
        if r["arrival_ms"][i] != a or r["departure_ms"][i] != d or r["connected_ms"][i] != d - a:
            fail(f"{h5_path}: line {line}: replayed [{r['arrival_ms'][i]}, {r['departure_ms'][i]}], file [{a}, {d}]")
    if np.any(r["outcome"] == 2):
        fail(f"{h5_path}: {int(np.sum(r['outcome'] == 2))} sessions refused (plug busy); the Hamburg file has no overlaps")
    connected_h = float(np.sum(r["connected_ms"])) / 3.6e6
    if abs(summary["connected_h"] - connected_h) > 1e-6 * max(1.0, connected_h):
        fail(f"{json_path}: connected_h {summary['connected_h']}, table {connected_h}")
    if abs(summary["delivered_kwh"] - float(np.sum(r["delivered_kwh"]))) > 1e-6 * max(1.0, summary["delivered_kwh"]):
        fail(f"{json_path}: delivered_kwh {summary['delivered_kwh']} != table sum")
    return r, summary


def site_power_within_limits(h5_path):
    with h5py.File(h5_path, "r") as f:
        sites = table(f, "/grid/sites")
        power = table(f, "/grid/session_power")
    limit = dict(zip(sites["station"].tolist(), sites["power_limit_kw"].tolist()))
    share = defaultdict(dict)
    t = power["time_ms"]
    binds = False
    for i in range(len(t)):
        s, v = int(power["station"][i]), int(power["vehicle"][i])
        share[s][v] = float(power["power_kw"][i])
        if i + 1 < len(t) and t[i + 1] == t[i]:
            continue
        for site, sessions in share.items():
            total = sum(sessions.values())
            if limit[site] > 0 and total > limit[site] * (1 + 1e-9):
                fail(f"{h5_path}: station {site} draws {total} kW > {limit[site]} kW at {t[i]} ms")
            binds = binds or (limit[site] > 0 and total > limit[site] * 0.999)
    if not binds:
        fail(f"{h5_path}: no site ever reached its limit: the check is vacuous")


def main():
    if len(sys.argv) not in (5, 7):
        print(__doc__)
        return 1
    csv_path, start_text = sys.argv[1], sys.argv[2]
    if not os.path.exists(csv_path):
        print(f"skipped: {csv_path} is not there")
        return 77
    start = datetime.datetime.strptime(start_text, "%Y-%m-%d %H:%M:%S")
    free, free_summary = check_run(sys.argv[3], sys.argv[4], csv_path, start)
    if np.any(free["outcome"] != 0):
        fail(f"{sys.argv[3]}: {int(np.sum(free['outcome'] != 0))} sessions not delivered without limits")
    if np.any(free["delivered_kwh"] != free["wanted_kwh"]):
        fail(f"{sys.argv[3]}: delivered differs from wanted without limits")
    expected_end = free["arrival_ms"] + np.rint(free["wanted_kwh"] / PLUG_KW * 3.6e6)
    if np.max(np.abs(free["charge_end_ms"] - expected_end)) > 1:
        fail(f"{sys.argv[3]}: charging ends differ from arrival + wanted / {PLUG_KW} kW")
    print(f"ok {sys.argv[3]}: {len(free['line'])} sessions, connected {free_summary['connected_h']:.2f} h, "
          f"{free_summary['delivered_kwh']:.3f} kWh, peak site {free_summary['peak_site_kw']:.1f} kW")
    if len(sys.argv) == 7:
        limited, summary = check_run(sys.argv[5], sys.argv[6], csv_path, start)
        order_f, order_l = np.argsort(free["line"]), np.argsort(limited["line"])
        ef, el = free["charge_end_ms"][order_f], limited["charge_end_ms"][order_l]
        df, dl = free["delivered_kwh"][order_f], limited["delivered_kwh"][order_l]
        if np.any(el < ef):
            fail(f"{sys.argv[5]}: {int(np.sum(el < ef))} sessions stop charging earlier under the limits")
        if np.any(dl > df * (1 + 1e-12)):
            fail(f"{sys.argv[5]}: sessions get more energy under the limits")
        if not np.any(el > ef):
            fail(f"{sys.argv[5]}: no session is slowed: the limits do not bind")
        site_power_within_limits(sys.argv[5])
        print(f"ok {sys.argv[5]}: connected {summary['connected_h']:.2f} h, {summary['delivered_kwh']:.3f} kWh "
              f"(shortfall {summary['shortfall_kwh']:.3f}), {summary['departed_short']} left short, "
              f"peak site {summary['peak_site_kw']:.1f} kW, all sites {summary['peak_total_kw']:.1f} kW")
    return 0


if __name__ == "__main__":
    sys.exit(main())
