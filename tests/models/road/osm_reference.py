#!/usr/bin/python3
"""Independent reference for evsim's OpenStreetMap road loader (scenarios/files/osm_loader.hpp).

Written from the rules in that header, not from the C++ code: xml.etree reads the file (.osm,
.osm.gz, .osm.bz2), networkx finds the strongly connected components. The ctest
road_osm_reference compares its counts and lengths with the C++ loader's on the shared extracts.

Importable:
    load_osm_graph(path, include_service=False) -> networkx.DiGraph
        nodes: OSM node ids, attributes lon, lat (degrees)
        edges: attributes length_m (haversine along the way, metres), speed_kmh
        graph.graph["report"]: the same counts as evsim's RoadLoadReport (nodes_read, edges_read,
        ways_read, ways_skipped, ways_incomplete, edges_degenerate, edges_merged, components, nodes,
        edges, nodes_dropped, edges_dropped, length_m, length_dropped_m) and osm_id_sum.
    haversine_m(lon1, lat1, lon2, lat2), parse_maxspeed_kmh(text), EARTH_RADIUS_M

Command line:
    /usr/bin/python3 osm_reference.py FILE [--include-service]   prints the report as JSON
"""
import bz2
import collections
import gzip
import json
import math
import re
import sys
import xml.etree.ElementTree as ET

import networkx as nx

EARTH_RADIUS_M = 6371008.8

# highway value -> default speed in km/h; service only with include_service.
ROAD_CLASSES = {
    "motorway": 100.0, "motorway_link": 60.0,
    "trunk": 80.0, "trunk_link": 50.0,
    "primary": 60.0, "primary_link": 40.0,
    "secondary": 50.0, "secondary_link": 35.0,
    "tertiary": 40.0, "tertiary_link": 30.0,
    "unclassified": 30.0, "residential": 30.0, "living_street": 10.0,
    "service": 15.0,
}

_MAXSPEED = re.compile(r"^ *([0-9]+(?:\.[0-9]+)?) *(mph|km/h|kmh|kph)? *$")


def haversine_m(lon1, lat1, lon2, lat2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((phi2 - phi1) / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, a)))


def parse_maxspeed_kmh(text):
    """km/h for "50", "50 km/h", "30 mph"...; None for anything else or a speed <= 0."""
    m = _MAXSPEED.match(text)
    if not m:
        return None
    value = float(m.group(1)) * (1.609344 if m.group(2) == "mph" else 1.0)
    return value if value > 0 else None


def _coordinate(text):
    """A coordinate as OSM tools store it: rounded (half away from zero) to 1e-7 degrees."""
    if "e" in text or "E" in text:
        value = round(abs(float(text)) * 1e7)
    else:
        digits = text.lstrip("-")
        whole, _, fraction = digits.partition(".")
        eighths = int(whole or "0") * 10 ** 8 + int((fraction[:8]).ljust(8, "0"))
        value = (eighths + 5) // 10
    return (-value if text.startswith("-") else value) / 1e7


