"""Shows that every check of check_run.py can fail: alters copies of a good result file (and its
JSON line) one way at a time and expects the check that owns the altered number to report it.

Usage: check_run_self_test.py SCENARIO.yaml GOOD.h5 GOOD.json WORKDIR

For each alteration, the named check alone must fail with a message starting "<check>:" (the
whole checker runs every check, so it fails too). The good file must pass, and check_run.py as a
program must exit 1 on an altered file. Exits 0 when all of that holds, 1 otherwise (also without
h5py/numpy/yaml).
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_run  # noqa: E402  (exits 1 itself when h5py, numpy or yaml is missing)
import run_result  # noqa: E402
from run_result import CheckFailed  # noqa: E402

import h5py  # noqa: E402
import numpy as np  # noqa: E402


def first(mask, what):
    rows = np.flatnonzero(mask)
    if rows.size == 0:
        raise SystemExit(f"FAILED: the good file has no {what} to alter; pick a richer scenario")
    return int(rows[0])


def set_value(f, path, row, value):
    ds = f[path]
    ds[row] = np.array(value, dtype=ds.dtype)


def scale(f, path, row, factor):
    set_value(f, path, row, f[path][row] * factor)


def add(f, path, row, delta):
    set_value(f, path, row, f[path][row] + delta)


def set_attr(f, group, name, value):
    old = f[group].attrs[name]
    f[group].attrs[name] = np.array(value, dtype=old.dtype) if isinstance(old, np.generic) else value


def mutations(run):
    """(description, check that must catch it, function altering an open h5py.File)."""
    s, t, n, v = run.sessions, run.trips, run.needs, run.vehicles
    plan_trip = first(t["purpose"] == run_result.PLAN, "plan trip")
    public_plugged = first((s["place"] == run_result.PUBLIC) & run.plugged & (s["energy_kwh"] > 0), "public session")
    home = first(s["place"] == run_result.HOME, "home session")
    gave_up = first(s["outcome"] == run_result.GAVE_UP, "gave_up session")
    station = int(s["station"][public_plugged])
    charged_need = first(n["outcome"] == run_result.N_CHARGED, "charged need")
    charging_vehicle = int(s["vehicle"][public_plugged])
    wait_segment = int(run.segment_of_vehicle[int(s["vehicle"][first(
        (s["place"] == run_result.PUBLIC) & run.plugged & (run.wait_ms > 0) & ~run.session_opportunistic,
        "public session that waited")])])
    other_segment = (int(n["segment"][charged_need]) + 1) % len(run.sc.segments)
    cut = first(s["outcome"] == run_result.CUT, "session cut by the horizon")
    queued_at_end = first(s["outcome"] == run_result.QUEUED_AT_END, "session queued at the end")
    no_station = first(n["outcome"] == run_result.N_NO_STATION, "need without a station")
    stranded = first(v["stranded"] == 1, "stranded vehicle")
    tv = t["vehicle"]
    second_trip = first((np.arange(t["_rows"]) > 0) & (np.r_[-1, tv[:-1]] == tv) & (t["depart_ms"] > 0),
                        "vehicle with two trips in a row")
    previous_arrival = t["arrive_ms"][second_trip - 1]
    last_sample = run.samples["_rows"] - 1
    return [
        ("status interrupted", "meta", lambda f: set_attr(f, "/meta", "status", "interrupted")),
        ("scenario text changed", "meta", lambda f: (f.__delitem__("/meta/scenario_text"),
                                                     f.create_dataset("/meta/scenario_text", data="name: other\n"))),
        ("a plan trip departs before it fell due", "times",
         lambda f: set_value(f, "/trips/depart_ms", plan_trip, t["planned_depart_ms"][plan_trip] - 1)),
        ("wait_ms off by 1 ms", "times", lambda f: add(f, "/sessions/wait_ms", public_plugged, 1)),
        ("a sample 1 ms late", "times", lambda f: add(f, "/stations/samples/time_ms", last_sample, 1)),
        ("grid energy not energy / efficiency", "sessions",
         lambda f: scale(f, "/sessions/grid_energy_kwh", public_plugged, 1 + 1e-6)),
        ("SoC after a session does not match its energy", "sessions",
         lambda f: add(f, "/sessions/soc_after", public_plugged, 1e-6)),
        ("gave up after more than its patience", "sessions",
         lambda f: (add(f, "/sessions/arrival_ms", gave_up, -1), add(f, "/sessions/wait_ms", gave_up, 1))),
        ("a session cut by the horizon ends before it", "sessions",
         lambda f: (add(f, "/sessions/end_ms", cut, -1))),
        ("a private car charging at a depot", "sessions",
         lambda f: set_value(f, "/sessions/place", home, run_result.DEPOT)),
        ("a station with one DC plug more than the scenario gives it", "stations",
         lambda f: add(f, "/stations/dc_plugs", station, 1)),
        ("busy_plug_ms off by 1 ms", "stations", lambda f: add(f, "/stations/busy_plug_ms", station, 1)),
        ("one arrival too many", "stations", lambda f: add(f, "/stations/arrivals", station, 1)),
        ("one session too many", "stations", lambda f: add(f, "/stations/sessions", station, 1)),
        ("station energy off by 1e-8", "stations", lambda f: scale(f, "/stations/energy_kwh", station, 1 + 1e-8)),
        ("utilisation off by 1e-8", "stations", lambda f: scale(f, "/stations/utilisation", station, 1 + 1e-8)),
        ("mean_wait_min off", "stations", lambda f: add(f, "/stations/mean_wait_min", station, 1e-6)),
        ("max_queue beyond what the sessions allow", "stations", lambda f: add(f, "/stations/max_queue", station, 50)),
        ("queue integral off by 1 ms", "stations", lambda f: add(f, "/stations/queue_ms", station, 1)),
        ("mean_queue off", "stations", lambda f: scale(f, "/stations/mean_queue", station, 1.001)),
        ("a busy plug before anyone arrived", "samples", lambda f: set_value(f, "/stations/samples/busy_plugs", 0, 1)),
        ("a queue before anyone arrived", "samples", lambda f: set_value(f, "/stations/samples/queue_length", 0, 1)),
        ("a charged need marked unserved", "needs",
         lambda f: set_value(f, "/needs/outcome", charged_need, run_result.N_UNSERVED)),
        ("a need resolved 1 ms after plug-in", "needs", lambda f: add(f, "/needs/resolved_ms", charged_need, 1)),
        ("a need still queued at the end marked unserved", "needs",
         lambda f: set_value(f, "/needs/outcome", int(s["need"][queued_at_end]), run_result.N_UNSERVED)),
        ("a need without a station that tried one", "needs",
         lambda f: set_value(f, "/needs/stations_tried", no_station, 1)),
        ("a need in the wrong segment", "needs", lambda f: set_value(f, "/needs/segment", charged_need, other_segment)),
        ("a trip leaving from another node", "history", lambda f: add(f, "/trips/origin", plan_trip, 1)),
        ("a trip's SoC on arrival off by 1e-6", "history", lambda f: add(f, "/trips/soc_after", plan_trip, 1e-6)),
        ("a trip leaving before the vehicle arrived", "history",
         lambda f: set_value(f, "/trips/depart_ms", second_trip, previous_arrival - 1)),
        ("a session's SoC at plug-in off by 1e-6", "history", lambda f: add(f, "/sessions/soc_before", home, 1e-6)),
        ("final SoC off by 1e-6", "vehicles", lambda f: add(f, "/vehicles/final_soc", charging_vehicle, 1e-6)),
        ("charged energy off by 1e-6", "vehicles",
         lambda f: add(f, "/vehicles/charged_energy_kwh", charging_vehicle, 1e-6)),
        ("a session's energy changed", "vehicles", lambda f: scale(f, "/sessions/energy_kwh", home, 1.001)),
        ("a trip's energy changed", "vehicles", lambda f: scale(f, "/trips/energy_kwh", plan_trip, 1.001)),
        ("a vehicle marked stranded", "vehicles",
         lambda f: set_value(f, "/vehicles/stranded", int(t["vehicle"][plan_trip]), 1)),
        ("a stranded vehicle not marked", "vehicles", lambda f: set_value(f, "/vehicles/stranded", stranded, 0)),
        ("one plan trip too many", "vehicles", lambda f: add(f, "/vehicles/trips", int(t["vehicle"][plan_trip]), 1)),
        ("unserved_share off by 1e-6", "kpi",
         lambda f: set_attr(f, "/kpi", "unserved_share", run.kpi["unserved_share"] + 1e-6)),
        ("one trip too many", "kpi", lambda f: set_attr(f, "/kpi", "trips", run.kpi["trips"] + 1)),
        ("mean wait off", "kpi", lambda f: set_attr(f, "/kpi", "mean_wait_min", run.kpi["mean_wait_min"] * 1.001)),
        ("grid energy off", "kpi",
         lambda f: set_attr(f, "/kpi", "grid_energy_kwh", run.kpi["grid_energy_kwh"] * 1.001)),
        ("availability off", "kpi",
         lambda f: set_attr(f, "/kpi", "effective_availability", run.kpi["effective_availability"] + 1e-6)),
        ("another plan's name", "kpi", lambda f: set_attr(f, "/kpi", "plan", "other")),
        ("a segment's mean wait off", "segments", lambda f: scale(f, "/segments/mean_wait_min", wait_segment, 1.001)),
        ("a segment with one vehicle too many", "segments", lambda f: add(f, "/segments/vehicles", 0, 1)),
    ]


def json_mutations(text):
    def change(edit):
        j = json.loads(text)
        edit(j)
        return json.dumps(j)

    return [
        ("JSON trips + 1", change(lambda j: j["fleet"].__setitem__("trips", j["fleet"]["trips"] + 1))),
        ("JSON unserved_share + 1e-5",
         change(lambda j: j["fleet"].__setitem__("unserved_share", j["fleet"]["unserved_share"] + 1e-5))),
        ("JSON segment needs + 1",
         change(lambda j: j["segments"][0].__setitem__("needs", j["segments"][0]["needs"] + 1))),
        ("JSON departure delay mean",
         change(lambda j: j["fleet"]["departure_delay_min"].__setitem__(
             "mean", j["fleet"]["departure_delay_min"]["mean"] + 1e-3))),
        ("JSON seed + 1", change(lambda j: j.__setitem__("seed", j["seed"] + 1))),
        ("JSON status", change(lambda j: j.__setitem__("status", "interrupted"))),
        ("two JSON lines", text + text),
    ]


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    scenario, good, good_json, workdir = sys.argv[1:]
    with open(good_json, encoding="utf-8") as f:
        json_text = f.read()
    os.makedirs(workdir, exist_ok=True)
    run = check_run.check_file(scenario, good, json_text)  # the good file passes
    failures = []
    mutant = os.path.join(workdir, "mutant.h5")
    alterations = mutations(run)
    for what, check, alter in alterations:
        shutil.copyfile(good, mutant)
        with h5py.File(mutant, "r+") as f:
            alter(f)
        # (check_file runs every check in turn, so a check that fails here fails the whole checker.)
        altered = check_run.load(scenario, mutant, scenario=run.sc)
        try:
            check_run.CHECKS[check](altered)
            failures.append(f"{what}: check '{check}' passed")
        except CheckFailed as e:
            if not str(e).startswith(check + ":"):
                failures.append(f"{what}: unexpected message from check '{check}': {e}")
            else:
                print(f"caught   {what}: {e}")
    for what, text in json_mutations(json_text):
        try:
            check_run.check_json(run, text)
            failures.append(f"{what}: check 'json' passed")
        except CheckFailed as e:
            print(f"caught   {what}: {e}")
    # The program itself: exit 1 and a FAILED line on the last altered file (the e2e run tests run
    # it on good files).
    program = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_run.py")
    bad = subprocess.run([sys.executable, program, scenario, mutant], capture_output=True, text=True)
    if bad.returncode != 1 or not bad.stdout.startswith("FAILED"):
        failures.append(f"check_run.py on an altered file: exit {bad.returncode}, output {bad.stdout!r}")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print(f"ok: {len(alterations)} alterations of the file and {len(json_mutations(json_text))} of the JSON line "
          f"were all caught by the check that owns them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
