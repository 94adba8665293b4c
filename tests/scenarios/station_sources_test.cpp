// Stations at lon/lat, station files and placement plans.
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with;

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const fs::path kData = fs::path(EVSIM_SOURCE_DIR) / "tests/scenarios/data";
// A scenario file beside the test data (it need not exist: only the files it names are looked up).
const fs::path kScenario = kData / "t.yaml";
const std::string kAt = kScenario.string();

// A scenario whose only station is "name: a" on line 2 (the mapping's mark is 2:5) followed by
// `location`, one key per line from line 3.
std::string station_at(const std::string& location) {
  return scenario_with("stations", "stations:\n  - name: a\n" + location + "    plugs: [{power: 50kW, kind: dc}]\n");
}

TEST(StationSources, StationsAtLonLat) {
  const Scenario sc = parse_scenario(scenario_with("stations", "stations:\n"
                                                               "  - {name: a, lon: 121.47, lat: 31.23, plugs: [{power: 50kW, kind: dc}]}\n"
                                                               "  - {name: b, lon: -180, lat: 90deg, plugs: [{power: 7kW, kind: ac}]}\n"
                                                               "  - {name: c, lon: 180°, lat: -90, plugs: [{power: 7kW, kind: ac}]}\n"),
                                     "t.yaml");
  ASSERT_EQ(sc.stations.size(), 3u);
  const auto& a = std::get<LonLatLocation>(sc.stations[0].location);
  EXPECT_DOUBLE_EQ(a.lon, 121.47);
  EXPECT_DOUBLE_EQ(a.lat, 31.23);
  EXPECT_DOUBLE_EQ(std::get<LonLatLocation>(sc.stations[1].location).lon, -180.0);
  EXPECT_DOUBLE_EQ(std::get<LonLatLocation>(sc.stations[1].location).lat, 90.0);
  EXPECT_DOUBLE_EQ(std::get<LonLatLocation>(sc.stations[2].location).lon, 180.0);
  EXPECT_DOUBLE_EQ(std::get<LonLatLocation>(sc.stations[2].location).lat, -90.0);
}

TEST(StationSources, StationFilesWithRenamedColumns) {
  const Scenario sc = parse_scenario(
      scenario_with("station_files",
                    "station_files:\n"
                    "  - file: stations.csv\n"
                    "    columns: {name: station_id, lon: longitude, lat: latitude, dc_plugs: fast, ac_plugs: slow}\n"
                    "    dc_power: 60kW\n"
                    "    ac_power: 7000W\n"
                    "    public: false\n"
                    "  - file: road/nodes.csv\n"
                    "    columns: {x: east, y: north, node: id, dc_power: dc_kw, ac_power: ac_kw}\n"),
      kScenario);
  ASSERT_EQ(sc.station_files.size(), 2u);
  const StationFileSpec& sz = sc.station_files[0];
  EXPECT_EQ(sz.file, kData / "stations.csv");
  EXPECT_EQ(sz.name_column, "station_id");
  EXPECT_EQ(sz.lon_column, "longitude");
  EXPECT_EQ(sz.lat_column, "latitude");
  EXPECT_EQ(sz.dc_plugs_column, "fast");
  EXPECT_EQ(sz.ac_plugs_column, "slow");
  EXPECT_EQ(sz.x_column, "x_m");
  EXPECT_EQ(sz.dc_power_column, "dc_power_kw");
  ASSERT_TRUE(sz.dc_power_kw.has_value());
  EXPECT_DOUBLE_EQ(*sz.dc_power_kw, 60.0);
  ASSERT_TRUE(sz.ac_power_kw.has_value());
  EXPECT_DOUBLE_EQ(*sz.ac_power_kw, 7.0);
  EXPECT_FALSE(sz.is_public);
  EXPECT_EQ(sz.mark.file, kAt);
  EXPECT_EQ(sz.mark.key_path, "station_files[0].file");
  EXPECT_EQ(sz.mark.line, 2);
  EXPECT_EQ(sz.mark.column, 11);
  const StationFileSpec& xy = sc.station_files[1];
  EXPECT_EQ(xy.x_column, "east");
  EXPECT_EQ(xy.y_column, "north");
  EXPECT_EQ(xy.node_column, "id");
  EXPECT_EQ(xy.dc_power_column, "dc_kw");
  EXPECT_EQ(xy.ac_power_column, "ac_kw");
  EXPECT_EQ(xy.mark.key_path, "station_files[1].file");
}