def _open(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    if path.endswith(".bz2"):
        return bz2.open(path, "rb")
    return open(path, "rb")


def read_osm(path):
    """(nodes {id: (lon, lat)}, ways [(id, [refs], {tags})]) of the visible objects."""
    nodes, ways = {}, []
    with _open(path) as f:
        for _, elem in ET.iterparse(f, events=("end",)):
            if elem.tag == "node":
                if elem.get("visible") != "false" and elem.get("lon") is not None and elem.get("lat") is not None:
                    lon, lat = _coordinate(elem.get("lon")), _coordinate(elem.get("lat"))
                    if -180 <= lon <= 180 and -90 <= lat <= 90:
                        nodes[int(elem.get("id"))] = (lon, lat)
                elem.clear()
            elif elem.tag == "way":
                refs = [int(nd.get("ref")) for nd in elem.findall("nd")]
                tags = {t.get("k"): t.get("v") for t in elem.findall("tag")}
                ways.append((int(elem.get("id")), refs, tags, elem.get("visible") != "false"))
                elem.clear()
            elif elem.tag == "relation":
                elem.clear()
    return nodes, ways


def _is_road(tags, include_service):
    highway = tags.get("highway")
    if highway not in ROAD_CLASSES or (highway == "service" and not include_service):
        return False
    return tags.get("area") != "yes" and tags.get("access") not in ("no", "private")


def _direction(tags):
    oneway = tags.get("oneway")
    if oneway in ("yes", "true", "1"):
        return "forward"
    if oneway in ("-1", "reverse"):
        return "backward"
    if oneway in ("no", "false", "0"):
        return "both"
    if tags.get("highway") == "motorway" or tags.get("junction") in ("roundabout", "circular"):
        return "forward"
    return "both"


def load_osm_graph(path, include_service=False):
    nodes, ways = read_osm(path)
    kept = [(refs, tags) for _, refs, tags, visible in ways if visible and _is_road(tags, include_service)]
    report = collections.OrderedDict(ways_read=len(kept), ways_skipped=len(ways) - len(kept), ways_incomplete=0)

    # Pieces: runs of nodes present in the file, consecutive repeats removed.
    pieces = []
    for refs, tags in kept:
        run, cut = [], False
        for ref in refs + [None]:
            if ref is None or ref not in nodes:
                cut = cut or ref is not None
                if len(run) >= 2:
                    pieces.append((run, tags))
                run = []
            elif not run or run[-1] != ref:
                run.append(ref)
        report["ways_incomplete"] += cut

    uses = collections.Counter(ref for run, _ in pieces for ref in run)
    junctions = {ref for ref, n in uses.items() if n >= 2}
    junctions.update(run[0] for run, _ in pieces)
    junctions.update(run[-1] for run, _ in pieces)
    for run, _ in pieces:  # a stretch from a junction back to itself: split at its middle point
        at = [i for i, ref in enumerate(run) if ref in junctions]
        for a, b in zip(at, at[1:]):
            if run[a] == run[b] and b - a > 1:
                junctions.add(run[a + (b - a) // 2])

    best = {}  # (u, v) -> (length_m, -speed_kmh)
    edges_read = degenerate = merged = 0
    for run, tags in pieces:
        speed = parse_maxspeed_kmh(tags["maxspeed"]) if "maxspeed" in tags else None
        speed = speed or ROAD_CLASSES[tags["highway"]]
        direction = _direction(tags)
        start, length = run[0], 0.0
        for prev, ref in zip(run, run[1:]):
            length += haversine_m(*nodes[prev], *nodes[ref])
            if ref not in junctions:
                continue
            arcs = {"forward": [(start, ref)], "backward": [(ref, start)], "both": [(start, ref), (ref, start)]}
            for arc in arcs[direction]:
                edges_read += 1
                if arc[0] == arc[1] or length == 0.0:
                    degenerate += 1
                elif arc in best:
                    merged += 1
                    best[arc] = min(best[arc], (length, -speed))
                else:
                    best[arc] = (length, -speed)
            start, length = ref, 0.0

    full = nx.DiGraph()
    for ref in junctions:
        full.add_node(ref, lon=nodes[ref][0], lat=nodes[ref][1])
    for (u, v), (length, neg_speed) in best.items():
        full.add_edge(u, v, length_m=length, speed_kmh=-neg_speed)
    components = list(nx.strongly_connected_components(full))
    largest = max(components, key=lambda c: (len(c), -min(c))) if components else set()
    graph = full.subgraph(largest).copy()

    report.update(
        nodes_read=full.number_of_nodes(), edges_read=edges_read, edges_degenerate=degenerate, edges_merged=merged,
        components=len(components), nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
        nodes_dropped=full.number_of_nodes() - graph.number_of_nodes(),
        edges_dropped=full.number_of_edges() - graph.number_of_edges(),
        length_m=math.fsum(d["length_m"] for _, _, d in graph.edges(data=True)),
        length_dropped_m=math.fsum(d["length_m"] for u, v, d in full.edges(data=True) if not graph.has_edge(u, v)),
        osm_id_sum=sum(graph.nodes))
    graph.graph["report"] = dict(report)
    return graph


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--include-service"):
        print("usage: osm_reference.py FILE [--include-service]", file=sys.stderr)
        return 2
    graph = load_osm_graph(argv[1], include_service=len(argv) == 3)
    print(json.dumps(graph.graph["report"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
