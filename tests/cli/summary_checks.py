"""Checks of an `evsim run` result's summaries: /kpi, /segments and the `--json` line, each recomputed
from the record tables as output/summary.cpp defines them. Each check takes a run_result.Run and
raises CheckFailed("<check>: ...") on the first failure.
"""
import json
import math

import numpy as np

from run_result import (ARRIVED, DEPOT, HOME, N_CHARGED, N_NO_STATION, N_OPEN, N_UNSERVED, OPPORTUNISTIC, PLAN,
                        PUBLIC, REL, expect_close, expect_equal, fail)


def percentile95(values):
    values = sorted(values)
    rank = math.ceil(0.95 * len(values))
    return values[max(rank, 1) - 1]


def distribution(values):
    if not values:
        return {"count": 0, "mean": 0.0, "p95": 0.0, "max": 0.0}
    return {"count": len(values), "mean": math.fsum(values) / len(values), "p95": percentile95(values),
            "max": max(values)}


def fleet_metrics(run, vehicle_mask):
    """The FleetMetrics of output/summary.cpp for the vehicles in vehicle_mask, from the tables."""
    tr, s, nd = run.trips, run.sessions, run.needs
    tmask = vehicle_mask[tr["vehicle"].astype(np.int64)] if tr["_rows"] else np.zeros(0, bool)
    smask = vehicle_mask[s["vehicle"].astype(np.int64)] if s["_rows"] else np.zeros(0, bool)
    nmask = vehicle_mask[nd["vehicle"].astype(np.int64)] if nd["_rows"] else np.zeros(0, bool)
    plan_arrived = tmask & (tr["purpose"] == PLAN) & (tr["outcome"] == ARRIVED)
    needs = nmask & (nd["reason"] != OPPORTUNISTIC)
    count = lambda outcome: int(np.sum(needs & (nd["outcome"] == outcome)))
    m = {
        "vehicles": int(np.sum(vehicle_mask)),
        "trips": int(np.sum(plan_arrived)),
        "distance_km": math.fsum(tr["distance_m"][tmask] / 1000.0),
        "driving_energy_kwh": math.fsum(tr["energy_kwh"][tmask]),
        "vehicles_stranded": int(np.sum(vehicle_mask & (run.vehicles["stranded"] == 1))),
        "needs": int(np.sum(needs)),
        "needs_charged": count(N_CHARGED),
        "needs_unserved": count(N_UNSERVED),
        "needs_no_station": count(N_NO_STATION),
        "needs_open_at_end": count(N_OPEN),
    }
    ended = m["needs"] - m["needs_open_at_end"]
    m["unserved_share"] = (m["needs_unserved"] + m["needs_no_station"]) / ended if ended else 0.0
    with_free_plug = int(np.sum(needs & (nd["free_plug_within_radius"] == 1)))
    with_station = int(np.sum(needs & (nd["nearest_station_m"] >= 0) & (nd["nearest_station_m"] <= run.sc.availability_radius_m)))
    m["free_plug_within_radius_share"] = with_free_plug / m["needs"] if m["needs"] else 0.0
    m["station_within_radius_share"] = with_station / m["needs"] if m["needs"] else 0.0
    waits = smask & (s["place"] == PUBLIC) & run.plugged & ~run.session_opportunistic
    m["wait_min"] = distribution(list((run.wait_ms[waits] / 1000.0) / 60.0))
    m["detour_km"] = distribution(list(nd["detour_m"][needs & (nd["outcome"] == N_CHARGED)] / 1000.0))
    m["departure_delay_min"] = distribution(
        list(((tr["depart_ms"] - tr["planned_depart_ms"])[plan_arrived] / 1000.0) / 60.0))
    m["opportunistic_sessions"] = int(np.sum(smask & (s["place"] == PUBLIC) & run.plugged & run.session_opportunistic))
    m["public_energy_kwh"] = math.fsum(s["energy_kwh"][smask & (s["place"] == PUBLIC)])
    m["home_energy_kwh"] = math.fsum(s["energy_kwh"][smask & (s["place"] == HOME)])
    m["depot_energy_kwh"] = math.fsum(s["energy_kwh"][smask & (s["place"] == DEPOT)])
    m["grid_energy_kwh"] = math.fsum(s["grid_energy_kwh"][smask])
    return m


FLOAT_KPI = {  # /kpi attribute -> FleetMetrics value
    "distance_km": lambda m: m["distance_km"],
    "driving_energy_kwh": lambda m: m["driving_energy_kwh"],
    "unserved_share": lambda m: m["unserved_share"],
    "effective_availability": lambda m: m["free_plug_within_radius_share"],
    "station_within_radius_share": lambda m: m["station_within_radius_share"],
    "mean_wait_min": lambda m: m["wait_min"]["mean"],
    "p95_wait_min": lambda m: m["wait_min"]["p95"],
    "max_wait_min": lambda m: m["wait_min"]["max"],
    "mean_detour_km": lambda m: m["detour_km"]["mean"],
    "p95_detour_km": lambda m: m["detour_km"]["p95"],
    "public_energy_kwh": lambda m: m["public_energy_kwh"],
    "home_energy_kwh": lambda m: m["home_energy_kwh"],
    "depot_energy_kwh": lambda m: m["depot_energy_kwh"],
    "grid_energy_kwh": lambda m: m["grid_energy_kwh"],
}
INT_KPI = ("vehicles", "trips", "vehicles_stranded", "needs", "needs_charged", "needs_unserved", "needs_no_station",
           "needs_open_at_end", "opportunistic_sessions")


