"""The tables of an `evsim run` result file and the few scenario values the checks need.

Part of the end-to-end checker (check_run.py): reads with h5py, not with evsim's reader, and parses
the scenario's units as scenarios/units.cpp does. Exits 1 (a failure, never a
skip) without h5py, numpy or yaml.
"""
import math
import re
import sys
from collections import defaultdict

try:
    import h5py
    import numpy as np
    import yaml
except ImportError as error:  # pragma: no cover
    # A check that cannot run must fail, not pass as skipped (scripts/setup-debian.sh installs these).
    print(f"FAILED: {error} (install python3-h5py python3-numpy python3-yaml)")
    sys.exit(1)

INVALID = 4294967295
REL = 1e-9

# Enum codes (output/run_recorder.cpp).
PLAN, TO_CHARGER, FROM_CHARGER = 0, 1, 2                      # /trips purpose
ARRIVED, STRANDED = 0, 1                                      # /trips outcome
PUBLIC, HOME, DEPOT = 0, 1, 2                                 # /sessions place
CHARGED, UNPLUGGED, GAVE_UP, CLOSED, CUT, QUEUED_AT_END = range(6)  # /sessions outcome
PLUGGED = (CHARGED, UNPLUGGED, CUT)
LOW_SOC, NEXT_TRIP, EN_ROUTE, OPPORTUNISTIC = range(4)        # /needs reason
N_CHARGED, N_UNSERVED, N_NO_STATION, N_OPEN = range(4)         # /needs outcome


class CheckFailed(Exception):
    pass


def fail(check, message):
    raise CheckFailed(f"{check}: {message}")


def close(a, b, scale=0.0, rel=REL):
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b), scale)


def expect_equal(check, what, actual, expected):
    if actual != expected:
        fail(check, f"{what}: file has {actual!r}, recomputed {expected!r}")


def expect_close(check, what, actual, expected, scale=0.0):
    if not close(actual, expected, scale):
        fail(check, f"{what}: file has {float(actual)!r}, recomputed {float(expected)!r} (tolerance {REL} relative)")


# ---------------------------------------------------------------------------------------------
# The few scenario values the checks need, parsed as scenarios/units.cpp parses them.

NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
DURATION_MS = {"ms": 1.0, "s": 1000.0, "min": 60_000.0, "h": 3_600_000.0, "d": 86_400_000.0}


def parse_quantity(value, units, what):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    m = re.fullmatch(rf"\s*({NUMBER})\s*(\S*)\s*", str(value))
    if not m or (m.group(2) and m.group(2) not in units):
        raise ValueError(f"cannot read {what} {value!r}")
    return float(m.group(1)) * (units[m.group(2)] if m.group(2) else 1.0)


def parse_energy_kwh(value):
    return parse_quantity(value, {"kWh": 1.0, "MWh": 1000.0, "Wh": 0.001}, "energy")


def parse_length_m(value):
    return parse_quantity(value, {"m": 1.0, "km": 1000.0}, "length")


def parse_power_kw(value):
    return parse_quantity(value, {"kW": 1.0, "MW": 1000.0, "W": 0.001}, "power")


def parse_price(value):
    return parse_quantity(value, {"/kWh": 1.0, "CNY/kWh": 1.0, "yuan/kWh": 1.0}, "price")


def parse_fraction(value):
    return parse_quantity(value, {"%": 0.01}, "fraction")


def parse_duration_ms(value):
    if value == 0 or value == "0":
        return 0
    text = str(value).strip()
    total = 0.0
    pos = 0
    for m in re.finditer(rf"\s*({NUMBER})\s*(ms|min|s|h|d)", text):
        if m.start() != pos:
            break
        total += float(m.group(1)) * DURATION_MS[m.group(2)]
        pos = m.end()
    if pos != len(text) or pos == 0:
        raise ValueError(f"cannot read duration {value!r}")
    return int(math.floor(total + 0.5)) if total >= 0 else -int(math.floor(-total + 0.5))