TEST(StationSources, StationFileDefaults) {
  const Scenario sc = parse_scenario(scenario_with("station_files", "station_files:\n  - {file: stations.csv}\n"),
                                     kScenario);
  ASSERT_EQ(sc.station_files.size(), 1u);
  const StationFileSpec& f = sc.station_files[0];
  EXPECT_EQ(f.name_column, "name");
  EXPECT_EQ(f.lon_column, "lon");
  EXPECT_EQ(f.lat_column, "lat");
  EXPECT_EQ(f.x_column, "x_m");
  EXPECT_EQ(f.y_column, "y_m");
  EXPECT_EQ(f.node_column, "node");
  EXPECT_EQ(f.dc_plugs_column, "dc_plugs");
  EXPECT_EQ(f.ac_plugs_column, "ac_plugs");
  EXPECT_EQ(f.dc_power_column, "dc_power_kw");
  EXPECT_EQ(f.ac_power_column, "ac_power_kw");
  EXPECT_FALSE(f.dc_power_kw.has_value());
  EXPECT_FALSE(f.ac_power_kw.has_value());
  EXPECT_EQ(f.price_column, "price_per_kwh");
  EXPECT_FALSE(f.price_per_kwh.has_value());
  EXPECT_TRUE(f.is_public);

  const Scenario none = parse_scenario(scenario_with("", ""), "t.yaml");
  EXPECT_TRUE(none.station_files.empty());
  EXPECT_TRUE(none.plans.empty());
  EXPECT_TRUE(parse_scenario(scenario_with("", "station_files: []\nplans: []\n"), "t.yaml").plans.empty());
}

TEST(StationSources, Plans) {
  const Scenario sc = parse_scenario(
      scenario_with("plans",
                    "plans:\n"
                    "  - name: plus-two\n"
                    "    stations:\n"
                    "      - {name: b, lon: 121.48, lat: 31.23, plugs: [{count: 2, power: 120kW, kind: dc}]}\n"
                    "      - {name: c, node: 5, public: false, plugs: [{power: 7kW, kind: ac}]}\n"
                    "    station_files:\n"
                    "      - {file: stations.csv, columns: {name: station_id}, dc_power: 60kW}\n"
                    "  - name: files-only\n"
                    "    station_files: [{file: stations.csv}]\n"
                    "  - name: other-b\n"
                    "    stations:\n"
                    "      - {name: b, x: 1km, y: 2km, plugs: [{power: 50kW, kind: dc}]}\n"),
      kScenario);
  ASSERT_EQ(sc.stations.size(), 1u);  // the scenario's own station "a" stays as it is
  ASSERT_EQ(sc.plans.size(), 3u);
  const PlanSpec& plus = sc.plans[0];
  EXPECT_EQ(plus.name, "plus-two");
  EXPECT_EQ(plus.mark.key_path, "plans[0]");
  EXPECT_EQ(plus.mark.line, 2);
  EXPECT_EQ(plus.mark.column, 5);
  ASSERT_EQ(plus.stations.size(), 2u);
  EXPECT_EQ(plus.stations[0].name, "b");
  EXPECT_DOUBLE_EQ(std::get<LonLatLocation>(plus.stations[0].location).lon, 121.48);
  EXPECT_EQ(plus.stations[0].plugs[0].count, 2u);
  EXPECT_EQ(plus.stations[0].mark.key_path, "plans[0].stations[0]");
  EXPECT_EQ(std::get<NodeLocation>(plus.stations[1].location).id, 5);
  EXPECT_FALSE(plus.stations[1].is_public);
  ASSERT_EQ(plus.station_files.size(), 1u);
  EXPECT_EQ(plus.station_files[0].file, kData / "stations.csv");
  EXPECT_EQ(plus.station_files[0].name_column, "station_id");
  EXPECT_EQ(plus.station_files[0].mark.key_path, "plans[0].station_files[0].file");
  EXPECT_TRUE(sc.plans[1].stations.empty());
  EXPECT_EQ(sc.plans[1].station_files.size(), 1u);
  EXPECT_EQ(sc.plans[2].name, "other-b");  // plans are alternatives: they may reuse each other's names
  EXPECT_DOUBLE_EQ(std::get<XyLocation>(sc.plans[2].stations[0].location).y_m, 2000.0);
}

