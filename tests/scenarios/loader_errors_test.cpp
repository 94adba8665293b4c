// Bad scenarios: each is rejected with the exact message (file:line:column: key: expected, found).
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with;
using testing::scenario_with_segment;

namespace fs = std::filesystem;

const fs::path kData = fs::path(EVSIM_SOURCE_DIR) / "tests/scenarios/data";

// Segment lines 3 and 4, and the trip keys; tests put the line under test between them.
constexpr const char* kSegmentHead = "    vehicle_type: car\n    count: 1\n";
constexpr const char* kSegmentTrip = "    depart_to_work: '08:00'\n    work_dwell: 8h\n";

std::string segment_with(const std::string& lines) {
  return scenario_with_segment(kSegmentHead + lines + kSegmentTrip);
}

std::string file_error(const fs::path& file) {
  try {
    load_scenario_file(file);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

// Found by fuzz_scenario_loader (docs/reliability.md): yaml-cpp 0.7's LoadAll looped for ever,
// allocating, on a ',' where a value should start outside [...] or {...}.
TEST(LoaderErrors, StrayCommaIsAnErrorNotAHang) {
  EXPECT_EQ(error_of("- a\n,\n"),
            "t.yaml:2:1: (document): expected valid YAML, found a ',' outside a flow collection ([...] or {...})");
  EXPECT_EQ(error_of("[a, b],"),
            "t.yaml:1:7: (document): expected valid YAML, found a ',' outside a flow collection ([...] or {...})");
  EXPECT_EQ(error_of("--- ,"),
            "t.yaml:1:5: (document): expected valid YAML, found a ',' outside a flow collection ([...] or {...})");
  // The shape of the input the fuzzer found: a mapping, then a less indented ", key: value}".
  EXPECT_EQ(error_of("# c\n    initial_soc: {uniform: [30%, 60%]}\n  , count: 10}\n"),
            "t.yaml:3:3: (document): expected valid YAML, found a ',' outside a flow collection ([...] or {...})");
}

TEST(LoaderErrors, YamlSyntaxErrorUsesTheParsersMarkAndMessage) {
  EXPECT_EQ(error_of("name: t\nroad:\n  grid: {rows: 4, cols: 4\nhorizon: 1d\n"),
            "t.yaml:4:8: (document): expected valid YAML, found end of map flow not found");
  EXPECT_EQ(error_of("name: t\n  horizon: 1d\n"), "t.yaml:2:10: (document): expected valid YAML, found illegal map value");
  const fs::path file = kData / "bad_syntax.yaml";
  EXPECT_EQ(file_error(file), file.string() + ":5:8: (document): expected valid YAML, found end of map flow not found");
}

TEST(LoaderErrors, DocumentThatIsNotAScenarioMapping) {
  EXPECT_EQ(error_of(""), "t.yaml: (document): expected a mapping of scenario keys, found an empty document");
  EXPECT_EQ(error_of("# nothing here\n"), "t.yaml: (document): expected a mapping of scenario keys, found an empty document");
  EXPECT_EQ(error_of("- name: t\n"), "t.yaml:1:1: (document): expected a mapping of scenario keys, found a list");
  EXPECT_EQ(error_of(scenario_with("", "") + "---\nname: u\n"),
            "t.yaml:12:1: (document): expected one YAML document, found 2 documents");
}

TEST(LoaderErrors, UnknownTopLevelKey) {
  EXPECT_EQ(error_of(scenario_with("horizon", "horizn: 1d\n")),
            R"(t.yaml:1:1: horizn: expected one of the keys name, seed, horizon, sample_interval, event_list, )"
            R"(ambient_temperature, road, vehicle_types, stations, station_files, fleet, plans, coverage, places, )"
            R"(charging, grid, tariffs, sessions, grid_events, found unknown key "horizn")");
}

TEST(LoaderErrors, UnknownNestedKey) {
  EXPECT_EQ(error_of(scenario_with("road", "road:\n  grid: {rows: 4, colz: 4, spacing: 100m, speed: 30km/h}\n")),
            R"(t.yaml:2:19: road.grid.colz: expected one of the keys rows, cols, spacing, speed, found unknown key "colz")");
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - name: a\n    node: 1\n    plug: []\n")),
            R"(t.yaml:4:5: stations[0].plug: expected one of the keys name, node, x, y, lon, lat, crs, plugs, public, price, )"
            R"(hours, power_limit, power_policy, cabinets, tariff, operator, smart_charging, bus, pv, storage, found unknown key "plug")");
}

TEST(LoaderErrors, KeyGivenTwice) {
  EXPECT_EQ(error_of(scenario_with("name", "name: t\nname: u\n")),
            R"(t.yaml:2:1: name: expected each key once, found "name" a second time)");
}

TEST(LoaderErrors, UnitOfAnotherQuantity) {
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - name: a\n    node: 1\n    plugs:\n"
                                               "      - {count: 1, power: 30min, kind: dc}\n")),
            R"(t.yaml:5:27: stations[0].plugs[0].power: expected a power (units kW, MW, W), )"
            R"(found unknown unit "min" in "30min")");
  const fs::path file = kData / "station_plug_power_in_kwh.yaml";
  EXPECT_EQ(file_error(file), file.string() + R"(:16:27: stations[1].plugs[0].power: expected a power (units kW, MW, W), )"
                                              R"(found unknown unit "kWh" in "22kWh")");
}

