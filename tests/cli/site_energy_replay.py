"""Replays the PV, storage and demand-response results of an `evsim run` from its result file alone
(docs/grid-model.md "PV and storage", "Demand response"; docs/output-format.md /grid/sites_energy,
/grid/site_energy_power, /grid/events).

Usage:
  site_energy_replay.py RESULT.h5                 check RESULT.h5; exit 0 when every check holds
  site_energy_replay.py RESULT.h5 --self-test DIR alter copies of RESULT.h5 in DIR; every copy must fail

Checks, per site (a row of /grid/sites_energy):
  - time series: /grid/site_energy_power rows of the site ascend in time; |battery_kw| <= storage_kw,
    0 <= pv_kw <= pv_kwp, ev_kw >= 0;
  - the documented dispatch rule, written again here: the last row of the site at each instant has the
    battery power the rule gives for its EV load, PV, valley hours, open events and SoC;
  - state of charge: integrating battery_kw (sqrt of the round-trip efficiency each way) from row to
    row gives the next row's soc and final_soc, always within [min_soc, max_soc];
  - totals: integrating the rows to /meta simulated_until_ms gives ev, pv, import, export, curtailed,
    charge, discharge and loss kWh of /grid/sites_energy; EV + export + curtailed + charge = import +
    PV + discharge; stored energy: capacity * (final - initial soc) = charge * sqrt(eta) - discharge /
    sqrt(eta);
  - EV load: on a site that shares power (/grid/sites), the sum of its sessions' power_kw from
    /grid/session_power at each row's instant is the row's ev_kw, and their energies agree;
  - curtailment (docs/grid-model.md "Demand response"): at each instant the row's ev_curtailed_kw is
    >= 0, 0 outside the site's events, and at most the remaining request written again here: on the
    uncurtailed load U = ev + ev_curtailed, b0 = rule(U, no event), b1 = rule(U, R),
    remaining = max(0, min(R - (b0 - b1), U - pv + b1)); integrating it gives ev_curtailed_kwh;
  - baseline and events: the same rule without events, run here on the uncurtailed EV load
    (ev_kw + ev_curtailed_kw) and the same PV with its own SoC and limit instants (rounded up to the
    millisecond, as evsim does), gives baseline_import_kwh; for every /grid/events row, delivered_kwh =
    baseline import - import over the window, ev_curtailed_kwh = the integral of ev_curtailed_kw and
    storage_kwh = baseline minus actual battery energy over the window, a row with curtailed energy
    counts a curtailed session, 0 <= delivered <= requested = reduce_by * hours; some event delivers
    (not vacuous).
Exits 0 when every check holds, 1 on the first failure (or without h5py/numpy).
"""
import math
import os
import shutil
import sys
from collections import defaultdict

try:
    import h5py
    import numpy as np
except ImportError as error:  # pragma: no cover
    print(f"FAILED: {error} (install python3-h5py python3-numpy)")
    sys.exit(1)

MS_PER_H = 3_600_000.0
DAY_MS = 86_400_000
SOC_EPSILON = 1e-12  # as models/grid/site_energy.cpp: this close to a limit is at the limit
TOLERANCE_KW = 1e-6
TOLERANCE_SOC = 1e-6
# Limit instants are rounded to the millisecond: a few hundred kW for 1 ms is ~1e-4 kWh.
TOLERANCE_KWH = 1e-4


class Failed(Exception):
    pass


def fail(message):
    raise Failed(message)


def table(f, path):
    group = f[path]
    return {name: group[name][()] for name in group.attrs["columns"]}


