"""End-to-end test of `evsim run`: runs a scenario, then checks the result with check_run.py.

Usage: run_and_check.py EVSIM SCENARIO.yaml OUT.h5 [--plan NAME] [--seed N] [--same-as A.h5]
                        [--crn-base BASE.h5] [--requires FILE]

Runs `EVSIM run SCENARIO -o OUT.h5 --json [--plan NAME] [--seed N]` and expects exit code 0,
nothing on stderr, exactly OUT.h5 on disk (no OUT.h5.partial), and one JSON line on stdout, which
it saves as OUT.json. Then check_run.py checks OUT.h5 and the JSON line; with --same-as the
result must be identical to A.h5 (compare_runs.py same); with --crn-base it must keep common
random numbers against the base run BASE.h5 (compare_runs.py crn). --requires names a data file
the scenario needs: without it the test is skipped (exit 77; the developers' ../shared data).
"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_run  # noqa: E402  (exits 1 itself when h5py, numpy or yaml is missing)
import compare_runs  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("evsim")
    p.add_argument("scenario")
    p.add_argument("out")
    p.add_argument("--plan", default="base")
    p.add_argument("--seed")
    p.add_argument("--same-as")
    p.add_argument("--crn-base")
    p.add_argument("--requires")
    args = p.parse_args()
    if args.requires and not os.path.exists(args.requires):
        print(f"skipped: {args.requires} is not there")
        return 77
    json_path = os.path.splitext(args.out)[0] + ".json"
    for old in (args.out, args.out + ".partial", json_path):
        if os.path.exists(old):
            os.remove(old)
    command = [args.evsim, "run", args.scenario, "-o", args.out, "--json"]
    if args.plan != "base":
        command += ["--plan", args.plan]
    if args.seed is not None:
        command += ["--seed", args.seed]
    start = time.monotonic()
    ran = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if ran.returncode != 0 or ran.stderr:
        print(f"FAILED: {' '.join(command)} exited with {ran.returncode}\nstdout: {ran.stdout}\nstderr: {ran.stderr}")
        return 1
    if not os.path.exists(args.out) or os.path.exists(args.out + ".partial"):
        print(f"FAILED: expected {args.out} and no {args.out}.partial after the run")
        return 1
    with open(json_path, "w", encoding="utf-8") as f:
        f.write(ran.stdout)
    try:
        run = check_run.check_file(args.scenario, args.out, ran.stdout, args.plan)
        print(f"ok {args.out} ({seconds:.1f} s): {run.n_vehicles} vehicles, {run.trips['_rows']} trips, "
              f"{run.needs['_rows']} needs, {run.sessions['_rows']} sessions, {run.n_stations} stations")
        if args.same_as:
            print(f"same as {args.same_as}: {compare_runs.same(args.same_as, args.out)}")
        if args.crn_base:
            print(f"against {args.crn_base}: {compare_runs.crn(args.scenario, args.crn_base, args.out, args.plan)}")
    except check_run.CheckFailed as e:
        print(f"FAILED {args.out}: {e}")
        return 1
    except compare_runs.Different as e:
        print(f"FAILED {args.out}: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
