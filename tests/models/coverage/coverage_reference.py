#!/usr/bin/python3
"""Independent check of evsim's network coverage (models/coverage) with networkx.

    coverage_reference.py DIR                      compute from DIR/{nodes,edges,stations}.csv and
                                                   compare with DIR/cpp_coverage.csv, cpp_distances.csv
    coverage_reference.py --export EXE DIR CASE... run `EXE DIR CASE...` first (coverage_reference_export)

Distances: networkx.multi_source_dijkstra_path_length on the reversed MultiDiGraph, weight =
length_m (distance from every node TO its nearest station). Coverage within R, in the area
(nodes with in_area = 1; a street is in the area when both its ends are):
  nodes   share of in-area nodes with d <= R, and the same weighted by demand;
  length  streets: the edges a->b and b->a between one pair of nodes, each sorted by length, are
          paired by rank (two-way streets, counted once); the rest are one-way.
            one-way a->b, length L:            clamp(R - d(b), 0, L)
            two-way, L1 = a->b, L2 = b->a:     L1 == L2: min(L, clamp(R - d(a), 0, L) + clamp(R - d(b), 0, L))
                                               else (L1 + L2) / 2 * min(1, clamp((R - d(a)) / L2, 0, 1)
                                                                        + clamp((R - d(b)) / L1, 0, 1))
Exit 0 when every compared number agrees to 1e-6 (absolute; lengths relative to the total
length), 1 when not, 77 when the exporter skipped the case (input file absent).
Run with Debian's /usr/bin/python3 and python3-networkx.
"""
import csv
import math
import os
import subprocess
import sys

import networkx as nx

TOLERANCE = 1e-6


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def clamp(x, hi):
    return 0.0 if x < 0.0 else (hi if x > hi else x)


def compute(directory):
    nodes = read_csv(os.path.join(directory, "nodes.csv"))
    edges = read_csv(os.path.join(directory, "edges.csv"))
    stations = [int(r["node"]) for r in read_csv(os.path.join(directory, "stations.csv"))]
    cpp = {r["metric"]: float(r["value"]) for r in read_csv(os.path.join(directory, "cpp_coverage.csv"))}
    radius = cpp["radius_m"]

    g = nx.MultiDiGraph()
    in_area = {}
    demand = {}
    for r in nodes:
        v = int(r["node"])
        g.add_node(v)
        in_area[v] = r["in_area"] == "1"
        demand[v] = float(r["demand"])
    pairs = {}  # (a, b) with a < b -> ([lengths a->b], [lengths b->a])
    for r in edges:
        u, v, length = int(r["from"]), int(r["to"]), float(r["length_m"])
        g.add_edge(u, v, length=length)
        a, b = min(u, v), max(u, v)
        entry = pairs.setdefault((a, b), ([], []))
        (entry[0] if u == a else entry[1]).append(length)

    dist = nx.multi_source_dijkstra_path_length(g.reverse(copy=True), set(stations), weight="length")
    d = {v: dist.get(v, math.inf) for v in g.nodes}

    out = {"area_nodes": 0, "covered_nodes": 0, "area_demand": 0.0, "covered_demand": 0.0,
           "area_length_m": 0.0, "covered_length_m": 0.0}
    for v in g.nodes:
        if not in_area[v]:
            continue
        out["area_nodes"] += 1
        out["area_demand"] += demand[v]
        if d[v] <= radius:
            out["covered_nodes"] += 1
            out["covered_demand"] += demand[v]
    for (a, b), (forward, backward) in pairs.items():
        if not (in_area[a] and in_area[b]):
            continue
        forward.sort()
        backward.sort()
        paired = min(len(forward), len(backward))
        for l1, l2 in zip(forward[:paired], backward[:paired]):
            out["area_length_m"] += 0.5 * (l1 + l2)
            if l1 == l2:
                covered = min(l1, clamp(radius - d[a], l1) + clamp(radius - d[b], l1))
            else:
                covered = 0.5 * (l1 + l2) * min(1.0, clamp((radius - d[a]) / l2, 1.0) + clamp((radius - d[b]) / l1, 1.0))
            out["covered_length_m"] += covered
        for l in forward[paired:]:
            out["area_length_m"] += l
            out["covered_length_m"] += clamp(radius - d[b], l)
        for l in backward[paired:]:
            out["area_length_m"] += l
            out["covered_length_m"] += clamp(radius - d[a], l)
    out["node_share"] = out["covered_nodes"] / out["area_nodes"]
    out["length_share"] = out["covered_length_m"] / out["area_length_m"]
    out["demand_share"] = out["covered_demand"] / out["area_demand"]
    return out, d, cpp


def compare(directory):
    py, d, cpp = compute(directory)
    cpp_d = {int(r["node"]): float(r["distance_m"]) for r in read_csv(os.path.join(directory, "cpp_distances.csv"))}
    ok = True
    print(f"{directory}: {len(d)} nodes")
    print(f"  {'metric':<18} {'evsim (C++)':>22} {'networkx':>22} {'difference':>12}")
    for key in ["area_nodes", "covered_nodes", "node_share", "area_length_m", "covered_length_m", "length_share",
                "area_demand", "covered_demand", "demand_share"]:
        diff = abs(cpp[key] - py[key])
        scale = py["area_length_m"] if key.endswith("length_m") else 1.0
        good = diff <= TOLERANCE * max(1.0, scale)
        ok = ok and good
        print(f"  {key:<18} {cpp[key]:>22.12f} {py[key]:>22.12f} {diff:>12.3g}{'' if good else '  MISMATCH'}")
    worst = 0.0
    mismatched = 0
    for v, expected in d.items():
        got = cpp_d[v]
        if math.isinf(expected) or math.isinf(got):
            if not (math.isinf(expected) and math.isinf(got)):
                mismatched += 1
            continue
        worst = max(worst, abs(got - expected))
        if abs(got - expected) > TOLERANCE:
            mismatched += 1
    reachable = sum(1 for x in d.values() if not math.isinf(x))
    print(f"  distances: {reachable} nodes reach a station; largest difference {worst:.3g} m; {mismatched} mismatches")
    ok = ok and mismatched == 0
    print("  agree to 1e-6" if ok else "  DISAGREE")
    return 0 if ok else 1


def main(argv):
    if len(argv) >= 4 and argv[1] == "--export":
        exe, directory = argv[2], argv[3]
        rc = subprocess.run([exe, directory] + argv[4:]).returncode
        if rc != 0:
            return rc
        return compare(directory)
    if len(argv) == 2:
        return compare(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
