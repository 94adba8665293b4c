"""Recomputes the charging costs of an `evsim run` with tariffs from the result file alone.

Usage:
  tariff_replay.py RESULT.h5 [--alter WHAT]
      RESULT.h5 is the result of a scenario with `tariffs` (e.g. small_town_tariffs.yaml). The tariffs,
      stations' prices, tariffs and operators and the segments' tariffs are read from the scenario
      text stored in /meta (PyYAML, not evsim's reader). Checks:
      - readings: each metered session's /grid/meter_readings start at 0 at plug-in, never decrease,
        and no price boundary of its tariff falls strictly between two readings (so its cost is
        sum of energy between readings x the price there, exact);
      - session costs: that sum and fee x energy equal /grid/session_costs (energy_cost,
        service_cost) to 1e-9 relative; its last reading equals the session's grid energy in
        /sessions; every public session that plugged in, and every home or depot session of a
        segment with a tariff, has exactly one cost row, and no other session has one;
      - totals: /grid/costs per station and /grid/operator_costs per operator (mapped from the
        scenario's operator keys by station name) are the sums of the session costs;
      - smart charging: delivered_kwh equals the session's battery energy in /sessions, shortfall
        = max(0, needed - delivered); a session whose plan fitted before its departure
        (full_power_h <= departure - plug-in) and that was not cut by the horizon has no shortfall;
      - cheapest: a cheapest session whose valley hours before its departure are enough
        (>= full_power_h) draws no energy outside valley periods; some such sessions drew energy
        (the check is not vacuous), and some metered sessions drew energy in peak hours.
      --alter WHAT changes a copy of the tables in memory first (cost, reading, station_total,
      peak) to show that the checks fail; then exit 0 means a check caught it.
Exits 0 when every check holds, 1 on the first failure (or without h5py/numpy/yaml).
"""
import sys
from collections import defaultdict

try:
    import h5py
    import numpy as np
    import yaml
except ImportError as error:  # pragma: no cover
    print(f"FAILED: {error} (install python3-h5py python3-numpy python3-yaml)")
    sys.exit(1)

from run_result import parse_price

DAY_MS = 86_400_000
MS_PER_H = 3_600_000.0
NO_STATION = 4294967295
REL = 1e-9
PEAK, FLAT, VALLEY = 0, 1, 2
CHEAPEST = 1
PLUGGED = {0, 1, 4}  # /sessions outcome: charged, unplugged, cut_by_horizon


class Failure(Exception):
    pass


def fail(message):
    raise Failure(message)


def table(f, path):
    group = f[path]
    out = {}
    for name in group.attrs["columns"]:
        data = group[name][()]
        if data.dtype.kind in "OS":
            data = np.array([x.decode() if isinstance(x, bytes) else x for x in data])
        out[name] = data
    return out


def clock_ms(text):
    h, m = str(text).split(":")[:2]
    return (int(h) * 60 + int(m)) * 60_000


