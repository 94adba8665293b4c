// Vehicle types: charging curves (knee or points), connectors, driving-energy factors and the
// charging thresholds, with their defaults and each error's exact message.
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with;

// A scenario whose only vehicle type "car" (AC 11 kW, DC 50 kW) is written on lines 2 to 6, its
// mapping at 2:5, followed by `lines` from line 7, indented by 4 spaces.
std::string type_with(const std::string& lines, const std::string& powers = "    max_ac_power: 11kW\n    max_dc_power: 50kW\n") {
  return scenario_with("vehicle_types",
                       "vehicle_types:\n  - name: car\n    battery: 50kWh\n    consumption: 0.2kWh/km\n" + powers + lines);
}

VehicleTypeSpec parse_type(const std::string& lines,
                           const std::string& powers = "    max_ac_power: 11kW\n    max_dc_power: 50kW\n") {
  return parse_scenario(type_with(lines, powers), "t.yaml").vehicle_types.at(0);
}

void expect_curve(const std::vector<CurvePointSpec>& curve, const std::vector<CurvePointSpec>& expected) {
  ASSERT_EQ(curve.size(), expected.size());
  for (std::size_t i = 0; i < curve.size(); ++i) {
    EXPECT_DOUBLE_EQ(curve[i].soc, expected[i].soc) << "point " << i;
    EXPECT_DOUBLE_EQ(curve[i].power_kw, expected[i].power_kw) << "point " << i;
  }
}

TEST(VehicleTypes, Defaults) {
  const VehicleTypeSpec t = parse_type("");
  // The default knee at the larger of the AC and DC limits: full power to 80%, 20% of it at 100%.
  expect_curve(t.charging_curve, {{0.0, 50.0}, {0.8, 50.0}, {1.0, 10.0}});
  EXPECT_EQ(t.connectors, (std::vector<std::string>{"gbt_ac", "gbt_dc"}));
  EXPECT_DOUBLE_EQ(t.aero_share, 0.0);
  EXPECT_DOUBLE_EQ(t.reference_speed_kmh, 50.0);
  EXPECT_DOUBLE_EQ(t.cold_increase_per_degc, 0.015);
  EXPECT_DOUBLE_EQ(t.heat_increase_per_degc, 0.005);
  EXPECT_DOUBLE_EQ(t.charge_below_soc, 0.3);
  EXPECT_DOUBLE_EQ(t.charge_to_soc, 0.8);
  EXPECT_EQ(t.mark.key_path, "vehicle_types[0]");
  EXPECT_EQ(t.mark.line, 2);
  EXPECT_EQ(t.mark.column, 5);
}

TEST(VehicleTypes, DefaultConnectorsFollowTheKindsOfCurrentTheTypeAccepts) {
  const VehicleTypeSpec ac = parse_type("", "    max_ac_power: 7kW\n");
  EXPECT_EQ(ac.connectors, std::vector<std::string>{"gbt_ac"});
  expect_curve(ac.charging_curve, {{0.0, 7.0}, {0.8, 7.0}, {1.0, 1.4}});
  const VehicleTypeSpec dc = parse_type("", "    max_dc_power: 90kW\n    max_ac_power: 0\n");
  EXPECT_EQ(dc.connectors, std::vector<std::string>{"gbt_dc"});
}

TEST(VehicleTypes, KneeCurve) {
  expect_curve(parse_type("    charging_curve: {knee: 70%, power_at_full: 0.1}\n").charging_curve,
               {{0.0, 50.0}, {0.7, 50.0}, {1.0, 5.0}});
  expect_curve(parse_type("    charging_curve: {knee: 90%}\n").charging_curve, {{0.0, 50.0}, {0.9, 50.0}, {1.0, 10.0}});
  expect_curve(parse_type("    charging_curve: {power_at_full: 0%}\n").charging_curve,
               {{0.0, 50.0}, {0.8, 50.0}, {1.0, 0.0}});
  expect_curve(parse_type("    charging_curve: {}\n").charging_curve, {{0.0, 50.0}, {0.8, 50.0}, {1.0, 10.0}});
}

TEST(VehicleTypes, CurveOfPointsInKilowattsOrPercentOfTheLargerLimit) {
  const VehicleTypeSpec t = parse_type("    charging_curve: [[0, 40kW], [0.5, 100%], [80%, 0.03MW], [1, 10%]]\n");
  expect_curve(t.charging_curve, {{0.0, 40.0}, {0.5, 50.0}, {0.8, 30.0}, {1.0, 5.0}});
  const VehicleTypeSpec block = parse_type("    charging_curve:\n      - [0, 7]\n      - [1, 7kW]\n", "    max_ac_power: 7kW\n");
  expect_curve(block.charging_curve, {{0.0, 7.0}, {1.0, 7.0}});
}

