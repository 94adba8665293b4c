// Bad fleet segments: kinds and the keys of each kind, thresholds against the vehicle type,
// trip files, depots and the common keys, each with its exact message.
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with_segment;

namespace fs = std::filesystem;

const fs::path kData = fs::path(EVSIM_SOURCE_DIR) / "tests/scenarios/data";

// Lines 3 and 4 of a segment, and the keys a private segment needs after them.
constexpr const char* kHead = "    vehicle_type: car\n    count: 1\n";
constexpr const char* kPrivateTrip = "    depart_to_work: '08:00'\n    work_dwell: 8h\n";

// A private segment with `lines` from line 5.
std::string private_with(const std::string& lines) {
  return error_of(scenario_with_segment(kHead + lines + kPrivateTrip));
}

// A segment of `kind` (line 3) with `lines` from line 4.
std::string kind_with(const std::string& kind, const std::string& lines) {
  return error_of(scenario_with_segment("    kind: " + kind + "\n" + lines), kData / "t.yaml");
}

const std::string kAt = (kData / "t.yaml").string();

TEST(FleetSegmentErrors, UnknownKind) {
  EXPECT_EQ(kind_with("taxi", kHead),
            kAt + R"(:3:11: fleet[0].kind: expected one of private, ride_hailing, logistics, trip_file, found "taxi")");
}

TEST(FleetSegmentErrors, KeyOfAnotherKindNamesItsKind) {
  EXPECT_EQ(private_with("    shift_start: '07:00'\n"),
            R"(t.yaml:5:5: fleet[0].shift_start: expected a key of a private segment (depart_to_work, work_dwell, )"
            R"(errand_probability, errand_dwell, home_charger_share, home_charger_power), found "shift_start" )"
            R"((a key of ride_hailing segments))");
  EXPECT_EQ(kind_with("logistics", std::string(kHead) + "    home_charger_share: 50%\n"),
            kAt + R"(:6:5: fleet[0].home_charger_share: expected a key of a logistics segment (depot, depot_power, )"
                  R"(depart, stops, stop_dwell), found "home_charger_share" (a key of private and ride_hailing segments))");
  EXPECT_EQ(kind_with("trip_file", "    vehicle_type: car\n    file: trips.csv\n    work_dwell: 8h\n"),
            kAt + R"(:6:5: fleet[0].work_dwell: expected a key of a trip_file segment (file, crs), found "work_dwell" )"
                  R"((a key of private segments))");
  EXPECT_EQ(kind_with("ride_hailing", std::string(kHead) + "    file: trips.csv\n"),
            kAt + R"(:6:5: fleet[0].file: expected a key of a ride_hailing segment (shift_start, shift_length, )"
                  R"(idle_between_trips, home_charger_share, home_charger_power), found "file" (a key of trip_file segments))");
}

TEST(FleetSegmentErrors, UnknownKeyListsTheKeysOfTheKind) {
  EXPECT_EQ(kind_with("ride_hailing", std::string(kHead) + "    colour: red\n"),
            kAt + R"(:6:5: fleet[0].colour: expected one of the keys name, kind, vehicle_type, count, initial_soc, )"
                  R"(charge_below_soc, charge_to_soc, reserve_soc, patience, max_station_tries, dc_only, value_of_time, )"
                  R"(opportunistic, tariff, smart_charging, shift_start, shift_length, idle_between_trips, home_charger_share, home_charger_power, )"
                  R"(found unknown key "colour")");
}

TEST(FleetSegmentErrors, RequiredKeysOfEachKind) {
  EXPECT_EQ(private_with("    count: 2\n"), R"(t.yaml:5:5: fleet[0].count: expected each key once, found "count" a second time)");
  EXPECT_EQ(error_of(scenario_with_segment("    vehicle_type: car\n" + std::string(kPrivateTrip))),
            R"(t.yaml:2:5: fleet[0]: expected key "count", found nothing)");
  EXPECT_EQ(kind_with("ride_hailing", std::string(kHead) + "    shift_start: '07:00'\n    idle_between_trips: 5min\n"),
            kAt + R"(:2:5: fleet[0]: expected key "shift_length", found nothing)");
  EXPECT_EQ(kind_with("logistics", kHead), kAt + R"(:2:5: fleet[0]: expected key "depot", found nothing)");
  EXPECT_EQ(kind_with("trip_file", "    vehicle_type: car\n"), kAt + R"(:2:5: fleet[0]: expected key "file", found nothing)");
}

