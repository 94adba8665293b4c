#!/usr/bin/env python3
"""The catalogue of malformed inputs (docs/reliability.md): every case is a small set of files and an
evsim command that must fail with exit code 2 and exactly one line on stderr, the message given here.

    malformed_catalogue.py EVSIM WORKDIR            run every case; exit 1 on any difference
    malformed_catalogue.py EVSIM WORKDIR --markdown print the catalogue table for docs/reliability.md

Paths in messages are written as {dir} (the case's folder) so that the catalogue does not depend on
where it runs. Cases build on one small valid scenario (BASE) with one thing broken each.
"""
import os
import shutil
import subprocess
import sys

BASE = """name: t
horizon: 1d
road:
  grid: {rows: 4, cols: 4, spacing: 300m, speed: 30km/h}
vehicle_types:
  - {name: car, battery: 50kWh, consumption: 0.15kWh/km, max_ac_power: 7kW, max_dc_power: 60kW}
fleet:
  - {name: all, vehicle_type: car, count: 10, initial_soc: 50%, depart_to_work: "08:00", work_dwell: 8h}
stations:
  - {name: centre, node: 5, plugs: [{count: 2, power: 50kW, kind: dc}]}
"""

CSV_ROAD = BASE.replace("  grid: {rows: 4, cols: 4, spacing: 300m, speed: 30km/h}",
                        "  csv: {nodes: nodes.csv, edges: edges.csv}").replace("node: 5,", "node: 1,")
NODES = "id,x_m,y_m\n1,0,0\n2,500,0\n3,500,500\n4,0,500\n"
EDGES = "from,to,length_m,speed_kmh,oneway\n1,2,500,30,0\n2,3,500,30,0\n3,4,500,30,0\n4,1,500,30,0\n"
GEO_ROAD = CSV_ROAD
GEO_NODES = "id,lon,lat\n1,114.0,22.5\n2,114.005,22.5\n3,114.005,22.505\n4,114.0,22.505\n"

GRID = BASE + """grid:
  feeders:
    - {name: f, file: f.yaml, background_profile: p.csv}
"""
FEEDER_LINES = "from,to,r_ohm,x_ohm\nsub,a,0.1,0.1\na,b,0.1,0.1\n"
PROFILE = "hour,multiplier\n" + "".join(f"{h},1\n" for h in range(24))
FEEDER_FILES = {"f.yaml": "feeder:\n  base_kv: 10\n  transformer_kva: 500\n  buses: fb.csv\n  lines: fl.csv\n",
                "fb.csv": "bus,p_kw,q_kvar,x_m,y_m\nsub,0,0,0,0\na,50,10,300,0\nb,50,10,600,300\n",
                "fl.csv": FEEDER_LINES, "p.csv": PROFILE}


def case(fmt, what, files, args, message):
    return {"format": fmt, "what": what, "files": files, "args": args, "message": message}


def scenario(fmt, what, text, message, extra=None, args="validate {dir}/s.yaml"):
    files = {"s.yaml": text}
    files.update(extra or {})
    return case(fmt, what, files, args, message)


def base_with(old, new):
    assert old in BASE, old
    return BASE.replace(old, new)


