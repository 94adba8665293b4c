// Tariffs and smart charging keys (docs/scenario-format.md "Tariffs and smart charging"): values
// read, and bad input rejected with file, line, key, what was expected and what was found.
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with;

// A tariff "tou" with `periods` from line 5; `stations` (if any) replaces the scenario's stations.
std::string tariff_with(const std::string& periods, const std::string& stations = "") {
  return scenario_with(stations.empty() ? "" : "stations",
                       "tariffs:\n  - name: tou\n    service_fee_per_kwh: 0.8\n    periods:\n" + periods + stations);
}
const std::string kPeriods =
    "      - {from: \"00:00\", to: \"08:00\", price_per_kwh: 0.3, kind: valley}\n"
    "      - {from: \"08:00\", to: \"11:00\", price_per_kwh: 1.0, kind: peak}\n"
    "      - {from: \"11:00\", to: \"17:00\", price_per_kwh: 0.6, kind: flat}\n"
    "      - {from: \"17:00\", to: \"00:00\", price_per_kwh: 1.0, kind: peak}\n";

// The 峰谷平 tariff "tou" (lines 1-8) and one station on line 10 with `keys` (a flow mapping's tail).
std::string station_keys(const std::string& keys) {
  return tariff_with(kPeriods, "stations:\n  - {name: a, node: 1, plugs: [{count: 1, power: 7kW, kind: ac}], " + keys + "}\n");
}

TEST(TariffKeys, TariffPeriodsStationAndSegmentKeys) {
  const std::string fleet =
      "fleet:\n  - {name: s, vehicle_type: car, count: 10, initial_soc: 0.5, depart_to_work: \"08:00\", work_dwell: 8h,\n"
      "     tariff: tou, smart_charging: {policy: cheapest}}\n"
      "  - {name: v, vehicle_type: car, count: 2, depart_to_work: \"08:00\", work_dwell: 8h,\n"
      "     smart_charging: {policy: capped, cap: 3.7kW}}\n";
  std::string yaml = "tariffs:\n  - name: tou\n    service_fee_per_kwh: 0.8\n    periods:\n" + kPeriods +
                     "stations:\n  - {name: a, node: 1, plugs: [{count: 1, power: 7kW, kind: ac}], tariff: tou,\n"
                     "     operator: grid-co, smart_charging: {policy: cheapest}}\n" + fleet;
  yaml += "name: t\nhorizon: 1d\nroad:\n  grid: {rows: 4, cols: 4, spacing: 100m, speed: 30km/h}\n"
          "vehicle_types:\n  - {name: car, battery: 50kWh, consumption: 0.2kWh/km, max_ac_power: 11kW, max_dc_power: 50kW}\n";
  const Scenario sc = parse_scenario(yaml, "t.yaml");
  ASSERT_EQ(sc.tariffs.size(), 1u);
  const TariffSpec& t = sc.tariffs[0];
  EXPECT_EQ(t.name, "tou");
  EXPECT_DOUBLE_EQ(t.service_fee_per_kwh, 0.8);
  ASSERT_EQ(t.periods.size(), 4u);
  EXPECT_EQ(t.periods[1].from, std::chrono::hours(8));
  EXPECT_EQ(t.periods[1].to, std::chrono::hours(11));
  EXPECT_EQ(t.periods[1].kind, TariffPeriodKind::peak);
  EXPECT_EQ(t.periods[3].to, std::chrono::hours(24));  // "00:00" as an end is midnight
  EXPECT_EQ(t.periods[0].kind, TariffPeriodKind::valley);
  const StationSpec& s = sc.stations.at(0);
  EXPECT_EQ(s.tariff.value().name, "tou");
  EXPECT_EQ(s.operator_name, "grid-co");
  EXPECT_EQ(s.smart_charging.value().policy, SmartPolicySpec::cheapest);
  EXPECT_EQ(sc.fleet.at(0).tariff.value().name, "tou");
  EXPECT_EQ(sc.fleet.at(0).smart_charging.value().policy, SmartPolicySpec::cheapest);
  EXPECT_FALSE(sc.fleet.at(1).tariff.has_value());
  EXPECT_EQ(sc.fleet.at(1).smart_charging.value().policy, SmartPolicySpec::capped);
  EXPECT_DOUBLE_EQ(sc.fleet.at(1).smart_charging.value().cap_kw, 3.7);
  EXPECT_TRUE(uses_tariffs(sc));
}