TEST(FleetSegmentErrors, TripFile) {
  EXPECT_EQ(kind_with("trip_file", "    vehicle_type: car\n    count: 10\n    file: trips.csv\n"),
            kAt + R"(:5:12: fleet[0].count: expected no count in a trip_file segment (its vehicles are the ones its )"
                  R"(file names), found "10")");
  EXPECT_EQ(kind_with("trip_file", "    vehicle_type: car\n    file: recorded.csv\n"),
            kAt + R"(:5:11: fleet[0].file: expected an existing file, found no such file ")" +
                (kData / "recorded.csv").string() + "\"");
}

TEST(FleetSegmentErrors, Depot) {
  EXPECT_EQ(kind_with("logistics", std::string(kHead) + "    depot: 5\n"),
            kAt + R"(:6:12: fleet[0].depot: expected a depot mapping with node, x and y, or lon and lat, found "5")");
  EXPECT_EQ(kind_with("logistics", std::string(kHead) + "    depot: {node: 5, lon: 121.4}\n"),
            kAt + R"(:6:12: fleet[0].depot: expected either key "node", keys "x" and "y" or keys "lon" and "lat", )"
                  R"(found both "node" and "lon")");
  EXPECT_EQ(kind_with("logistics", std::string(kHead) + "    depot: {name: d, node: 5}\n"),
            kAt + R"(:6:13: fleet[0].depot.name: expected one of the keys node, x, y, lon, lat, crs, found unknown key "name")");
  EXPECT_EQ(kind_with("logistics", std::string(kHead) + "    depot: {node: 5}\n    stops: 0\n"),
            kAt + R"(:7:12: fleet[0].stops: expected a positive integer, found "0")");
  EXPECT_EQ(kind_with("logistics", std::string(kHead) + "    depot: {node: 5}\n    depot_power: 0kW\n"),
            kAt + R"(:7:18: fleet[0].depot_power: expected a charging power from 0.5 to 5000 kW (evsim's plausibility limit), found "0kW")");
  EXPECT_EQ(kind_with("logistics", std::string(kHead) + "    depot: {node: 5}\n    depart: 25:00\n"),
            kAt + R"(:7:13: fleet[0].depart: expected a time of day from 00:00 to 24:00 ("HH:MM", "HH:MM:SS" or a )"
                  R"(duration such as "8h"), found "25:00")");
}

TEST(FleetSegmentErrors, ThresholdsAgainstTheVehicleType) {
  const auto with_type = [](const std::string& segment_keys) {
    return error_of(
        "name: t\nhorizon: 1d\nroad:\n  grid: {rows: 4, cols: 4, spacing: 100m, speed: 30km/h}\n"
        "vehicle_types:\n"
        "  - {name: car, battery: 50kWh, consumption: 0.2, max_ac_power: 11kW, charge_below_soc: 20%, charge_to_soc: 90%}\n"
        "fleet:\n"
        "  - {name: s, vehicle_type: car, count: 1, depart_to_work: '08:00', work_dwell: 8h, " + segment_keys + "}\n");
  };
  EXPECT_EQ(with_type("charge_below_soc: 95%"),
            R"(t.yaml:8:103: fleet[0].charge_below_soc: expected a fraction below charge_to_soc (0.9), found "95%")");
  EXPECT_EQ(with_type("charge_to_soc: 15%"),
            R"(t.yaml:8:100: fleet[0].charge_to_soc: expected a fraction above charge_below_soc (0.2), found "15%")");
  EXPECT_EQ(with_type("reserve_soc: 20%"),
            R"(t.yaml:8:98: fleet[0].reserve_soc: expected a fraction below charge_below_soc (0.2), found "20%")");
}