CASES = [
    # --- the scenario file itself
    scenario("YAML", "not YAML at all", "name: t\n  horizon: 1d\n",
             "{dir}/s.yaml:2:10: (document): expected valid YAML, found illegal map value"),
    scenario("YAML", "unknown top-level key", base_with("horizon: 1d", "horizn: 1d"),
             "{dir}/s.yaml:2:1: horizn: expected one of the keys name, seed, horizon, sample_interval, event_list, "
             "ambient_temperature, road, vehicle_types, stations, station_files, fleet, plans, coverage, places, "
             "charging, grid, tariffs, sessions, grid_events, found unknown key \"horizn\""),
    scenario("YAML", "missing horizon", base_with("horizon: 1d\n", ""),
             "{dir}/s.yaml:1:1: (document): expected key \"horizon\", found nothing"),
    scenario("YAML", "horizon without unit", base_with("horizon: 1d", "horizon: 24"),
             '{dir}/s.yaml:2:10: horizon: expected a duration (units ms, s, min, h, d), found "24" without a unit'),
    scenario("YAML", "1,000-year horizon", base_with("horizon: 1d", "horizon: 365000d"),
             "{dir}/s.yaml:2:10: horizon: expected a duration > 0 and at most 400d (evsim's plausibility limit; "
             "longer studies run in stages), found \"365000d\""),
    scenario("YAML", "1 ms sampling", base_with("horizon: 1d", "horizon: 1d\nsample_interval: 1ms"),
             "{dir}/s.yaml:3:18: sample_interval: expected a duration of at least 1s (evsim's plausibility limit), "
             "found \"1ms\""),
    scenario("YAML", "negative seed", base_with("name: t", "name: t\nseed: -1"),
             "{dir}/s.yaml:2:7: seed: expected a non-negative integer, found \"-1\""),
    scenario("YAML", "unknown unit", base_with("battery: 50kWh", "battery: 50kwh"),
             '{dir}/s.yaml:6:26: vehicle_types[0].battery: expected an energy (units kWh, MWh, Wh), found unknown '
             'unit "kwh" in "50kwh"'),
    scenario("YAML", "battery in Wh read as a huge number", base_with("battery: 50kWh", "battery: 50000"),
             "{dir}/s.yaml:6:26: vehicle_types[0].battery: expected a battery capacity from 1 to 2000 kWh (evsim's"
             ' plausibility limit), found "50000"'),
    scenario("YAML", "consumption per 100 km", base_with("consumption: 0.15kWh/km", "consumption: 15"),
             '{dir}/s.yaml:6:46: vehicle_types[0].consumption: expected a consumption from 0.02 to 5 kWh/km '
             '(evsim\'s plausibility limit), found "15"'),
    scenario("YAML", "vehicle DC limit in W", base_with("max_dc_power: 60kW", "max_dc_power: 60W"),
             '{dir}/s.yaml:6:91: vehicle_types[0].max_dc_power: expected 0 or a charging power from 0.5 to 5000 kW'
             ' (evsim\'s plausibility limit), found "60W"'),
    scenario("YAML", "plug of 7 W", base_with("power: 50kW", "power: 7W"),
             '{dir}/s.yaml:10:55: stations[0].plugs[0].power: expected a charging power from 0.5 to 5000 kW '
             '(evsim\'s plausibility limit), found "7W"'),
    scenario("YAML", "street at 3000 km/h", base_with("speed: 30km/h", "speed: 3000km/h"),
             "{dir}/s.yaml:4:50: road.grid.speed: expected a road speed from 1 to 200 km/h (evsim's plausibility "
             "limit), found \"3000km/h\""),
    scenario("YAML", "two road sources", base_with("  grid:", "  ring_radial: {rings: 2, spokes: 4, ring_spacing: 1km, "
                                                   "radial_speed: 50km/h, ring_speed: 40km/h}\n  grid:"),
             "{dir}/s.yaml:4:3: road: expected exactly one of the keys grid, ring_radial, osm, csv, found the keys "
             "grid, ring_radial"),
    scenario("YAML", "grid of one row", base_with("rows: 4", "rows: 1"),
             "{dir}/s.yaml:4:16: road.grid.rows: expected an integer from 2 to 10000, found \"1\""),
    scenario("YAML", "max_snap_distance of 0", base_with("road:\n", "road:\n  max_snap_distance: 0m\n"),
             "{dir}/s.yaml:4:22: road.max_snap_distance: expected a length > 0, found \"0m\""),
    scenario("YAML", "station on node and coordinates", base_with("node: 5,", "node: 5, x: 10m, y: 10m,"),
             "{dir}/s.yaml:10:5: stations[0]: expected either key \"node\", keys \"x\" and \"y\" or keys \"lon\" and "
             "\"lat\", found both \"node\" and \"x\""),
    scenario("YAML", "station name used twice",
             BASE + "  - {name: centre, node: 6, plugs: [{count: 1, power: 50kW, kind: dc}]}\n",
             '{dir}/s.yaml:11:12: stations[1].name: expected a unique station name, found "centre", also used by '
             'stations[0]'),
    scenario("YAML", "plug kind misspelt", base_with("kind: dc", "kind: DC"),
             '{dir}/s.yaml:10:67: stations[0].plugs[0].kind: expected one of ac, dc, found "DC"'),
    scenario("YAML", "opening hours malformed", base_with("{name: centre,", "{name: centre, hours: 8-22,"),
             '{dir}/s.yaml:10:27: stations[0].hours: expected opening hours "24/7" or "HH:MM-HH:MM", found "8-22"'),
    scenario("YAML", "segment with unknown vehicle type", base_with("vehicle_type: car", "vehicle_type: van"),
             '{dir}/s.yaml:8:31: fleet[0].vehicle_type: expected one of the vehicle types car, found "van"'),
    scenario("YAML", "SoC above 100 %", base_with("initial_soc: 50%", "initial_soc: 150%"),
             '{dir}/s.yaml:8:60: fleet[0].initial_soc: expected a fraction from 0 to 1 (or 0% to 100%), found '
             '"150%"'),
    scenario("YAML", "distribution with sd < 0",
             base_with('depart_to_work: "08:00"', 'depart_to_work: {normal: {mean: "08:00", sd: -1h}}'),
             '{dir}/s.yaml:8:110: fleet[0].depart_to_work.normal.sd: expected a duration >= 0, found "-1h"'),
    scenario("YAML", "unknown datum", base_with("{name: centre, node: 5,", "{name: centre, lon: 114.0, lat: 22.5, "
                                                "crs: WGS84,"),
             '{dir}/s.yaml:10:48: stations[0].crs: expected wgs84, gcj02 or bd09, found "WGS84"'),
    scenario("YAML", "datum beside a node", base_with("{name: centre, node: 5,", "{name: centre, node: 5, crs: gcj02,"),
             '{dir}/s.yaml:10:34: stations[0].crs: expected key "crs" only beside "lon" and "lat" (a node or x and'
             ' y have no datum), found key "crs" beside "node"'),
    scenario("YAML", "latitude out of range", base_with("{name: centre, node: 5,", "{name: centre, lon: 114.0, lat: 95,"),
             '{dir}/s.yaml:10:37: stations[0].lat: expected a latitude from -90 to 90 (degrees), found "95"'),
    scenario("YAML", "missing station file", base_with("stations:", "station_files:\n  - {file: nowhere.csv}\nstations:"),
             '{dir}/s.yaml:10:12: station_files[0].file: expected an existing file, found no such file '
             '"{dir}/nowhere.csv"'),
    scenario("YAML", "unknown plan", BASE, "(command line): --plan: expected one of the plans base, found \"typo\"",
             args="run {dir}/s.yaml --plan typo -o {dir}/out.h5"),
    scenario("YAML", "plan named base", BASE + "plans:\n  - {name: base, stations: []}\n",
             '{dir}/s.yaml:12:12: plans[0].name: expected a plan name other than "base" (the scenario\'s own '
             'stations), found "base"'),
    # --- node ids and snapping
    scenario("node ids", "station on a node the grid lacks", base_with("node: 5,", "node: 16,"),
             "{dir}/s.yaml:10:5: stations[0].node: expected a node id of the road network (grid town: 4 x 4 nodes, "
             "300 m apart), found 16, which is not a road node there (ids are those of the network file: the CSV id, "
             "the OSM node id of a road junction or way end; generated networks: docs/scenario-format.md)"),
    scenario("node ids", "internal index instead of the CSV id", CSV_ROAD.replace("node: 1,", "node: 0,"),
             "{dir}/s.yaml:10:5: stations[0].node: expected a node id of the road network ({dir}/nodes.csv, "
             "{dir}/edges.csv), found 0, which is not a road node there (ids are those of the network file: the CSV "
             "id, the OSM node id of a road junction or way end; generated networks: docs/scenario-format.md)",
             {"nodes.csv": NODES, "edges.csv": EDGES}),
    scenario("node ids", "node that loading dropped", CSV_ROAD.replace("node: 1,", "node: 5,"),
             "{dir}/s.yaml:10:5: stations[0].node: expected a node id of the kept road network ({dir}/nodes.csv, "
             "{dir}/edges.csv), found 5, a node that loading dropped: it is outside the largest strongly connected "
             "part of the network (not every other node can be reached from it and back)",
             {"nodes.csv": NODES + "5,900,900\n", "edges.csv": EDGES + "3,5,600,30,1\n"}),
    scenario("snapping", "station 800 m off the map", base_with("node: 5,", "x: 1700m, y: 0m,"),
             "{dir}/s.yaml:10:5: stations[0].x: expected a point within 500 m of a road node "
             "(road.max_snap_distance), found station \"centre\" 800.0 m from the nearest road node"),
    scenario("snapping", "depot beyond a tighter limit",
             base_with("road:\n", "road:\n  max_snap_distance: 100m\n").replace(
                 "stations:", "  - {name: vans, kind: logistics, vehicle_type: car, count: 2, depot: {x: 150m, y: 150m}}"
                 "\nstations:"),
             '{dir}/s.yaml:10:71: fleet[1].depot.x: expected a point within 100 m of a road node '
             '(road.max_snap_distance), found depot "vans" 212.1 m from the nearest road node'),
    scenario("snapping", "lon/lat on a network in metres", base_with("node: 5,", "lon: 114.0, lat: 22.5,"),
             "{dir}/s.yaml:10:5: stations[0].lon: expected a road network with geographic coordinates (osm, or csv "
             "nodes with lon,lat) for station \"centre\" given by lon/lat, found a road network in plain metres"),
    scenario("snapping", "station file node and point disagree",
             base_with("stations:", "station_files:\n  - {file: st.csv, dc_power: 50kW}\nstations:"),
             '{dir}/st.csv:2:1: row 1.node: expected a node and a point that agree within 500 m '
             '(road.max_snap_distance), found station "moved": node 0 lies 800.0 m from its x/y (give one of them,'
             ' or both in agreement)',
             {"st.csv": "name,x_m,y_m,node,dc_plugs\nmoved,800,0,0,2\n"}),
    # --- CSV road
    scenario("CSV road", "edge to an unknown node", CSV_ROAD,
             '{dir}/edges.csv:6:3: to: expected a node id listed in {dir}/nodes.csv, found "9"',
             {"nodes.csv": NODES, "edges.csv": EDGES + "1,9,100,30,0\n"}),
    scenario("CSV road", "negative length", CSV_ROAD,
             "{dir}/edges.csv:2:5: length_m: expected a length in metres > 0, found \"-500\"",
             {"nodes.csv": NODES, "edges.csv": EDGES.replace("1,2,500,30,0", "1,2,-500,30,0")}),
    scenario("CSV road", "speed 0", CSV_ROAD,
             "{dir}/edges.csv:2:9: speed_kmh: expected a road speed from 1 to 200 km/h (evsim's plausibility "
             'limit), found "0"', {"nodes.csv": NODES, "edges.csv": EDGES.replace("1,2,500,30,0", "1,2,500,0,0")}),
    scenario("CSV road", "oneway not a boolean", CSV_ROAD,
             '{dir}/edges.csv:2:12: oneway: expected 0, 1, true or false, found "yes"',
             {"nodes.csv": NODES, "edges.csv": EDGES.replace("1,2,500,30,0", "1,2,500,30,yes")}),
    scenario("CSV road", "node id twice", CSV_ROAD,
             '{dir}/nodes.csv:6:1: id: expected a node id not used before (line 5 has it), found "4"',
             {"nodes.csv": NODES + "4,9,9\n", "edges.csv": EDGES}),
    scenario("CSV road", "node file without coordinates", CSV_ROAD,
             '{dir}/nodes.csv:1:1: lon,lat: expected columns "lon","lat" or "x_m","y_m" in the header, found '
             '"id,east,north"',
             {"nodes.csv": "id,east,north\n1,0,0\n", "edges.csv": EDGES}),
    scenario("CSV road", "row with a missing field", CSV_ROAD,
             '{dir}/nodes.csv:3:6: y_m: expected 3 fields as in the header, found 2 fields',
             {"nodes.csv": "id,x_m,y_m\n1,0,0\n2,500\n", "edges.csv": EDGES}),
    scenario("CSV road", "unterminated quote", CSV_ROAD,
             '{dir}/nodes.csv:3:3: x_m: expected a closing quote for the field that starts here, found the end of '
             'the file',
             {"nodes.csv": "id,x_m,y_m\n1,0,0\n2,\"500,0\n", "edges.csv": EDGES}),
    scenario("CSV road", "empty node file", CSV_ROAD,
             "{dir}/nodes.csv:1:1: (header): expected a header line naming the columns, found an empty file",
             {"nodes.csv": "", "edges.csv": EDGES}),
    # --- station files
    scenario("station CSV", "plug count not a number",
             base_with("stations:", "station_files:\n  - {file: st.csv, dc_power: 50kW}\nstations:"),
             '{dir}/st.csv:2:15: dc_plugs: expected a whole number of DC plugs, found "four"',
             {"st.csv": "name,x_m,y_m,dc_plugs\nnorth,300,300,four\n"}),
    scenario("station CSV", "plug count negative",
             base_with("stations:", "station_files:\n  - {file: st.csv, dc_power: 50kW}\nstations:"),
             '{dir}/st.csv:2:15: dc_plugs: expected a number of DC plugs from 0 to 100000, found "-2"',
             {"st.csv": "name,x_m,y_m,dc_plugs\nnorth,300,300,-2\n"}),
    scenario("station CSV", "no power for the plugs",
             base_with("stations:", "station_files:\n  - {file: st.csv}\nstations:"),
             '{dir}/st.csv:2:15: dc_plugs: expected a DC power for these plugs (a power column in the file, or the'
             ' file\'s dc_power in the scenario), found "2"',
             {"st.csv": "name,x_m,y_m,dc_plugs\nnorth,300,300,2\n"}),
    scenario("station CSV", "power column of 0 kW",
             base_with("stations:", "station_files:\n  - {file: st.csv}\nstations:"),
             '{dir}/st.csv:2:17: dc_power_kw: expected a DC plug power: a charging power from 0.5 to 5000 kW '
             '(evsim\'s plausibility limit), found "0"',
             {"st.csv": "name,x_m,y_m,dc_plugs,dc_power_kw\nnorth,300,300,2,0\n"}),
    scenario("station CSV", "station name twice",
             base_with("stations:", "station_files:\n  - {file: st.csv, dc_power: 50kW}\nstations:"),
             "{dir}/st.csv:3:1: name: expected a station name not used before in this file, found \"north\"",
             {"st.csv": "name,x_m,y_m,dc_plugs\nnorth,300,300,2\nnorth,600,600,2\n"}),
    scenario("station CSV", "no plug column",
             base_with("stations:", "station_files:\n  - {file: st.csv, dc_power: 50kW}\nstations:"),
             "{dir}/st.csv:1:1: dc_plugs: expected a column \"dc_plugs\" in the header, found \"name,x_m,y_m,piles\"",
             {"st.csv": "name,x_m,y_m,piles\nnorth,300,300,2\n"}),
    scenario("station CSV", "price below 0",
             base_with("stations:", "station_files:\n  - {file: st.csv, dc_power: 50kW}\nstations:"),
             '{dir}/st.csv:2:17: price_per_kwh: expected a price per kWh >= 0, found "-1"',
             {"st.csv": "name,x_m,y_m,dc_plugs,price_per_kwh\nnorth,300,300,2,-1\n"}),
    scenario("station CSV", "GCJ-02 position with no WGS-84 twin",
             GEO_ROAD.replace("node: 1,", "node: 1,").replace("stations:", "station_files:\n  - {file: st.csv, "
                                                                "dc_power: 50kW, crs: gcj02}\nstations:"),
             '{dir}/st.csv:2:6: lon: expected a gcj02 position that some WGS-84 position converts to (none does in'
             ' a strip along the edge of the area where China\'s offset applies), found "72.006"',
             {"nodes.csv": GEO_NODES, "edges.csv": EDGES, "st.csv": "name,lon,lat,dc_plugs\nedge,72.006,30,2\n"}),
    # --- trip files
    scenario("trip CSV", "departure after the horizon",
             base_with("fleet:\n", "fleet:\n  - {name: replay, kind: trip_file, vehicle_type: car, file: trips.csv}\n"),
             "{dir}/trips.csv:2:3: depart: expected a time within the horizon (at least 00:00 and before 1d), found "
             "\"1d 08:00\"", {"trips.csv": "vehicle,depart,origin_node,destination_node\na,1d 08:00,0,5\n"}),
    scenario("trip CSV", "departure written 7.30",
             base_with("fleet:\n", "fleet:\n  - {name: replay, kind: trip_file, vehicle_type: car, file: trips.csv}\n"),
             "{dir}/trips.csv:2:3: depart: expected a departure time (\"HH:MM\" or \"HH:MM:SS\" on day 0, \"1d 07:30\", "
             "or a duration such as \"31h\"), found \"7.30\"",
             {"trips.csv": "vehicle,depart,origin_node,destination_node\na,7.30,0,5\n"}),
    scenario("trip CSV", "empty vehicle id",
             base_with("fleet:\n", "fleet:\n  - {name: replay, kind: trip_file, vehicle_type: car, file: trips.csv}\n"),
             "{dir}/trips.csv:2:1: vehicle: expected a vehicle id, found \"\"",
             {"trips.csv": "vehicle,depart,origin_node,destination_node\n,08:00,0,5\n"}),
    scenario("trip CSV", "no trips",
             base_with("fleet:\n", "fleet:\n  - {name: replay, kind: trip_file, vehicle_type: car, file: trips.csv}\n"),
             "{dir}/trips.csv:1:1: (header): expected at least one trip, found a header without rows",
             {"trips.csv": "vehicle,depart,origin_node,destination_node\n"}),
    scenario("trip CSV", "unknown destination node",
             base_with("fleet:\n", "fleet:\n  - {name: replay, kind: trip_file, vehicle_type: car, file: trips.csv}\n"),
             "{dir}/trips.csv:2:11: destination_node: expected a node id of the road network (grid town: 4 x 4 nodes, "
             "300 m apart), found 99, which is not a road node there (ids are those of the network file: the CSV id, "
             "the OSM node id of a road junction or way end; generated networks: docs/scenario-format.md)",
             {"trips.csv": "vehicle,depart,origin_node,destination_node\na,08:00,0,99\n"}),
    scenario("trip CSV", "count given for a trip-file segment",
             base_with("fleet:\n", "fleet:\n  - {name: replay, kind: trip_file, vehicle_type: car, count: 3, "
                                   "file: trips.csv}\n"),
             '{dir}/s.yaml:8:63: fleet[0].count: expected no count in a trip_file segment (its vehicles are the '
             'ones its file names), found "3"',
             {"trips.csv": "vehicle,depart,origin_node,destination_node\na,08:00,0,5\n"}),
    # --- place and demand files
    scenario("place CSV", "negative weight", BASE + "places:\n  homes: {file: homes.csv}\n",
             '{dir}/homes.csv:2:5: weight: expected a demand weight of 0 or more, found "-1"',
             {"homes.csv": "x_m,y_m,weight\n0,0,-1\n"}),
    scenario("place CSV", "every weight 0", BASE + "places:\n  homes: {file: homes.csv}\n",
             "{dir}/homes.csv:1:9: weight: expected at least one weight above 0, found 1 row, all 0",
             {"homes.csv": "x_m,y_m,weight\n0,0,0\n"}),
    scenario("place CSV", "weight column renamed but absent", BASE + "places:\n  homes: {file: homes.csv, weight: people}\n",
             "{dir}/homes.csv:1:1: people: expected a column \"people\" in the header, found \"x_m,y_m,weight\"",
             {"homes.csv": "x_m,y_m,weight\n0,0,1\n"}),
    scenario("place CSV", "weight nan", BASE + "places:\n  work: {file: jobs.csv}\n",
             '{dir}/jobs.csv:2:5: weight: expected a demand weight, found "nan"',
             {"jobs.csv": "x_m,y_m,weight\n0,0,nan\n"}),
    scenario("place CSV", "point 2 km off the map (unused file still checked)", BASE + "places:\n  other: {file: pois.csv}\n",
             "{dir}/pois.csv:2:1: x_m: expected a point within 500 m of a road node (road.max_snap_distance), found "
             "other place 2000.0 m from the nearest road node",
             {"pois.csv": "x_m,y_m,weight\n2900,900,1\n"}),
    scenario("place CSV", "only x_m", BASE + "places:\n  homes: {file: homes.csv}\n",
             "{dir}/homes.csv:1:1: y_m: expected a column \"y_m\" in the header, found \"x_m,weight\"",
             {"homes.csv": "x_m,weight\n0,1\n"}),
    scenario("demand CSV", "demand file in an unknown datum",
             BASE + "coverage:\n  demand: {file: d.csv, crs: wgs-84}\n",
             '{dir}/s.yaml:12:30: coverage.demand.crs: expected wgs84, gcj02 or bd09, found "wgs-84"',
             {"d.csv": "x_m,y_m,weight\n0,0,1\n"}),
    # --- GeoJSON areas
    scenario("GeoJSON", "area file that is not JSON", BASE + "coverage:\n  area: {file: a.geojson}\n",
             '{dir}/a.geojson:1:1: (document): expected a GeoJSON object, found "not json"',
             {"a.geojson": "not json\n"}),
    scenario("GeoJSON", "polygon with a hole", BASE + "coverage:\n  area: {file: a.geojson}\n",
             "{dir}/a.geojson:1:36: coordinates: expected a polygon without holes (one linear ring; holes are not "
             "supported), found 2 rings",
             {"a.geojson": '{"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.2],[0.3,0.2],'
                           '[0.3,0.3],[0.2,0.2]]]}\n'}),
    scenario("GeoJSON", "inline area of two points", BASE + "coverage:\n  area: {lon_lat: [[114, 22], [114.1, 22]]}\n",
             '{dir}/s.yaml:12:19: coverage.area.lon_lat: expected a polygon of at least 3 distinct vertices, found'
             ' 2'),
    # --- OSM
    scenario("OSM", "OSM file that is not OSM", base_with("  grid: {rows: 4, cols: 4, spacing: 300m, speed: 30km/h}",
                                                          "  osm: {file: city.osm}"),
             '{dir}/s.yaml:4:15: road.osm.file: expected a readable OpenStreetMap file (.osm, .osm.gz, .osm.bz2, '
             '.osm.pbf), found "{dir}/city.osm": XML parsing error at line 1, column 0: syntax error',
             {"city.osm": "this is not xml\n"}),
    scenario("OSM", "OSM file with no drivable road", base_with("  grid: {rows: 4, cols: 4, spacing: 300m, speed: 30km/h}",
                                                                "  osm: {file: city.osm}"),
             '{dir}/s.yaml:4:15: road.osm.file: expected an OpenStreetMap file with drivable roads '
             '(highway=motorway, trunk, primary, secondary, tertiary, unclassified, residential, living_street, '
             'their _link roads), found "{dir}/city.osm": no drivable road among its 0 ways',
             {"city.osm": '<?xml version="1.0"?>\n<osm version="0.6"><node id="1" lon="10" lat="50"/></osm>\n'}),
    # --- feeders attached to the run (grid)
    scenario("grid", "station on an unknown bus", GRID.replace("node: 5,", "node: 5, bus: \"f:zz\","),
             '{dir}/s.yaml:10:34: stations[0].bus: expected the id of a bus of feeder "f" after the \':\', found "f:zz"',
             FEEDER_FILES),
    scenario("grid", "station on an unknown feeder", GRID.replace("node: 5,", "node: 5, bus: \"g:a\","),
             '{dir}/s.yaml:10:34: stations[0].bus: expected a feeder of grid.feeders before the \':\', found "g:a"',
             FEEDER_FILES),
    scenario("grid", "background profile of 23 rows", GRID, '{dir}/p.csv:24:1: hour: expected 24 rows, hours 0 to 23, '
             'found 23 rows', dict(FEEDER_FILES, **{"p.csv": PROFILE.replace("23,1\n", "")})),
    scenario("grid", "background multiplier -1", GRID, '{dir}/p.csv:5:3: multiplier: expected a multiplier from 0 to '
             '100, found "-1"', dict(FEEDER_FILES, **{"p.csv": PROFILE.replace("3,1\n", "3,-1\n")})),
    scenario("grid", "feeder with a loop", GRID, '{dir}/fl.csv:4:3: to: expected a radial feeder (one path from the '
             'source to every bus), found a line closing a loop: buses "b" and "sub" are connected by earlier lines '
             'already', dict(FEEDER_FILES, **{"fl.csv": FEEDER_LINES + "b,sub,0.1,0.1\n"})),
    scenario("grid", "transformer rated 0 kVA", GRID, '{dir}/f.yaml:3:20: feeder.transformer_kva: expected a rating above '
             '0 kVA, found "0"', dict(FEEDER_FILES, **{"f.yaml": FEEDER_FILES["f.yaml"].replace("500", "0")})),
    scenario("grid", "transformer rated -500 kVA", GRID, '{dir}/f.yaml:3:20: feeder.transformer_kva: expected a rating '
             'above 0 kVA, found "-500"', dict(FEEDER_FILES, **{"f.yaml": FEEDER_FILES["f.yaml"].replace("500", "-500")})),
    scenario("grid", "feeder base_kv of 0", GRID, '{dir}/f.yaml:2:12: feeder.base_kv: expected a base voltage above 0 kV, '
             'found "0"', dict(FEEDER_FILES, **{"f.yaml": FEEDER_FILES["f.yaml"].replace("base_kv: 10", "base_kv: 0")})),
    scenario("grid", "feeder base_kv of 1e-200", GRID, '{dir}/f.yaml:2:12: feeder.base_kv: expected a base voltage from '
             '0.1 to 1000 kV (evsim\'s plausibility limit), found "1e-200"',
             dict(FEEDER_FILES, **{"f.yaml": FEEDER_FILES["f.yaml"].replace("base_kv: 10", "base_kv: 1e-200")})),
    scenario("grid", "bus load of 1e300 kW", GRID, '{dir}/fb.csv:3:3: p_kw: expected a power from -1000000 to 1000000 kW '
             '(evsim\'s plausibility limit), found "1e300"',
             dict(FEEDER_FILES, **{"fb.csv": FEEDER_FILES["fb.csv"].replace("a,50,", "a,1e300,")})),
    scenario("grid", "line of negative resistance", GRID, '{dir}/fl.csv:2:7: r_ohm: expected a resistance of at least 0 '
             'ohm, found "-0.1"', dict(FEEDER_FILES, **{"fl.csv": FEEDER_LINES.replace("sub,a,0.1,", "sub,a,-0.1,")})),
    scenario("grid", "line of negative reactance", GRID, '{dir}/fl.csv:3:9: x_ohm: expected a reactance of at least 0 '
             'ohm, found "-0.1"', dict(FEEDER_FILES, **{"fl.csv": FEEDER_LINES.replace("a,b,0.1,0.1", "a,b,0.1,-0.1")})),
    scenario("grid", "line of negative ampacity", GRID, '{dir}/fl.csv:3:13: ampacity_a: expected a current above 0 A, '
             'found "-5"', dict(FEEDER_FILES, **{"fl.csv": "from,to,r_ohm,x_ohm,ampacity_a\nsub,a,0.1,0.1,\n"
                                                          "a,b,0.1,0.1,-5\n"})),
    scenario("grid", "bus no line reaches", GRID, '{dir}/fb.csv:5:1: bus: expected a bus connected by lines to the source '
             'bus "sub", found bus "c" with no path to it', dict(FEEDER_FILES, **{"fb.csv": FEEDER_FILES["fb.csv"] +
                                                                                   "c,10,0,900,300\n"})),
    scenario("grid", "line to an unknown bus", GRID, '{dir}/fl.csv:4:3: to: expected the id of a bus of the feeder, found '
             '"zz"', dict(FEEDER_FILES, **{"fl.csv": FEEDER_LINES + "b,zz,0.1,0.1\n"})),
    scenario("grid", "bus id used twice", GRID, '{dir}/fb.csv:5:1: bus: expected a bus id used once, found a second bus '
             '"a"', dict(FEEDER_FILES, **{"fb.csv": FEEDER_FILES["fb.csv"] + "a,10,0,900,300\n"})),
    # --- command line
    scenario("CLI", "seed -1", BASE, "(command line): --seed: expected a whole number from 0 to 18446744073709551615, "
             "found \"-1\"", args="run {dir}/s.yaml --seed -1 -o {dir}/out.h5"),
    scenario("CLI", "radius 0km", BASE, "(command line): --radius: expected a length (units m, km) above 0, found \"0km\"",
             args="coverage {dir}/s.yaml --radius 0km"),
    scenario("CLI", "target 1.5", BASE, "(command line): --target: expected a share above 0 and at most 1 (0.99 or 99%), "
             "found \"1.5\"", args="place {dir}/s.yaml --target 1.5 --sites {dir}/sites.csv"),
    scenario("CLI", "max-sites 0", BASE, "(command line): --max-sites: expected a whole number from 1 to 4294967295, "
             "found \"0\"", args="place {dir}/s.yaml --max-sites 0 --sites {dir}/sites.csv"),
    scenario("CLI", "dc-power nan", BASE, "(command line): --dc-power: expected a power (units kW, MW, W) above 0, found "
             "\"nan\"", args="place {dir}/s.yaml --dc-power nan --sites {dir}/sites.csv"),
    scenario("CLI", "no plugs for new sites", BASE, "(command line): --dc-plugs, --ac-plugs: expected at least one plug "
             "per new site in total, found 0 DC and 0 AC plugs",
             args="place {dir}/s.yaml --dc-plugs 0 --ac-plugs 0 --sites {dir}/sites.csv"),
    scenario("CLI", "candidates in an unknown datum", BASE, "(command line): --crs: expected wgs84, gcj02 or bd09, found "
             "\"WGS-84\"", args="place {dir}/s.yaml --crs WGS-84 --sites {dir}/sites.csv"),
    scenario("CLI", "memory limit without unit", BASE, "(command line): --max-memory: expected a memory size above 0 with a "
             "unit (B, KiB, MiB, GiB, TiB), e.g. 8GiB, found \"8\"", args="validate {dir}/s.yaml --max-memory 8"),
    scenario("CLI", "a billion vehicles", base_with("count: 10,", "count: 1000000000,"),
             '{dir}/s.yaml: this run would need about 838.2 GiB of memory (1e+09 vehicles, 2e+09 planned trips, '
             '4e+09 events, 96 station samples; result about 8e+04 MB), more than the limit of 4.0 GiB given by '
             '--max-memory; reduce the fleet, the horizon or the sampling, or raise the limit with --max-memory',
             args="run {dir}/s.yaml --max-memory 4GiB -o {dir}/out.h5"),
    scenario("CLI", "output onto the scenario", BASE, "(command line): -o: expected a file that is not one of the run's "
             "inputs; choose another name (--force does not allow this), found \"{dir}/s.yaml\" (the scenario file)",
             args="run {dir}/s.yaml --force -o {dir}/s.yaml"),
    scenario("CLI", "output onto an existing file", BASE, "(command line): -o: expected a file name that is not taken, or "
             "--force to replace the file, found \"{dir}/taken.h5\" (an existing file)",
             {"taken.h5": "keep me\n"}, args="run {dir}/s.yaml -o {dir}/taken.h5"),
    scenario("CLI", "output onto a folder", BASE, "(command line): -o: expected a regular file (results are never written "
             "to folders, devices or pipes), found \"{dir}/sub\" (a folder)",
             {"sub/keep.txt": "x\n"}, args="run {dir}/s.yaml -o {dir}/sub"),
    scenario("CLI", "output onto /dev/null", BASE, "(command line): -o: expected a regular file (results are never written "
             "to folders, devices or pipes), found \"/dev/null\" (a character device)",
             args="coverage {dir}/s.yaml -o /dev/null --force"),
    scenario("CLI", "output folder missing", BASE, "(command line): -o: expected a file in an existing folder, found "
             "\"{dir}/no/out.h5\" (folder \"{dir}/no\" does not exist)", args="run {dir}/s.yaml -o {dir}/no/out.h5"),
]