TEST(VehicleTypes, ConnectorsFactorsAndThresholds) {
  const VehicleTypeSpec t = parse_type(
      "    connectors: [ccs2, gbt_dc, type_2]\n"
      "    aero_share: 35%\n"
      "    reference_speed: 60km/h\n"
      "    cold_increase_per_degc: 1.5%\n"
      "    heat_increase_per_degc: 0.008\n"
      "    charge_below_soc: 20%\n"
      "    charge_to_soc: 0.9\n");
  EXPECT_EQ(t.connectors, (std::vector<std::string>{"ccs2", "gbt_dc", "type_2"}));
  EXPECT_DOUBLE_EQ(t.aero_share, 0.35);
  EXPECT_DOUBLE_EQ(t.reference_speed_kmh, 60.0);
  EXPECT_DOUBLE_EQ(t.cold_increase_per_degc, 0.015);
  EXPECT_DOUBLE_EQ(t.heat_increase_per_degc, 0.008);
  EXPECT_DOUBLE_EQ(t.charge_below_soc, 0.2);
  EXPECT_DOUBLE_EQ(t.charge_to_soc, 0.9);
}

TEST(VehicleTypeErrors, KneeCurve) {
  EXPECT_EQ(error_of(type_with("    charging_curve: {knee: 100%}\n")),
            R"(t.yaml:7:28: vehicle_types[0].charging_curve.knee: expected a fraction > 0 and < 1, found "100%")");
  EXPECT_EQ(error_of(type_with("    charging_curve: {knee: 0}\n")),
            R"(t.yaml:7:28: vehicle_types[0].charging_curve.knee: expected a fraction > 0 and < 1, found "0")");
  EXPECT_EQ(error_of(type_with("    charging_curve: {power_at_full: 120%}\n")),
            R"(t.yaml:7:37: vehicle_types[0].charging_curve.power_at_full: expected a fraction from 0 to 1 )"
            R"((or 0% to 100%), found "120%")");
  EXPECT_EQ(error_of(type_with("    charging_curve: {knee: 80%, at_full: 20%}\n")),
            R"(t.yaml:7:33: vehicle_types[0].charging_curve.at_full: expected one of the keys knee, power_at_full, )"
            R"(found unknown key "at_full")");
  EXPECT_EQ(error_of(type_with("    charging_curve: fast\n")),
            R"(t.yaml:7:21: vehicle_types[0].charging_curve: expected a knee mapping {knee, power_at_full} )"
            R"(or a list of [soc, power] pairs, found "fast")");
}

TEST(VehicleTypeErrors, CurvePointsNamePairAndValue) {
  const auto curve = [](const std::string& points) { return error_of(type_with("    charging_curve: " + points + "\n")); };
  EXPECT_EQ(curve("[[0, 50kW]]"),
            R"(t.yaml:7:21: vehicle_types[0].charging_curve: expected a list of at least two [soc, power] pairs, )"
            R"(found a list of 1 pair)");
  EXPECT_EQ(curve("[[0, 50kW, 1], [1, 5kW]]"),
            R"(t.yaml:7:22: vehicle_types[0].charging_curve[0]: expected a pair [soc, power], found a list of 3 values)");
  EXPECT_EQ(curve("[{soc: 0, power: 50kW}, [1, 5kW]]"),
            R"(t.yaml:7:22: vehicle_types[0].charging_curve[0]: expected a pair [soc, power], found a mapping)");
  EXPECT_EQ(curve("[[0.1, 50kW], [1, 5kW]]"),
            R"(t.yaml:7:23: vehicle_types[0].charging_curve[0][0]: expected a state of charge of 0 )"
            R"((the curve starts at empty), found "0.1")");
  EXPECT_EQ(curve("[[0, 50kW], [0.8, 50kW], [80%, 10kW], [1, 5kW]]"),
            R"(t.yaml:7:47: vehicle_types[0].charging_curve[2][0]: expected a state of charge above the previous )"
            R"(pair's (0.8), found "80%")");
  EXPECT_EQ(curve("[[0, 50kW], [0.9, 10kW]]"),
            R"(t.yaml:7:34: vehicle_types[0].charging_curve[1][0]: expected a state of charge of 1 )"
            R"((the curve ends at full), found "0.9")");
  EXPECT_EQ(curve("[[0, 50kW], [1.5, 10kW]]"),
            R"(t.yaml:7:34: vehicle_types[0].charging_curve[1][0]: expected a fraction from 0 to 1 (or 0% to 100%), )"
            R"(found "1.5")");
  constexpr const char* kPower =
      "expected a power >= 0 (units kW, MW, W) or a percentage of the larger of max_ac_power and max_dc_power, found ";
  EXPECT_EQ(curve("[[0, -5kW], [1, 5kW]]"),
            std::string(R"(t.yaml:7:26: vehicle_types[0].charging_curve[0][1]: )") + kPower + R"("-5kW")");
  EXPECT_EQ(curve("[[0, 50kWh], [1, 5kW]]"),
            std::string(R"(t.yaml:7:26: vehicle_types[0].charging_curve[0][1]: )") + kPower +
                R"(unknown unit "kWh" in "50kWh")");
  EXPECT_EQ(curve("[[0, 150%], [1, 5kW]]"),
            std::string(R"(t.yaml:7:26: vehicle_types[0].charging_curve[0][1]: )") + kPower + R"("150%")");
  EXPECT_EQ(curve("[[0, [50kW]], [1, 5kW]]"),
            std::string(R"(t.yaml:7:26: vehicle_types[0].charging_curve[0][1]: )") + kPower + "a list");
}

