// The measured-sessions reader: timestamps and seconds, chargers mapped to plugs in order of first
// appearance, the window rule and the energy rule with their counts, and every error exactly.
#include "scenarios/files/session_file.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "scenarios/scenario_error.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::scenarios::files {
namespace {

using models::charging::kAnyPlug;
using namespace std::chrono_literals;

const std::vector<SessionSite> kSites{{.name = "126", .plug_kw = {11.0, 22.0}}, {.name = "7", .plug_kw = {11.0}}};

SessionsSpec hamburg_spec() {
  SessionsSpec s;
  s.file = "s.csv";
  s.site_column = "location_id";
  s.plug_column = "charger_id";
  s.arrival_column = "start_time";
  s.departure_column = "end_time";
  s.start = "2020-02-08 00:00:00";
  s.energy_when_missing = SessionEnergyRule{.power_fraction = 0.5, .battery_kwh = 10.0};
  s.mark = {.file = "sc.yaml", .line = 3, .column = 9, .key_path = "sessions.file"};
  return s;
}

SessionFileContents parse(std::string_view text, const SessionsSpec& spec = hamburg_spec(), sim::Duration horizon = 48h) {
  return parse_sessions(CsvTable::parse(text, "s.csv"), spec, kSites, horizon);
}

TEST(SessionTimestamp, ParsesExactlyTheDocumentedForm) {
  EXPECT_EQ(parse_timestamp_ms("1970-01-01 00:00:00"), 0);
  EXPECT_EQ(parse_timestamp_ms("1970-01-02T01:00:01"), (25 * 3600 + 1) * 1000);
  EXPECT_EQ(*parse_timestamp_ms("2020-03-01 00:00:00") - *parse_timestamp_ms("2020-02-28 00:00:00"), 2 * 86'400'000);
  EXPECT_EQ(parse_timestamp_ms("2020-02-30 00:00:00"), std::nullopt);
  EXPECT_EQ(parse_timestamp_ms("2020-02-08 24:00:00"), std::nullopt);
  EXPECT_EQ(parse_timestamp_ms("2020-02-08 9:34:25"), std::nullopt);
}

TEST(SessionFile, ReadsHamburgColumnsMapsChargersAndAppliesTheEnergyRule) {
  const SessionFileContents c = parse(
      "charger_id,start_time,end_time,location_id\n"
      "8590,2020-02-08 09:34:25,2020-02-08 10:20:14,126\n"
      "8591,2020-02-08 10:00:00,2020-02-08 14:00:00,126\n"
      "8590,2020-02-08 16:19:48,2020-02-08 18:55:18,126\n"
      "1,2020-02-07 23:00:00,2020-02-08 01:00:00,7\n"    // starts before the run
      "1,2020-02-09 23:00:00,2020-02-10 00:00:01,7\n"    // ends after it
      "1,2020-02-09 23:00:00,2020-02-10 00:00:00,7\n");  // ends with it
  EXPECT_EQ(c.rows, 6u);
  ASSERT_EQ(c.sessions.size(), 4u);
  EXPECT_EQ(c.outside_run.count, 2u);
  EXPECT_EQ(c.outside_run.examples[0], "7 (s.csv:5)");
  EXPECT_EQ(c.energy_from_rule, 4u);
  EXPECT_EQ(c.lines, (std::vector<int>{2, 3, 4, 7}));
  EXPECT_EQ(c.sessions[0].station, 0u);
  EXPECT_EQ(c.sessions[0].plug, 0u);
  EXPECT_EQ(c.sessions[1].plug, 1u);
  EXPECT_EQ(c.sessions[2].plug, 0u);
  EXPECT_EQ(c.sessions[0].arrival, sim::time_at_ms((9 * 3600 + 34 * 60 + 25) * 1000));
  EXPECT_EQ(c.sessions[0].departure, sim::time_at_ms((10 * 3600 + 20 * 60 + 14) * 1000));
  // 11 kW x 2749 s x 0.5; 22 kW x 4 h x 0.5 = 44 -> the 10 kWh battery.
  EXPECT_DOUBLE_EQ(c.sessions[0].energy_kwh, 11.0 * 2749.0 / 3600.0 * 0.5);
  EXPECT_EQ(c.sessions[1].energy_kwh, 10.0);
  EXPECT_EQ(c.sessions[3].departure, sim::time_at_ms(48 * 3'600'000));
}

TEST(SessionFile, ReadsSecondsAndAnEnergyColumnWithoutPlugs) {
  SessionsSpec spec;
  spec.file = "s.csv";
  spec.energy_column = "energy_kwh";
  const SessionFileContents c = parse("site,arrival,departure,energy_kwh\n7,0,3600.5,4.25\n126,10,20,0\n", spec);
  ASSERT_EQ(c.sessions.size(), 2u);
  EXPECT_EQ(c.sessions[0].plug, kAnyPlug);
  EXPECT_EQ(c.sessions[0].departure, sim::time_at_ms(3'600'500));
  EXPECT_EQ(c.sessions[0].energy_kwh, 4.25);
  EXPECT_EQ(c.sessions[1].energy_kwh, 0.0);
  EXPECT_EQ(c.energy_from_rule, 0u);
}

TEST(SessionFile, ErrorsNameFileLineColumnAndValue) {
  const std::string head = "charger_id,start_time,end_time,location_id\n";
  EXPECT_THROW_MSG(parse(head + "8590,2020-02-08 09:34:25,2020-02-08 10:20:14,999\n"), ScenarioError,
                   R"(s.csv:2:46: location_id: expected a station name of the scenario (2 stations), found "999")");
  EXPECT_THROW_MSG(parse(head + "8590,2020-02-08 9:34:25,2020-02-08 10:20:14,126\n"), ScenarioError,
                   R"(s.csv:2:6: start_time: expected a time "YYYY-MM-DD HH:MM:SS", found "2020-02-08 9:34:25")");
  EXPECT_THROW_MSG(parse(head + "8590,2020-02-08 09:34:25,2020-02-08 09:34:25,126\n"), ScenarioError,
                   R"(s.csv:2:26: end_time: expected a departure after the arrival "2020-02-08 09:34:25", found "2020-02-08 09:34:25")");
  EXPECT_THROW_MSG(parse(head + "1,2020-02-08 09:00:00,2020-02-08 10:00:00,7\n2,2020-02-08 11:00:00,2020-02-08 12:00:00,7\n"),
                   ScenarioError,
                   R"(s.csv:3:1: charger_id: expected at most 1 distinct plug ids at station "7" (its plugs; 1 seen before), found "2")");
  EXPECT_THROW_MSG(parse("charger_id,start,end_time,location_id\n"), ScenarioError,
                   R"(s.csv:1:1: start_time: expected a column "start_time" in the header, found "charger_id,start,end_time,location_id")");
  SessionsSpec spec;
  spec.file = "s.csv";
  spec.energy_column = "energy_kwh";
  EXPECT_THROW_MSG(parse("site,arrival,departure,energy_kwh\n7,0,10,-1\n", spec), ScenarioError,
                   R"(s.csv:2:8: energy_kwh: expected an energy in kWh >= 0, found "-1")");
  SessionsSpec no_energy;
  no_energy.file = "s.csv";
  no_energy.mark = {.file = "sc.yaml", .line = 3, .column = 9, .key_path = "sessions.file"};
  EXPECT_THROW_MSG(parse("site,arrival,departure\n7,0,10\n", no_energy), ScenarioError,
                   R"(sc.yaml:3:9: sessions.file: expected key "energy_when_missing" when the file has no energy column, found nothing)");
}

}  // namespace
}  // namespace evsim::scenarios::files
