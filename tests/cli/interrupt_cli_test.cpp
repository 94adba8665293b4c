// Signals end `evsim` with 128 + the signal number at every phase, and the file and the printed
// words agree. Deterministic: the test-only EVSIM_TEST_RAISE hook (cli/interrupt.hpp) makes evsim
// raise the signal on itself at the start of a phase, or once the simulation reached a time.
#include <gtest/gtest.h>

#include <csignal>
#include <ostream>
#include <filesystem>
#include <string>
#include <tuple>

#include "output/result_reader.hpp"
#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;

using evsim::test::demo;
using evsim::test::fresh_result_path;
using evsim::test::run_evsim;

struct Signal {
  const char* name;
  int exit_code;
};
constexpr Signal kSignals[] = {{"SIGINT", 130}, {"SIGTERM", 143}, {"SIGHUP", 129}};

void PrintTo(const Signal& s, std::ostream* os) { *os << s.name; }

std::string raise_at(const std::string& phase, const char* signal) {
  return "env EVSIM_TEST_RAISE=" + phase + ":" + signal;
}

std::string status_of(const std::string& file) {
  return std::get<std::string>(evsim::output::read_attribute(file, "/meta", "status"));
}

std::int64_t simulated_until_ms(const std::string& file) {
  return std::get<std::int64_t>(evsim::output::read_attribute(file, "/meta", "simulated_until_ms"));
}

class RunInterrupt : public ::testing::TestWithParam<Signal> {};

TEST_P(RunInterrupt, WhileLoadingOrBuildingLeavesNoFile) {
  const Signal s = GetParam();
  for (const auto& [phase, words] : {std::pair{"load", "loading the scenario"}, std::pair{"build", "building the network"}}) {
    const std::string out = fresh_result_path(std::string("int-") + phase + "-" + s.name + ".h5");
    const auto r = run_evsim("run " + demo() + " -o " + out, std::string("int-") + phase + s.name, raise_at(phase, s.name));
    EXPECT_EQ(r.signal, 0);
    EXPECT_EQ(r.exit_code, s.exit_code) << r.out;
    EXPECT_EQ(r.out, std::string("evsim: interrupted by ") + s.name + " while " + words + "; no result file written\n");
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(out + ".partial"));
  }
}

TEST_P(RunInterrupt, WhileSimulatingFinishesTheFileAtTheTimeReached) {
  const Signal s = GetParam();
  const std::string out = fresh_result_path(std::string("int-sim-") + s.name + ".h5");
  const auto r = run_evsim("run " + demo() + " -o " + out + " --json", std::string("int-sim-") + s.name,
                           raise_at("simulate@10h", s.name));
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, s.exit_code) << r.out;
  EXPECT_EQ(r.stderr_text, std::string("evsim: interrupted by ") + s.name + " while simulating at t=10:00:00.000; results "
                               "up to that time are in " + out + " (status interrupted)\n");
  EXPECT_NE(r.stdout_text.find("\"status\": \"interrupted\""), std::string::npos) << r.stdout_text;
  EXPECT_NE(r.stdout_text.find("\"simulated_h\": 10,"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.out.find("complete"), std::string::npos) << r.out;
  ASSERT_TRUE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
  EXPECT_EQ(status_of(out), "interrupted");
  EXPECT_EQ(simulated_until_ms(out), 10 * 3'600'000);
  EXPECT_EQ(std::get<double>(evsim::output::read_attribute(out, "/kpi", "simulated_h")), 10.0);
  // What was computed is kept: the morning's trips, none departing after 10 h.
  const auto trips = evsim::output::read_table(out, "/trips");
  EXPECT_GT(trips.rows(), 0u);
  for (const std::int64_t t : std::get<std::vector<std::int64_t>>(trips.column("depart_ms").data)) {
    EXPECT_LE(t, 10 * 3'600'000);
  }
}

TEST_P(RunInterrupt, AtTheStartOfTheSimulationRecordsTimeZero) {
  const Signal s = GetParam();
  const std::string out = fresh_result_path(std::string("int-sim0-") + s.name + ".h5");
  const auto r = run_evsim("run " + demo() + " -o " + out, std::string("int-sim0-") + s.name, raise_at("simulate", s.name));
  EXPECT_EQ(r.exit_code, s.exit_code) << r.out;
  EXPECT_EQ(r.stderr_text, std::string("evsim: interrupted by ") + s.name + " while simulating at t=00:00:00.000; results "
                               "up to that time are in " + out + " (status interrupted)\n");
  EXPECT_EQ(status_of(out), "interrupted");
  EXPECT_EQ(simulated_until_ms(out), 0);
}