TEST(TariffKeys, AbsentMeansNoTariffs) {
  const Scenario sc = parse_scenario(scenario_with("", ""), "t.yaml");
  EXPECT_TRUE(sc.tariffs.empty());
  EXPECT_FALSE(sc.stations.at(0).tariff.has_value());
  EXPECT_FALSE(uses_tariffs(sc));
}

TEST(TariffKeys, GapsAndOverlapsAreNamed) {
  EXPECT_EQ(error_of(tariff_with("      - {from: \"00:00\", to: \"08:00\", price_per_kwh: 0.3, kind: valley}\n"
                                 "      - {from: \"09:00\", to: \"24:00\", price_per_kwh: 0.6, kind: flat}\n")),
            "t.yaml:5:7: tariffs[0].periods: expected periods covering 24 h once, without gap or overlap, found "
            "periods leave 08:00 to 09:00 uncovered");
  EXPECT_EQ(error_of(tariff_with("      - {from: \"00:00\", to: \"10:00\", price_per_kwh: 0.3, kind: valley}\n"
                                 "      - {from: \"09:00\", to: \"24:00\", price_per_kwh: 0.6, kind: flat}\n")),
            "t.yaml:5:7: tariffs[0].periods: expected periods covering 24 h once, without gap or overlap, found "
            "periods overlap at 09:00");
}

TEST(TariffKeys, BadPeriodValues) {
  EXPECT_EQ(error_of(tariff_with("      - {from: \"08:00\", to: \"08:00\", price_per_kwh: 0.3, kind: flat}\n")),
            R"(t.yaml:5:29: tariffs[0].periods[0].to: expected a time of day other than its period's from, found "08:00")");
  EXPECT_EQ(error_of(tariff_with("      - {from: \"00:00\", to: \"24:00\", price_per_kwh: 0.3, kind: shoulder}\n")),
            R"(t.yaml:5:64: tariffs[0].periods[0].kind: expected one of peak, flat, valley, found "shoulder")");
  EXPECT_EQ(error_of(tariff_with("      - {from: \"00:00\", to: \"24:00\", price_per_kwh: -1, kind: flat}\n")),
            R"(t.yaml:5:53: tariffs[0].periods[0].price_per_kwh: expected a price per kWh >= 0, found "-1")");
  EXPECT_EQ(error_of(tariff_with("      - {from: \"00:00\", to: \"24:00\", price: 1, kind: flat}\n")),
            R"(t.yaml:5:38: tariffs[0].periods[0].price: expected one of the keys from, to, price_per_kwh, kind, found unknown key "price")");
}

TEST(TariffKeys, UnknownTariffNameNamesFileLineAndKey) {
  EXPECT_EQ(error_of(station_keys("tariff: peak-valley")),
            R"(t.yaml:10:75: stations[0].tariff: expected one of the tariffs tou, found "peak-valley")");
  EXPECT_EQ(error_of(scenario_with("stations", "stations:\n  - {name: a, node: 1, plugs: [{count: 1, power: 7kW, kind: ac}], tariff: x}\n")),
            R"(t.yaml:2:75: stations[0].tariff: expected a tariff named in tariffs (the scenario has none), found "x")");
  EXPECT_EQ(error_of(scenario_with("fleet", "fleet:\n  - {name: s, vehicle_type: car, count: 1, depart_to_work: \"08:00\", "
                                            "work_dwell: 8h, tariff: home}\n")),
            R"(t.yaml:2:93: fleet[0].tariff: expected a tariff named in tariffs (the scenario has none), found "home")");
}

TEST(TariffKeys, SmartChargingValues) {
  EXPECT_EQ(error_of(station_keys("smart_charging: {policy: cheapest}")),
            "t.yaml:10:83: stations[0].smart_charging: expected a tariff key beside smart_charging policy cheapest "
            "(its prices decide the hours), found none");
  EXPECT_EQ(error_of(station_keys("smart_charging: {policy: smart}")),
            R"(t.yaml:10:92: stations[0].smart_charging.policy: expected one of asap, cheapest, capped, found "smart")");
  EXPECT_EQ(error_of(station_keys("smart_charging: {policy: capped}")),
            R"(t.yaml:10:83: stations[0].smart_charging: expected key "cap", found nothing)");
  EXPECT_EQ(error_of(station_keys("smart_charging: {policy: asap, cap: 5kW}")),
            R"(t.yaml:10:103: stations[0].smart_charging.cap: expected no cap unless policy is capped, found "5kW")");
}

}  // namespace
}  // namespace evsim::scenarios