TEST(StationSources, PriceHoursAndConnectors) {
  const Scenario sc = parse_scenario(
      scenario_with("stations",
                    "stations:\n"
                    "  - name: a\n"
                    "    node: 1\n"
                    "    price: 1.2 CNY/kWh\n"
                    "    hours: 08:00-22:00\n"
                    "    plugs: [{power: 120kW, kind: dc, connector: ccs2}, {power: 7kW, kind: ac, connector: type_2}]\n"
                    "  - {name: b, node: 2, price: 0.8/kWh, hours: 22:00-06:30, plugs: [{power: 7kW, kind: ac}]}\n"
                    "  - {name: c, node: 3, price: 1.5, hours: 24/7, plugs: [{power: 60kW, kind: dc}]}\n"
                    "  - {name: d, node: 4, price: 2 yuan/kWh, hours: '00:00-24:00', plugs: [{power: 60kW, kind: dc}]}\n"),
      "t.yaml");
  ASSERT_EQ(sc.stations.size(), 4u);
  const StationSpec& a = sc.stations[0];
  EXPECT_DOUBLE_EQ(a.price_per_kwh, 1.2);
  EXPECT_FALSE(a.hours.always_open);
  EXPECT_EQ(a.hours.open, 8h);
  EXPECT_EQ(a.hours.close, 22h);
  EXPECT_EQ(a.plugs[0].connector, "ccs2");
  EXPECT_EQ(a.plugs[1].connector, "type_2");
  const StationSpec& b = sc.stations[1];
  EXPECT_DOUBLE_EQ(b.price_per_kwh, 0.8);
  EXPECT_FALSE(b.hours.always_open);  // past midnight: close < open
  EXPECT_EQ(b.hours.open, 22h);
  EXPECT_EQ(b.hours.close, 6h + 30min);
  EXPECT_EQ(b.plugs[0].connector, "gbt_ac");
  EXPECT_DOUBLE_EQ(sc.stations[2].price_per_kwh, 1.5);
  EXPECT_TRUE(sc.stations[2].hours.always_open);
  EXPECT_EQ(sc.stations[2].plugs[0].connector, "gbt_dc");
  EXPECT_DOUBLE_EQ(sc.stations[3].price_per_kwh, 2.0);
  EXPECT_EQ(sc.stations[3].hours.open, 0h);
  EXPECT_EQ(sc.stations[3].hours.close, 24h);
}

TEST(StationSources, PriceAndHoursDefaults) {
  const Scenario sc = parse_scenario(scenario_with("", ""), "t.yaml");
  const StationSpec& a = sc.stations.at(0);
  EXPECT_DOUBLE_EQ(a.price_per_kwh, 0.0);
  EXPECT_TRUE(a.hours.always_open);
  EXPECT_EQ(a.plugs.at(0).connector, "gbt_dc");
}

TEST(StationSources, StationFilePriceAndPriceColumn) {
  const Scenario sc = parse_scenario(scenario_with("station_files",
                                                   "station_files:\n"
                                                   "  - {file: stations.csv, price: 1.1 CNY/kWh}\n"
                                                   "  - {file: stations.csv, columns: {price: tariff}}\n"),
                                     kScenario);
  ASSERT_EQ(sc.station_files.size(), 2u);
  ASSERT_TRUE(sc.station_files[0].price_per_kwh.has_value());
  EXPECT_DOUBLE_EQ(*sc.station_files[0].price_per_kwh, 1.1);
  EXPECT_EQ(sc.station_files[0].price_column, "price_per_kwh");
  EXPECT_FALSE(sc.station_files[1].price_per_kwh.has_value());
  EXPECT_EQ(sc.station_files[1].price_column, "tariff");
}

TEST(StationSourceErrors, Price) {
  EXPECT_EQ(error_of(station_at("    node: 1\n    price: -1\n")),
            R"(t.yaml:4:12: stations[0].price: expected a price per kWh >= 0, found "-1")");
  EXPECT_EQ(error_of(station_at("    node: 1\n    price: 1.2 CNY\n")),
            R"(t.yaml:4:12: stations[0].price: expected a price per kWh (units /kWh, CNY/kWh, yuan/kWh), )"
            R"(found unknown unit "CNY" in "1.2 CNY")");
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - {file: stations.csv, price: 1/MWh}\n"), kScenario),
            kAt + R"(:2:33: station_files[0].price: expected a price per kWh (units /kWh, CNY/kWh, yuan/kWh), )"
                  R"(found unknown unit "/MWh" in "1/MWh")");
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n"
                                                    "  - {file: stations.csv, columns: {name: station_id, price: ac_plugs}}\n"),
                     kScenario),
            kAt + R"(:2:61: station_files[0].columns.price: expected a column name that no other key reads, )"
                  R"(found "ac_plugs", also read for ac_plugs (by default))");
}