class Site:
    def __init__(self, t, i):
        self.station = int(t["station"][i])
        self.pv_kwp = float(t["pv_kwp"][i])
        self.capacity = float(t["storage_kwh"][i])
        self.kw = float(t["storage_kw"][i])
        self.eta = float(t["storage_efficiency"][i])
        self.min_soc, self.max_soc = float(t["min_soc"][i]), float(t["max_soc"][i])
        self.initial_soc = float(t["initial_soc"][i])
        shave = float(t["shave_above_kw"][i])
        self.shave = shave if shave >= 0 else math.inf
        self.valley = (int(t["valley_from_ms"][i]), int(t["valley_to_ms"][i]))
        self.export_allowed = bool(t["export_allowed"][i])
        self.has_storage = self.capacity > 0
        self.totals = {k: float(t[k][i]) for k in ("ev_kwh", "pv_kwh", "import_kwh", "export_kwh", "curtailed_kwh",
                                                  "charge_kwh", "discharge_kwh", "loss_kwh", "final_soc",
                                                  "baseline_import_kwh", "peak_import_kw", "ev_curtailed_kwh")}

    def in_valley(self, t_ms):
        start, end = self.valley
        if start < 0:
            return False
        tod = t_ms % DAY_MS
        return start <= tod < end if start < end else (tod >= start or tod < end)

    def rule_kw(self, ev_kw, pv_kw, t_ms, soc, reduce_kw):
        """The dispatch of docs/grid-model.md "PV and storage", written from the docs."""
        if not self.has_storage:
            return 0.0
        n = ev_kw - pv_kw
        can_charge = soc < self.max_soc - SOC_EPSILON
        can_discharge = soc > self.min_soc + SOC_EPSILON
        b = 0.0
        if can_charge:
            if n < 0:
                b = min(self.kw, -n)
            if self.in_valley(t_ms):
                b = max(b, min(self.kw, max(0.0, self.shave - n)))
        if b == 0.0 and can_discharge and n > self.shave:
            b = -min(self.kw, n - self.shave)
        if reduce_kw > 0 and n > 0:
            b = max(b - reduce_kw, -self.kw, -n)
            if not can_discharge:
                b = max(b, 0.0)
        return b

    def soc_after(self, soc, b, hours):
        if not self.has_storage or b == 0.0:
            return soc
        one_way = math.sqrt(self.eta)
        return soc + (b * one_way if b > 0 else b / one_way) * hours / self.capacity

    def limit_ms(self, soc, b):
        """When the battery reaches its limit at power b, rounded up as evsim rounds it."""
        one_way = math.sqrt(self.eta)
        limit = self.max_soc if b > 0 else self.min_soc
        stored_kw = b * one_way if b > 0 else b / one_way
        hours = (limit - soc) * self.capacity / stored_kw
        return max(1, math.ceil(max(0.0, hours) * MS_PER_H - 1e-6)), limit


def close(a, b, tol):
    return abs(a - b) <= tol + 1e-9 * max(abs(a), abs(b))


def grid_split(site, ev, pv, b):
    """(import, export, curtailed) kW for one instant."""
    g = ev - pv + b
    if g > 0:
        return g, 0.0, 0.0
    return (0.0, -g, 0.0) if site.export_allowed else (0.0, 0.0, -g)


def session_load(f):
    """station -> sorted list of (time_ms, summed power_kw after every row at that instant)."""
    if "/grid/session_power" not in f:
        return {}
    rows = table(f, "/grid/session_power")
    order = np.lexsort((np.arange(len(rows["time_ms"])), rows["time_ms"]))
    held = {}
    load = defaultdict(float)
    steps = defaultdict(list)
    for r in order:
        t, s, plug = int(rows["time_ms"][r]), int(rows["station"][r]), int(rows["plug"][r])
        kw = float(rows["power_kw"][r])
        load[s] += kw - held.get((s, plug), 0.0)
        held[(s, plug)] = kw
        if steps[s] and steps[s][-1][0] == t:
            steps[s][-1] = (t, load[s])
        else:
            steps[s].append((t, load[s]))
    return steps


def load_at(steps, t):
    """The summed power after every session row at or before t (binary search)."""
    lo, hi = 0, len(steps)
    while lo < hi:
        mid = (lo + hi) // 2
        if steps[mid][0] <= t:
            lo = mid + 1
        else:
            hi = mid
    return steps[lo - 1][1] if lo > 0 else 0.0


