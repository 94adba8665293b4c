// Fleet segments of each kind (private, ride_hailing, logistics, trip_file): the values read and
// the defaults filled, including the charging thresholds taken from the vehicle type.
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using namespace std::chrono_literals;
using testing::scenario_with;
using testing::scenario_with_segment;

namespace fs = std::filesystem;

const fs::path kData = fs::path(EVSIM_SOURCE_DIR) / "tests/scenarios/data";

double ms(sim::Duration d) { return static_cast<double>(d.count()); }

SegmentSpec parse_segment(const std::string& lines, const fs::path& file = "t.yaml") {
  return parse_scenario(scenario_with_segment(lines), file).fleet.at(0);
}

double fixed(const DistributionSpec& d) { return std::get<FixedValue>(d).value; }

TEST(FleetSegments, PrivateDefaults) {
  const SegmentSpec s = parse_segment("    vehicle_type: car\n    count: 5\n    depart_to_work: '08:00'\n    work_dwell: 8h\n");
  EXPECT_EQ(s.count, 5u);
  EXPECT_DOUBLE_EQ(fixed(s.initial_soc), 0.8);
  EXPECT_DOUBLE_EQ(s.charge_below_soc, 0.3);  // the vehicle type's defaults
  EXPECT_DOUBLE_EQ(s.charge_to_soc, 0.8);
  EXPECT_DOUBLE_EQ(s.reserve_soc, 0.05);
  EXPECT_EQ(s.patience, 30min);
  EXPECT_EQ(s.max_station_tries, 3u);
  EXPECT_FALSE(s.dc_only);
  EXPECT_DOUBLE_EQ(s.value_of_time_per_h, 30.0);
  EXPECT_FALSE(s.opportunistic.has_value());
  EXPECT_EQ(s.mark.key_path, "fleet[0]");
  ASSERT_TRUE(std::holds_alternative<PrivateCarDemand>(s.demand));
  const auto& d = std::get<PrivateCarDemand>(s.demand);
  EXPECT_DOUBLE_EQ(fixed(d.depart_to_work), ms(8h));
  EXPECT_DOUBLE_EQ(fixed(d.work_dwell), ms(8h));
  EXPECT_DOUBLE_EQ(d.errand_probability, 0.0);
  EXPECT_DOUBLE_EQ(fixed(d.errand_dwell), ms(1h));
  EXPECT_DOUBLE_EQ(d.home_charger_share, 0.0);
  EXPECT_DOUBLE_EQ(d.home_charger_power_kw, 7.0);
}

TEST(FleetSegments, PrivateWithEveryKey) {
  const SegmentSpec s = parse_segment(
      "    kind: private\n"
      "    vehicle_type: car\n"
      "    count: 5\n"
      "    initial_soc: {uniform: [40%, 90%]}\n"
      "    charge_below_soc: 25%\n"
      "    charge_to_soc: 85%\n"
      "    reserve_soc: 10%\n"
      "    patience: 10min\n"
      "    max_station_tries: 5\n"
      "    dc_only: true\n"
      "    value_of_time: 45 CNY/h\n"
      "    opportunistic: {min_stay: 1h, below_soc: 60%, walk: 300m}\n"
      "    depart_to_work: {normal: {mean: '08:00', sd: 30min}}\n"
      "    work_dwell: 9h\n"
      "    errand_probability: 25%\n"
      "    errand_dwell: {uniform: [10min, 1h]}\n"
      "    home_charger_share: 60%\n"
      "    home_charger_power: 11kW\n");
  EXPECT_DOUBLE_EQ(std::get<UniformDistribution>(s.initial_soc).max, 0.9);
  EXPECT_DOUBLE_EQ(s.charge_below_soc, 0.25);
  EXPECT_DOUBLE_EQ(s.charge_to_soc, 0.85);
  EXPECT_DOUBLE_EQ(s.reserve_soc, 0.1);
  EXPECT_EQ(s.patience, 10min);
  EXPECT_EQ(s.max_station_tries, 5u);
  EXPECT_TRUE(s.dc_only);
  EXPECT_DOUBLE_EQ(s.value_of_time_per_h, 45.0);
  ASSERT_TRUE(s.opportunistic.has_value());
  EXPECT_EQ(s.opportunistic->min_stay, 1h);
  EXPECT_DOUBLE_EQ(s.opportunistic->below_soc, 0.6);
  EXPECT_DOUBLE_EQ(s.opportunistic->walk_m, 300.0);
  const auto& d = std::get<PrivateCarDemand>(s.demand);
  EXPECT_DOUBLE_EQ(std::get<NormalDistribution>(d.depart_to_work).sd, ms(30min));
  EXPECT_DOUBLE_EQ(d.errand_probability, 0.25);
  EXPECT_DOUBLE_EQ(std::get<UniformDistribution>(d.errand_dwell).min, ms(10min));
  EXPECT_DOUBLE_EQ(d.home_charger_share, 0.6);
  EXPECT_DOUBLE_EQ(d.home_charger_power_kw, 11.0);
}

