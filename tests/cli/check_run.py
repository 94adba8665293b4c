"""Independent checks of an `evsim run` result file.

Usage: check_run.py SCENARIO.yaml OUT.h5 [--json FILE] [--plan NAME]

Reads the result with h5py (not with evsim's own reader; run_result.py) and recomputes every
summary column from the record tables, following the definitions in output/city_tables.cpp,
output/summary.cpp and models/city/*.cpp (record_checks.py, summary_checks.py), then compares:

  meta      status complete, /meta/scenario_text is the scenario file byte for byte
  times     0 <= arrival <= start <= end <= horizon, wait = start - arrival; trips depart at or
            after their planned time and arrive at or after it; tables in the order the code
            writes them (trips by arrival, sessions by end); samples every sample_interval
  sessions  per row: place, station, need and outcome agree; sessions without a plug carry no
            energy; grid = energy / efficiency (AC or DC, from `charging:`); SoC change x battery
            = energy; gave_up waits are exactly the segment's patience; dc_only segments use DC
  stations  plugs, DC plugs, rated power, price, node of the stations the scenario writes inline;
            sessions, sessions_ended, gave_up, turned_away_closed, energy, grid energy,
            busy_plug_ms, queue_ms, utilisation, mean_occupancy, mean_queue, mean_wait_min from
            /sessions; arrivals per road node from the to_charger trips that arrived there;
            max_queue between the queue's lower and upper bound from /sessions. Little's law
            (L = lambda W per station) is not checked on its own: over a horizon that holds every
            session, L x T and lambda x W x T are both the sum of (end - arrival) over /sessions,
            which this check already compares with busy_plug_ms + queue_ms
  samples   busy plugs and queue length at every sample time within the bounds /sessions gives
  needs     every need's outcome agrees with the sessions that point at it
  history   per vehicle, trips and sessions in order: each trip leaves from where the last one
            arrived, after it arrived; sessions lie between trips; the energy goes from
            initial_soc x battery through every session and trip to final_soc x battery,
            matching every SoC recorded on the way
  vehicles  trips, distance, driving and charged energy, sessions, needs, waits recomputed;
            initial_soc x battery + charged - driving = final_soc x battery; stranded vehicles
  kpi       every /kpi attribute that can be recomputed from the tables; /kpi totals equal
            the sums over /vehicles and over /segments
  segments  every /segments column recomputed from the vehicles of that segment
  json      the --json line matches /kpi, /segments and /meta

Integers must match exactly, floats to 1e-9 relative (the JSON's 6 decimals to 5e-7 plus 1e-9
relative). Exits 0 when every check passes, 1 on the first failure (the message names the check,
the row and both values) or without h5py, numpy or yaml.
"""
import argparse
import sys

from run_result import CheckFailed, load  # exits 1 itself without h5py, numpy or yaml
from record_checks import (check_history, check_meta, check_needs, check_samples, check_sessions,
                           check_stations, check_times, check_vehicles)
from summary_checks import check_json, check_kpi, check_segments

# In this order: each check may rely on what the ones before it established.
CHECKS = {"meta": check_meta, "times": check_times, "sessions": check_sessions, "stations": check_stations,
          "samples": check_samples, "needs": check_needs, "history": check_history,
          "vehicles": check_vehicles, "kpi": check_kpi, "segments": check_segments}


def check_file(scenario_path, result_path, json_text=None, plan="base"):
    """Runs every check; raises CheckFailed on the first failure."""
    run = load(scenario_path, result_path, plan)
    for check in CHECKS.values():
        check(run)
    if json_text is not None:
        check_json(run, json_text)
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("result")
    parser.add_argument("--json", help="file holding the stdout of `evsim run --json`")
    parser.add_argument("--plan", default="base", help="the plan the run simulated (default base)")
    args = parser.parse_args()
    json_text = None
    if args.json:
        with open(args.json, encoding="utf-8") as f:
            json_text = f.read()
    try:
        run = check_file(args.scenario, args.result, json_text, args.plan)
    except CheckFailed as e:
        print(f"FAILED {args.result}: {e}")
        return 1
    print(f"ok {args.result}: {run.n_vehicles} vehicles, {run.trips['_rows']} trips, {run.needs['_rows']} needs, "
          f"{run.sessions['_rows']} sessions, {run.n_stations} stations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
