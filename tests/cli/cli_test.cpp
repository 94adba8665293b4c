// End-to-end tests of the evsim executable: exit codes, messages, results, determinism.
#include <gtest/gtest.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "output/result_reader.hpp"
#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;

using evsim::test::data;
using evsim::test::demo;
using evsim::test::result_path;
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
  const std::string out = result_path("off-network.h5");
  const Result ran = run("run " + data("station_off_network.yaml") + " -o " + out, "off-network-run");
  EXPECT_EQ(ran.exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

TEST(Cli, UnwritableOutputIsABadInput) {
  const Result r = run("run " + demo() + " -o /nonexistent-folder/x.h5", "unwritable");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("/nonexistent-folder"), std::string::npos) << r.out;
}

TEST(Cli, RunWritesCompleteResultsAndJsonSummary) {
  const std::string out = result_path("demo-json.h5");
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
  const std::string a = result_path("seed-a.h5");
  const std::string b = result_path("seed-b.h5");
  const std::string c = result_path("seed-c.h5");
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

TEST(Cli, InterruptedRunKeepsWhatItComputedAndSaysSo) {
  const std::string out = result_path("interrupted.h5");
  fs::remove(out);
  const std::string scenario = data("big_for_interrupt.yaml");
  std::vector<std::string> args{EVSIM_EXE, "run", scenario, "-o", out, "--json"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, EVSIM_EXE, nullptr, nullptr, argv.data(), environ), 0);
  // Wait until the run is under way (its .partial file exists), let it simulate a little, stop it.
  for (int i = 0; i < 200 && !fs::exists(out + ".partial"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ASSERT_EQ(kill(pid, SIGINT), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  ASSERT_TRUE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
  EXPECT_EQ(std::get<std::string>(evsim::output::read_attribute(out, "/meta", "status")), "interrupted");
  const double simulated_h = std::get<double>(evsim::output::read_attribute(out, "/kpi", "simulated_h"));
  EXPECT_GT(simulated_h, 0.0);
  EXPECT_LT(simulated_h, 24.0);
  // What was computed is kept: every trip counted in /kpi is in /trips.
  const auto trips = evsim::output::read_table(out, "/trips");
  const auto kpi_trips = std::get<std::uint64_t>(evsim::output::read_attribute(out, "/kpi", "trips"));
  EXPECT_GE(trips.rows(), kpi_trips);
}

}  // namespace
