// Numbers on the command line are checked like numbers in a scenario: exit 2 and one message with
// the option, the allowed range and the value found; nothing is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;

using evsim::test::demo;
using evsim::test::fresh_result_path;
using evsim::test::run_evsim;

void expect_refused(const std::string& command, const std::string& options, const std::string& message,
                    const std::string& tag) {
  const std::string out = fresh_result_path(tag + (command == "place" ? ".csv" : ".h5"));
  const std::string target = command == "place" ? " --sites " + out : " -o " + out;
  const auto r = run_evsim(command + " " + demo() + target + " " + options, tag);
  EXPECT_EQ(r.exit_code, 2) << options;
  EXPECT_EQ(r.out, "error: (command line): " + message + "\n") << options;
  EXPECT_FALSE(fs::exists(out)) << options;
  EXPECT_FALSE(fs::exists(out + ".partial")) << options;
}

TEST(CliOptionValues, SeedIsAWholeNumberThatFitsSixtyFourBits) {
  const std::string range = "--seed: expected a whole number from 0 to 18446744073709551615, found ";
  expect_refused("run", "--seed -1", range + "\"-1\"", "opt-seed-negative");
  expect_refused("run", "--seed 18446744073709551616", range + "\"18446744073709551616\"", "opt-seed-big");
  expect_refused("run", "--seed 1.5", range + "\"1.5\"", "opt-seed-fraction");
  expect_refused("run", "--seed nan", range + "\"nan\"", "opt-seed-nan");
  const std::string out = fresh_result_path("opt-seed-max.h5");
  EXPECT_EQ(run_evsim("run " + demo() + " -o " + out + " --seed 18446744073709551615", "opt-seed-max").exit_code, 0);
}

TEST(CliOptionValues, TargetIsAShareAboveZeroAndAtMostOne) {
  const std::string range = "--target: expected a share above 0 and at most 1 (0.99 or 99%), found ";
  expect_refused("place", "--target 0", range + "\"0\"", "opt-target-zero");
  expect_refused("place", "--target 1.5", range + "\"1.5\"", "opt-target-big");
  expect_refused("place", "--target -0.5", range + "\"-0.5\"", "opt-target-negative");
  expect_refused("place", "--target nan", range + "\"nan\"", "opt-target-nan");
  expect_refused("place", "--target inf", range + "\"inf\"", "opt-target-inf");
  expect_refused("place", "--target 120%", range + "\"120%\"", "opt-target-percent");
}

TEST(CliOptionValues, SiteAndPlugCountsAreWholeNumbersInRange) {
  expect_refused("place", "--max-sites 0", "--max-sites: expected a whole number from 1 to 4294967295, found \"0\"",
                 "opt-max-sites-zero");
  expect_refused("place", "--max-sites -3", "--max-sites: expected a whole number from 1 to 4294967295, found \"-3\"",
                 "opt-max-sites-negative");
  expect_refused("place", "--dc-plugs -1", "--dc-plugs: expected a whole number from 0 to 4294967295, found \"-1\"",
                 "opt-dc-plugs-negative");
  expect_refused("place", "--ac-plugs 2.5", "--ac-plugs: expected a whole number from 0 to 4294967295, found \"2.5\"",
                 "opt-ac-plugs-fraction");
  expect_refused("place", "--dc-plugs 0 --ac-plugs 0",
                 "--dc-plugs, --ac-plugs: expected at least one plug per new site in total, found 0 DC and 0 AC plugs",
                 "opt-no-plugs");
}

TEST(CliOptionValues, PowersAndRadiiArePositiveFiniteQuantities) {
  expect_refused("place", "--dc-power -60kW", "--dc-power: expected a power (units kW, MW, W) above 0, found \"-60kW\"",
                 "opt-dc-power-negative");
  expect_refused("place", "--ac-power 0", "--ac-power: expected a power (units kW, MW, W) above 0, found \"0\"",
                 "opt-ac-power-zero");
  expect_refused("place", "--dc-power nan", "--dc-power: expected a power (units kW, MW, W) above 0, found \"nan\"",
                 "opt-dc-power-nan");
  expect_refused("coverage", "--radius 0km", "--radius: expected a length (units m, km) above 0, found \"0km\"",
                 "opt-radius-zero");
  expect_refused("coverage", "--radius inf", "--radius: expected a length (units m, km) above 0, found \"inf\"",
                 "opt-radius-inf");
  expect_refused("place", "--radius -1", "--radius: expected a length (units m, km) above 0, found \"-1\"",
                 "opt-radius-negative");
}

TEST(CliOptionValues, ABareRadiusIsMetres) {
  const auto bare = run_evsim("coverage " + demo() + " --radius 800 --json", "opt-radius-bare");
  const auto metres = run_evsim("coverage " + demo() + " --radius 800m --json", "opt-radius-m");
  const auto km = run_evsim("coverage " + demo() + " --radius 0.8km --json", "opt-radius-km");
  ASSERT_EQ(bare.exit_code, 0) << bare.out;
  EXPECT_EQ(bare.out, metres.out);
  EXPECT_EQ(bare.out, km.out);
  EXPECT_NE(bare.out.find("\"radius_m\": 800"), std::string::npos) << bare.out;
}

}  // namespace