TEST(StationSourceErrors, OpeningHours) {
  const auto hours = [](const std::string& text) { return error_of(station_at("    node: 1\n    hours: " + text + "\n")); };
  constexpr const char* kForm = R"(t.yaml:4:12: stations[0].hours: expected opening hours "24/7" or "HH:MM-HH:MM", found )";
  EXPECT_EQ(hours("08:00"), std::string(kForm) + R"("08:00")");
  EXPECT_EQ(hours("08:00-25:00"), std::string(kForm) + R"("08:00-25:00")");
  EXPECT_EQ(hours("8-20"), std::string(kForm) + R"("8-20")");
  EXPECT_EQ(hours("24/24"), std::string(kForm) + R"("24/24")");
  EXPECT_EQ(hours("[08:00, 20:00]"), std::string(kForm) + "a list");
  EXPECT_EQ(hours("08:00-08:00"),
            R"(t.yaml:4:12: stations[0].hours: expected opening hours with different opening and closing times )"
            R"(("24/7" for always open), found "08:00-08:00")");
  EXPECT_EQ(hours("24:00-06:00"),
            R"(t.yaml:4:12: stations[0].hours: expected an opening time before 24:00 (00:00 is the same time), )"
            R"(found "24:00-06:00")");
}

TEST(StationSourceErrors, PlugConnector) {
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n"
                                               "  - {name: a, node: 1, plugs: [{power: 50kW, kind: dc, connector: CCS2}]}\n")),
            R"(t.yaml:2:67: stations[0].plugs[0].connector: expected a connector name of lower-case letters, digits and )"
            R"(underscores (such as gbt_ac, gbt_dc, ccs2), found "CCS2")");
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n"
                                               "  - {name: a, node: 1, plugs: [{power: 50kW, kind: dc, plug: ccs2}]}\n")),
            R"(t.yaml:2:56: stations[0].plugs[0].plug: expected one of the keys count, power, kind, connector, )"
            R"(found unknown key "plug")");
}

TEST(StationSourceErrors, LonWithoutLat) {
  EXPECT_EQ(error_of(station_at("    lon: 121.47\n")), R"(t.yaml:2:5: stations[0]: expected key "lat", found nothing)");
  EXPECT_EQ(error_of(station_at("    lat: 31.23\n")), R"(t.yaml:2:5: stations[0]: expected key "lon", found nothing)");
}

TEST(StationSourceErrors, NodeAndLonLat) {
  constexpr const char* kExpected =
      R"(t.yaml:2:5: stations[0]: expected either key "node", keys "x" and "y" or keys "lon" and "lat", found )";
  EXPECT_EQ(error_of(station_at("    node: 1\n    lon: 121.47\n    lat: 31.23\n")),
            std::string(kExpected) + R"(both "node" and "lon")");
  EXPECT_EQ(error_of(station_at("    x: 1km\n    lat: 31.23\n")), std::string(kExpected) + R"(both "x" and "lat")");
  EXPECT_EQ(error_of(station_at("    node: 1\n    y: 0\n    lat: 31.23\n")),
            std::string(kExpected) + R"("node", "y" and "lat")");
}

TEST(StationSourceErrors, LonLatOutOfRangeOrNotANumber) {
  EXPECT_EQ(error_of(station_at("    lon: 181\n    lat: 31.23\n")),
            R"(t.yaml:3:10: stations[0].lon: expected a longitude from -180 to 180 (degrees), found "181")");
  EXPECT_EQ(error_of(station_at("    lon: -180.5\n    lat: 31.23\n")),
            R"(t.yaml:3:10: stations[0].lon: expected a longitude from -180 to 180 (degrees), found "-180.5")");
  EXPECT_EQ(error_of(station_at("    lon: 121.47\n    lat: -90.5\n")),
            R"(t.yaml:4:10: stations[0].lat: expected a latitude from -90 to 90 (degrees), found "-90.5")");
  EXPECT_EQ(error_of(station_at("    lon: east\n    lat: 31.23\n")),
            R"(t.yaml:3:10: stations[0].lon: expected a longitude from -180 to 180 (degrees), found "east")");
  EXPECT_EQ(error_of(station_at("    lon: 2.1rad\n    lat: 31.23\n")),
            R"(t.yaml:3:10: stations[0].lon: expected a longitude from -180 to 180 (degrees), )"
            R"(found unknown unit "rad" in "2.1rad")");
  EXPECT_EQ(error_of(station_at("    lon: [121, 28]\n    lat: 31.23\n")),
            R"(t.yaml:3:10: stations[0].lon: expected a longitude from -180 to 180 (degrees), found a list)");
}

