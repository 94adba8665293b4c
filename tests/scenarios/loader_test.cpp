// Scenarios that load: the bundled demo, defaults, distribution forms, files and relative paths.
#include "scenarios/loader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "scenarios/scenario_error.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

const PrivateCarDemand& private_demand(const SegmentSpec& segment) { return std::get<PrivateCarDemand>(segment.demand); }

using namespace std::chrono_literals;
using testing::error_of;
using testing::scenario_with;
using testing::scenario_with_segment;

namespace fs = std::filesystem;

const fs::path kDemo = fs::path(EVSIM_SOURCE_DIR) / "scenarios/examples/demo.yaml";
const fs::path kData = fs::path(EVSIM_SOURCE_DIR) / "tests/scenarios/data";

double ms(sim::Duration d) { return static_cast<double>(d.count()); }

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Loader, DemoRunSettingsAndRoad) {
  const Scenario sc = load_scenario_file(kDemo);
  EXPECT_EQ(sc.source_file, kDemo);
  EXPECT_EQ(sc.source_text, read_text(kDemo));
  EXPECT_EQ(sc.run.name, "demo-town");
  EXPECT_EQ(sc.run.seed, 42u);
  EXPECT_EQ(sc.run.horizon, 24h);
  EXPECT_EQ(sc.run.sample_interval, 15min);
  EXPECT_EQ(sc.run.event_list, sim::EventListKind::radix_heap);
  const auto& grid = std::get<GridRoadSpec>(sc.road);
  EXPECT_EQ(grid.rows, 12u);
  EXPECT_EQ(grid.cols, 12u);
  EXPECT_DOUBLE_EQ(grid.spacing_m, 400.0);
  EXPECT_DOUBLE_EQ(grid.speed_kmh, 40.0);
}

TEST(Loader, DemoVehicleTypes) {
  const Scenario sc = load_scenario_file(kDemo);
  ASSERT_EQ(sc.vehicle_types.size(), 2u);
  const VehicleTypeSpec& compact = sc.vehicle_types[0];
  EXPECT_EQ(compact.name, "compact");
  EXPECT_DOUBLE_EQ(compact.battery_kwh, 50.0);
  EXPECT_DOUBLE_EQ(compact.consumption_kwh_per_km, 0.15);
  EXPECT_DOUBLE_EQ(compact.max_ac_power_kw, 7.0);
  EXPECT_DOUBLE_EQ(compact.max_dc_power_kw, 60.0);
  const VehicleTypeSpec& suv = sc.vehicle_types[1];
  EXPECT_EQ(suv.name, "suv");
  EXPECT_DOUBLE_EQ(suv.battery_kwh, 80.0);
  EXPECT_DOUBLE_EQ(suv.consumption_kwh_per_km, 0.2);  // written as 20kWh/100km
  EXPECT_DOUBLE_EQ(suv.max_ac_power_kw, 11.0);
  EXPECT_DOUBLE_EQ(suv.max_dc_power_kw, 120.0);
}

TEST(Loader, DemoStationsKeepTheirMarks) {
  const Scenario sc = load_scenario_file(kDemo);
  ASSERT_EQ(sc.stations.size(), 6u);
  const StationSpec& centre = sc.stations[0];
  EXPECT_EQ(centre.name, "centre");
  EXPECT_EQ(std::get<NodeLocation>(centre.location).id, 78);
  ASSERT_EQ(centre.plugs.size(), 2u);
  EXPECT_EQ(centre.plugs[0].count, 4u);
  EXPECT_DOUBLE_EQ(centre.plugs[0].power_kw, 120.0);
  EXPECT_EQ(centre.plugs[0].kind, PlugKind::dc);
  EXPECT_EQ(centre.plugs[1].kind, PlugKind::ac);
  EXPECT_TRUE(centre.is_public);
  EXPECT_EQ(centre.mark.file, kDemo.string());
  EXPECT_EQ(centre.mark.key_path, "stations[0]");
  EXPECT_GT(centre.mark.line, 1);
  EXPECT_EQ(centre.mark.column, 5);  // "  - name: centre": the mapping starts at its first key
  const StationSpec& retail = sc.stations[5];
  EXPECT_EQ(retail.mark.key_path, "stations[5]");
  EXPECT_DOUBLE_EQ(std::get<XyLocation>(retail.location).x_m, 2100.0);
  EXPECT_DOUBLE_EQ(std::get<XyLocation>(retail.location).y_m, 4400.0);
  std::uint32_t plugs = 0;
  for (const StationSpec& s : sc.stations) {
    for (const PlugSpec& p : s.plugs) plugs += p.count;
  }
  EXPECT_EQ(plugs, 28u);
}