def check(path):
    with h5py.File(path, "r") as f:
        end_ms = int(f["/meta"].attrs["simulated_until_ms"])
        st = table(f, "/grid/sites_energy")
        sites = [Site(st, i) for i in range(len(st["station"]))]
        power = table(f, "/grid/site_energy_power")
        events = table(f, "/grid/events")
        shared = set(int(s) for s in table(f, "/grid/sites")["station"]) if "/grid/sites" in f else set()
        ev_steps = session_load(f)
    windows = defaultdict(list)  # station -> [(from_ms, to_ms, reduce_kw, row)]
    for k in range(len(events["station"])):
        req_kw = float(events["requested_kw"][k])
        windows[int(events["station"][k])].append((int(events["from_ms"][k]), int(events["to_ms"][k]), req_kw, k))
    actual_window_kwh = defaultdict(float)  # events row -> import over its window
    base_window_kwh = defaultdict(float)
    cut_window_kwh = defaultdict(float)  # events row -> EV load curtailed over its window
    actual_battery_kwh = defaultdict(float)  # events row -> battery energy (grid side) over its window
    base_battery_kwh = defaultdict(float)
    checked_cut = 0
    checked_rule = 0
    for site in sites:
        rows = [i for i in range(len(power["station"])) if int(power["station"][i]) == site.station]
        if not rows:
            fail(f"station {site.station}: no /grid/site_energy_power rows")
        times = [int(power["time_ms"][i]) for i in rows]
        if times != sorted(times):
            fail(f"station {site.station}: /grid/site_energy_power rows not in time order")
        acc = defaultdict(float)
        soc = site.initial_soc
        for j, i in enumerate(rows):
            t = times[j]
            ev, pv, b = float(power["ev_kw"][i]), float(power["pv_kw"][i]), float(power["battery_kw"][i])
            cut = float(power["ev_curtailed_kw"][i])
            if cut < -TOLERANCE_KW:
                fail(f"station {site.station} at {t} ms: ev_curtailed_kw {cut} < 0")
            if not close(float(power["soc"][i]), soc, TOLERANCE_SOC):
                fail(f"station {site.station} at {t} ms: soc {float(power['soc'][i])}, replayed {soc}")
            soc = float(power["soc"][i])
            if abs(b) > site.kw + TOLERANCE_KW:
                fail(f"station {site.station} at {t} ms: battery {b} kW above its {site.kw} kW")
            if not (-TOLERANCE_KW <= pv <= site.pv_kwp + TOLERANCE_KW) or ev < -TOLERANCE_KW:
                fail(f"station {site.station} at {t} ms: PV {pv} kW of {site.pv_kwp} kWp, EV {ev} kW")
            last_at_t = j + 1 == len(rows) or times[j + 1] != t
            if last_at_t:  # earlier rows of the same instant are states on the way
                sessions_kw = load_at(ev_steps.get(site.station, []), t)
                if site.station in shared and not close(ev, sessions_kw, TOLERANCE_KW):
                    fail(f"station {site.station} at {t} ms: ev_kw {ev}, sessions' sum {sessions_kw}")
                reduce = sum(r for (a, z, r, _) in windows[site.station] if a <= t < z)
                want = site.rule_kw(ev, pv, t, soc, reduce)
                if not close(b, want, TOLERANCE_KW):
                    fail(f"station {site.station} at {t} ms: battery {b} kW, the rule gives {want} kW "
                         f"(EV {ev}, PV {pv}, soc {soc}, reduce {reduce})")
                checked_rule += 1
                remaining = 0.0
                if reduce > 0:
                    u = ev + cut
                    b0, b1 = site.rule_kw(u, pv, t, soc, 0.0), site.rule_kw(u, pv, t, soc, reduce)
                    remaining = max(0.0, min(reduce - (b0 - b1), u - pv + b1))
                if cut > remaining + TOLERANCE_KW:
                    fail(f"station {site.station} at {t} ms: EV load curtailed by {cut} kW, more than the "
                         f"remaining request {remaining} kW (EV {ev}, PV {pv}, soc {soc}, reduce {reduce})")
                if cut > 0:
                    checked_cut += 1
            t_next = times[j + 1] if j + 1 < len(rows) else end_ms
            hours = (t_next - t) / MS_PER_H
            imp, exp, cur = grid_split(site, ev, pv, b)
            acc["ev_kwh"] += ev * hours
            acc["ev_curtailed_kwh"] += cut * hours
            acc["pv_kwh"] += pv * hours
            acc["import_kwh"] += imp * hours
            acc["export_kwh"] += exp * hours
            acc["curtailed_kwh"] += cur * hours
            if hours > 0 and imp > 0:
                acc["peak_import_kw"] = max(acc["peak_import_kw"], imp)
            if b > 0:
                acc["charge_kwh"] += b * hours
            else:
                acc["discharge_kwh"] -= b * hours
            for (a, z, _, k) in windows[site.station]:
                overlap = max(0, min(z, t_next) - max(a, t)) / MS_PER_H
                actual_window_kwh[k] += imp * overlap
                cut_window_kwh[k] += cut * overlap
                actual_battery_kwh[k] += b * overlap
            soc = site.soc_after(soc, b, hours)
            if site.has_storage and not (site.min_soc - TOLERANCE_SOC <= soc <= site.max_soc + TOLERANCE_SOC):
                fail(f"station {site.station}: soc {soc} outside [{site.min_soc}, {site.max_soc}] before {t_next} ms")
        one_way = math.sqrt(site.eta) if site.has_storage else 1.0
        acc["loss_kwh"] = acc["charge_kwh"] * (1 - one_way) + acc["discharge_kwh"] * (1 / one_way - 1)
        acc["final_soc"] = soc if site.has_storage else site.totals["final_soc"]
        for key, value in acc.items():
            tol = TOLERANCE_SOC if key == "final_soc" else TOLERANCE_KW if key.endswith("_kw") else TOLERANCE_KWH
            if not close(value, site.totals[key], tol):
                fail(f"station {site.station}: {key} {site.totals[key]} in /grid/sites_energy, replayed {value}")
        tot = site.totals
        lhs = tot["ev_kwh"] + tot["export_kwh"] + tot["curtailed_kwh"] + tot["charge_kwh"]
        rhs = tot["import_kwh"] + tot["pv_kwh"] + tot["discharge_kwh"]
        if not close(lhs, rhs, TOLERANCE_KWH):
            fail(f"station {site.station}: EV + export + curtailed + charge {lhs} kWh != import + PV + discharge {rhs}")
        if site.has_storage:
            stored = site.capacity * (tot["final_soc"] - site.initial_soc)
            flow = tot["charge_kwh"] * one_way - tot["discharge_kwh"] / one_way
            # Each arrival at a SoC limit sets the SoC exactly at an instant rounded up to the
            # millisecond, so the flows may run up to 1 ms past it: TOLERANCE_KWH per arrival.
            socs = [float(power["soc"][i]) for i in range(len(power["station"]))
                    if int(power["station"][i]) == site.station]
            at_limit = [min(abs(x - site.min_soc), abs(x - site.max_soc)) < SOC_EPSILON for x in socs]
            arrivals = sum(1 for k in range(1, len(at_limit)) if at_limit[k] and not at_limit[k - 1])
            if not close(stored, flow, TOLERANCE_KWH * max(1, arrivals)):
                fail(f"station {site.station}: stored energy changed by {stored} kWh, battery flows give {flow}")
        if site.station in shared:
            steps = ev_steps.get(site.station, [])
            energy = sum(kw * ((steps[k + 1][0] if k + 1 < len(steps) else end_ms) - t) / MS_PER_H
                         for k, (t, kw) in enumerate(steps))
            if not close(energy, tot["ev_kwh"], TOLERANCE_KWH):
                fail(f"station {site.station}: ev_kwh {tot['ev_kwh']}, sessions' power integral {energy}")
        # The baseline: the same rule without events, its own SoC and limit instants.
        base_import = 0.0
        soc = site.initial_soc
        for j, i in enumerate(rows):
            t = times[j]
            t_next = times[j + 1] if j + 1 < len(rows) else end_ms
            # The uncurtailed EV load: what the site carries plus what demand response cut.
            ev, pv = float(power["ev_kw"][i]) + float(power["ev_curtailed_kw"][i]), float(power["pv_kw"][i])
            while True:
                b = site.rule_kw(ev, pv, t, soc, 0.0)
                stop, limit = t_next, None
                if b != 0.0:
                    ms, lim = site.limit_ms(soc, b)
                    if t + ms <= t_next:
                        stop, limit = t + ms, lim
                hours = (stop - t) / MS_PER_H
                imp = grid_split(site, ev, pv, b)[0]
                base_import += imp * hours
                for (a, z, _, k) in windows[site.station]:
                    overlap = max(0, min(z, stop) - max(a, t)) / MS_PER_H
                    base_window_kwh[k] += imp * overlap
                    base_battery_kwh[k] += b * overlap
                soc = min(max(site.soc_after(soc, b, hours), site.min_soc), site.max_soc) if site.has_storage else soc
                if limit is not None:
                    soc = limit
                t = stop
                if t >= t_next:
                    break
        if not close(base_import, tot["baseline_import_kwh"], TOLERANCE_KWH):
            fail(f"station {site.station}: baseline_import_kwh {tot['baseline_import_kwh']}, replayed {base_import}")
    delivered_any = False
    for k in range(len(events["station"])):
        requested, delivered = float(events["requested_kwh"][k]), float(events["delivered_kwh"][k])
        hours = float(events["hours"][k])
        if not close(requested, float(events["requested_kw"][k]) * hours, TOLERANCE_KWH):
            fail(f"/grid/events row {k}: requested {requested} kWh is not reduce_by * {hours} h")
        replayed = base_window_kwh[k] - actual_window_kwh[k]
        if not close(delivered, replayed, TOLERANCE_KWH):
            fail(f"/grid/events row {k}: delivered {delivered} kWh, replayed baseline - actual import {replayed}")
        curtailed, storage = float(events["ev_curtailed_kwh"][k]), float(events["storage_kwh"][k])
        if not close(curtailed, cut_window_kwh[k], TOLERANCE_KWH):
            fail(f"/grid/events row {k}: ev_curtailed_kwh {curtailed}, replayed {cut_window_kwh[k]}")
        replayed_storage = base_battery_kwh[k] - actual_battery_kwh[k]
        if not close(storage, replayed_storage, TOLERANCE_KWH):
            fail(f"/grid/events row {k}: storage_kwh {storage}, replayed {replayed_storage}")
        if int(events["sessions_curtailed"][k]) == 0 and curtailed > TOLERANCE_KWH:
            fail(f"/grid/events row {k}: {curtailed} kWh curtailed but no session counted")
        if not (-TOLERANCE_KWH <= delivered <= requested + TOLERANCE_KWH):
            fail(f"/grid/events row {k}: delivered {delivered} kWh outside [0, requested {requested}]")
        delivered_any = delivered_any or delivered > 1.0
    if len(events["station"]) and not delivered_any:
        fail("no event delivered a reduction above 1 kWh: the event checks are vacuous")
    return len(sites), checked_rule, len(events["station"]), checked_cut