TEST(LoaderErrors, UnknownUnit) {
  EXPECT_EQ(error_of(scenario_with("vehicle_types", "vehicle_types:\n  - name: car\n    battery: 50 kwh\n"
                                                    "    consumption: 0.2\n    max_ac_power: 11kW\n")),
            R"(t.yaml:3:14: vehicle_types[0].battery: expected an energy (units kWh, MWh, Wh), )"
            R"(found unknown unit "kwh" in "50 kwh")");
  EXPECT_EQ(error_of(segment_with("    initial_soc: 0.5\n    patience: 20 minutes\n")),
            R"(t.yaml:6:15: fleet[0].patience: expected a duration (units ms, s, min, h, d), )"
            R"(found unknown unit "minutes" in "20 minutes")");
}

TEST(LoaderErrors, DurationWithoutUnit) {
  EXPECT_EQ(error_of(segment_with("    initial_soc: 0.5\n    patience: 30\n")),
            R"(t.yaml:6:15: fleet[0].patience: expected a duration (units ms, s, min, h, d), found "30" without a unit)");
}

TEST(LoaderErrors, MalformedNumber) {
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - name: a\n    node: 1\n    plugs:\n"
                                               "      - {count: 1, power: 12..5kW, kind: dc}\n")),
            R"(t.yaml:5:27: stations[0].plugs[0].power: expected a power (units kW, MW, W), )"
            R"(found malformed number "12..5" in "12..5kW")");
  EXPECT_EQ(error_of(scenario_with("road", "road:\n  grid: {rows: 4, cols: 4, spacing: .inf, speed: 30km/h}\n")),
            R"(t.yaml:2:37: road.grid.spacing: expected a length (units m, km), found ".inf")");
}

// Values a unit slip produces (a battery in Wh read as kWh, a plug of 7 W) are refused where they are
// read, with the key and the plausibility range (scenarios/plausibility.hpp).
TEST(LoaderErrors, ImplausibleValuesAreRefusedWithTheirRange) {
  const auto types = [](const std::string& battery, const std::string& consumption, const std::string& dc) {
    return scenario_with("vehicle_types", "vehicle_types:\n  - name: car\n    battery: " + battery +
                                              "\n    consumption: " + consumption + "\n    max_dc_power: " + dc + "\n");
  };
  EXPECT_EQ(error_of(types("60000kWh", "0.2", "50kW")),
            R"(t.yaml:3:14: vehicle_types[0].battery: expected a battery capacity from 1 to 2000 kWh (evsim's plausibility limit), found "60000kWh")");
  EXPECT_EQ(error_of(types("60kWh", "200", "50kW")),
            R"(t.yaml:4:18: vehicle_types[0].consumption: expected a consumption from 0.02 to 5 kWh/km (evsim's plausibility limit), found "200")");
  EXPECT_EQ(error_of(types("60kWh", "0.2", "50W")),
            R"(t.yaml:5:19: vehicle_types[0].max_dc_power: expected 0 or a charging power from 0.5 to 5000 kW (evsim's plausibility limit), found "50W")");
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - {name: a, node: 1, plugs: [{power: 7W, kind: ac}]}\n")),
            R"(t.yaml:2:40: stations[0].plugs[0].power: expected a charging power from 0.5 to 5000 kW (evsim's plausibility limit), found "7W")");
  EXPECT_EQ(error_of(scenario_with("road", "road:\n  grid: {rows: 4, cols: 4, spacing: 100m, speed: 3000km/h}\n")),
            R"(t.yaml:2:50: road.grid.speed: expected a road speed from 1 to 200 km/h (evsim's plausibility limit), found "3000km/h")");
  EXPECT_EQ(error_of(scenario_with("horizon", "horizon: 365000d\n")),
            R"(t.yaml:1:10: horizon: expected a duration > 0 and at most 400d (evsim's plausibility limit; longer studies run in stages), found "365000d")");
  EXPECT_EQ(error_of(scenario_with("sample_interval", "sample_interval: 1ms\n")),
            R"(t.yaml:1:18: sample_interval: expected a duration of at least 1s (evsim's plausibility limit), found "1ms")");
}