TEST(FleetSegments, OpportunisticWalkDefaultsTo500m) {
  const SegmentSpec s = parse_segment("    vehicle_type: car\n    count: 1\n    opportunistic: {min_stay: 30min, below_soc: 0.5}\n"
                                      "    depart_to_work: '08:00'\n    work_dwell: 8h\n");
  ASSERT_TRUE(s.opportunistic.has_value());
  EXPECT_EQ(s.opportunistic->min_stay, 30min);
  EXPECT_DOUBLE_EQ(s.opportunistic->walk_m, 500.0);
}

TEST(FleetSegments, ThresholdsDefaultToTheVehicleTypes) {
  const std::string types =
      "vehicle_types:\n"
      "  - {name: car, battery: 50kWh, consumption: 0.2, max_ac_power: 11kW, charge_below_soc: 20%, charge_to_soc: 90%}\n";
  const std::string fleet =
      "fleet:\n"
      "  - {name: a, vehicle_type: car, count: 1, depart_to_work: '08:00', work_dwell: 8h}\n"
      "  - {name: b, vehicle_type: car, count: 1, depart_to_work: '08:00', work_dwell: 8h, charge_to_soc: 70%}\n"
      "  - {name: c, vehicle_type: car, count: 1, depart_to_work: '08:00', work_dwell: 8h, charge_below_soc: 0.5}\n";
  const Scenario sc = parse_scenario(
      "name: t\nhorizon: 1d\nroad:\n  grid: {rows: 4, cols: 4, spacing: 100m, speed: 30km/h}\n" + types + fleet, "t.yaml");
  ASSERT_EQ(sc.fleet.size(), 3u);
  EXPECT_DOUBLE_EQ(sc.fleet[0].charge_below_soc, 0.2);
  EXPECT_DOUBLE_EQ(sc.fleet[0].charge_to_soc, 0.9);
  EXPECT_DOUBLE_EQ(sc.fleet[1].charge_below_soc, 0.2);
  EXPECT_DOUBLE_EQ(sc.fleet[1].charge_to_soc, 0.7);
  EXPECT_DOUBLE_EQ(sc.fleet[2].charge_below_soc, 0.5);
  EXPECT_DOUBLE_EQ(sc.fleet[2].charge_to_soc, 0.9);
}

TEST(FleetSegments, RideHailing) {
  const SegmentSpec s = parse_segment(
      "    kind: ride_hailing\n"
      "    vehicle_type: car\n"
      "    count: 50\n"
      "    shift_start: {normal: {mean: '07:00', sd: 1h}}\n"
      "    shift_length: 10h\n"
      "    idle_between_trips: {exponential: {mean: 12min}}\n"
      "    home_charger_share: 20%\n");
  EXPECT_EQ(s.count, 50u);
  EXPECT_TRUE(s.dc_only);  // the default for ride-hailing
  ASSERT_TRUE(std::holds_alternative<RideHailingDemand>(s.demand));
  const auto& d = std::get<RideHailingDemand>(s.demand);
  EXPECT_DOUBLE_EQ(std::get<NormalDistribution>(d.shift_start).mean, ms(7h));
  EXPECT_DOUBLE_EQ(fixed(d.shift_length), ms(10h));
  EXPECT_DOUBLE_EQ(std::get<ExponentialDistribution>(d.idle_between_trips).mean, ms(12min));
  EXPECT_DOUBLE_EQ(d.home_charger_share, 0.2);
  EXPECT_DOUBLE_EQ(d.home_charger_power_kw, 7.0);
  const SegmentSpec ac = parse_segment(
      "    kind: ride_hailing\n    vehicle_type: car\n    count: 1\n    dc_only: false\n"
      "    shift_start: '07:00'\n    shift_length: 10h\n    idle_between_trips: 5min\n");
  EXPECT_FALSE(ac.dc_only);
}