TEST(Loader, DemoFleet) {
  const Scenario sc = load_scenario_file(kDemo);
  ASSERT_EQ(sc.fleet.size(), 3u);
  const SegmentSpec& commuters = sc.fleet[0];
  EXPECT_EQ(commuters.name, "commuters");
  EXPECT_EQ(commuters.vehicle_type, "compact");
  EXPECT_EQ(commuters.count + sc.fleet[1].count, 400u);
  const auto& soc = std::get<UniformDistribution>(commuters.initial_soc);
  EXPECT_DOUBLE_EQ(soc.min, 0.2);
  EXPECT_DOUBLE_EQ(soc.max, 0.7);
  EXPECT_DOUBLE_EQ(commuters.charge_below_soc, 0.3);
  EXPECT_DOUBLE_EQ(commuters.charge_to_soc, 0.8);
  EXPECT_EQ(commuters.patience, 20min);
  const auto& depart = std::get<NormalDistribution>(private_demand(commuters).depart_to_work);
  EXPECT_DOUBLE_EQ(depart.mean, ms(8h));
  EXPECT_DOUBLE_EQ(depart.sd, ms(45min));
  EXPECT_DOUBLE_EQ(depart.min, ms(5h + 30min));
  EXPECT_DOUBLE_EQ(depart.max, ms(10h + 30min));
  EXPECT_EQ(commuters.mark.key_path, "fleet[0]");
  const SegmentSpec& suv = sc.fleet[1];
  const auto& dwell = std::get<NormalDistribution>(private_demand(suv).work_dwell);
  EXPECT_DOUBLE_EQ(dwell.min, ms(2h));  // mean - 4 sd
  EXPECT_DOUBLE_EQ(dwell.max, ms(14h));
  const auto& suv_depart = std::get<UniformDistribution>(private_demand(suv).depart_to_work);
  EXPECT_DOUBLE_EQ(suv_depart.min, ms(7h));
  EXPECT_DOUBLE_EQ(suv_depart.max, ms(9h + 30min));
  EXPECT_DOUBLE_EQ(std::get<NormalDistribution>(suv.initial_soc).mean, 0.4);
}

TEST(Loader, DefaultsApplyWhenKeysAreLeftOut) {
  const Scenario sc = parse_scenario(
      scenario_with("stations", "stations:\n  - {name: a, x: 0, y: 10, plugs: [{power: 11, kind: ac}]}\n"), "t.yaml");
  EXPECT_EQ(sc.source_file, fs::path("t.yaml"));
  EXPECT_EQ(sc.run.seed, 1u);
  EXPECT_EQ(sc.run.sample_interval, 15min);
  EXPECT_EQ(sc.run.event_list, sim::EventListKind::radix_heap);
  EXPECT_TRUE(sc.stations[0].is_public);
  EXPECT_EQ(sc.stations[0].plugs[0].count, 1u);
  EXPECT_DOUBLE_EQ(sc.stations[0].plugs[0].power_kw, 11.0);  // a bare number is in kW
  EXPECT_DOUBLE_EQ(std::get<XyLocation>(sc.stations[0].location).y_m, 10.0);
  const SegmentSpec& seg = sc.fleet[0];
  EXPECT_DOUBLE_EQ(seg.charge_below_soc, 0.3);
  EXPECT_DOUBLE_EQ(seg.charge_to_soc, 0.8);
  EXPECT_EQ(seg.patience, 30min);
  EXPECT_DOUBLE_EQ(std::get<FixedValue>(seg.initial_soc).value, 0.5);
  EXPECT_DOUBLE_EQ(std::get<FixedValue>(private_demand(seg).work_dwell).value, ms(8h));

  const Scenario no_stations = parse_scenario(scenario_with("stations", ""), "t.yaml");
  EXPECT_TRUE(no_stations.stations.empty());
  const Scenario empty_stations = parse_scenario(scenario_with("stations", "stations: []\n"), "t.yaml");
  EXPECT_TRUE(empty_stations.stations.empty());
}

