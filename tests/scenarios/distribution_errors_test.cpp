// Bad distributions: forms, parameter ranges and bounds, each with its exact message.
#include <gtest/gtest.h>

#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with_segment;

// A segment with the three distribution keys on lines 5, 6 and 7.
std::string segment(const std::string& soc, const std::string& depart, const std::string& dwell) {
  return scenario_with_segment("    vehicle_type: car\n    count: 1\n    initial_soc: " + soc + "\n    depart_to_work: " +
                               depart + "\n    work_dwell: " + dwell + "\n");
}

TEST(DistributionErrors, UniformNeedsTwoOrderedValuesInRange) {
  EXPECT_EQ(error_of(segment("{uniform: [0.9, 0.3]}", "'08:00'", "8h")),
            R"(t.yaml:5:28: fleet[0].initial_soc.uniform: expected min <= max, found min "0.9" above max "0.3")");
  EXPECT_EQ(error_of(segment("{uniform: [0.1, 0.2, 0.3]}", "'08:00'", "8h")),
            R"(t.yaml:5:28: fleet[0].initial_soc.uniform: expected a list [min, max], found a list of 3 values)");
  EXPECT_EQ(error_of(segment("{uniform: {min: 0.1, max: 0.2}}", "'08:00'", "8h")),
            R"(t.yaml:5:28: fleet[0].initial_soc.uniform: expected a list [min, max], found a mapping)");
  EXPECT_EQ(error_of(segment("{uniform: [0.3, 1.2]}", "'08:00'", "8h")),
            R"(t.yaml:5:34: fleet[0].initial_soc.uniform[1]: expected a fraction from 0 to 1 (or 0% to 100%), found "1.2")");
  EXPECT_EQ(error_of(segment("0.5", "{uniform: ['07:00', '25:00']}", "8h")),
            R"(t.yaml:6:41: fleet[0].depart_to_work.uniform[1]: expected a time of day from 00:00 to 24:00 )"
            R"(("HH:MM", "HH:MM:SS" or a duration such as "8h"), found "25:00")");
}

TEST(DistributionErrors, NormalParameters) {
  EXPECT_EQ(error_of(segment("0.5", "'08:00'", "{normal: {mean: 9h, sd: -1h}}")),
            R"(t.yaml:7:41: fleet[0].work_dwell.normal.sd: expected a duration >= 0, found "-1h")");
  EXPECT_EQ(error_of(segment("{normal: {mean: 0.5}}", "'08:00'", "8h")),
            R"(t.yaml:5:27: fleet[0].initial_soc.normal: expected key "sd", found nothing)");
  EXPECT_EQ(error_of(segment("{normal: {mean: 0.2, sd: 0.1, min: 0.3}}", "'08:00'", "8h")),
            R"(t.yaml:5:27: fleet[0].initial_soc.normal: expected min <= mean <= max, found mean "0.2" below min "0.3")");
  EXPECT_EQ(error_of(segment("{normal: {mean: 0.5, sd: 0.1, max: 0.4}}", "'08:00'", "8h")),
            R"(t.yaml:5:27: fleet[0].initial_soc.normal: expected min <= mean <= max, found mean "0.5" above max "0.4")");
  EXPECT_EQ(error_of(segment("0.5", "{normal: {mean: '08:00', sd: 1h, min: '08:00', max: '08:00:01'}}", "8h")),
            R"(t.yaml:6:30: fleet[0].depart_to_work.normal: expected min and max that hold at least 0.1% of the )"
            R"(normal's probability, found 0.011%)");
  EXPECT_EQ(error_of(segment("{normal: {mean: 0.5, sd: 0.1, skew: 1}}", "'08:00'", "8h")),
            R"(t.yaml:5:48: fleet[0].initial_soc.normal.skew: expected one of the keys mean, sd, min, max, )"
            R"(found unknown key "skew")");
}

TEST(DistributionErrors, ExponentialOnlyForUnboundedKeysAndWithPositiveMean) {
  EXPECT_EQ(error_of(segment("{exponential: {mean: 0.5}}", "'08:00'", "8h")),
            R"(t.yaml:5:32: fleet[0].initial_soc.exponential: expected a distribution that stays from 0 to 1 )"
            R"((fixed, uniform or normal), found exponential)");
  EXPECT_EQ(error_of(segment("0.5", "{exponential: {mean: 1h}}", "8h")),
            R"(t.yaml:6:35: fleet[0].depart_to_work.exponential: expected a distribution that stays from 00:00 to 24:00 )"
            R"((fixed, uniform or normal), found exponential)");
  EXPECT_EQ(error_of(segment("0.5", "'08:00'", "{exponential: {mean: 0}}")),
            R"(t.yaml:7:38: fleet[0].work_dwell.exponential.mean: expected a mean > 0, found "0")");
}

TEST(DistributionErrors, ExactlyOneKnownForm) {
  EXPECT_EQ(error_of(segment("{uniform: [0.1, 0.2], fixed: 0.1}", "'08:00'", "8h")),
            R"(t.yaml:5:18: fleet[0].initial_soc: expected exactly one of the keys fixed, uniform, normal, exponential, )"
            R"(found the keys fixed, uniform)");
  EXPECT_EQ(error_of(segment("{}", "'08:00'", "8h")),
            R"(t.yaml:5:18: fleet[0].initial_soc: expected exactly one of the keys fixed, uniform, normal, exponential, )"
            R"(found an empty mapping)");
  EXPECT_EQ(error_of(segment("{lognormal: {mu: 0, sigma: 1}}", "'08:00'", "8h")),
            R"(t.yaml:5:19: fleet[0].initial_soc.lognormal: expected one of the keys fixed, uniform, normal, exponential, )"
            R"(found unknown key "lognormal")");
  EXPECT_EQ(error_of(segment("[0.1, 0.2]", "'08:00'", "8h")),
            R"(t.yaml:5:18: fleet[0].initial_soc: expected a value or a distribution mapping with one of the keys )"
            R"(fixed, uniform, normal, exponential, found a list)");
  EXPECT_EQ(error_of(segment("0.5", "'08:00'", "{fixed: -1h}")),
            R"(t.yaml:7:25: fleet[0].work_dwell.fixed: expected a duration >= 0, found "-1h")");
}

}  // namespace
}  // namespace evsim::scenarios