TEST(LoaderErrors, NonPositiveBatteryAndPowers) {
  const auto types = [](const std::string& battery, const std::string& ac, const std::string& dc) {
    return scenario_with("vehicle_types", "vehicle_types:\n  - name: car\n    battery: " + battery +
                                              "\n    consumption: 0.2\n    max_ac_power: " + ac +
                                              "\n    max_dc_power: " + dc + "\n");
  };
  EXPECT_EQ(error_of(types("-50kWh", "11kW", "50kW")),
            R"(t.yaml:3:14: vehicle_types[0].battery: expected a battery capacity from 1 to 2000 kWh (evsim's plausibility limit), found "-50kWh")");
  EXPECT_EQ(error_of(types("0", "11kW", "50kW")), R"(t.yaml:3:14: vehicle_types[0].battery: expected a battery capacity from 1 to 2000 kWh (evsim's plausibility limit), found "0")");
  EXPECT_EQ(error_of(types("50kWh", "-1kW", "50kW")),
            R"(t.yaml:5:19: vehicle_types[0].max_ac_power: expected a power >= 0, found "-1kW")");
  EXPECT_EQ(error_of(types("50kWh", "0kW", "0")),
            R"(t.yaml:2:5: vehicle_types[0]: expected max_ac_power or max_dc_power > 0, found neither)");
  EXPECT_EQ(error_of(scenario_with("vehicle_types", "vehicle_types:\n  - {name: car, battery: 50kWh, consumption: 0.2}\n")),
            R"(t.yaml:2:5: vehicle_types[0]: expected max_ac_power or max_dc_power > 0, found neither)");
}

TEST(LoaderErrors, PlugCountBelowOne) {
  const auto plug = [](const std::string& count) {
    return scenario_with("stations", "stations:\n  - name: a\n    node: 1\n    plugs:\n"
                                     "      - {count: " + count + ", power: 50kW, kind: dc}\n");
  };
  EXPECT_EQ(error_of(plug("0")), R"(t.yaml:5:17: stations[0].plugs[0].count: expected a positive integer, found "0")");
  EXPECT_EQ(error_of(plug("-2")), R"(t.yaml:5:17: stations[0].plugs[0].count: expected a positive integer, found "-2")");
  EXPECT_EQ(error_of(plug("1.5")), R"(t.yaml:5:17: stations[0].plugs[0].count: expected a positive integer, found "1.5")");
}

TEST(LoaderErrors, NegativeFleetCount) {
  EXPECT_EQ(error_of(scenario_with_segment("    vehicle_type: car\n    count: -3\n    initial_soc: 0.5\n" +
                                           std::string(kSegmentTrip))),
            R"(t.yaml:4:12: fleet[0].count: expected a non-negative integer, found "-3")");
}

TEST(LoaderErrors, FractionOutOfRange) {
  EXPECT_EQ(error_of(segment_with("    initial_soc: 1.2\n")),
            R"(t.yaml:5:18: fleet[0].initial_soc: expected a fraction from 0 to 1 (or 0% to 100%), found "1.2")");
  EXPECT_EQ(error_of(segment_with("    initial_soc: 0.5\n    charge_to_soc: 120%\n")),
            R"(t.yaml:6:20: fleet[0].charge_to_soc: expected a fraction from 0 to 1 (or 0% to 100%), found "120%")");
}