TEST(Loader, OptionalKeysOverrideDefaults) {
  const Scenario sc = parse_scenario(
      scenario_with("name", "name: t\nseed: 18446744073709551615\nsample_interval: 1h\nevent_list: binary_heap\n"),
      "t.yaml");
  EXPECT_EQ(sc.run.seed, 18446744073709551615u);
  EXPECT_EQ(sc.run.sample_interval, 1h);
  EXPECT_EQ(sc.run.event_list, sim::EventListKind::binary_heap);
  const Scenario q = parse_scenario(scenario_with("name", "name: t\nevent_list: quaternary_heap\n"), "t.yaml");
  EXPECT_EQ(q.run.event_list, sim::EventListKind::quaternary_heap);
  const Scenario priv = parse_scenario(
      scenario_with("stations", "stations:\n  - {name: a, node: 0, public: false, plugs: [{power: 1MW, kind: dc}]}\n"),
      "t.yaml");
  EXPECT_FALSE(priv.stations[0].is_public);
  EXPECT_DOUBLE_EQ(priv.stations[0].plugs[0].power_kw, 1000.0);
}

TEST(Loader, AmbientTemperatureChargingAndPlacesDefaults) {
  const Scenario sc = parse_scenario(scenario_with("", ""), "t.yaml");
  EXPECT_DOUBLE_EQ(sc.run.ambient_temperature_c, 20.0);
  EXPECT_DOUBLE_EQ(sc.charging.ac_efficiency, 0.92);
  EXPECT_DOUBLE_EQ(sc.charging.dc_efficiency, 0.95);
  EXPECT_EQ(sc.charging.nearest_stations, 16u);
  EXPECT_DOUBLE_EQ(sc.charging.availability_radius_m, 1000.0);
  EXPECT_FALSE(sc.places.homes.has_value());
  EXPECT_FALSE(sc.places.work.has_value());
  EXPECT_FALSE(sc.places.other.has_value());
  const Scenario empty = parse_scenario(scenario_with("", "charging: {}\nplaces: {}\n"), "t.yaml");
  EXPECT_EQ(empty.charging.nearest_stations, 16u);
  EXPECT_FALSE(empty.places.homes.has_value());
}

TEST(Loader, AmbientTemperatureForms) {
  const auto temperature = [](const std::string& text) {
    return parse_scenario(scenario_with("name", "name: t\nambient_temperature: " + text + "\n"), "t.yaml")
        .run.ambient_temperature_c;
  };
  EXPECT_DOUBLE_EQ(temperature("20C"), 20.0);
  EXPECT_DOUBLE_EQ(temperature("20 °C"), 20.0);
  EXPECT_DOUBLE_EQ(temperature("-5degC"), -5.0);
  EXPECT_DOUBLE_EQ(temperature("-12.5"), -12.5);
  EXPECT_DOUBLE_EQ(temperature("-50"), -50.0);
  EXPECT_DOUBLE_EQ(temperature("60C"), 60.0);
}