TEST(StationSourceErrors, StationFiles) {
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - file: missing.csv\n")),
            R"(t.yaml:2:11: station_files[0].file: expected an existing file, found no such file "missing.csv")");
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - columns: {name: id}\n")),
            R"(t.yaml:2:5: station_files[0]: expected key "file", found nothing)");
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files: stations.csv\n")),
            R"(t.yaml:1:16: station_files: expected a list of station files, found "stations.csv")");
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - file: stations.csv\n    dc_power: 0kW\n"), kScenario),
            kAt + R"(:3:15: station_files[0].dc_power: expected a charging power from 0.5 to 5000 kW (evsim's plausibility limit), found "0kW")");
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - file: stations.csv\n    publik: true\n"), kScenario),
            kAt + R"(:3:5: station_files[0].publik: expected one of the keys file, columns, dc_power, ac_power, price, )"
                  R"(public, crs, keep_within, found unknown key "publik")");
}

TEST(StationSourceErrors, UnknownColumnRenameKey) {
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - file: stations.csv\n"
                                                    "    columns: {name: station_id, fast: dc}\n"),
                     kScenario),
            kAt + R"(:3:33: station_files[0].columns.fast: expected one of the keys name, lon, lat, x, y, node, dc_plugs, )"
                  R"(ac_plugs, dc_power, ac_power, price, found unknown key "fast")");
}

TEST(StationSourceErrors, TwoKeysReadingOneColumn) {
  const auto columns = [](const std::string& renames) {
    return error_of(scenario_with("station_files", "station_files:\n  - file: stations.csv\n    columns: {" + renames + "}\n"),
                    kScenario);
  };
  EXPECT_EQ(columns("dc_plugs: n, ac_plugs: n"),
            kAt + R"(:3:38: station_files[0].columns.ac_plugs: expected a column name that no other key reads, )"
                  R"(found "n", also read for dc_plugs)");
  EXPECT_EQ(columns("ac_plugs: n, dc_plugs: n"),  // reported at the later key of the columns table
            kAt + R"(:3:25: station_files[0].columns.ac_plugs: expected a column name that no other key reads, )"
                  R"(found "n", also read for dc_plugs)");
  EXPECT_EQ(columns("name: lon"),
            kAt + R"(:3:21: station_files[0].columns.name: expected a column name that no other key reads, )"
                  R"(found "lon", also read for lon (by default))");
  EXPECT_EQ(columns("name: ''"), kAt + R"(:3:21: station_files[0].columns.name: expected a non-empty string, found "")");
}

TEST(StationSourceErrors, PlanNamedBase) {
  EXPECT_EQ(error_of(scenario_with("plans", "plans:\n  - name: base\n    stations: []\n")),
            R"(t.yaml:2:11: plans[0].name: expected a plan name other than "base" (the scenario's own stations), )"
            R"(found "base")");
}

TEST(StationSourceErrors, DuplicatePlanNames) {
  EXPECT_EQ(error_of(scenario_with("plans", "plans:\n  - {name: p, stations: []}\n  - {name: p, stations: []}\n")),
            R"(t.yaml:3:12: plans[1].name: expected a unique plan name, found "p", also used by plans[0])");
}

TEST(StationSourceErrors, PlanStationNamedLikeAScenarioStation) {
  EXPECT_EQ(error_of(scenario_with("plans", "plans:\n  - name: p\n    stations:\n"
                                            "      - {name: a, node: 2, plugs: [{power: 50kW, kind: dc}]}\n")),
            R"(t.yaml:4:16: plans[0].stations[0].name: expected a unique station name, found "a", also used by stations[0])");
  EXPECT_EQ(error_of(scenario_with("plans", "plans:\n  - name: p\n    stations:\n"
                                            "      - {name: b, node: 2, plugs: [{power: 50kW, kind: dc}]}\n"
                                            "      - {name: b, node: 3, plugs: [{power: 50kW, kind: dc}]}\n")),
            R"(t.yaml:5:16: plans[0].stations[1].name: expected a unique station name, found "b", )"
            R"(also used by plans[0].stations[0])");
}

TEST(StationSourceErrors, PlanWithoutStations) {
  EXPECT_EQ(error_of(scenario_with("plans", "plans:\n  - name: p\n")),
            R"(t.yaml:2:5: plans[0]: expected key "stations" or "station_files", found nothing)");
  EXPECT_EQ(error_of(scenario_with("plans", "plans:\n  - {name: p, station: []}\n")),
            R"(t.yaml:2:15: plans[0].station: expected one of the keys name, stations, station_files, )"
            R"(found unknown key "station")");
  EXPECT_EQ(error_of(scenario_with("plans", "plans: {name: p}\n")),
            R"(t.yaml:1:8: plans: expected a list of plans, found a mapping)");
}

}  // namespace
}  // namespace evsim::scenarios
