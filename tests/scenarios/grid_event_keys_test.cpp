// grid_events: an event on named sites or on a feeder, and bad input rejected with file, line, key,
// what was expected and what was found.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"
#include "tests/support/scratch_files.hpp"

namespace evsim::scenarios {
namespace {

using testing::scenario_with;

// The scenario as t.yaml in a scratch folder beside the feeder file f.yaml it names (the loader
// checks that the file exists; its contents are read when the run attaches it).
std::filesystem::path scenario_file() {
  const std::filesystem::path dir = test::scratch_dir("evsim_grid_events_");
  test::write_file(dir / "f.yaml", "feeder: {}\n");
  return dir / "t.yaml";
}

// The error parse_scenario gives, with the scratch folder's path written as "t.yaml".
std::string error_of(const std::string& yaml) {
  const std::filesystem::path file = scenario_file();
  std::string e = testing::error_of(yaml, file);
  if (e.rfind(file.string(), 0) == 0) e = "t.yaml" + e.substr(file.string().size());
  return e;
}

// Station "a" (storage) and "b" (none) from line 1, feeder "f" attached (line 7), `events` from line 9.
std::string with_events(const std::string& events) {
  return scenario_with("stations",
                       "stations:\n"
                       "  - {name: a, node: 1, plugs: [{count: 2, power: 60kW, kind: dc}],\n"
                       "     storage: {kwh: 100kWh, kw: 50kW}}\n"
                       "  - {name: b, node: 2, plugs: [{count: 2, power: 7kW, kind: ac}]}\n"
                       "grid:\n"
                       "  feeders:\n"
                       "    - {name: f, file: f.yaml}\n"
                       "grid_events:\n" +
                           events);
}

TEST(GridEventKeys, SitesOrAFeeder) {
  const Scenario sc = parse_scenario(with_events("  - {name: e1, from: 1h, to: 2h, sites: [a], reduce_by: 20kW}\n"
                                                 "  - {name: e2, from: 3h, to: 4h, feeder: f, reduce_by: 0.1MW}\n"),
                                     scenario_file());
  ASSERT_EQ(sc.grid_events.size(), 2u);
  EXPECT_EQ(sc.grid_events[0].sites, std::vector<std::string>{"a"});
  EXPECT_TRUE(sc.grid_events[0].feeder.empty());
  EXPECT_DOUBLE_EQ(sc.grid_events[0].reduce_by_kw, 20.0);
  EXPECT_TRUE(sc.grid_events[1].sites.empty());
  EXPECT_EQ(sc.grid_events[1].feeder, "f");
  EXPECT_DOUBLE_EQ(sc.grid_events[1].reduce_by_kw, 100.0);
}

TEST(GridEventKeys, BadEventsNameKeyExpectedAndFound) {
  EXPECT_EQ(error_of(with_events("  - {name: e, from: 1h, to: 2h, feeder: g, reduce_by: 20kW}\n")),
            R"(t.yaml:9:41: grid_events[0].feeder: expected a feeder of grid.feeders (f), found "g")");
  EXPECT_EQ(error_of(with_events("  - {name: e, from: 1h, to: 2h, sites: [a], feeder: f, reduce_by: 20kW}\n")),
            R"(t.yaml:9:5: grid_events[0]: expected exactly one of the keys sites, feeder, found the keys sites, feeder)");
  EXPECT_EQ(error_of(with_events("  - {name: e, from: 1h, to: 2h, reduce_by: 20kW}\n")),
            R"(t.yaml:9:5: grid_events[0]: expected exactly one of the keys sites, feeder, found none of them)");
  EXPECT_EQ(error_of(with_events("  - {name: e, from: 1h, to: 2h, sites: [b], reduce_by: 20kW}\n")),
            R"(t.yaml:9:41: grid_events[0].sites[0]: expected the name of a station with storage, found "b", which has none)");
  EXPECT_EQ(error_of(with_events("  - {name: e, from: 2h, to: 1h, sites: [a], reduce_by: 20kW}\n")),
            R"(t.yaml:9:29: grid_events[0].to: expected an end after from (02:00:00.000), found 01:00:00.000)");
}

}  // namespace
}  // namespace evsim::scenarios
