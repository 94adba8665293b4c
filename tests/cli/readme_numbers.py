#!/usr/bin/env python3
"""The README's headline numbers for the examples are what evsim computes: reads them out of the
README's example tables, runs each example (ring_radial_city also with --plan more-hubs, and the four
variants of changzhou_core for the grid table) with --json, and compares every number at the
precision the README writes it.

    readme_numbers.py EVSIM README WORKDIR
"""
import json
import os
import re
import subprocess
import sys

NUM = r"([\d,]+(?:\.\d+)?)"


def number(text):
    return float(text.replace(",", ""))


def run(evsim, scenario, workdir, tag, *extra):
    out = os.path.join(workdir, tag + ".h5")
    proc = subprocess.run([evsim, "run", scenario, "-o", out, "--force", "--json", *extra], capture_output=True,
                          text=True, timeout=600, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{tag}: evsim exited {proc.returncode}: {proc.stderr}")
    return json.loads(proc.stdout)


def segment(summary, name):
    return next(s for s in summary["segments"] if s["name"] == name)


def row(readme, example, pattern):
    line = next((l for l in readme.splitlines() if l.startswith(f"| `{example}`")), None)
    if line is None:
        raise SystemExit(f"README has no example row for {example}")
    m = re.search(pattern, line)
    if m is None:
        raise SystemExit(f"README row for {example} does not read as expected:\n  {line}")
    return [number(g) for g in m.groups()]


def changzhou_checks(evsim, readme, examples, workdir):
    """The grid table: per variant of changzhou_core, the east feeder's peak, hours over rating and
    lowest voltage, and (with storage) the afternoon event's requested and delivered reduction."""
    checks = []
    for variant in ("unmanaged", "smart", "storage", "managed"):
        example = f"changzhou_core/{variant}.yaml"
        summary = run(evsim, os.path.join(examples, example), workdir, f"changzhou_{variant}")
        east = next(g for g in summary["grid"] if g["feeder"] == "east")
        pattern = rf"{NUM} kVA \({NUM}% of 4,000 kVA\) \| {NUM} h \| {NUM} pu \| "
        names = ["east peak kVA", "east peak %", "hours over rating", "lowest voltage"]
        computed = [east["peak_kva"], 100 * east["peak_loading"], east["hours_over_rating"], east["min_voltage_pu"]]
        decimals = [0, 1, 2, 4]
        if variant in ("storage", "managed"):
            pattern += rf"{NUM} of {NUM} kWh \(storage {NUM}, curtailed EV {NUM}\) \| {NUM} sessions, {NUM} kWh not delivered"
            event = summary["grid_events"][0]
            names += ["event delivered", "event requested", "event storage", "event curtailed", "sessions curtailed",
                      "drivers not delivered"]
            computed += [event["delivered_kwh"], event["requested_kwh"], event["storage_kwh"], event["ev_curtailed_kwh"],
                         event["sessions_curtailed"], event["drivers_not_delivered_kwh"]]
            decimals += [1, 1, 1, 1, 0, 1]
        claimed = row(readme, example, pattern)
        checks += [(f"{example} {w}", c, v, d) for w, c, v, d in zip(names, claimed, computed, decimals)]
    return checks


def main():
    evsim, readme_path, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    readme = open(readme_path, encoding="utf-8").read()
    examples = os.path.join(os.path.dirname(os.path.abspath(readme_path)), "scenarios", "examples")
    checks = []  # (what, README value, computed value, decimals)

    claimed = row(readme, "demo.yaml", rf"{NUM} public needs, {NUM}% unserved, mean wait {NUM} min \(p95 {NUM}\); "
                                       rf"a free plug within 1 km for {NUM}% of needs, a station within 1 km for {NUM}%")
    f = run(evsim, os.path.join(examples, "demo.yaml"), workdir, "demo")["fleet"]
    computed = [f["needs"], 100 * f["unserved_share"], f["wait_min"]["mean"], f["wait_min"]["p95"],
                100 * f["free_plug_within_radius_share"], 100 * f["station_within_radius_share"]]
    checks += [("demo " + w, c, v, d) for w, c, v, d in zip(
        ["needs", "unserved %", "mean wait", "p95 wait", "free plug %", "station %"], claimed, computed,
        [0, 1, 1, 1, 1, 1])]

    claimed = row(readme, "small_town.yaml", rf"{NUM} needs, {NUM}% unserved, mean wait {NUM} min; {NUM} kWh charged at "
                                             rf"home, {NUM} kWh in public; a free plug within 1 km for {NUM}% of needs, "
                                             rf"a station for {NUM}%")
    f = run(evsim, os.path.join(examples, "small_town.yaml"), workdir, "small_town")["fleet"]
    computed = [f["needs"], 100 * f["unserved_share"], f["wait_min"]["mean"], f["home_energy_kwh"],
                f["public_energy_kwh"], 100 * f["free_plug_within_radius_share"], 100 * f["station_within_radius_share"]]
    checks += [("small_town " + w, c, v, d) for w, c, v, d in zip(
        ["needs", "unserved %", "mean wait", "home kWh", "public kWh", "free plug %", "station %"], claimed, computed,
        [0, 1, 1, 0, 0, 1, 1])]

    claimed = row(readme, "ring_radial_city.yaml",
                  rf"{NUM} needs, {NUM}% unserved \(ride-hailing {NUM}%\), {NUM} vehicles stranded; `--plan more-hubs` "
                  rf"\(4 more hubs\): {NUM} needs, {NUM}% unserved \({NUM}%\), none stranded, free plug within 1 km for "
                  rf"{NUM}% of needs instead of {NUM}%")
    base = run(evsim, os.path.join(examples, "ring_radial_city.yaml"), workdir, "ring")
    hubs = run(evsim, os.path.join(examples, "ring_radial_city.yaml"), workdir, "ring_hubs", "--plan", "more-hubs")
    computed = [base["fleet"]["needs"], 100 * base["fleet"]["unserved_share"],
                100 * segment(base, "ride-hailing")["unserved_share"], base["fleet"]["vehicles_stranded"],
                hubs["fleet"]["needs"], 100 * hubs["fleet"]["unserved_share"],
                100 * segment(hubs, "ride-hailing")["unserved_share"],
                100 * hubs["fleet"]["free_plug_within_radius_share"], 100 * base["fleet"]["free_plug_within_radius_share"]]
    checks += [("ring_radial_city " + w, c, v, d) for w, c, v, d in zip(
        ["needs", "unserved %", "ride-hailing unserved %", "stranded", "more-hubs needs", "more-hubs unserved %",
         "more-hubs ride-hailing unserved %", "more-hubs free plug %", "free plug %"], claimed, computed,
        [0, 1, 1, 0, 0, 1, 1, 1, 1])]
    if hubs["fleet"]["vehicles_stranded"] != 0:
        checks.append(("ring_radial_city more-hubs stranded ('none')", 0, hubs["fleet"]["vehicles_stranded"], 0))

    checks += changzhou_checks(evsim, readme, examples, workdir)

    failed = 0
    for what, claim, value, decimals in checks:
        if round(value, decimals) != claim:
            failed += 1
            print(f"README says {what} = {claim}, evsim computes {value:.{decimals + 2}f}")
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