TEST(Loader, ChargingSettings) {
  const Scenario sc = parse_scenario(
      scenario_with("", "charging: {ac_efficiency: 90%, dc_efficiency: 1, nearest_stations: 64, "
                        "availability_radius: 1.5km}\n"),
      "t.yaml");
  EXPECT_DOUBLE_EQ(sc.charging.ac_efficiency, 0.9);
  EXPECT_DOUBLE_EQ(sc.charging.dc_efficiency, 1.0);
  EXPECT_EQ(sc.charging.nearest_stations, 64u);
  EXPECT_DOUBLE_EQ(sc.charging.availability_radius_m, 1500.0);
}

TEST(Loader, PlacesFromWeightedPointFiles) {
  const Scenario sc = parse_scenario(scenario_with("", "places:\n"
                                                       "  homes: {file: population.csv, weight: pop}\n"
                                                       "  work: {file: population.csv}\n"
                                                       "  other:\n"
                                                       "    file: road/nodes.csv\n"
                                                       "    weight: visits\n"),
                                     kData / "t.yaml");
  ASSERT_TRUE(sc.places.homes.has_value());
  EXPECT_EQ(sc.places.homes->file, kData / "population.csv");
  EXPECT_EQ(sc.places.homes->weight_column, "pop");
  EXPECT_EQ(sc.places.homes->mark.key_path, "places.homes.file");
  EXPECT_EQ(sc.places.homes->mark.line, 2);
  EXPECT_EQ(sc.places.homes->mark.column, 17);
  ASSERT_TRUE(sc.places.work.has_value());
  EXPECT_EQ(sc.places.work->weight_column, "weight");
  ASSERT_TRUE(sc.places.other.has_value());
  EXPECT_EQ(sc.places.other->file, kData / "road/nodes.csv");
  EXPECT_EQ(sc.places.other->weight_column, "visits");
  EXPECT_EQ(sc.places.other->mark.key_path, "places.other.file");
  EXPECT_EQ(sc.places.other->mark.line, 5);
}

TEST(Loader, DistributionForms) {
  const Scenario sc = parse_scenario(scenario_with_segment("    vehicle_type: car\n"
                                                           "    count: 0\n"
                                                           "    initial_soc: {fixed: 40%}\n"
                                                           "    charge_below_soc: 0\n"
                                                           "    charge_to_soc: 1\n"
                                                           "    patience: 0\n"
                                                           "    depart_to_work: {normal: {mean: '08:00', sd: 0}}\n"
                                                           "    work_dwell: {exponential: {mean: 8h}}\n"),
                                     "t.yaml");
  const SegmentSpec& seg = sc.fleet[0];
  EXPECT_EQ(seg.count, 0u);
  EXPECT_DOUBLE_EQ(std::get<FixedValue>(seg.initial_soc).value, 0.4);
  EXPECT_EQ(seg.patience, 0ms);
  const auto& depart = std::get<NormalDistribution>(private_demand(seg).depart_to_work);
  EXPECT_DOUBLE_EQ(depart.min, ms(8h));
  EXPECT_DOUBLE_EQ(depart.max, ms(8h));
  EXPECT_DOUBLE_EQ(std::get<ExponentialDistribution>(private_demand(seg).work_dwell).mean, ms(8h));
}