TEST(LoaderErrors, ChargeToSocMustBeAboveChargeBelowSoc) {
  EXPECT_EQ(error_of(segment_with("    initial_soc: 0.5\n    charge_below_soc: 50%\n    charge_to_soc: 40%\n")),
            R"(t.yaml:7:20: fleet[0].charge_to_soc: expected a fraction above charge_below_soc (0.5), found "40%")");
  EXPECT_EQ(error_of(segment_with("    initial_soc: 0.5\n    charge_below_soc: 50%\n    charge_to_soc: 0.5\n")),
            R"(t.yaml:7:20: fleet[0].charge_to_soc: expected a fraction above charge_below_soc (0.5), found "0.5")");
  EXPECT_EQ(error_of(segment_with("    initial_soc: 0.5\n    charge_below_soc: 0.9\n")),
            R"(t.yaml:6:23: fleet[0].charge_below_soc: expected a fraction below charge_to_soc (0.8), found "0.9")");
}

TEST(LoaderErrors, MissingRequiredKeyPointsAtTheParentMapping) {
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - name: a\n    node: 1\n")),
            R"(t.yaml:2:5: stations[0]: expected key "plugs", found nothing)");
  EXPECT_EQ(error_of(scenario_with("horizon", "")), R"(t.yaml:1:1: (document): expected key "horizon", found nothing)");
  EXPECT_EQ(error_of(scenario_with("road", "road:\n  grid: {rows: 4, cols: 4, speed: 30km/h}\n")),
            R"(t.yaml:2:9: road.grid: expected key "spacing", found nothing)");
  EXPECT_EQ(error_of(scenario_with_segment("    vehicle_type: car\n    count: 1\n    initial_soc: 0.5\n")),
            R"(t.yaml:2:5: fleet[0]: expected key "depart_to_work", found nothing)");
}

TEST(LoaderErrors, WrongType) {
  EXPECT_EQ(error_of(scenario_with("road", "road:\n  - grid\n")),
            R"(t.yaml:2:3: road: expected a road mapping with one of the keys grid, ring_radial, osm, csv (and max_snap_distance), found a list)");
  EXPECT_EQ(error_of(scenario_with("road", "road: {}\n")),
            R"(t.yaml:1:7: road: expected exactly one of the keys grid, ring_radial, osm, csv, found an empty mapping)");
  EXPECT_EQ(error_of(scenario_with("stations", "stations: {name: a}\n")),
            R"(t.yaml:1:11: stations: expected a list of stations, found a mapping)");
  EXPECT_EQ(error_of(segment_with("    initial_soc: 0.5\n    charge_to_soc: [0.9]\n")),
            R"(t.yaml:6:20: fleet[0].charge_to_soc: expected a fraction from 0 to 1 (or 0% to 100%), found a list)");
  EXPECT_EQ(error_of(scenario_with_segment("    vehicle_type: car\n    count: many\n")),
            R"(t.yaml:4:12: fleet[0].count: expected a non-negative integer, found "many")");
  EXPECT_EQ(error_of(scenario_with("name", "name: {first: t}\n")), R"(t.yaml:1:7: name: expected a non-empty string, found a mapping)");
  EXPECT_EQ(error_of(scenario_with("name", "name:\n")), R"(t.yaml:1:1: name: expected a non-empty string, found an empty value)");
  EXPECT_EQ(error_of(scenario_with("name", "name: ''\n")), R"(t.yaml:1:7: name: expected a non-empty string, found "")");
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - {name: a, node: 1, public: yes, plugs: [{power: 7, kind: ac}]}\n")),
            R"(t.yaml:2:32: stations[0].public: expected true or false, found "yes")");
}

TEST(LoaderErrors, IntegersOutOfRange) {
  EXPECT_EQ(error_of(scenario_with("name", "name: t\nseed: -1\n")), R"(t.yaml:2:7: seed: expected a non-negative integer, found "-1")");
  EXPECT_EQ(error_of(scenario_with("name", "name: t\nseed: 18446744073709551616\n")),
            R"(t.yaml:2:7: seed: expected an integer from 0 to 18446744073709551615, found "18446744073709551616")");
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - {name: a, node: 9223372036854775808, plugs: [{power: 7, kind: ac}]}\n")),
            R"(t.yaml:2:21: stations[0].node: expected an integer from -9223372036854775808 to 9223372036854775807, found "9223372036854775808")");
  EXPECT_EQ(error_of(scenario_with("road", "road:\n  grid: {rows: 1, cols: 4, spacing: 100m, speed: 30km/h}\n")),
            R"(t.yaml:2:16: road.grid.rows: expected an integer from 2 to 10000, found "1")");
}