TEST(FleetSegments, Logistics) {
  const SegmentSpec s = parse_segment(
      "    kind: logistics\n"
      "    vehicle_type: car\n"
      "    count: 8\n"
      "    depot: {node: 7}\n"
      "    depot_power: 50kW\n"
      "    depart: {uniform: ['06:00', '07:00']}\n"
      "    stops: 20\n"
      "    stop_dwell: 5min\n");
  EXPECT_FALSE(s.dc_only);
  ASSERT_TRUE(std::holds_alternative<LogisticsDemand>(s.demand));
  const auto& d = std::get<LogisticsDemand>(s.demand);
  EXPECT_EQ(std::get<NodeLocation>(d.depot).id, 7);
  EXPECT_EQ(d.depot_mark.key_path, "fleet[0].depot");
  EXPECT_EQ(d.depot_mark.line, 6);
  EXPECT_EQ(d.depot_mark.column, 12);
  EXPECT_DOUBLE_EQ(d.depot_power_kw, 50.0);
  EXPECT_DOUBLE_EQ(std::get<UniformDistribution>(d.depart).min, ms(6h));
  EXPECT_EQ(d.stops, 20u);
  EXPECT_DOUBLE_EQ(fixed(d.stop_dwell), ms(5min));
}

TEST(FleetSegments, LogisticsDefaultsAndDepotForms) {
  const SegmentSpec lonlat = parse_segment("    kind: logistics\n    vehicle_type: car\n    count: 8\n"
                                           "    depot: {lon: 121.47, lat: 31.23}\n");
  const auto& d = std::get<LogisticsDemand>(lonlat.demand);
  EXPECT_DOUBLE_EQ(std::get<LonLatLocation>(d.depot).lat, 31.23);
  EXPECT_DOUBLE_EQ(d.depot_power_kw, 22.0);
  EXPECT_DOUBLE_EQ(fixed(d.depart), ms(8h));
  EXPECT_EQ(d.stops, 10u);
  EXPECT_DOUBLE_EQ(fixed(d.stop_dwell), ms(10min));
  const SegmentSpec xy = parse_segment("    kind: logistics\n    vehicle_type: car\n    count: 8\n"
                                       "    depot: {x: 1.2km, y: 300m}\n");
  EXPECT_DOUBLE_EQ(std::get<XyLocation>(std::get<LogisticsDemand>(xy.demand).depot).x_m, 1200.0);
}

TEST(FleetSegments, TripFile) {
  const SegmentSpec s = parse_segment("    kind: trip_file\n    vehicle_type: car\n    file: trips.csv\n", kData / "t.yaml");
  EXPECT_EQ(s.count, 0u);  // set when the file is read
  ASSERT_TRUE(std::holds_alternative<TripFileDemand>(s.demand));
  const auto& d = std::get<TripFileDemand>(s.demand);
  EXPECT_EQ(d.file, kData / "trips.csv");
  EXPECT_EQ(d.mark.key_path, "fleet[0].file");
  EXPECT_EQ(d.mark.line, 5);
  EXPECT_EQ(d.mark.column, 11);
  EXPECT_FALSE(s.dc_only);
}

TEST(FleetSegments, KindsMixInOneFleet) {
  const Scenario sc = parse_scenario(
      scenario_with("fleet",
                    "fleet:\n"
                    "  - {name: commuters, vehicle_type: car, count: 100, depart_to_work: '08:00', work_dwell: 9h}\n"
                    "  - {name: taxis, kind: ride_hailing, vehicle_type: car, count: 20, shift_start: '06:00',\n"
                    "     shift_length: 10h, idle_between_trips: 10min}\n"
                    "  - {name: vans, kind: logistics, vehicle_type: car, count: 5, depot: {node: 3}}\n"
                    "  - {name: replay, kind: trip_file, vehicle_type: car, file: trips.csv}\n"),
      kData / "t.yaml");
  ASSERT_EQ(sc.fleet.size(), 4u);
  EXPECT_TRUE(std::holds_alternative<PrivateCarDemand>(sc.fleet[0].demand));
  EXPECT_TRUE(std::holds_alternative<RideHailingDemand>(sc.fleet[1].demand));
  EXPECT_TRUE(std::holds_alternative<LogisticsDemand>(sc.fleet[2].demand));
  EXPECT_TRUE(std::holds_alternative<TripFileDemand>(sc.fleet[3].demand));
  EXPECT_EQ(sc.fleet[3].mark.key_path, "fleet[3]");
}

}  // namespace
}  // namespace evsim::scenarios
