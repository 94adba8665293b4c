#!/usr/bin/python3
"""Writes the data files of small_town.yaml (run from this folder; deterministic).

The town is a 16 x 16 grid, node = row * 16 + col. homes.csv and jobs.csv weight road nodes:
homes in the west and south, jobs around the old centre (row 7, col 8) and an industrial park
(row 3, col 13); shops.csv puts points of interest along the main street (row 8).
trips.csv: a week-day diary of 8 recorded cars (a doctor's home visits, a taxi cooperative's
cars), by node id, replayed by the `recorded` segment.
"""
import random

random.seed(7)
N = 16


def node(r, c):
    return r * N + c


with open("homes.csv", "w") as f:
    f.write("node,people\n")
    for r in range(N):
        for c in range(N):
            f.write(f"{node(r, c)},{(3 if c < 6 else 1) + (2 if r > 9 else 0)}\n")

with open("jobs.csv", "w") as f:
    f.write("node,jobs\n")
    for r in range(N):
        for c in range(N):
            centre = max(0, 6 - abs(r - 7) - abs(c - 8))
            park = 8 if abs(r - 3) <= 1 and abs(c - 13) <= 1 else 0
            f.write(f"{node(r, c)},{centre * centre + park}\n")

with open("shops.csv", "w") as f:
    f.write("node,weight\n")
    for c in range(N):
        f.write(f"{node(8, c)},{5 if 5 <= c <= 11 else 1}\n")
    f.write(f"{node(12, 3)},6\n")  # the retail park

with open("trips.csv", "w") as f:
    f.write("vehicle,depart,origin_node,destination_node\n")
    for v in range(8):
        at = node(random.randrange(N), random.randrange(N))
        t = 7 * 60 + random.randrange(0, 90)
        for day in range(2):
            minute = t
            for _ in range(random.randrange(5, 9)):
                to = node(random.randrange(N), random.randrange(N))
                f.write(f"car-{v},{day}d {minute // 60:02d}:{minute % 60:02d},{at},{to}\n")
                at = to
                minute += random.randrange(30, 120)