TEST(LoaderErrors, DuplicateNames) {
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n"
                                               "  - {name: a, node: 1, plugs: [{power: 50kW, kind: dc}]}\n"
                                               "  - {name: a, node: 2, plugs: [{power: 50kW, kind: dc}]}\n")),
            R"(t.yaml:3:12: stations[1].name: expected a unique station name, found "a", also used by stations[0])");
  EXPECT_EQ(error_of(scenario_with("vehicle_types", "vehicle_types:\n"
                                                    "  - {name: car, battery: 50kWh, consumption: 0.2, max_ac_power: 7}\n"
                                                    "  - {name: car, battery: 60kWh, consumption: 0.2, max_ac_power: 7}\n")),
            R"(t.yaml:3:12: vehicle_types[1].name: expected a unique vehicle type name, found "car", also used by vehicle_types[0])");
}

TEST(LoaderErrors, UndefinedVehicleType) {
  EXPECT_EQ(error_of(scenario_with_segment("    vehicle_type: van\n")),
            R"(t.yaml:3:19: fleet[0].vehicle_type: expected one of the vehicle types car, found "van")");
}

TEST(LoaderErrors, MissingOrUnreadableFile) {
  EXPECT_EQ(file_error("missing.yaml"), "missing.yaml: (file): expected a readable scenario file, found no such file");
  EXPECT_EQ(file_error(kData), kData.string() + ": (file): expected a readable scenario file, found a directory");
  try {
    load_scenario_file("missing.yaml");
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line(), 0);
    EXPECT_EQ(e.key_path(), "(file)");
    EXPECT_EQ(e.expected(), "a readable scenario file");
    EXPECT_EQ(e.found(), "no such file");
  }
}

TEST(LoaderErrors, StationLocationIsNodeOrXy) {
  const auto station = [](const std::string& location) {
    return scenario_with("stations", "stations:\n  - name: a\n" + location + "    plugs: [{power: 50kW, kind: dc}]\n");
  };
  EXPECT_EQ(error_of(station("    node: 1\n    x: 100m\n    y: 0\n")),
            R"(t.yaml:2:5: stations[0]: expected either key "node", keys "x" and "y" or keys "lon" and "lat", )"
            R"(found both "node" and "x")");
  EXPECT_EQ(error_of(station("    node: 1\n    y: 0\n")),
            R"(t.yaml:2:5: stations[0]: expected either key "node", keys "x" and "y" or keys "lon" and "lat", )"
            R"(found both "node" and "y")");
  EXPECT_EQ(error_of(station("")),
            R"(t.yaml:2:5: stations[0]: expected key "node", keys "x" and "y" or keys "lon" and "lat", found nothing)");
  EXPECT_EQ(error_of(station("    x: 100m\n")), R"(t.yaml:2:5: stations[0]: expected key "y", found nothing)");
}

TEST(LoaderErrors, EmptyListsWhereEntriesAreNeeded) {
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - {name: a, node: 1, plugs: []}\n")),
            R"(t.yaml:2:31: stations[0].plugs: expected a non-empty list of plugs, found an empty list)");
  EXPECT_EQ(error_of(scenario_with("fleet", "fleet: []\n")),
            R"(t.yaml:1:8: fleet: expected a non-empty list of fleet segments, found an empty list)");
  EXPECT_EQ(error_of(scenario_with("vehicle_types", "vehicle_types:\n")),
            R"(t.yaml:1:1: vehicle_types: expected a non-empty list of vehicle types, found an empty value)");
}

TEST(LoaderErrors, SampleIntervalLongerThanHorizon) {
  EXPECT_EQ(error_of(scenario_with("horizon", "horizon: 1h\nsample_interval: 2h\n")),
            R"(t.yaml:2:18: sample_interval: expected a duration > 0 and <= horizon ("1h"), found "2h")");
  EXPECT_EQ(error_of(scenario_with("horizon", "horizon: 10min\n")),
            R"(t.yaml:1:10: horizon: expected a duration >= sample_interval (15min by default), found "10min")");
  EXPECT_EQ(error_of(scenario_with("horizon", "horizon: 0\n")), R"(t.yaml:1:10: horizon: expected a duration > 0, found "0")");
}

TEST(LoaderErrors, UnknownEventListAndPlugKind) {
  EXPECT_EQ(error_of(scenario_with("name", "name: t\nevent_list: fibonacci_heap\n")),
            R"(t.yaml:2:13: event_list: expected one of binary_heap, quaternary_heap, radix_heap, found "fibonacci_heap")");
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - {name: a, node: 1, plugs: [{power: 50kW, kind: hpc}]}\n")),
            R"(t.yaml:2:52: stations[0].plugs[0].kind: expected one of ac, dc, found "hpc")");
}

