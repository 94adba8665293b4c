"""Reads the sample result file with h5py, as users will, and checks layout, types, units and values.

Usage: check_h5py.py <sample.h5>   (written by evsim_output_sample_writer; run with /usr/bin/python3)
Exits 0 when every check passes, 1 on the first failure or without h5py/numpy.
"""
import math
import sys

try:
    import h5py
    import numpy as np
except ImportError as error:
    # A check that cannot run must fail, not pass as skipped (scripts/setup-debian.sh installs these).
    print(f"FAILED: {error} (install python3-h5py python3-numpy)")
    sys.exit(1)


def expect(condition, what):
    if not condition:
        print(f"FAILED: {what}")
        sys.exit(1)


def expect_equal(actual, expected, what):
    expect(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def check_meta(f):
    meta = f["/meta"]
    expect_equal(meta.attrs["status"], "complete", "/meta status")
    expect_equal(meta.attrs["scenario_file"], "depot.yaml", "/meta scenario_file")
    expect_equal(meta.attrs["evsim_version"], "0.1.0", "/meta evsim_version")
    expect_equal(int(meta.attrs["seed"]), 42, "/meta seed")
    expect_equal(meta.attrs["seed"].dtype, np.dtype("uint64"), "/meta seed type")
    expect_equal(int(meta.attrs["replication"]), 2, "/meta replication")
    expect_equal(int(meta.attrs["format_version"]), 2, "/meta format_version")
    expect_equal(meta.attrs["start_wall_clock"], "2025-03-01T14:05:09Z", "/meta start_wall_clock")
    expect(len(meta.attrs["end_wall_clock"]) == 20, "/meta end_wall_clock is ISO-8601 UTC to the second")
    expect_equal(meta.attrs["command_line"], "evsim run depot.yaml", "/meta command_line")
    text = meta["scenario_text"].asstr()[()]
    expect_equal(text, "name: 常州 depot\nseed: 42\n", "/meta/scenario_text")


def check_sessions(f):
    group = f["/sessions"]
    names = ["start_ms", "station", "energy_kwh", "completed", "site"]
    expect_equal(int(group.attrs["rows"]), 3, "/sessions rows")
    expect_equal(list(group.attrs["columns"]), names, "/sessions columns")
    expect_equal(list(group.keys()), names, "/sessions datasets in creation order")

    dtypes = {"start_ms": "int64", "station": "uint32", "energy_kwh": "float64", "completed": "uint8"}
    for name, dtype in dtypes.items():
        expect_equal(group[name].dtype, np.dtype(dtype), f"/sessions/{name} dtype")
    expect(h5py.check_string_dtype(group["site"].dtype).encoding == "utf-8", "/sessions/site is UTF-8 text")

    units = {"start_ms": "ms", "station": "1", "energy_kwh": "kWh", "completed": "1", "site": "1"}
    for name, unit in units.items():
        expect_equal(group[name].attrs["units"], unit, f"/sessions/{name} units")
    expect_equal(group["station"].attrs["description"], "station id", "/sessions/station description")
    expect("description" not in group["start_ms"].attrs, "no empty description attribute")

    expect_equal(group["start_ms"][:].tolist(), [0, 60000, -5], "/sessions/start_ms values")
    expect_equal(group["station"][:].tolist(), [0, 4294967295, 7], "/sessions/station values")
    energy = group["energy_kwh"][:]
    expect(energy[0] == 12.5 and energy[1] == 0.0 and math.copysign(1.0, energy[1]) < 0 and energy[2] == -sys.float_info.max,
       f"energy values {energy}")
    expect_equal(group["completed"][:].tolist(), [1, 0, 1], "/sessions/completed values")
    expect_equal(group["site"].asstr()[:].tolist(), ["常州", "", "Zürich"], "/sessions/site values")

    for name in names:
        dataset = group[name]
        expect_equal(dataset.chunks, (3,), f"/sessions/{name} chunks")
        expect_equal(dataset.compression, "gzip", f"/sessions/{name} compression")
        expect_equal(dataset.compression_opts, 4, f"/sessions/{name} compression level")
        expect(dataset.shuffle, f"/sessions/{name} shuffle")


def check_other_tables(f):
    trips = f["/trips/distance_m"]
    expect_equal(trips.shape, (0,), "/trips/distance_m shape")
    expect_equal(trips.chunks, None, "/trips/distance_m is contiguous")
    expect_equal(int(f["/trips"].attrs["rows"]), 0, "/trips rows")

    samples = f["/stations/samples/power_kw"]
    expect_equal(samples.shape, (100000,), "/stations/samples/power_kw shape")
    expect_equal(samples.chunks, (65536,), "/stations/samples/power_kw chunks")
    expect(bool(np.all(samples[:] == 22.0)), "/stations/samples/power_kw values")

    kpi = f["/kpi"]
    expect_equal(float(kpi.attrs["mean_wait_s"]), 41.5, "/kpi mean_wait_s")
    expect_equal(int(kpi.attrs["sessions"]), 3, "/kpi sessions")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    with h5py.File(sys.argv[1], "r") as f:
        check_meta(f)
        check_sessions(f)
        check_other_tables(f)
    print("h5py reads the sample file as documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
