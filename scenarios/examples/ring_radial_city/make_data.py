#!/usr/bin/python3
"""Writes the data files of ring_radial_city.yaml (run from this folder; deterministic).

population.csv, jobs.csv, pois.csv: weighted points on a polar grid (x_m, y_m, weight); people
thin out from the centre (e-folding 4 km), jobs more sharply (2.5 km) with a business district
on ring 5 to the east, points of interest in between (3 km).
stations.csv: 12 DC hubs (10 x 120 kW) on rings 2-12 and 60 neighbourhood sites (2 x 60 kW DC,
4 x 7 kW AC) drawn with the population weights; prices 1.0-1.6 per kWh.
"""
import math
import random

RADIUS_M = 9000.0
random.seed(20241127)


def polar_points(scale_m, extra=None):
    rows = []
    for ring in range(0, 46):
        r = ring * 200.0
        n = max(1, int(2 * math.pi * r / 400.0))
        for k in range(n):
            a = 2 * math.pi * (k + 0.5 * (ring % 2)) / n
            x, y = r * math.cos(a), r * math.sin(a)
            w = math.exp(-r / scale_m)
            if extra:
                w += extra(x, y)
            rows.append((x, y, w))
    return rows


def write_points(name, rows):
    with open(name, "w") as f:
        f.write("x_m,y_m,weight\n")
        for x, y, w in rows:
            f.write(f"{x:.1f},{y:.1f},{w:.6f}\n")


def cbd(x, y):
    return 0.8 * math.exp(-((x - 3000.0) ** 2 + y ** 2) / (2 * 700.0 ** 2))


population = polar_points(4000.0)
write_points("population.csv", population)
write_points("jobs.csv", polar_points(2500.0, cbd))
write_points("pois.csv", polar_points(3000.0))

with open("stations.csv", "w") as f:
    f.write("name,x_m,y_m,dc_plugs,dc_power_kw,ac_plugs,ac_power_kw,price_per_kwh\n")
    for i in range(12):
        ring = 2 + (i * 10) // 12
        a = 2 * math.pi * i / 12
        f.write(f"hub-{i:02d},{ring * 750 * math.cos(a):.1f},{ring * 750 * math.sin(a):.1f},10,120,0,7,"
                f"{1.0 + 0.05 * (i % 4):.2f}\n")
    total = sum(w for _, _, w in population)
    for i in range(60):
        pick = random.uniform(0, total)
        for x, y, w in population:
            pick -= w
            if pick <= 0:
                break
        f.write(f"site-{i:02d},{x + random.uniform(-150, 150):.1f},{y + random.uniform(-150, 150):.1f},2,60,4,7,"
                f"{random.choice([1.2, 1.35, 1.5, 1.6]):.2f}\n")