TEST_P(RunInterrupt, WhileWritingStillWritesEveryTableAndMarksTheFileInterrupted) {
  const Signal s = GetParam();
  const std::string out = fresh_result_path(std::string("int-write-") + s.name + ".h5");
  const auto r = run_evsim("run " + demo() + " -o " + out, std::string("int-write-") + s.name, raise_at("write", s.name));
  EXPECT_EQ(r.exit_code, s.exit_code) << r.out;
  EXPECT_EQ(r.stderr_text, std::string("evsim: interrupted by ") + s.name + " while writing results at t=1d "
                               "00:00:00.000; results up to that time are in " + out + " (status interrupted)\n");
  EXPECT_NE(r.stdout_text.find("): interrupted, simulated 24.0 of 24.0 h"), std::string::npos) << r.stdout_text;
  EXPECT_EQ(r.out.find("complete"), std::string::npos) << r.out;
  EXPECT_EQ(status_of(out), "interrupted");
  EXPECT_EQ(simulated_until_ms(out), 24 * 3'600'000);
  const evsim::output::ResultReader reader = evsim::output::ResultReader::open(out);
  for (const char* table : {"/trips", "/needs", "/sessions", "/stations", "/stations/samples", "/vehicles", "/segments"}) {
    EXPECT_TRUE(reader.has_attribute(table, "columns")) << table;
  }
}

INSTANTIATE_TEST_SUITE_P(EachSignal, RunInterrupt, ::testing::ValuesIn(kSignals),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(CliInterrupt, ASecondSignalEndsTheRunAtOnceAndRemovesThePartialFile) {
  const std::string out = fresh_result_path("int-second.h5");
  const auto r = run_evsim("run " + demo() + " -o " + out, "int-second", "env EVSIM_TEST_RAISE=write:SIGINT,SIGTERM");
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 143) << r.out;
  EXPECT_EQ(r.out, "evsim: second signal (SIGTERM): stopped at once; removed " + fs::absolute(out + ".partial").string() +
                       "\n");  // nothing after it: no summary, no "interrupted" line
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
  const auto during = run_evsim("run " + demo() + " -o " + out, "int-second-sim",
                                "env EVSIM_TEST_RAISE=simulate@2h:SIGHUP,SIGINT");
  EXPECT_EQ(during.exit_code, 130) << during.out;
  EXPECT_EQ(during.stdout_text, "");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

class CoverageAndPlaceInterrupt : public ::testing::TestWithParam<Signal> {};

TEST_P(CoverageAndPlaceInterrupt, EveryPhase) {
  const Signal s = GetParam();
  const std::string name = s.name;
  for (const auto& [phase, words] : {std::pair{"load", "loading the scenario"}, std::pair{"build", "building the network"},
                                     std::pair{"analyse", "analysing coverage"}}) {
    const std::string out = fresh_result_path("int-cov-" + std::string(phase) + name + ".h5");
    const auto r = run_evsim("coverage " + demo() + " -o " + out, "int-cov-" + std::string(phase) + name, raise_at(phase, s.name));
    EXPECT_EQ(r.exit_code, s.exit_code) << r.out;
    EXPECT_EQ(r.out, "evsim: interrupted by " + name + " while " + words + "; no result file written\n");
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(out + ".partial"));
  }
  const std::string cov = fresh_result_path("int-cov-write" + name + ".h5");
  const auto w = run_evsim("coverage " + demo() + " -o " + cov, "int-cov-write" + name, raise_at("write", s.name));
  EXPECT_EQ(w.exit_code, s.exit_code) << w.out;
  EXPECT_EQ(w.stderr_text, "evsim: interrupted by " + name + " while writing results; " + cov +
                               " is marked status interrupted\n");
  EXPECT_EQ(status_of(cov), "interrupted");

  for (const auto& [phase, words] : {std::pair{"load", "loading the scenario"}, std::pair{"build", "building the network"},
                                     std::pair{"place", "placing sites"}}) {
    const std::string sites = fresh_result_path("int-place-" + std::string(phase) + name + ".csv");
    const auto r = run_evsim("place " + demo() + " --sites " + sites, "int-place-" + std::string(phase) + name,
                             raise_at(phase, s.name));
    EXPECT_EQ(r.exit_code, s.exit_code) << r.out;
    EXPECT_EQ(r.out, "evsim: interrupted by " + name + " while " + words + "; no result file written\n");
    EXPECT_FALSE(fs::exists(sites));
    EXPECT_FALSE(fs::exists(sites + ".partial"));
  }
  const std::string sites = fresh_result_path("int-place-write" + name + ".csv");
  const auto p = run_evsim("place " + demo() + " --sites " + sites, "int-place-write" + name, raise_at("write", s.name));
  EXPECT_EQ(p.exit_code, s.exit_code) << p.out;
  EXPECT_EQ(p.out, "evsim: interrupted by " + name + " while writing results; no sites file written (" + sites +
                       ".partial removed)\n");
  EXPECT_FALSE(fs::exists(sites));
  EXPECT_FALSE(fs::exists(sites + ".partial"));
}

INSTANTIATE_TEST_SUITE_P(EachSignal, CoverageAndPlaceInterrupt, ::testing::ValuesIn(kSignals),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(CliInterrupt, AMalformedTestHookIsABadInput) {
  const auto r = run_evsim("validate " + demo(), "int-bad-hook", "env EVSIM_TEST_RAISE=simulate@6h:SIGKILL");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (environment): EVSIM_TEST_RAISE: expected <phase>[@<sim time>]:<SIGNAL>[,<SIGNAL>...] with "
                   "phase load, build, simulate, analyse, place or write and SIGNAL SIGINT, SIGTERM or SIGHUP (a "
                   "test-only hook), found \"simulate@6h:SIGKILL\"\n");
}

}  // namespace