def peak_station_power(run):
    sm = run.samples
    if not sm["_rows"]:
        return 0.0
    times, inverse = np.unique(sm["time_ms"], return_inverse=True)
    totals = np.zeros(times.size)
    np.add.at(totals, inverse, sm["power_kw"])
    return max(0.0, float(totals.max()))


def check_kpi(run):
    c = "kpi"
    k = run.kpi
    m = all_metrics(run)
    expect_equal(c, "plan", str(k["plan"]), run.plan)
    for name in INT_KPI:
        expect_equal(c, name, int(k[name]), m[name])
    for name, get in FLOAT_KPI.items():
        expect_close(c, name, k[name], get(m))
    st = run.stations
    expect_equal(c, "stations", int(k["stations"]), run.n_stations)
    expect_equal(c, "public_stations", int(k["public_stations"]), int(np.sum(st["public"] == 1)))
    expect_equal(c, "plugs", int(k["plugs"]), int(np.sum(st["plugs"])))
    expect_close(c, "availability_radius_m", k["availability_radius_m"], run.sc.availability_radius_m)
    expect_close(c, "peak_station_power_kw", k["peak_station_power_kw"], peak_station_power(run))
    if not 0.0 <= float(k["node_coverage_share"]) <= 1.0 or int(k["events"]) <= 0:
        fail(c, "node_coverage_share outside [0, 1] or no events")
    # /kpi totals against the per-vehicle table.
    vt = run.vehicles
    expect_close(c, "distance_km vs sum of /vehicles distance_m", k["distance_km"],
                 math.fsum(vt["distance_m"]) / 1000.0)
    expect_close(c, "driving_energy_kwh vs sum of /vehicles driving_energy_kwh", k["driving_energy_kwh"],
                 math.fsum(vt["driving_energy_kwh"]))
    expect_close(c, "public + home + depot energy vs sum of /vehicles charged_energy_kwh",
                 float(k["public_energy_kwh"]) + float(k["home_energy_kwh"]) + float(k["depot_energy_kwh"]),
                 math.fsum(vt["charged_energy_kwh"]))
    expect_equal(c, "vehicles_stranded vs /vehicles stranded", int(k["vehicles_stranded"]), int(np.sum(vt["stranded"])))
    expect_equal(c, "vehicles vs rows of /vehicles", int(k["vehicles"]), run.n_vehicles)
    # /kpi totals against the per-segment table.
    sg = run.segments
    for col in ("vehicles", "trips", "vehicles_stranded", "needs", "needs_unserved", "needs_no_station"):
        expect_equal(c, f"{col} vs sum over /segments", int(k[col]), int(np.sum(sg[col].astype(np.int64))))
    for col in ("distance_km", "public_energy_kwh", "home_energy_kwh", "depot_energy_kwh"):
        expect_close(c, f"{col} vs sum over /segments", k[col], math.fsum(sg[col]))


SEGMENT_FLOATS = {
    "distance_km": lambda m: m["distance_km"],
    "unserved_share": lambda m: m["unserved_share"],
    "free_plug_within_radius_share": lambda m: m["free_plug_within_radius_share"],
    "mean_wait_min": lambda m: m["wait_min"]["mean"],
    "p95_wait_min": lambda m: m["wait_min"]["p95"],
    "mean_detour_km": lambda m: m["detour_km"]["mean"],
    "p95_detour_km": lambda m: m["detour_km"]["p95"],
    "public_energy_kwh": lambda m: m["public_energy_kwh"],
    "home_energy_kwh": lambda m: m["home_energy_kwh"],
    "depot_energy_kwh": lambda m: m["depot_energy_kwh"],
}
SEGMENT_INTS = ("vehicles", "trips", "vehicles_stranded", "needs", "needs_unserved", "needs_no_station")


def all_metrics(run):
    if run.metrics_all is None:
        run.metrics_all = fleet_metrics(run, np.ones(run.n_vehicles, dtype=bool))
    return run.metrics_all


def segment_metrics(run):
    if run.metrics_segments is None:
        run.metrics_segments = [fleet_metrics(run, run.segment_of_vehicle == g) for g in range(len(run.sc.segments))]
    return run.metrics_segments


def check_segments(run):
    c = "segments"
    sg = run.segments
    expect_equal(c, "names", list(sg["name"]), [s["name"] for s in run.sc.segments])
    for g, m in enumerate(segment_metrics(run)):
        for col in SEGMENT_INTS:
            expect_equal(c, f"segment {g} ({sg['name'][g]}) {col}", int(sg[col][g]), m[col])
        for col, get in SEGMENT_FLOATS.items():
            expect_close(c, f"segment {g} ({sg['name'][g]}) {col}", sg[col][g], get(m))


