// End-to-end tests of `evsim powerflow` and `evsim hosting`: results, their agreement with each
// other, and bad feeder files and options (exit 2 with file, line and key).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/run_evsim.hpp"
#include "tests/support/scratch_files.hpp"

namespace {

namespace fs = std::filesystem;
using evsim::test::data;
using evsim::test::run_evsim;

double json_number(const std::string& json, const std::string& key, std::size_t from = 0) {
  const auto at = json.find("\"" + key + "\": ", from);
  if (at == std::string::npos) return -1.0;
  return std::stod(json.substr(at + key.size() + 4));
}

std::string town() { return data("feeder/town.yaml"); }

std::string shared_feeder(const std::string& name) {
  if (!fs::exists(fs::path(EVSIM_SHARED_DIR) / "data/feeders" / name / "buses.csv")) return "";
  return std::string(EVSIM_FEEDER_DIR) + "/" + name + ".yaml";
}

TEST(PowerflowCli, Ieee33HeadlineIsThePublishedCase) {
  const std::string feeder = shared_feeder("ieee33");
  if (feeder.empty()) GTEST_SKIP() << "no ../shared/data/feeders/ieee33";
  const auto r = run_evsim("powerflow " + feeder + " --json", "pf-ieee33");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NEAR(json_number(r.out, "loss_kw"), 202.67, 0.2027);
  EXPECT_NEAR(json_number(r.out, "min_voltage_pu"), 0.9131, 0.0009131);
  EXPECT_NE(r.out.find("\"min_voltage_bus\": \"18\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"under_voltage\": 21"), std::string::npos) << r.out;
}

TEST(PowerflowCli, TextReportAndOptions) {
  const auto r = run_evsim("powerflow " + town(), "pf-town");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("feeder town ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("minimum voltage: 0.9891 pu at bus e\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  sub-a              61.7    41.1 %"), std::string::npos) << r.out;
  const auto scaled = run_evsim("powerflow " + town() + " --load-scale 0.5 --add c:100kW --add e:0.05MW --json",
                                "pf-town-scaled");
  ASSERT_EQ(scaled.exit_code, 0) << scaled.out;
  EXPECT_DOUBLE_EQ(json_number(scaled.out, "added_kw"), 150.0);
  EXPECT_DOUBLE_EQ(json_number(scaled.out, "load_kw"), 650.0);
  EXPECT_DOUBLE_EQ(json_number(scaled.out, "load_kvar"), 175.0);
}

// The hosting capacity is what powerflow shows: at the reported load no limit is broken, 1 kW
// more breaks the reported one.
TEST(HostingCli, AgreesWithPowerflowAtTheBoundary) {
  const auto h = run_evsim("hosting " + town() + " --json", "hosting-town");
  ASSERT_EQ(h.exit_code, 0) << h.out;
  EXPECT_NE(h.out.find("{\"bus\": \"c\", \"max_added_kw\": 763, \"limit\": \"line_overload\", \"at\": \"b-c\""),
            std::string::npos)
      << h.out;
  EXPECT_NE(h.out.find("{\"bus\": \"sub\", \"max_added_kw\": 961, \"limit\": \"transformer_overload\""),
            std::string::npos)
      << h.out;
  const auto at = run_evsim("powerflow " + town() + " --add c:763 --json", "hosting-at");
  const auto above = run_evsim("powerflow " + town() + " --add c:764 --json", "hosting-above");
  EXPECT_NE(at.out.find("\"line_overload\": 0,"), std::string::npos) << at.out;
  EXPECT_NE(above.out.find("\"line_overload\": 1,"), std::string::npos) << above.out;
  const auto text = run_evsim("hosting " + town(), "hosting-town-text");
  EXPECT_NE(text.out.find("  e                    576  line_overload         d-e          100.1 %\n"), std::string::npos)
      << text.out;
}

TEST(HostingCli, Ieee33AtHalfLoad) {
  const std::string feeder = shared_feeder("ieee33");
  if (feeder.empty()) GTEST_SKIP() << "no ../shared/data/feeders/ieee33";
  const auto full = run_evsim("hosting " + feeder + " --json", "hosting-ieee33");
  ASSERT_EQ(full.exit_code, 0) << full.out;
  EXPECT_NE(full.out.find("\"base_case_violated\": true"), std::string::npos);
  const auto half = run_evsim("hosting " + feeder + " --load-scale 0.5 --json", "hosting-ieee33-half");
  ASSERT_EQ(half.exit_code, 0) << half.out;
  EXPECT_NE(half.out.find("{\"bus\": \"18\", \"max_added_kw\": 110, \"limit\": \"under_voltage\", \"at\": \"18\""),
            std::string::npos)
      << half.out;
}

// A copy of the town feeder with one file replaced.
std::string town_with(const std::string& file, const std::string& text) {
  const fs::path dir = evsim::test::scratch_dir("grid_cli_");
  for (const char* name : {"town.yaml", "town_buses.csv", "town_lines.csv"}) {
    fs::copy_file(data(std::string("feeder/") + name), dir / name);
  }
  evsim::test::write_file(dir / file, text);
  return (dir / "town.yaml").string();
}

TEST(GridCliBadInput, FeederErrorsExitTwoWithFileLineAndKey) {
  struct Case {
    std::string file, text, message;
  };
  const std::string lines_header = "from,to,r_ohm,x_ohm,ampacity_a\n";
  const std::string lines = lines_header + "sub,a,0.3,0.4,150\na,b,0.4,0.4,120\nb,c,0.6,0.5,60\nb,d,0.5,0.4,\nd,e,0.8,0.6,40\n";
  const Case cases[] = {
      {"town_lines.csv", lines + "e,c,1,1,\n",
       "town_lines.csv:7:3: to: expected a radial feeder (one path from the source to every bus), found a line closing a "
       "loop: buses \"e\" and \"c\" are connected by earlier lines already"},
      {"town_lines.csv", lines_header + "sub,a,0.3,0.4,150\na,b,0.4,0.4,120\nb,c,0.6,0.5,60\nb,d,0.5,0.4,\n",
       "town_buses.csv:7:1: bus: expected a bus connected by lines to the source bus \"sub\", found bus \"e\" with no "
       "path to it"},
      {"town_lines.csv", lines_header + "sub,a,0.3,0.4,150\na,b,0.4,0.4,120\nb,c,0.6,0.5,60\nb,x,0.5,0.4,\nd,e,0.8,0.6,40\n",
       "town_lines.csv:5:3: to: expected the id of a bus of the feeder, found \"x\""},
      {"town_lines.csv", lines_header + "sub,a,-0.3,0.4,150\n",
       "town_lines.csv:2:7: r_ohm: expected a resistance of at least 0 ohm, found \"-0.3\""},
      {"town.yaml", "feeder:\n  base_kv: 10\n  transformer_kva: -2000\n  buses: town_buses.csv\n  lines: town_lines.csv\n",
       "town.yaml:3:20: feeder.transformer_kva: expected a rating above 0 kVA, found \"-2000\""},
      {"town_buses.csv", "bus,p_kw,q_kvar\nsub,0,0\na,1,1\nb,1,1\nc,1,1\nd,1,1\ne,1,1\nb,2,2\n",
       "town_buses.csv:8:1: bus: expected a bus id used once, found a second bus \"b\""},
      {"town_lines.csv", lines_header + "sub,a,0.3,-0.4,150\n",
       "town_lines.csv:2:11: x_ohm: expected a reactance of at least 0 ohm, found \"-0.4\""},
      {"town_lines.csv", lines_header + "sub,a,0.3,0.4,-150\n",
       "town_lines.csv:2:15: ampacity_a: expected a current above 0 A, found \"-150\""},
      {"town_lines.csv", lines_header + "sub,a,0.3,0.4,0\n",
       "town_lines.csv:2:15: ampacity_a: expected a current above 0 A, found \"0\""},
      {"town_lines.csv", lines_header + "sub,a,0.3,0.4,150\nq,b,0.4,0.4,120\n",
       "town_lines.csv:3:1: from: expected the id of a bus of the feeder, found \"q\""},
      {"town.yaml", "feeder:\n  base_kv: 10\n  transformer_kva: 0\n  buses: town_buses.csv\n  lines: town_lines.csv\n",
       "town.yaml:3:20: feeder.transformer_kva: expected a rating above 0 kVA, found \"0\""},
      {"town.yaml", "feeder:\n  base_kv: 0\n  transformer_kva: 2000\n  buses: town_buses.csv\n  lines: town_lines.csv\n",
       "town.yaml:2:12: feeder.base_kv: expected a base voltage above 0 kV, found \"0\""},
      {"town_buses.csv", "bus,p_kw,kvar\nsub,0,0\n",
       "town_buses.csv:1:10: kvar: expected only the columns bus, p_kw, q_kvar, base_kv, lon, lat, x_m, y_m, found a "
       "column \"kvar\""},
  };
  for (const Case& c : cases) {
    const std::string feeder = town_with(c.file, c.text);
    const std::string dir = fs::path(feeder).parent_path().string() + "/";
    for (const char* command : {"powerflow", "hosting"}) {
      const auto r = run_evsim(std::string(command) + " " + feeder, "grid-bad");
      EXPECT_EQ(r.exit_code, 2) << command << " " << c.message;
      EXPECT_EQ(r.out, "error: " + dir + c.message + "\n") << command;
    }
  }
}

TEST(GridCliBadInput, OptionsAndLoadsBeyondTheFeeder) {
  auto r = run_evsim("powerflow " + town() + " --load-scale 200", "grid-scale");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): --load-scale: expected a number from 0 to 100, found \"200\"\n");
  r = run_evsim("hosting " + town() + " --load-scale x", "grid-scale-h");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): --load-scale: expected a number from 0 to 100, found \"x\"\n");
  r = run_evsim("powerflow " + town() + " --add q:5", "grid-add");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): --add: expected a bus id of the feeder \"" + town() +
                       "\", found \"q\" in \"q:5\"\n");
  r = run_evsim("powerflow " + town() + " --add e", "grid-add-colon");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): --add: expected BUS:POWER, a bus id of the feeder and a power (units kW, "
                   "MW, W; a bare number is kW), found \"e\"\n");
  r = run_evsim("powerflow " + town() + " --add e:100MW", "grid-collapse");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("error: " + town() + ": the power flow collapsed after "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("the load is more than the feeder can carry\n"), std::string::npos) << r.out;
  r = run_evsim("powerflow " + data("feeder/none.yaml"), "grid-missing");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: " + data("feeder/none.yaml") + ": (file): expected a readable feeder file, found no such file\n");
}

}  // namespace
