"""Checks of an `evsim run` result's record tables (/trips, /sessions, /needs) and of the per-station
and per-vehicle tables recomputed from them. Each check takes a run_result.Run and raises
CheckFailed("<check>: ...") on the first failure; check_run.py runs them in order.
"""
import math
from collections import defaultdict

import numpy as np

from run_result import (ARRIVED, CHARGED, CLOSED, CUT, DEPOT, GAVE_UP, HOME, INVALID, N_CHARGED, N_NO_STATION,
                        N_OPEN, N_UNSERVED, OPPORTUNISTIC, PLAN, PLUGGED, PUBLIC, QUEUED_AT_END, REL, STRANDED,
                        TO_CHARGER, expect_close, expect_equal, fail)


def check_meta(run):
    c = "meta"
    expect_equal(c, "/meta status", run.meta.get("status"), "complete")
    if run.stored_scenario_text.encode("utf-8") != run.scenario_bytes:
        fail(c, "/meta/scenario_text is not the scenario file byte for byte")
    expect_close(c, "/kpi simulated_h", run.kpi["simulated_h"], run.T / 3_600_000.0)
    expect_equal(c, "/meta simulated_until_ms", int(run.meta.get("simulated_until_ms", -1)), run.T)


def check_times(run):
    c = "times"
    T = run.T
    t = run.trips
    if "name" in t:  # a trip file was replayed: its trips carry their names, nothing else does
        named = [i for i, n in enumerate(t["name"]) if n]
        if not named:
            fail(c, "/trips has a name column but no named trip")
        for i in named:
            if t["purpose"][i] != PLAN or t["activity"][i] != 6:
                fail(c, f"/trips row {i}: named {t['name'][i]!r} but not a recorded plan trip")
        if len({t["name"][i] for i in named}) != len(named):
            fail(c, "/trips: a trip-file trip was driven twice (its name repeats)")
    if t["_rows"]:
        bad = np.flatnonzero(t["depart_ms"] < t["planned_depart_ms"])
        if bad.size:
            i = bad[0]
            fail(c, f"/trips row {i}: depart_ms {t['depart_ms'][i]} < planned_depart_ms {t['planned_depart_ms'][i]}")
        bad = np.flatnonzero((t["arrive_ms"] < t["depart_ms"]) | (t["arrive_ms"] > T) | (t["planned_depart_ms"] < 0))
        if bad.size:
            i = bad[0]
            fail(c, f"/trips row {i}: not 0 <= planned {t['planned_depart_ms'][i]} <= depart {t['depart_ms'][i]}"
                    f" <= arrive {t['arrive_ms'][i]} <= horizon {T}")
        detour = t["purpose"] != PLAN
        bad = np.flatnonzero(detour & (t["planned_depart_ms"] != t["depart_ms"]))
        if bad.size:
            fail(c, f"/trips row {bad[0]}: a detour's planned_depart_ms differs from its depart_ms")
        bad = np.flatnonzero(np.diff(t["arrive_ms"]) < 0)
        if bad.size:
            fail(c, f"/trips rows {bad[0]}, {bad[0] + 1}: not in order of arrival")
    s = run.sessions
    if s["_rows"]:
        ok = ((0 <= s["arrival_ms"]) & (s["arrival_ms"] <= s["start_ms"]) & (s["start_ms"] <= s["end_ms"]) &
              (s["end_ms"] <= T))
        bad = np.flatnonzero(~ok)
        if bad.size:
            i = bad[0]
            fail(c, f"/sessions row {i}: not 0 <= arrival {s['arrival_ms'][i]} <= start {s['start_ms'][i]}"
                    f" <= end {s['end_ms'][i]} <= horizon {T}")
        bad = np.flatnonzero(s["wait_ms"] != run.wait_ms)
        if bad.size:
            i = bad[0]
            fail(c, f"/sessions row {i}: wait_ms {s['wait_ms'][i]} != start_ms - arrival_ms = {run.wait_ms[i]}")
        bad = np.flatnonzero(np.diff(s["end_ms"]) < 0)
        if bad.size:
            fail(c, f"/sessions rows {bad[0]}, {bad[0] + 1}: not in order of their end")
    n = run.needs
    if n["_rows"]:
        bad = np.flatnonzero(~((0 <= n["time_ms"]) & (n["time_ms"] <= n["resolved_ms"]) & (n["resolved_ms"] <= T)))
        if bad.size:
            i = bad[0]
            fail(c, f"/needs row {i}: not 0 <= time {n['time_ms'][i]} <= resolved {n['resolved_ms'][i]} <= horizon {T}")
    sm = run.samples
    step = run.sc.sample_interval_ms
    expected_times = np.repeat(np.arange(0, T + 1, step, dtype=np.int64), run.n_stations)
    expected_station = np.tile(np.arange(run.n_stations, dtype=np.int64), T // step + 1)
    if sm["_rows"] != expected_times.size:
        fail(c, f"/stations/samples: expected every station every {step} ms from 0 to {T} "
                f"({expected_times.size} rows), found {sm['_rows']} rows")
    bad = np.flatnonzero((sm["time_ms"] != expected_times) | (sm["station"] != expected_station))
    if bad.size:
        i = bad[0]
        fail(c, f"/stations/samples row {i}: station {sm['station'][i]} at {sm['time_ms'][i]} ms, expected station "
                f"{expected_station[i]} at {expected_times[i]} ms (every {step} ms)")


def check_sessions(run):
    c = "sessions"
    s = run.sessions
    sc = run.sc
    dc_station = run.stations["dc_plugs"] > 0
    for i in range(s["_rows"]):
        v = int(s["vehicle"][i])
        if v >= run.n_vehicles:
            fail(c, f"row {i}: vehicle {v} is not a row of /vehicles")
        place, outcome, dc = int(s["place"][i]), int(s["outcome"][i]), int(s["dc"][i])
        if outcome > QUEUED_AT_END or place > DEPOT or dc > 1:
            fail(c, f"row {i}: unknown code (place {place}, outcome {outcome}, dc {dc})")
        segment = sc.segments[run.segment_of_vehicle[v]]
        if place == PUBLIC:
            st, need = int(s["station"][i]), int(s["need"][i])
            if st >= run.n_stations or need >= run.n_needs:
                fail(c, f"row {i}: a public session needs a station and a need, has {st} and {need}")
            if int(run.needs["vehicle"][need]) != v:
                fail(c, f"row {i}: need {need} belongs to vehicle {run.needs['vehicle'][need]}, not {v}")
            if dc and not dc_station[st]:
                fail(c, f"row {i}: dc = 1 at station {st}, which has no DC plug")
            if segment["dc_only"] and outcome in PLUGGED and not dc:
                fail(c, f"row {i}: segment {segment['name']} charges on DC only, but this session used AC")
        else:
            if s["station"][i] != INVALID or s["need"][i] != INVALID or dc:
                fail(c, f"row {i}: a home or depot session has station {s['station'][i]}, need {s['need'][i]}, dc {dc}")
            if outcome not in PLUGGED:
                fail(c, f"row {i}: a home or depot session with outcome {outcome}")
            if run.vehicles["charger_power_kw"][v] <= 0.0:
                fail(c, f"row {i}: vehicle {v} charges at home or depot but has no charger")
            expected_place = DEPOT if segment["kind"] == "logistics" else HOME
            if place != expected_place:
                fail(c, f"row {i}: place {place} for a vehicle of a {segment['kind']} segment")
        energy, grid = float(s["energy_kwh"][i]), float(s["grid_energy_kwh"][i])
        before, after = float(s["soc_before"][i]), float(s["soc_after"][i])
        battery = float(run.battery_of_vehicle[v])
        if outcome in PLUGGED:
            if energy < 0.0:
                fail(c, f"row {i}: negative energy {energy}")
            expect_close(c, f"row {i}: (soc_after - soc_before) x battery", (after - before) * battery, energy, battery)
            efficiency = sc.dc_efficiency if dc else sc.ac_efficiency
            expect_close(c, f"row {i}: grid_energy_kwh (energy / {'DC' if dc else 'AC'} efficiency {efficiency})",
                         grid, energy / efficiency)
            if outcome == CHARGED and after > max(before, segment["charge_to_soc"]) + 1e-9:
                fail(c, f"row {i}: charged to {after}, above the target {segment['charge_to_soc']}")
        else:
            if s["start_ms"][i] != s["end_ms"][i] or energy != 0.0 or grid != 0.0 or before != after:
                fail(c, f"row {i}: outcome {outcome} used no plug, yet has start {s['start_ms'][i]}, end "
                        f"{s['end_ms'][i]}, energy {energy}, grid {grid}, SoC {before} -> {after}")
        if outcome in (CUT, QUEUED_AT_END) and s["end_ms"][i] != run.T:
            fail(c, f"row {i}: outcome {outcome} (open at the end) ends at {s['end_ms'][i]}, not at the horizon "
                    f"{run.T}")
        if outcome == GAVE_UP and run.wait_ms[i] != segment["patience_ms"]:
            fail(c, f"row {i}: gave up after {run.wait_ms[i]} ms in the queue, the segment's patience is "
                    f"{segment['patience_ms']} ms")


def station_sums(run):
    """Per station, from /sessions only."""
    s = run.sessions
    n = run.n_stations
    public = s["place"] == PUBLIC
    st = s["station"][public].astype(np.int64)
    out = s["outcome"][public]
    plugged = run.plugged[public]
    dur = (s["end_ms"] - s["start_ms"])[public]
    wait = run.wait_ms[public]
    system = (s["end_ms"] - s["arrival_ms"])[public]
    sums = {
        "rows": np.bincount(st, minlength=n),
        "sessions": np.bincount(st[plugged], minlength=n),
        "gave_up": np.bincount(st[out == GAVE_UP], minlength=n),
        "turned_away_closed": np.bincount(st[(out == CLOSED) & (wait == 0)], minlength=n),
        "busy_plug_ms": np.zeros(n, dtype=np.int64),
        "queue_ms": np.zeros(n, dtype=np.int64),
        "system_ms": np.zeros(n, dtype=np.int64),
        "energy_kwh": [[] for _ in range(n)],
        "grid_energy_kwh": [[] for _ in range(n)],
    }
    np.add.at(sums["busy_plug_ms"], st, dur)
    np.add.at(sums["queue_ms"], st, wait)
    np.add.at(sums["system_ms"], st, system)
    for k, i in enumerate(np.flatnonzero(public)):
        sums["energy_kwh"][st[k]].append(float(s["energy_kwh"][i]))
        sums["grid_energy_kwh"][st[k]].append(float(s["grid_energy_kwh"][i]))
    return sums


def check_stations(run):
    c = "stations"
    t = run.stations
    sums = station_sums(run)
    T_h = run.T / 3_600_000.0
    nodes_of = defaultdict(list)
    for i in range(run.n_stations):
        nodes_of[int(t["node"][i])].append(i)
    # Every to_charger trip that arrived brought one vehicle to a station at its destination: per
    # road node, the arrivals of the stations there.
    tr = run.trips
    arrived_to_charger = (tr["purpose"] == TO_CHARGER) & (tr["outcome"] == ARRIVED)
    trips_to = defaultdict(int)
    for node in tr["destination"][arrived_to_charger]:
        trips_to[int(node)] += 1
    for node in set(trips_to) | set(nodes_of):
        ids = nodes_of.get(node, [])
        if not ids:
            fail(c, f"{trips_to[node]} to_charger trips arrived at road node {node}, where there is no station")
        arrivals = sum(int(t["arrivals"][i]) for i in ids)
        expect_equal(c, f"arrivals at the station(s) {ids} on road node {node} (to_charger trips that arrived there)",
                     arrivals, trips_to.get(node, 0))
    # Stations written in the scenario (base, and the plan's) as written.
    written = run.sc.inline_stations["base"] + (run.sc.inline_stations.get(run.plan, []) if run.plan != "base" else [])
    rows_of = {name: i for i, name in enumerate(t["name"])}
    for spec in written:
        if spec["name"] not in rows_of:
            fail(c, f"station {spec['name']} of the scenario is not in /stations")
        i = rows_of[spec["name"]]
        for col in ("plugs", "dc_plugs", "public"):
            expect_equal(c, f"station {i} ({spec['name']}) {col} (from the scenario)", int(t[col][i]), spec[col])
        for col in ("rated_power_kw", "price_per_kwh"):
            expect_close(c, f"station {i} ({spec['name']}) {col} (from the scenario)", t[col][i], spec[col])
        if spec["node"] is not None:
            expect_equal(c, f"station {i} ({spec['name']}) node (from the scenario)", int(t["node"][i]), spec["node"])
    for i in range(run.n_stations):
        name = t["name"][i]
        plugs = int(t["plugs"][i])
        if int(t["dc_plugs"][i]) > plugs:
            fail(c, f"station {i} ({name}): dc_plugs {t['dc_plugs'][i]} > plugs {plugs}")
        for col in ("sessions", "sessions_ended", "gave_up", "turned_away_closed"):
            expected = sums["sessions" if col == "sessions_ended" else col][i]
            expect_equal(c, f"station {i} ({name}) {col}", int(t[col][i]), int(expected))
        for col in ("busy_plug_ms", "queue_ms"):
            expect_equal(c, f"station {i} ({name}) {col} (sum over /sessions)", int(t[col][i]), int(sums[col][i]))
        for col in ("energy_kwh", "grid_energy_kwh"):
            values = sums[col][i]
            expect_close(c, f"station {i} ({name}) {col}", t[col][i], math.fsum(values), sum(abs(x) for x in values))
        busy_h = sums["busy_plug_ms"][i] / 3_600_000.0
        queue_h = sums["queue_ms"][i] / 3_600_000.0
        expect_close(c, f"station {i} ({name}) utilisation", t["utilisation"][i],
                     busy_h / (T_h * plugs) if plugs else 0.0)
        expect_close(c, f"station {i} ({name}) mean_occupancy", t["mean_occupancy"][i], busy_h / T_h)
        expect_close(c, f"station {i} ({name}) mean_queue", t["mean_queue"][i], queue_h / T_h)
        if int(t["arrivals"][i]) < int(sums["rows"][i]):
            fail(c, f"station {i} ({name}): arrivals {t['arrivals'][i]} < its {sums['rows'][i]} rows in /sessions")
        arrivals = int(t["arrivals"][i])
        expect_close(c, f"station {i} ({name}) mean_wait_min (queue time / arrivals)", t["mean_wait_min"][i],
                     60.0 * queue_h / arrivals if arrivals else 0.0)
    # Arrivals without a /sessions row are opportunistic vehicles that found no free plug (no
    # queueing for them): each is an opportunistic need left unserved without a session.
    turned = 0
    for k in range(run.n_needs):
        nd = run.needs
        if nd["reason"][k] == OPPORTUNISTIC and nd["outcome"][k] == N_UNSERVED and not run.sessions_of_need.get(k) \
                and not stranded_at(run, int(nd["vehicle"][k]), int(nd["resolved_ms"][k])):
            turned += 1
    expect_equal(c, "arrivals - rows of /sessions at public stations (opportunistic vehicles that found no free plug)",
                 int(np.sum(t["arrivals"])) - int(np.sum(sums["rows"])), turned)
    # max_queue lies between the longest queue /sessions implies when, at equal times, vehicles
    # leave the queue before others join it, and the longest when they join first (a session
    # with zero wait may still have been queued for 0 ms: it counts for the upper bound only).
    s = run.sessions
    for i in range(run.n_stations):
        mine = (s["place"] == PUBLIC) & (s["station"] == i)
        low = longest_queue(s["arrival_ms"][mine & (run.wait_ms > 0)], s["start_ms"][mine & (run.wait_ms > 0)], False)
        high = longest_queue(s["arrival_ms"][mine], s["start_ms"][mine], True)
        if not low <= int(t["max_queue"][i]) <= high:
            fail(c, f"station {i} ({t['name'][i]}): max_queue {t['max_queue'][i]} outside [{low}, {high}] from "
                    f"/sessions")


def longest_queue(joins, leaves, joins_first):
    events = sorted([(int(x), 0 if joins_first else 1, 1) for x in joins] +
                    [(int(x), 1 if joins_first else 0, -1) for x in leaves])
    longest = q = 0
    for _, _, d in events:
        q += d
        longest = max(longest, q)
    return longest


def stranded_at(run, vehicle, time_ms):
    """True when the vehicle's battery ran empty at time_ms."""
    return (vehicle, time_ms) in run.strandings


def check_samples(run):
    c = "samples"
    s = run.sessions
    sm = run.samples
    plugs = run.stations["plugs"]
    for st in range(run.n_stations):
        rows = (s["place"] == PUBLIC) & (s["station"] == st)
        plug = rows & run.plugged
        queued = rows & (run.wait_ms > 0)
        p_start, p_end = np.sort(s["start_ms"][plug]), np.sort(s["end_ms"][plug])
        q_start, q_end = np.sort(s["arrival_ms"][queued]), np.sort(s["start_ms"][queued])
        any_start, any_end = np.sort(s["arrival_ms"][rows]), np.sort(s["start_ms"][rows])
        mine = np.flatnonzero(sm["station"] == st)
        times = sm["time_ms"][mine]
        # Sessions surely running at t: start < t < end; possibly running: start <= t <= end.
        busy_low = np.searchsorted(p_start, times, "left") - np.searchsorted(p_end, times, "right")
        busy_high = np.searchsorted(p_start, times, "right") - np.searchsorted(p_end, times, "left")
        queue_low = np.searchsorted(q_start, times, "left") - np.searchsorted(q_end, times, "right")
        queue_high = np.searchsorted(any_start, times, "right") - np.searchsorted(any_end, times, "left")
        busy = sm["busy_plugs"][mine].astype(np.int64)
        queue = sm["queue_length"][mine].astype(np.int64)
        bad = np.flatnonzero((busy < busy_low) | (busy > busy_high) | (busy > plugs[st]))
        if bad.size:
            k = bad[0]
            fail(c, f"station {st} at {times[k]} ms: busy_plugs {busy[k]}, /sessions says {busy_low[k]} to "
                    f"{busy_high[k]} (plugs {plugs[st]})")
        bad = np.flatnonzero((queue < queue_low) | (queue > queue_high) | (queue > run.stations["max_queue"][st]))
        if bad.size:
            k = bad[0]
            fail(c, f"station {st} at {times[k]} ms: queue_length {queue[k]}, /sessions says {queue_low[k]} to "
                    f"{queue_high[k]} (max_queue {run.stations['max_queue'][st]})")
        power = sm["power_kw"][mine]
        if np.any(power < 0) or np.any(power > run.stations["rated_power_kw"][st] * (1 + REL)):
            fail(c, f"station {st}: sampled power outside [0, rated_power_kw]")
        if np.any((busy == 0) & (power != 0.0)):
            fail(c, f"station {st}: power without a busy plug")


def check_needs(run):
    c = "needs"
    n = run.needs
    s = run.sessions
    R = run.sc.availability_radius_m
    for k in range(run.n_needs):
        v = int(n["vehicle"][k])
        reason, outcome = int(n["reason"][k]), int(n["outcome"][k])
        if v >= run.n_vehicles or reason > OPPORTUNISTIC or outcome > N_OPEN:
            fail(c, f"row {k}: vehicle {v}, reason {reason}, outcome {outcome} out of range")
        if int(n["segment"][k]) != run.segment_of_vehicle[v]:
            fail(c, f"row {k}: segment {n['segment'][k]}, but vehicle {v} is in segment {run.segment_of_vehicle[v]}")
        if n["free_plug_within_radius"][k] and not 0 <= n["nearest_station_m"][k] <= R:
            fail(c, f"row {k}: a free plug within {R} m, but the nearest station is {n['nearest_station_m'][k]} m away")
        rows = run.sessions_of_need.get(k, [])
        plugged = [i for i in rows if run.plugged[i]]
        tried = int(n["stations_tried"][k])
        where = f"row {k} (vehicle {v}, reason {reason}, outcome {outcome}, {tried} stations tried, sessions {rows})"
        if outcome == N_CHARGED:
            if len(plugged) != 1 or plugged[0] != rows[-1]:
                fail(c, f"{where}: a charged need has exactly one session that plugged in, its last")
            if int(n["resolved_ms"][k]) != int(s["start_ms"][plugged[0]]):
                fail(c, f"{where}: resolved_ms {n['resolved_ms'][k]} is not the plug-in time "
                        f"{s['start_ms'][plugged[0]]}")
            if len(rows) != tried:
                fail(c, f"{where}: one session per station tried")
            continue
        if plugged:
            fail(c, f"{where}: a need that did not charge has a session that plugged in")
        if outcome == N_NO_STATION:
            if rows or tried != 0:
                fail(c, f"{where}: a need without a station tried none")
            continue
        if any(int(s["outcome"][i]) == QUEUED_AT_END for i in rows) and outcome != N_OPEN:
            fail(c, f"{where}: queued at the end, so the need is open at the end")
        if outcome == N_UNSERVED:
            resolved = int(n["resolved_ms"][k])
            if len(rows) == tried:
                if not rows or int(s["end_ms"][rows[-1]]) != resolved:
                    fail(c, f"{where}: resolved_ms {resolved} is not when it left its last station")
            elif len(rows) == tried - 1:
                # The last station was never reached (stranded on the way) or an opportunistic
                # vehicle found its plug taken (no queueing, no session row).
                if not (stranded_at(run, v, resolved) or reason == OPPORTUNISTIC):
                    fail(c, f"{where}: one station tried without a session, yet the vehicle was not stranded and the "
                            f"need is not opportunistic")
            else:
                fail(c, f"{where}: sessions and stations tried disagree")
        else:  # open at the end: queueing (a queued_at_end row) or still driving to its station
            if not (len(rows) == tried or len(rows) == tried - 1):
                fail(c, f"{where}: sessions and stations tried disagree")


def check_history(run):
    """Each vehicle's trips and sessions, replayed in order: it leaves from where it arrived, after
    it arrived, charges only while parked between two trips, and its energy goes from initial_soc
    x battery through every session (+ energy) and trip (- energy) to final_soc x battery, matching
    every soc_before, soc_after and trip soc_after on the way."""
    c = "history"
    tr, s, vt = run.trips, run.sessions, run.vehicles
    n_trips, n_sessions = tr["_rows"], s["_rows"]
    # One event list: trips at their departure, sessions at their end; at the same instant a
    # session ends before the vehicle leaves (zero-length sessions and trips at one instant
    # change no energy in any order).
    vehicle = np.concatenate([tr["vehicle"], s["vehicle"]]).astype(np.int64)
    time = np.concatenate([tr["depart_ms"], s["end_ms"]])
    is_trip = np.concatenate([np.ones(n_trips, bool), np.zeros(n_sessions, bool)])
    row = np.concatenate([np.arange(n_trips), np.arange(n_sessions)])
    order = np.lexsort((row, is_trip, time, vehicle))
    vehicle, time, is_trip, row = vehicle[order], time[order], is_trip[order], row[order]
    battery = run.battery_of_vehicle[vehicle] if vehicle.size else np.zeros(0)
    delta = np.where(is_trip, -tr["energy_kwh"][np.where(is_trip, row, 0)] if n_trips else 0.0,
                     s["energy_kwh"][np.where(is_trip, 0, row)] if n_sessions else 0.0)
    first = np.r_[True, vehicle[1:] != vehicle[:-1]] if vehicle.size else np.zeros(0, bool)
    start = np.maximum.accumulate(np.where(first, np.arange(vehicle.size), 0)) if vehicle.size else np.zeros(0, int)
    total = np.cumsum(delta)
    before_group = (total - delta)[start]
    energy_after = run.vehicles["initial_soc"][vehicle] * battery + (total - before_group)
    energy_before = energy_after - delta

    def expect_energy(what, recorded, computed, idx):
        bad = np.flatnonzero(np.abs(recorded - computed) > REL * np.maximum(battery[idx], np.abs(computed)))
        if bad.size:
            e = idx[bad[0]]
            kind = "trip" if is_trip[e] else "session"
            fail(c, f"vehicle {vehicle[e]} {kind} row {row[e]}: {what}: file has {recorded[bad[0]]!r}, replayed "
                    f"{computed[bad[0]]!r} (tolerance {REL} x battery)")

    trips = np.flatnonzero(is_trip)
    sessions = np.flatnonzero(~is_trip)
    expect_energy("soc_after x battery vs the energy left", tr["soc_after"][row[trips]] * battery[trips],
                  energy_after[trips], trips)
    expect_energy("soc_before x battery vs the energy it had", s["soc_before"][row[sessions]] * battery[sessions],
                  energy_before[sessions], sessions)
    expect_energy("soc_after x battery vs the energy after charging", s["soc_after"][row[sessions]] * battery[sessions],
                  energy_after[sessions], sessions)
    # final_soc: the energy after the vehicle's last event (initial_soc when it has none).
    final = vt["initial_soc"] * run.battery_of_vehicle
    last = np.r_[vehicle[1:] != vehicle[:-1], True] if vehicle.size else np.zeros(0, bool)
    final[vehicle[last]] = energy_after[last]
    bad = np.flatnonzero(np.abs(vt["final_soc"] * run.battery_of_vehicle - final) > REL * run.battery_of_vehicle)
    if bad.size:
        v = bad[0]
        fail(c, f"vehicle {v}: final_soc x battery {vt['final_soc'][v] * run.battery_of_vehicle[v]!r}, replayed "
                f"{final[v]!r}")
    # Place and time: the previous trip (same vehicle) brought it where and when the next event starts.
    prev_trip = np.where(is_trip, np.arange(vehicle.size), -1)
    prev_trip = np.maximum.accumulate(np.r_[-1, prev_trip[:-1]]) if vehicle.size else prev_trip
    has_prev = prev_trip >= start
    arrived_at = np.where(has_prev, tr["destination"][row[np.maximum(prev_trip, 0)]] if n_trips else 0,
                          vt["start"][vehicle] if vehicle.size else 0)
    free_from = np.where(has_prev, tr["arrive_ms"][row[np.maximum(prev_trip, 0)]] if n_trips else 0, 0)
    bad = np.flatnonzero(is_trip & (tr["origin"][np.where(is_trip, row, 0)] != arrived_at))
    if bad.size:
        e = bad[0]
        fail(c, f"vehicle {vehicle[e]}: trip row {row[e]} leaves node {tr['origin'][row[e]]}, but the vehicle is at "
                f"node {arrived_at[e]}")
    begins = np.where(is_trip, time, s["arrival_ms"][np.where(is_trip, 0, row)] if n_sessions else 0)
    bad = np.flatnonzero(begins < free_from)
    if bad.size:
        e = bad[0]
        kind = "trip" if is_trip[e] else "session"
        fail(c, f"vehicle {vehicle[e]}: {kind} row {row[e]} begins at {begins[e]} ms, before the vehicle arrived "
                f"({free_from[e]} ms)")


def check_vehicles(run):
    c = "vehicles"
    vt = run.vehicles
    n = run.n_vehicles
    tr = run.trips
    s = run.sessions
    nd = run.needs
    tv = tr["vehicle"].astype(np.int64)
    sv = s["vehicle"].astype(np.int64)
    nv = nd["vehicle"].astype(np.int64)
    expected = {
        "trips": np.bincount(tv[tr["purpose"] == PLAN], minlength=n),
        "sessions": np.bincount(sv[s["energy_kwh"] > 0.0], minlength=n),
        "needs": np.bincount(nv, minlength=n),
        "needs_unserved": np.bincount(nv[np.isin(nd["outcome"], (N_UNSERVED, N_NO_STATION))], minlength=n),
    }
    for col, values in expected.items():
        bad = np.flatnonzero(vt[col].astype(np.int64) != values)
        if bad.size:
            v = bad[0]
            fail(c, f"vehicle {v} {col}: file has {vt[col][v]}, recomputed {values[v]}")
    sums = {
        "distance_m": np.bincount(tv, weights=tr["distance_m"], minlength=n),
        "driving_energy_kwh": np.bincount(tv, weights=tr["energy_kwh"], minlength=n),
        "charged_energy_kwh": np.bincount(sv, weights=s["energy_kwh"], minlength=n),
        "wait_min": np.bincount(sv, weights=(run.wait_ms / 1000.0) / 60.0, minlength=n),
    }
    for col, values in sums.items():
        for v in np.flatnonzero(vt[col] != values):
            expect_close(c, f"vehicle {v} {col}", vt[col][v], values[v])
    stranded_trip = np.zeros(n, dtype=bool)
    stranded_trip[tv[tr["outcome"] == STRANDED]] = True
    last_trip = np.full(n, -1)
    last_trip[tv] = np.arange(tr["_rows"])
    for v in range(n):
        t = int(vt["type"][v])
        seg = int(vt["segment"][v])
        if seg >= len(run.sc.segments) or t != run.sc.segments[seg]["type"]:
            fail(c, f"vehicle {v}: type {t} and segment {seg} do not match the scenario's fleet")
        if bool(vt["stranded"][v]) != stranded_trip[v]:
            fail(c, f"vehicle {v}: stranded = {vt['stranded'][v]}, but {'a' if stranded_trip[v] else 'no'} trip of it "
                    f"was stranded")
        if stranded_trip[v]:
            last = last_trip[v]
            if tr["outcome"][last] != STRANDED or tr["soc_after"][last] != 0.0 or vt["final_soc"][v] != 0.0:
                fail(c, f"vehicle {v}: a stranded vehicle's last trip is the stranded one, with SoC 0 after it")
        if (vt["charger_node"][v] == INVALID) != (vt["charger_power_kw"][v] == 0.0):
            fail(c, f"vehicle {v}: charger_node {vt['charger_node'][v]} with charger_power_kw "
                    f"{vt['charger_power_kw'][v]}")
        soc0, soc1 = float(vt["initial_soc"][v]), float(vt["final_soc"][v])
        if not (0.0 <= soc0 <= 1.0 and 0.0 <= soc1 <= 1.0):
            fail(c, f"vehicle {v}: SoC outside [0, 1]: {soc0} -> {soc1}")
        battery = run.battery_of_vehicle[v]
        charged, driven = float(vt["charged_energy_kwh"][v]), float(vt["driving_energy_kwh"][v])
        expect_close(c, f"vehicle {v} energy balance: initial_soc x {battery} kWh + charged - driven vs "
                        f"final_soc x battery",
                     soc0 * battery + charged - driven, soc1 * battery, battery + charged + driven)