class Scenario:
    def __init__(self, text):
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        self.name = str(doc["name"])
        self.horizon_ms = parse_duration_ms(doc["horizon"])
        self.sample_interval_ms = parse_duration_ms(doc.get("sample_interval", "15min"))
        charging = doc.get("charging") or {}
        self.ac_efficiency = parse_fraction(charging.get("ac_efficiency", 0.92))
        self.dc_efficiency = parse_fraction(charging.get("dc_efficiency", 0.95))
        self.availability_radius_m = parse_length_m(charging.get("availability_radius", "1km"))
        types = doc["vehicle_types"]
        self.type_names = [str(t["name"]) for t in types]
        self.battery_kwh = [parse_energy_kwh(t["battery"]) for t in types]
        type_to = [parse_fraction(t.get("charge_to_soc", 0.8)) for t in types]
        # Stations written inline (base and each plan; station files are not read here).
        self.inline_stations = {"base": [self.station(x) for x in doc.get("stations") or []]}
        for plan in doc.get("plans") or []:
            self.inline_stations[str(plan["name"])] = [self.station(x) for x in plan.get("stations") or []]
        self.segments = []
        for s in doc["fleet"]:
            kind = str(s.get("kind", "private"))
            t = self.type_names.index(str(s["vehicle_type"]))
            self.segments.append({
                "name": str(s["name"]),
                "kind": kind,
                "type": t,
                "patience_ms": parse_duration_ms(s.get("patience", "30min")),
                "dc_only": bool(s.get("dc_only", kind == "ride_hailing")),
                "charge_to_soc": parse_fraction(s["charge_to_soc"]) if "charge_to_soc" in s else type_to[t],
            })


    @staticmethod
    def station(spec):
        plugs = spec["plugs"]
        count = [int(p.get("count", 1)) for p in plugs]
        return {"name": str(spec["name"]),
                "node": int(spec["node"]) if "node" in spec else None,
                "plugs": sum(count),
                "dc_plugs": sum(c for c, p in zip(count, plugs) if p["kind"] == "dc"),
                "rated_power_kw": math.fsum(c * parse_power_kw(p["power"]) for c, p in zip(count, plugs)),
                "public": int(bool(spec.get("public", True))),
                "price_per_kwh": parse_price(spec.get("price", 0))}


# ---------------------------------------------------------------------------------------------
# Reading the file.

def read_table(f, path):
    group = f[path]
    columns = [str(c) for c in group.attrs["columns"]]
    rows = int(group.attrs["rows"])
    table = {}
    for name in columns:
        ds = group[name]
        if h5py.check_string_dtype(ds.dtype):
            table[name] = list(ds.asstr()[:])
        else:
            table[name] = ds[:]
        if len(table[name]) != rows:
            fail("layout", f"{path}/{name} has {len(table[name])} rows, the group says {rows}")
    table["_rows"] = rows
    return table


class Run:
    """The tables of one result file, plus derived per-row values used by several checks."""

    def __init__(self, f, scenario, scenario_bytes, plan):
        self.sc = scenario
        self.scenario_bytes = scenario_bytes
        self.plan = plan
        self.stored_scenario_text = f["/meta/scenario_text"].asstr()[()]
        self.metrics_all = self.metrics_segments = None  # computed once, by all_metrics / segment_metrics
        self.trips = read_table(f, "/trips")
        self.needs = read_table(f, "/needs")
        self.sessions = read_table(f, "/sessions")
        self.stations = read_table(f, "/stations")
        self.samples = read_table(f, "/stations/samples")
        self.vehicles = read_table(f, "/vehicles")
        self.segments = read_table(f, "/segments")
        # Measured sessions replayed on the stations (scenario key `sessions`), or None.
        self.replay = read_table(f, "/replay") if "replay" in f else None
        self.kpi = {k: v for k, v in f["/kpi"].attrs.items()}
        self.meta = {k: v for k, v in f["/meta"].attrs.items()}
        self.T = scenario.horizon_ms
        self.n_vehicles = self.vehicles["_rows"]
        self.n_stations = self.stations["_rows"]
        self.n_needs = self.needs["_rows"]
        vtype = self.vehicles["type"].astype(np.int64)
        self.battery_of_vehicle = np.array(scenario.battery_kwh)[vtype] if self.n_vehicles else np.zeros(0)
        self.segment_of_vehicle = self.vehicles["segment"].astype(np.int64)
        s = self.sessions
        self.wait_ms = s["start_ms"] - s["arrival_ms"]
        self.plugged = np.isin(s["outcome"], PLUGGED)
        need_reason = self.needs["reason"]
        public = (s["place"] == PUBLIC) & (s["need"] < self.n_needs)
        self.session_opportunistic = np.zeros(s["_rows"], dtype=bool)
        self.session_opportunistic[public] = need_reason[s["need"][public]] == OPPORTUNISTIC
        t = self.trips
        stranded = t["outcome"] == STRANDED
        self.strandings = set(zip(t["vehicle"][stranded].tolist(), t["arrive_ms"][stranded].tolist()))
        self.sessions_of_need = defaultdict(list)
        for i, need in zip(np.flatnonzero(public).tolist(), s["need"][public].tolist()):
            self.sessions_of_need[need].append(i)


def load(scenario_path, result_path, plan="base", scenario=None):
    """The result's tables; `scenario` (a Scenario of the same file) saves parsing it again."""
    with open(scenario_path, "rb") as f:
        scenario_bytes = f.read()
    if scenario is None:
        scenario = Scenario(scenario_bytes.decode("utf-8"))
    with h5py.File(result_path, "r") as f:
        return Run(f, scenario, scenario_bytes, plan)