class Tariff:
    """Daily periods [from, to) with a price and kind, read from the scenario text."""

    def __init__(self, spec=None, flat_price=None):
        self.fee = parse_price(spec.get("service_fee_per_kwh", 0)) if spec else 0.0
        self.periods = []  # (from_ms, to_ms, price, kind), split at midnight
        if spec is None:
            self.periods.append((0, DAY_MS, flat_price, FLAT))
            return
        kinds = {"peak": PEAK, "flat": FLAT, "valley": VALLEY}
        for p in spec["periods"]:
            a, b = clock_ms(p["from"]), clock_ms(p["to"])
            b = DAY_MS if b == 0 else b
            price, kind = parse_price(p["price_per_kwh"]), kinds[p["kind"]]
            if b > a:
                self.periods.append((a, b, price, kind))
            else:
                self.periods.append((a, DAY_MS, price, kind))
                self.periods.append((0, b, price, kind))
        self.periods.sort()

    def period_at(self, t_ms):
        tod = t_ms % DAY_MS
        for a, b, price, kind in self.periods:
            if a <= tod < b:
                return price, kind
        fail(f"no tariff period at {tod} ms")

    def boundaries_between(self, t0, t1):
        """Whether a price change falls strictly inside (t0, t1)."""
        day = (t0 // DAY_MS) * DAY_MS
        while day < t1:
            for a, _, _, _ in self.periods:
                t = day + a
                if t0 < t < t1 and self.period_at(t - 1)[0] != self.period_at(t)[0]:
                    return True
            day += DAY_MS
        return False

    def valley_ms(self, t0, t1):
        total, day = 0, (t0 // DAY_MS) * DAY_MS
        while day < t1:
            for a, b, _, kind in self.periods:
                if kind == VALLEY:
                    total += max(0, min(t1, day + b) - max(t0, day + a))
            day += DAY_MS
        return total


def close(a, b, scale=1.0):
    return abs(a - b) <= REL * max(abs(a), abs(b), scale) + 1e-12


def replay(f, alter=None):
    sc = yaml.safe_load(f["/meta/scenario_text"].asstr()[()])
    named = {t["name"]: Tariff(t) for t in sc.get("tariffs", [])}
    tariffs = table(f, "/grid/tariffs")
    stations = table(f, "/stations")
    vehicles = table(f, "/vehicles")
    sessions = table(f, "/sessions")
    readings = table(f, "/grid/meter_readings")
    costs = table(f, "/grid/session_costs")
    station_costs = table(f, "/grid/costs")
    operator_costs = table(f, "/grid/operator_costs")
    smart = table(f, "/grid/smart_sessions")
    horizon_ms = int(f["/meta"].attrs["simulated_until_ms"])

    if alter == "cost":
        costs["energy_cost"][len(costs["energy_cost"]) // 2] += 0.01
    elif alter == "reading":
        readings["grid_energy_kwh"][len(readings["grid_energy_kwh"]) // 2] += 0.5
    elif alter == "station_total":
        station_costs["cost"][0] += 0.01

    # The tariff index of each table row -> the scenario's tariff (by name) or a flat one (by price).
    tariff_of_index = {}
    for i, name in zip(tariffs["tariff"], tariffs["name"]):
        if int(i) in tariff_of_index:
            continue
        if name in named:
            tariff_of_index[int(i)] = named[name]
        elif name.startswith("flat "):
            tariff_of_index[int(i)] = Tariff(flat_price=float(name[5:]))
        else:
            fail(f"/grid/tariffs names {name!r}, which the scenario does not have")
    specs = {s["name"]: s for s in sc.get("stations", [])}
    station_names = list(stations["name"])
    segment_tariff = [seg.get("tariff") for seg in sc["fleet"]]

    # Readings per vehicle in the order the meter took them (a vehicle has one session at a time).
    per_vehicle = defaultdict(list)
    for k in range(len(readings["time_ms"])):
        per_vehicle[int(readings["vehicle"][k])].append((int(readings["time_ms"][k]), float(readings["grid_energy_kwh"][k])))
    cost_rows = {(int(v), int(t)): i for i, (v, t) in enumerate(zip(costs["vehicle"], costs["plug_in_ms"]))}
    if len(cost_rows) != len(costs["vehicle"]):
        fail("two /grid/session_costs rows for one session")

    def session_readings(i):
        v, t0, t1 = int(costs["vehicle"][i]), int(costs["plug_in_ms"][i]), int(costs["unplug_ms"][i])
        return [r for r in per_vehicle.get(v, []) if t0 <= r[0] <= t1]

    peak_energy = 0.0
    recomputed = {}
    for i in range(len(costs["vehicle"])):
        v, t0, t1 = int(costs["vehicle"][i]), int(costs["plug_in_ms"][i]), int(costs["unplug_ms"][i])
        rows = session_readings(i)
        if not rows or rows[0][0] != t0 or rows[0][1] != 0.0:
            fail(f"session of vehicle {v} at {t0} ms: no reading of 0 kWh at plug-in")
        if rows[-1][0] != t1:
            fail(f"session of vehicle {v} at {t0} ms: no reading at its unplug {t1} ms")
        tariff = tariff_of_index[int(costs["tariff"][i])]
        energy_cost = 0.0
        for (ta, ea), (tb, eb) in zip(rows, rows[1:]):
            if eb < ea - 1e-12:
                fail(f"session of vehicle {v} at {t0} ms: grid energy falls from {ea} to {eb} kWh at {tb} ms")
            if tariff.boundaries_between(ta, tb):
                fail(f"session of vehicle {v} at {t0} ms: a price boundary between readings at {ta} and {tb} ms")
            if tb > ta:
                price, kind = tariff.period_at(ta)
                energy_cost += (eb - ea) * price
                if kind == PEAK:
                    peak_energy += eb - ea
        energy = rows[-1][1]
        if not close(energy, float(costs["grid_energy_kwh"][i])):
            fail(f"session of vehicle {v} at {t0} ms: readings end at {energy} kWh, cost row says "
                 f"{costs['grid_energy_kwh'][i]}")
        if not close(energy_cost, float(costs["energy_cost"][i])):
            fail(f"session of vehicle {v} at {t0} ms: energy cost {energy_cost:.9f} from the readings, "
                 f"{costs['energy_cost'][i]:.9f} in /grid/session_costs")
        if not close(tariff.fee * energy, float(costs["service_cost"][i])):
            fail(f"session of vehicle {v} at {t0} ms: service cost {tariff.fee * energy} != {costs['service_cost'][i]}")
        recomputed[(v, t0)] = (energy_cost + tariff.fee * energy, energy)

    # Every plugged-in session that should be metered has one cost row with its grid energy.
    metered = 0
    for k in range(len(sessions["vehicle"])):
        v, s, place = int(sessions["vehicle"][k]), int(sessions["station"][k]), int(sessions["place"][k])
        start = int(sessions["start_ms"][k])
        outcome = int(sessions["outcome"][k])
        if place == 0:
            should = outcome in PLUGGED
        else:
            should = segment_tariff[int(vehicles["segment"][v])] is not None
        has = (v, start) in recomputed
        if should != has:
            fail(f"session of vehicle {v} at {start} ms (place {place}, outcome {outcome}): "
                 f"{'no' if should else 'a'} cost row")
        if has:
            metered += 1
            if not close(recomputed[(v, start)][1], float(sessions["grid_energy_kwh"][k])):
                fail(f"session of vehicle {v} at {start} ms: metered {recomputed[(v, start)][1]} kWh, "
                     f"/sessions {sessions['grid_energy_kwh'][k]} kWh")
    if metered != len(costs["vehicle"]):
        fail(f"{len(costs['vehicle'])} cost rows for {metered} metered sessions in /sessions")

    # Per station and per operator.
    per_station = defaultdict(float)
    per_operator = defaultdict(float)
    for i in range(len(costs["vehicle"])):
        s = int(costs["station"][i])
        if s == NO_STATION:
            continue
        c = recomputed[(int(costs["vehicle"][i]), int(costs["plug_in_ms"][i]))][0]
        per_station[s] += c
        per_operator[specs.get(station_names[s], {}).get("operator", "")] += c
    for s, c in zip(station_costs["station"], station_costs["cost"]):
        if not close(per_station.get(int(s), 0.0), float(c)):
            fail(f"station {station_names[int(s)]}: sessions cost {per_station.get(int(s), 0.0):.6f}, /grid/costs {c:.6f}")
    for name, c in zip(operator_costs["name"], operator_costs["cost"]):
        if not close(per_operator.get(name, 0.0), float(c)):
            fail(f"operator {name!r}: sessions cost {per_operator.get(name, 0.0):.6f}, /grid/operator_costs {c:.6f}")
    if abs(sum(per_operator.values()) - float(np.sum(operator_costs["cost"]))) > 1e-6:
        fail("the operators' costs do not add up to the public sessions' costs")

    # Smart charging.
    battery = {(int(v), int(t)): float(e) for v, t, e in zip(sessions["vehicle"], sessions["start_ms"], sessions["energy_kwh"])}
    ended = {(int(v), int(t)): int(e) for v, t, e in zip(sessions["vehicle"], sessions["start_ms"], sessions["end_ms"])}
    valley_ok = 0
    for i in range(len(smart["vehicle"])):
        v, t0 = int(smart["vehicle"][i]), int(smart["plug_in_ms"][i])
        dep, need, got = int(smart["departure_ms"][i]), float(smart["needed_kwh"][i]), float(smart["delivered_kwh"][i])
        if (v, t0) not in battery or not close(battery[(v, t0)], got):
            fail(f"smart session of vehicle {v} at {t0} ms: delivered {got} kWh, /sessions {battery.get((v, t0))}")
        if not close(float(smart["shortfall_kwh"][i]), max(0.0, need - got)):
            fail(f"smart session of vehicle {v} at {t0} ms: shortfall {smart['shortfall_kwh'][i]} != max(0, {need} - {got})")
        cut = ended[(v, t0)] >= horizon_ms and dep > horizon_ms
        fits = float(smart["full_power_h"][i]) * MS_PER_H <= dep - t0
        if fits and not cut and float(smart["shortfall_kwh"][i]) > 1e-6:
            fail(f"smart session of vehicle {v} at {t0} ms: its plan fitted before {dep} ms, yet shortfall "
                 f"{smart['shortfall_kwh'][i]} kWh")
        if int(smart["policy"][i]) != CHEAPEST or (v, t0) not in cost_rows:
            continue
        tariff = tariff_of_index[int(costs["tariff"][cost_rows[(v, t0)]])]
        if tariff.valley_ms(t0, dep) < float(smart["full_power_h"][i]) * MS_PER_H:
            continue
        rows = session_readings(cost_rows[(v, t0)])
        if alter == "peak" and len(rows) > 1 and rows[-1][1] > 0.0:  # all of it drawn right at plug-in
            rows = [rows[0], (rows[0][0] + 1, rows[-1][1])] + rows[1:]
        for (ta, ea), (tb, eb) in zip(rows, rows[1:]):
            if tb > ta and tariff.period_at(ta)[1] != VALLEY and eb - ea > 1e-9:
                fail(f"cheapest session of vehicle {v} at {t0} ms: the valley sufficed, yet it drew "
                     f"{eb - ea:.6f} kWh from {ta} to {tb} ms outside the valley")
        if rows[-1][1] > 0.0:
            valley_ok += 1
    if valley_ok == 0:
        fail("no cheapest session with enough valley hours drew energy: the valley check is vacuous")
    if peak_energy <= 0.0:
        fail("no metered session drew energy in peak hours: the price periods are not exercised")
    return (f"{len(costs['vehicle'])} metered sessions, {len(smart['vehicle'])} smart sessions "
            f"({valley_ok} cheapest sessions charged in the valley only), {len(station_costs['station'])} stations, "
            f"{len(operator_costs['name'])} operators; {peak_energy:.1f} kWh metered in peak hours")


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--alter"):
        print(__doc__)
        return 1
    alter = argv[3] if len(argv) == 4 else None
    with h5py.File(argv[1], "r") as f:
        try:
            summary = replay(f, alter)
        except Failure as e:
            if alter:
                print(f"ok: --alter {alter} caught: {e}")
                return 0
            print(f"FAILED: {e}")
            return 1
    if alter:
        print(f"FAILED: --alter {alter} was not caught")
        return 1
    print(f"ok: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