TEST(FleetSegmentErrors, ReserveSocBelowChargeBelowSoc) {
  EXPECT_EQ(private_with("    reserve_soc: 30%\n"),
            R"(t.yaml:5:18: fleet[0].reserve_soc: expected a fraction below charge_below_soc (0.3), found "30%")");
  EXPECT_EQ(private_with("    charge_below_soc: 10%\n    reserve_soc: 0.1\n"),
            R"(t.yaml:6:18: fleet[0].reserve_soc: expected a fraction below charge_below_soc (0.1), found "0.1")");
  EXPECT_EQ(private_with("    reserve_soc: -5%\n"),
            R"(t.yaml:5:18: fleet[0].reserve_soc: expected a fraction from 0 to 1 (or 0% to 100%), found "-5%")");
}

TEST(FleetSegmentErrors, CommonKeys) {
  EXPECT_EQ(private_with("    max_station_tries: 0\n"),
            R"(t.yaml:5:24: fleet[0].max_station_tries: expected a positive integer, found "0")");
  EXPECT_EQ(private_with("    dc_only: yes\n"), R"(t.yaml:5:14: fleet[0].dc_only: expected true or false, found "yes")");
  EXPECT_EQ(private_with("    value_of_time: -1\n"),
            R"(t.yaml:5:20: fleet[0].value_of_time: expected a value of time > 0, found "-1")");
  // Station choice divides price by the value of time: 0 would price every station out.
  EXPECT_EQ(private_with("    value_of_time: 0/h\n"),
            R"(t.yaml:5:20: fleet[0].value_of_time: expected a value of time > 0, found "0/h")");
  EXPECT_EQ(private_with("    value_of_time: 0.5/min\n"),
            R"(t.yaml:5:20: fleet[0].value_of_time: expected a value of time (units /h, CNY/h, yuan/h), )"
            R"(found unknown unit "/min" in "0.5/min")");
  EXPECT_EQ(private_with("    initial_soc: 120%\n"),
            R"(t.yaml:5:18: fleet[0].initial_soc: expected a fraction from 0 to 1 (or 0% to 100%), found "120%")");
}

TEST(FleetSegmentErrors, Opportunistic) {
  EXPECT_EQ(private_with("    opportunistic: {min_stay: 1h}\n"),
            R"(t.yaml:5:20: fleet[0].opportunistic: expected key "below_soc", found nothing)");
  EXPECT_EQ(private_with("    opportunistic: {min_stay: 0, below_soc: 50%}\n"),
            R"(t.yaml:5:31: fleet[0].opportunistic.min_stay: expected a duration > 0, found "0")");
  EXPECT_EQ(private_with("    opportunistic: {min_stay: 1h, below_soc: 50%, walk: 0m}\n"),
            R"(t.yaml:5:57: fleet[0].opportunistic.walk: expected a length > 0, found "0m")");
  EXPECT_EQ(private_with("    opportunistic: {min_stay: 1h, below: 50%}\n"),
            R"(t.yaml:5:35: fleet[0].opportunistic.below: expected one of the keys min_stay, below_soc, walk, )"
            R"(found unknown key "below")");
  EXPECT_EQ(private_with("    opportunistic: true\n"),
            R"(t.yaml:5:20: fleet[0].opportunistic: expected an opportunistic mapping {min_stay, below_soc, walk}, )"
            R"(found "true")");
}

TEST(FleetSegmentErrors, PrivateAndRideHailingKeys) {
  EXPECT_EQ(private_with("    errand_probability: 1.5\n"),
            R"(t.yaml:5:25: fleet[0].errand_probability: expected a fraction from 0 to 1 (or 0% to 100%), found "1.5")");
  EXPECT_EQ(private_with("    errand_dwell: -10min\n"),
            R"(t.yaml:5:19: fleet[0].errand_dwell: expected a duration >= 0, found "-10min")");
  EXPECT_EQ(private_with("    home_charger_power: 0\n"),
            R"(t.yaml:5:25: fleet[0].home_charger_power: expected a charging power from 0.5 to 5000 kW (evsim's plausibility limit), found "0")");
  EXPECT_EQ(kind_with("ride_hailing", std::string(kHead) + "    shift_start: {exponential: {mean: 8h}}\n"),
            kAt + R"(:6:32: fleet[0].shift_start.exponential: expected a distribution that stays from 00:00 to 24:00 )"
                  R"((fixed, uniform or normal), found exponential)");
}

}  // namespace
}  // namespace evsim::scenarios