def json_equal(check, what, actual, expected):
    if actual != expected:
        fail(check, f"{what}: JSON has {actual!r}, expected {expected!r}")


def json_close(check, what, actual, expected):
    # The JSON writes floats with 6 decimals ({:.6f}).
    if not abs(float(actual) - float(expected)) <= 5e-7 + REL * abs(float(expected)):
        fail(check, f"{what}: JSON has {actual!r}, expected {float(expected)!r}")


def check_json_fleet(c, where, j, m):
    for name in ("vehicles", "trips", "vehicles_stranded", "needs", "needs_charged", "needs_unserved",
                 "needs_no_station", "needs_open_at_end", "opportunistic_sessions"):
        json_equal(c, f"{where}.{name}", j[name], m[name])
    for name in ("distance_km", "driving_energy_kwh", "unserved_share", "free_plug_within_radius_share",
                 "station_within_radius_share", "public_energy_kwh", "home_energy_kwh", "depot_energy_kwh",
                 "grid_energy_kwh"):
        json_close(c, f"{where}.{name}", j[name], m[name])
    for dist in ("wait_min", "detour_km", "departure_delay_min"):
        json_equal(c, f"{where}.{dist}.count", j[dist]["count"], m[dist]["count"])
        for field in ("mean", "p95", "max"):
            json_close(c, f"{where}.{dist}.{field}", j[dist][field], m[dist][field])


def check_json(run, text):
    c = "json"
    lines = text.splitlines()
    if len(lines) != 1:
        fail(c, f"expected exactly one line on stdout, found {len(lines)}")
    try:
        j = json.loads(lines[0])
    except json.JSONDecodeError as e:
        fail(c, f"not valid JSON: {e}")
    k = run.kpi
    json_equal(c, "scenario", j["scenario"], run.sc.name)
    json_equal(c, "plan", j["plan"], str(k["plan"]))
    json_equal(c, "seed", j["seed"], int(run.meta["seed"]))
    json_equal(c, "status", j["status"], str(run.meta["status"]))
    json_close(c, "horizon_h", j["horizon_h"], run.T / 3_600_000.0)
    json_close(c, "simulated_h", j["simulated_h"], k["simulated_h"])
    json_close(c, "availability_radius_m", j["availability_radius_m"], k["availability_radius_m"])
    for name in ("stations", "public_stations", "plugs", "events"):
        json_equal(c, name, j[name], int(k[name]))
    for name in ("node_coverage_share", "effective_availability", "peak_station_power_kw"):
        json_close(c, name, j[name], k[name])
    # The whole-fleet block against /kpi where /kpi has the number, the rest against the tables.
    fleet = j["fleet"]
    json_equal(c, "fleet.name", fleet["name"], "all")
    for name in INT_KPI:
        json_equal(c, f"fleet.{name} vs /kpi", fleet[name], int(k[name]))
    kpi_of = {"distance_km": "distance_km", "driving_energy_kwh": "driving_energy_kwh",
              "unserved_share": "unserved_share", "free_plug_within_radius_share": "effective_availability",
              "station_within_radius_share": "station_within_radius_share", "public_energy_kwh": "public_energy_kwh",
              "home_energy_kwh": "home_energy_kwh", "depot_energy_kwh": "depot_energy_kwh",
              "grid_energy_kwh": "grid_energy_kwh"}
    for name, attr in kpi_of.items():
        json_close(c, f"fleet.{name} vs /kpi {attr}", fleet[name], k[attr])
    for dist, prefix in (("wait_min", "wait_min"), ("detour_km", "detour_km")):
        json_close(c, f"fleet.{dist}.mean vs /kpi mean_{prefix}", fleet[dist]["mean"], k[f"mean_{prefix}"])
        json_close(c, f"fleet.{dist}.p95 vs /kpi p95_{prefix}", fleet[dist]["p95"], k[f"p95_{prefix}"])
    json_close(c, "fleet.wait_min.max vs /kpi max_wait_min", fleet["wait_min"]["max"], k["max_wait_min"])
    check_json_fleet(c, "fleet", fleet, all_metrics(run))
    sg = run.segments
    json_equal(c, "number of segments", len(j["segments"]), sg["_rows"])
    for g, (js, m) in enumerate(zip(j["segments"], segment_metrics(run))):
        json_equal(c, f"segments[{g}].name", js["name"], sg["name"][g])
        for col in SEGMENT_INTS:
            json_equal(c, f"segments[{g}].{col} vs /segments", js[col], int(sg[col][g]))
        json_close(c, f"segments[{g}].distance_km vs /segments", js["distance_km"], sg["distance_km"][g])
        json_close(c, f"segments[{g}].wait_min.mean vs /segments", js["wait_min"]["mean"], sg["mean_wait_min"][g])
        check_json_fleet(c, f"segments[{g}]", js, m)