TEST(Loader, TimesOfDayMayBeWrittenWithoutQuotes) {
  const Scenario sc = parse_scenario(scenario_with_segment("    vehicle_type: car\n"
                                                           "    count: 1\n"
                                                           "    initial_soc: 50%\n"
                                                           "    depart_to_work: {uniform: [07:00, 09:30:15]}\n"
                                                           "    work_dwell: 8h 30min\n"),
                                     "t.yaml");
  const auto& depart = std::get<UniformDistribution>(private_demand(sc.fleet[0]).depart_to_work);
  EXPECT_DOUBLE_EQ(depart.min, ms(7h));
  EXPECT_DOUBLE_EQ(depart.max, ms(9h + 30min + 15s));
  EXPECT_DOUBLE_EQ(std::get<FixedValue>(private_demand(sc.fleet[0]).work_dwell).value, ms(8h + 30min));
  const Scenario block = parse_scenario(scenario_with_segment("    vehicle_type: car\n"
                                                              "    count: 1\n"
                                                              "    initial_soc: 50%\n"
                                                              "    depart_to_work: 08:15\n"
                                                              "    work_dwell: 8h\n"),
                                        "t.yaml");
  EXPECT_DOUBLE_EQ(std::get<FixedValue>(private_demand(block.fleet[0]).depart_to_work).value, ms(8h + 15min));
}

TEST(Loader, NormalBoundsDefaultToFourSdLimitedToTheKeysRange) {
  const Scenario sc = parse_scenario(scenario_with_segment("    vehicle_type: car\n"
                                                           "    count: 1\n"
                                                           "    initial_soc: {normal: {mean: 0.5, sd: 0.2}}\n"
                                                           "    depart_to_work: {normal: {mean: '22:00', sd: 1h}}\n"
                                                           "    work_dwell: {normal: {mean: 3h, sd: 30min, max: 4h}}\n"),
                                     "t.yaml");
  const SegmentSpec& seg = sc.fleet[0];
  const auto& soc = std::get<NormalDistribution>(seg.initial_soc);
  EXPECT_DOUBLE_EQ(soc.min, 0.0);
  EXPECT_DOUBLE_EQ(soc.max, 1.0);
  const auto& depart = std::get<NormalDistribution>(private_demand(seg).depart_to_work);
  EXPECT_DOUBLE_EQ(depart.min, ms(18h));
  EXPECT_DOUBLE_EQ(depart.max, ms(24h));
  const auto& dwell = std::get<NormalDistribution>(private_demand(seg).work_dwell);
  EXPECT_DOUBLE_EQ(dwell.min, ms(1h));
  EXPECT_DOUBLE_EQ(dwell.max, ms(4h));
}

TEST(Loader, FilesAreNamedAsGivenInMessages) {
  const fs::path file = kData / "unknown_top_level_key.yaml";
  EXPECT_EQ(error_of(read_text(file)),
            R"(t.yaml:3:1: horizn: expected one of the keys name, seed, horizon, sample_interval, event_list, )"
            R"(ambient_temperature, road, vehicle_types, stations, station_files, fleet, plans, coverage, places, )"
            R"(charging, grid, tariffs, sessions, grid_events, found unknown key "horizn")");
  try {
    load_scenario_file(file);
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), file.string());
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 1);
    EXPECT_EQ(e.key_path(), "horizn");
    EXPECT_EQ(e.found(), R"(unknown key "horizn")");
    EXPECT_EQ(std::string(e.what()).rfind(file.string() + ":3:1: horizn: expected one of the keys", 0), 0u);
  }
}

TEST(Loader, RelativePathsResolveFromTheScenarioFolder) {
  EXPECT_EQ(resolve_relative("dir/sub/town.yaml", "maps/town.osm.pbf"), fs::path("dir/sub/maps/town.osm.pbf"));
  EXPECT_EQ(resolve_relative("town.yaml", "maps/town.osm.pbf"), fs::path("maps/town.osm.pbf"));
  EXPECT_EQ(resolve_relative("dir/town.yaml", "../shared/x.csv"), fs::path("dir/../shared/x.csv"));
  EXPECT_EQ(resolve_relative("dir/town.yaml", "/data/x.csv"), fs::path("/data/x.csv"));
  const fs::path beside = resolve_relative(kData / "unknown_top_level_key.yaml", "bad_syntax.yaml");
  EXPECT_TRUE(fs::exists(beside)) << beside;
}

}  // namespace
}  // namespace evsim::scenarios