def run_case(evsim, workdir, number, c):
    folder = os.path.join(workdir, f"case{number:03d}")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for name, text in c["files"].items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    args = c["args"].replace("{dir}", folder).split()
    proc = subprocess.run([evsim] + args, capture_output=True, text=True, timeout=120, check=False)
    expected = "error: " + c["message"].replace("{dir}", folder) + "\n"
    problems = []
    if proc.returncode != 2:
        problems.append(f"exit code {proc.returncode}, expected 2")
    if proc.stderr != expected:
        problems.append(f"stderr\n      {proc.stderr!r}\n    expected\n      {expected!r}")
    for name, text in c["files"].items():  # inputs are never touched
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            if f.read() != text:
                problems.append(f"{name} was changed")
    return problems


def markdown():
    lines = ["| # | format | input | exact message |", "|---|---|---|---|"]
    for i, c in enumerate(CASES, 1):
        message = c["message"].replace("|", "\\|")
        lines.append(f"| {i} | {c['format']} | {c['what']} | `{message}` |")
    return "\n".join(lines)


def main():
    if len(sys.argv) >= 2 and sys.argv[-1] == "--markdown":
        print(markdown())
        return 0
    evsim, workdir = sys.argv[1], sys.argv[2]
    failed = 0
    for i, c in enumerate(CASES, 1):
        problems = run_case(evsim, workdir, i, c)
        if problems:
            failed += 1
            print(f"case {i} ({c['format']}: {c['what']}):")
            for p in problems:
                print("    " + p)
    print(f"{len(CASES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