TEST(LoaderErrors, AmbientTemperature) {
  const auto ambient = [](const std::string& text) {
    return error_of(scenario_with("name", "name: t\nambient_temperature: " + text + "\n"));
  };
  EXPECT_EQ(ambient("-51C"), R"(t.yaml:2:22: ambient_temperature: expected a temperature from -50 to 60 degC, found "-51C")");
  EXPECT_EQ(ambient("61"), R"(t.yaml:2:22: ambient_temperature: expected a temperature from -50 to 60 degC, found "61")");
  EXPECT_EQ(ambient("68F"),
            R"(t.yaml:2:22: ambient_temperature: expected a temperature (units degC, °C, C), found unknown unit "F" in "68F")");
  EXPECT_EQ(ambient("[20]"), R"(t.yaml:2:22: ambient_temperature: expected a temperature (units degC, °C, C), found a list)");
}

TEST(LoaderErrors, ChargingSettings) {
  const auto charging = [](const std::string& text) { return error_of(scenario_with("", "charging: {" + text + "}\n")); };
  EXPECT_EQ(charging("ac_efficiency: 0"), R"(t.yaml:1:27: charging.ac_efficiency: expected a fraction > 0, found "0")");
  EXPECT_EQ(charging("dc_efficiency: 105%"),
            R"(t.yaml:1:27: charging.dc_efficiency: expected a fraction from 0 to 1 (or 0% to 100%), found "105%")");
  EXPECT_EQ(charging("nearest_stations: 0"),
            R"(t.yaml:1:30: charging.nearest_stations: expected an integer from 1 to 64, found "0")");
  EXPECT_EQ(charging("nearest_stations: 65"),
            R"(t.yaml:1:30: charging.nearest_stations: expected an integer from 1 to 64, found "65")");
  EXPECT_EQ(charging("availability_radius: 0m"),
            R"(t.yaml:1:33: charging.availability_radius: expected a length > 0, found "0m")");
  EXPECT_EQ(charging("radius: 1km"),
            R"(t.yaml:1:12: charging.radius: expected one of the keys ac_efficiency, dc_efficiency, nearest_stations, )"
            R"(availability_radius, found unknown key "radius")");
  EXPECT_EQ(error_of(scenario_with("", "charging: fast\n")), R"(t.yaml:1:11: charging: expected a charging mapping, found "fast")");
}

TEST(LoaderErrors, Places) {
  EXPECT_EQ(error_of(scenario_with("", "places:\n  homes: {file: people.csv}\n")),
            R"(t.yaml:2:17: places.homes.file: expected an existing file, found no such file "people.csv")");
  EXPECT_EQ(error_of(scenario_with("", "places:\n  work: {weight: jobs}\n")),
            R"(t.yaml:2:9: places.work: expected key "file", found nothing)");
  EXPECT_EQ(error_of(scenario_with("", "places:\n  shops: {file: shops.csv}\n")),
            R"(t.yaml:2:3: places.shops: expected one of the keys homes, work, other, found unknown key "shops")");
  EXPECT_EQ(error_of(scenario_with("", "places:\n  other: pois.csv\n")),
            R"(t.yaml:2:10: places.other: expected a demand mapping {file, weight, crs}, found "pois.csv")");
  EXPECT_EQ(error_of(scenario_with("", "places: [homes]\n")),
            R"(t.yaml:1:9: places: expected a places mapping {homes, work, other}, found a list)");
}

TEST(LoaderErrors, ThrowAtFormatsAKeptMark) {
  const SourceMark mark{.file = "t.yaml", .line = 19, .column = 5, .key_path = "stations[0].node"};
  try {
    throw_at(mark, "a road node id from 0 to 15", "16");
  } catch (const ScenarioError& e) {
    EXPECT_STREQ(e.what(), "t.yaml:19:5: stations[0].node: expected a road node id from 0 to 15, found 16");
  }
  const SourceMark unknown{.file = "t.yaml", .line = 0, .column = 0, .key_path = "road"};
  EXPECT_STREQ(ScenarioError(unknown, "x", "y").what(), "t.yaml: road: expected x, found y");
  EXPECT_EQ(quote("say \"hi\"\n"), R"("say \"hi\"\n")");
  EXPECT_EQ(quote(std::string(100, 'a')), "\"" + std::string(80, 'a') + "...\"");
}

}  // namespace
}  // namespace evsim::scenarios