def alter(src, dst, path, column, row, change):
    shutil.copyfile(src, dst)
    with h5py.File(dst, "r+") as f:
        data = f[path][column]
        values = data[()]
        values[row] = change(values[row])
        data[...] = values


def self_test(src, workdir):
    os.makedirs(workdir, exist_ok=True)
    with h5py.File(src, "r") as f:
        power = table(f, "/grid/site_energy_power")
    busy = int(np.argmax(np.abs(power["battery_kw"])))  # a row where the battery works
    cut_row = int(np.argmax(power["ev_curtailed_kw"]))  # a row where sessions are curtailed, if any
    cases = [
        ("battery power off the rule", "/grid/site_energy_power", "battery_kw", busy, lambda v: v * 0.9),
        ("soc jump", "/grid/site_energy_power", "soc", busy, lambda v: v + 0.01),
        ("import total", "/grid/sites_energy", "import_kwh", 0, lambda v: v + 0.5),
        ("loss total", "/grid/sites_energy", "loss_kwh", 1, lambda v: v + 0.5),
        ("baseline import", "/grid/sites_energy", "baseline_import_kwh", 0, lambda v: v - 0.5),
        ("delivered", "/grid/events", "delivered_kwh", 0, lambda v: v + 0.5),
        ("EV load", "/grid/site_energy_power", "ev_kw", busy, lambda v: v + 1.0),
    ]
    if power["ev_curtailed_kw"][cut_row] > 0:
        cases += [
            ("curtailed EV load", "/grid/site_energy_power", "ev_curtailed_kw", cut_row, lambda v: v * 0.8),
            ("curtailed energy", "/grid/events", "ev_curtailed_kwh", 0, lambda v: v + 0.5),
            ("storage energy", "/grid/events", "storage_kwh", 0, lambda v: v - 0.5),
        ]
    for name, path, column, row, change in cases:
        dst = os.path.join(workdir, f"altered_{column}.h5")
        alter(src, dst, path, column, row, change)
        try:
            check(dst)
        except Failed as e:
            print(f"caught {name}: {e}")
            continue
        print(f"FAILED: altered {path}/{column} row {row} ({name}) passed the checks")
        return 1
    print(f"OK: {len(cases)} altered copies caught")
    return 0


def main():
    if len(sys.argv) == 4 and sys.argv[2] == "--self-test":
        return self_test(sys.argv[1], sys.argv[3])
    if len(sys.argv) != 2:
        print(__doc__)
        return 1
    try:
        sites, rules, events, cuts = check(sys.argv[1])
    except Failed as e:
        print(f"FAILED: {e}")
        return 1
    print(f"OK: {sites} sites replayed ({rules} dispatch instants against the rule, {cuts} with curtailed "
          f"sessions), {events} event rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
