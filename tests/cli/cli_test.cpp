// End-to-end tests of the evsim executable: exit codes, messages, results, determinism.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "output/result_reader.hpp"
#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;

using evsim::test::data;
using evsim::test::demo;
using evsim::test::fresh_result_path;
using Result = evsim::test::EvsimResult;

Result run(const std::string& args, const std::string& tag) { return evsim::test::run_evsim(args, tag); }

TEST(Cli, VersionAndHelp) {
  const Result version = run("--version", "version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("evsim ") + EVSIM_VERSION + "\n");
  const Result help = run("run --help", "help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--json"), std::string::npos);
  EXPECT_NE(help.out.find("--seed"), std::string::npos);
  // Each writing command says what it writes where and what happens to an existing file.
  for (const char* command : {"run", "coverage", "place"}) {
    const Result h = run(std::string(command) + " --help", std::string("help-") + command);
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_NE(h.out.find("An existing OUT is refused without --force"), std::string::npos) << command;
    EXPECT_NE(h.out.find("--force"), std::string::npos) << command;
    EXPECT_NE(h.out.find("Output files are written as OUT.partial and renamed to OUT when complete"), std::string::npos)
        << command;
    EXPECT_NE(h.out.find("130, 143, 129 after SIGINT, SIGTERM, SIGHUP"), std::string::npos) << command;
  }
  EXPECT_EQ(run("validate --help", "vhelp").exit_code, 0);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run("", "none").exit_code, 2);
  EXPECT_EQ(run("frobnicate", "unknown").exit_code, 2);
  EXPECT_EQ(run("run", "missing").exit_code, 2);
  EXPECT_EQ(run("run " + demo() + " --seed notanumber", "badseed").exit_code, 2);
}

TEST(Cli, ValidateAcceptsTheDemo) {
  const Result r = run("validate " + demo(), "validate-demo");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("valid: 144 road nodes"), std::string::npos) << r.out;
}

TEST(Cli, StationOutsideTheNetworkIsABadInputNamingTheKey) {
  const Result r = run("validate " + data("station_off_network.yaml"), "off-network");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: " + data("station_off_network.yaml") +
                       ":20:5: stations[0].node: expected a node id of the road network (grid town: 4 x 4 nodes, 300 m apart), found 16" + std::string(", which is not a road node there (ids are those of the network file: the CSV id, the OSM node id of a road junction or way end; generated networks: docs/scenario-format.md)") + "\n");
  // `run` refuses it the same way and writes nothing.
  const std::string out = fresh_result_path("off-network.h5");
  const Result ran = run("run " + data("station_off_network.yaml") + " -o " + out, "off-network-run");
  EXPECT_EQ(ran.exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

TEST(Cli, OutputInAMissingFolderIsABadInput) {
  const Result r = run("run " + demo() + " -o /nonexistent-folder/x.h5", "unwritable");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): -o: expected a file in an existing folder, found \"/nonexistent-folder/x.h5\" "
                   "(folder \"/nonexistent-folder\" does not exist)\n");
}

TEST(Cli, RunWritesCompleteResultsAndJsonSummary) {
  const std::string out = fresh_result_path("demo-json.h5");
  const Result r = run("run " + demo() + " -o " + out + " --json", "demo-json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_EQ(r.out.find('\n'), r.out.size() - 1);  // exactly one line
  EXPECT_NE(r.out.find("\"status\": \"complete\""), std::string::npos);
  const auto status = evsim::output::read_attribute(out, "/meta", "status");
  EXPECT_EQ(std::get<std::string>(status), "complete");
  const evsim::output::Table sessions = evsim::output::read_table(out, "/sessions");
  EXPECT_GT(sessions.rows(), 20u);
  const evsim::output::Table vehicles = evsim::output::read_table(out, "/vehicles");
  EXPECT_EQ(vehicles.rows(), 430u);  // 280 + 120 commuters, 30 ride-hailing cars
}

TEST(Cli, SameSeedGivesIdenticalDatasetsAndAnotherSeedDoesNot) {
  const std::string a = fresh_result_path("seed-a.h5");
  const std::string b = fresh_result_path("seed-b.h5");
  const std::string c = fresh_result_path("seed-c.h5");
  ASSERT_EQ(run("run " + demo() + " -o " + a + " --seed 7", "seed-a").exit_code, 0);
  ASSERT_EQ(run("run " + demo() + " -o " + b + " --seed 7", "seed-b").exit_code, 0);
  ASSERT_EQ(run("run " + demo() + " -o " + c + " --seed 8", "seed-c").exit_code, 0);
  for (const char* table : {"/trips", "/sessions", "/stations", "/stations/samples", "/vehicles"}) {
    const auto ta = evsim::output::read_table(a, table);
    const auto tb = evsim::output::read_table(b, table);
    ASSERT_EQ(ta.columns.size(), tb.columns.size()) << table;
    for (std::size_t i = 0; i < ta.columns.size(); ++i) {
      EXPECT_TRUE(ta.columns[i].data == tb.columns[i].data) << table << "/" << ta.columns[i].name;
    }
  }
  EXPECT_FALSE(evsim::output::read_table(a, "/trips").columns[5].data ==
               evsim::output::read_table(c, "/trips").columns[5].data);
}

}  // namespace
