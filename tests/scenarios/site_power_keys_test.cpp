// A station's power_limit, power_policy and cabinets: values read, and bad input rejected with file,
// line, key, what was expected and what was found.
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with;

// One station "a" at node 1 with 6 DC plugs (3 + 3) and `keys` after its plugs, from line 4.
std::string station_with(const std::string& keys) {
  return scenario_with("stations",
                       "stations:\n  - name: a\n    node: 1\n"
                       "    plugs: [{count: 3, power: 250kW, kind: dc}, {count: 3, power: 120kW, kind: dc}]\n" +
                           keys);
}

TEST(SitePowerKeys, DefaultsShareNothing) {
  const Scenario sc = parse_scenario(station_with(""), "t.yaml");
  ASSERT_EQ(sc.stations.size(), 1u);
  EXPECT_FALSE(sc.stations[0].power_limit_kw.has_value());
  EXPECT_EQ(sc.stations[0].power_policy, SharingPolicySpec::equal);
  EXPECT_TRUE(sc.stations[0].cabinets.empty());
}

TEST(SitePowerKeys, LimitPolicyAndCabinets) {
  const Scenario sc = parse_scenario(station_with("    power_limit: 0.8MW\n"
                                                  "    power_policy: first_come\n"
                                                  "    cabinets: [{power: 600kW, plugs: 3, policy: proportional},\n"
                                                  "               {power: 300, plugs: 2}]\n"),
                                     "t.yaml");
  const StationSpec& s = sc.stations.at(0);
  EXPECT_DOUBLE_EQ(s.power_limit_kw.value(), 800.0);
  EXPECT_EQ(s.power_policy, SharingPolicySpec::first_come);
  ASSERT_EQ(s.cabinets.size(), 2u);
  EXPECT_DOUBLE_EQ(s.cabinets[0].power_kw, 600.0);
  EXPECT_EQ(s.cabinets[0].plugs, 3u);
  EXPECT_EQ(s.cabinets[0].policy, SharingPolicySpec::proportional);
  EXPECT_DOUBLE_EQ(s.cabinets[1].power_kw, 300.0);
  EXPECT_EQ(s.cabinets[1].policy, SharingPolicySpec::equal);
}

TEST(SitePowerKeys, BadValuesNameKeyExpectedAndFound) {
  EXPECT_EQ(error_of(station_with("    power_limit: 0kW\n")),
            R"(t.yaml:5:18: stations[0].power_limit: expected a site power from 0.5 to 100000 kW (evsim's plausibility )"
            R"(limit), found "0kW")");
  EXPECT_EQ(error_of(station_with("    power_limit: 200MW\n")),
            R"(t.yaml:5:18: stations[0].power_limit: expected a site power from 0.5 to 100000 kW (evsim's plausibility )"
            R"(limit), found "200MW")");
  EXPECT_EQ(error_of(station_with("    power_limit: 5kWh\n")),
            R"(t.yaml:5:18: stations[0].power_limit: expected a power (units kW, MW, W), found unknown unit "kWh" in "5kWh")");
  EXPECT_EQ(error_of(station_with("    power_policy: fair\n")),
            R"(t.yaml:5:19: stations[0].power_policy: expected one of equal, first_come, proportional, found "fair")");
  EXPECT_EQ(error_of(station_with("    cabinets: []\n")),
            R"(t.yaml:5:15: stations[0].cabinets: expected a non-empty list of cabinets, found an empty list)");
  EXPECT_EQ(error_of(station_with("    cabinets: [{power: 600kW}]\n")),
            R"(t.yaml:5:16: stations[0].cabinets[0]: expected key "plugs", found nothing)");
  EXPECT_EQ(error_of(station_with("    cabinets: [{power: 600kW, plugs: 0}]\n")),
            R"(t.yaml:5:38: stations[0].cabinets[0].plugs: expected a positive integer, found "0")");
  EXPECT_EQ(error_of(station_with("    cabinets: [{power: -1kW, plugs: 2}]\n")),
            R"(t.yaml:5:24: stations[0].cabinets[0].power: expected a site power from 0.5 to 100000 kW (evsim's )"
            R"(plausibility limit), found "-1kW")");
  EXPECT_EQ(error_of(station_with("    cabinets: [{power: 1kW, plugs: 2, pollicy: equal}]\n")),
            R"(t.yaml:5:39: stations[0].cabinets[0].pollicy: expected one of the keys power, plugs, policy, found unknown key "pollicy")");
  EXPECT_EQ(error_of(station_with("    cabinets: [{power: 600kW, plugs: 4}, {power: 600kW, plugs: 3}]\n")),
            R"(t.yaml:5:42: stations[0].cabinets[1]: expected cabinets feeding at most the station's 6 plugs, )"
            R"(found 7 plugs up to this cabinet)");
}

}  // namespace
}  // namespace evsim::scenarios