// A connectors list "[c<from>, ..., c<to - 1>]".
std::string connector_list(int from, int to) {
  std::string list;
  for (int i = from; i < to; ++i) {
    list += i == from ? "[c" : ", c";
    list += std::to_string(i);
  }
  list += "]";
  return list;
}

TEST(VehicleTypeErrors, AtMost64ConnectorNamesOverAllTypes) {
  // 40 names on the first type (line 7) and 25 more on a second (line 12): the 65th is refused there.
  const std::string second = "  - name: van\n    battery: 60kWh\n    consumption: 0.2kWh/km\n    max_dc_power: 50kW\n";
  EXPECT_EQ(error_of(type_with("    connectors: " + connector_list(0, 40) + "\n" + second +
                               "    connectors: " + connector_list(30, 65) + "\n")),
            R"(t.yaml:12:17: vehicle_types[1].connectors: expected at most 64 distinct connector names over all )"
            R"(vehicle types, found "c64" as the 65th)");
  // Names shared between types count once.
  EXPECT_EQ(error_of(type_with("    connectors: " + connector_list(0, 40) + "\n" + second +
                               "    connectors: " + connector_list(0, 64) + "\n")),
            "no error");
}

TEST(VehicleTypeErrors, Connectors) {
  EXPECT_EQ(error_of(type_with("    connectors: []\n")),
            R"(t.yaml:7:17: vehicle_types[0].connectors: expected a non-empty list of connector names, found an empty list)");
  EXPECT_EQ(error_of(type_with("    connectors: ccs2\n")),
            R"(t.yaml:7:17: vehicle_types[0].connectors: expected a non-empty list of connector names, found "ccs2")");
  EXPECT_EQ(error_of(type_with("    connectors: [gbt_dc, CCS-2]\n")),
            R"(t.yaml:7:26: vehicle_types[0].connectors[1]: expected a connector name of lower-case letters, digits )"
            R"(and underscores (such as gbt_ac, gbt_dc, ccs2), found "CCS-2")");
  EXPECT_EQ(error_of(type_with("    connectors: [ccs2, gbt_dc, ccs2]\n")),
            R"(t.yaml:7:32: vehicle_types[0].connectors[2]: expected each connector once, found "ccs2" a second time)");
}

TEST(VehicleTypeErrors, FactorsOutOfRange) {
  EXPECT_EQ(error_of(type_with("    aero_share: 1.5\n")),
            R"(t.yaml:7:17: vehicle_types[0].aero_share: expected a fraction from 0 to 1 (or 0% to 100%), found "1.5")");
  EXPECT_EQ(error_of(type_with("    reference_speed: 0\n")),
            R"(t.yaml:7:22: vehicle_types[0].reference_speed: expected a road speed from 1 to 200 km/h (evsim's plausibility limit), found "0")");
  EXPECT_EQ(error_of(type_with("    cold_increase_per_degc: -1%\n")),
            R"(t.yaml:7:29: vehicle_types[0].cold_increase_per_degc: expected a fraction from 0 to 1 (or 0% to 100%), )"
            R"(found "-1%")");
}

TEST(VehicleTypeErrors, ChargeBelowSocMustBeBelowChargeToSoc) {
  EXPECT_EQ(error_of(scenario_with("vehicle_types",
                                   "vehicle_types:\n"
                                   "  - {name: car, battery: 50kWh, consumption: 0.2, max_ac_power: 11kW}\n"
                                   "  - {name: van, battery: 70kWh, consumption: 0.25, max_dc_power: 90kW,\n"
                                   "     charge_below_soc: 90%}\n")),
            R"(t.yaml:4:24: vehicle_types[1].charge_below_soc: expected a fraction below charge_to_soc (0.8), found "90%")");
  EXPECT_EQ(error_of(type_with("    charge_below_soc: 50%\n    charge_to_soc: 50%\n")),
            R"(t.yaml:8:20: vehicle_types[0].charge_to_soc: expected a fraction above charge_below_soc (0.5), found "50%")");
  EXPECT_EQ(error_of(type_with("    charge_to_soc: 0.2\n")),
            R"(t.yaml:7:20: vehicle_types[0].charge_to_soc: expected a fraction above charge_below_soc (0.3), found "0.2")");
}

TEST(VehicleTypeErrors, UnknownKeyListsTheTypesKeys) {
  EXPECT_EQ(error_of(type_with("    curve: {knee: 80%}\n")),
            R"(t.yaml:7:5: vehicle_types[0].curve: expected one of the keys name, battery, consumption, max_ac_power, )"
            R"(max_dc_power, charging_curve, connectors, aero_share, reference_speed, cold_increase_per_degc, )"
            R"(heat_increase_per_degc, charge_below_soc, charge_to_soc, found unknown key "curve")");
}

}  // namespace
}  // namespace evsim::scenarios
