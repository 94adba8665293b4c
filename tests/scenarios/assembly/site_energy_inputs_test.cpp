// A feeder's grid event: asked of the storage sites attached to that feeder, each in proportion to its
// battery power; a feeder without one in the plan is an error at the event.
#include "scenarios/assembly/site_energy_inputs.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/scenarios/scenario_text.hpp"
#include "tests/support/scratch_files.hpp"

namespace evsim::scenarios::assembly {
namespace {

using testing::scenario_with;

// t.yaml in a scratch folder beside the feeder files f.yaml and g.yaml it names (they must exist;
// the feeders themselves come from setup()).
std::filesystem::path scenario_file() {
  const std::filesystem::path dir = test::scratch_dir("evsim_site_energy_inputs_");
  for (const char* f : {"f.yaml", "g.yaml"}) test::write_file(dir / f, "feeder: {}\n");
  return dir / "t.yaml";
}

// Stations a (100 kW battery), b (no storage), c (300 kW battery), d (200 kW battery); `events` from line 10.
Scenario scenario(const std::string& events) {
  return parse_scenario(
      scenario_with("stations",
                    "stations:\n"
                    "  - {name: a, node: 1, plugs: [{count: 1, power: 60kW, kind: dc}], storage: {kwh: 200kWh, kw: 100kW}}\n"
                    "  - {name: b, node: 2, plugs: [{count: 1, power: 60kW, kind: dc}]}\n"
                    "  - {name: c, node: 3, plugs: [{count: 1, power: 60kW, kind: dc}], storage: {kwh: 600kWh, kw: 300kW}}\n"
                    "  - {name: d, node: 4, plugs: [{count: 1, power: 60kW, kind: dc}], storage: {kwh: 400kWh, kw: 200kW}}\n"
                    "grid:\n"
                    "  feeders: [{name: f, file: f.yaml}, {name: g, file: g.yaml}]\n"
                    "grid_events:\n"
                    "  - {name: afternoon, from: 1h, to: 2h, sites: [a, d], reduce_by: 30kW}\n" +
                        events),
      scenario_file());
}

std::vector<models::charging::Station> stations() {
  std::vector<models::charging::Station> s;
  const std::vector<models::charging::Plug> plugs(1, models::charging::Plug{.dc = true, .power_kw = 60.0, .connector = 1});
  for (const char* name : {"a", "b", "c", "d"}) s.emplace_back(name, 0, plugs, true);
  return s;
}

// a, b and c on feeder f (buses 1, 2, 3), d on no feeder; feeder g has none of them.
models::grid::GridSetup setup() {
  models::grid::GridSetup grid;
  for (const char* name : {"f", "g"}) {
    grid.feeders.emplace_back();
    grid.feeders.back().name = std::string(name);  // (assigning the literal trips GCC 12's -Wrestrict)
  }
  grid.station_bus = {{.feeder = 0, .bus = 1}, {.feeder = 0, .bus = 2}, {.feeder = 0, .bus = 3}, {}};
  return grid;
}

TEST(SiteEnergyInputs, AFeedersEventIsSplitByBatteryPowerOverItsStorageSites) {
  const Scenario sc = scenario("  - {name: evening, from: 3h, to: 4h, feeder: f, reduce_by: 200kW}\n");
  const SiteEnergyInputs in = site_energy_inputs(sc, stations(), setup(), kBasePlanName);
  ASSERT_EQ(in.sites.size(), 3u);  // a, c, d: the stations with storage, in station order
  ASSERT_EQ(in.events.size(), 2u);
  EXPECT_EQ(in.events[0].sites, (std::vector<std::uint32_t>{0, 2}));  // by name: a and d
  EXPECT_TRUE(in.events[0].site_reduce_kw.empty());
  EXPECT_DOUBLE_EQ(in.events[0].asked_kw(1), 30.0);
  const models::grid::GridEventSpec& ev = in.events[1];
  EXPECT_EQ(ev.sites, (std::vector<std::uint32_t>{0, 1}));  // a and c are on f; b has no storage, d is on no feeder
  ASSERT_EQ(ev.site_reduce_kw.size(), 2u);
  EXPECT_DOUBLE_EQ(ev.asked_kw(0), 50.0);   // 200 x 100 / 400
  EXPECT_DOUBLE_EQ(ev.asked_kw(1), 150.0);  // 200 x 300 / 400
}

TEST(SiteEnergyInputs, AFeedersEventWithoutStorageSitesIsAnError) {
  const Scenario sc = scenario("  - {name: evening, from: 3h, to: 4h, feeder: g, reduce_by: 200kW}\n");
  try {
    (void)site_energy_inputs(sc, stations(), setup(), kBasePlanName);
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    std::string what = e.what();
    what = what.substr(what.find("t.yaml"));  // the scratch folder's path left out
    EXPECT_EQ(what,
              R"(t.yaml:10:5: grid_events[1]: expected a feeder with a station with storage attached to it in plan "base", )"
              R"(found feeder "g" without one)");
  }
}

}  // namespace
}  // namespace evsim::scenarios::assembly
