#include "models/coverage/street_coverage.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "tests/models/coverage/hand_graph.hpp"

namespace evsim::models::coverage {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
using testing::hand_graph;
using testing::kHandDistances;

TEST(StreetCoverage, OneWayEdgeIsCoveredFromItsHeadBack) {
  EXPECT_EQ(covered_length_one_way(300.0, 0.0, 1000.0), 300.0);    // station at the head
  EXPECT_EQ(covered_length_one_way(300.0, 800.0, 1000.0), 200.0);  // last 200 m
  EXPECT_EQ(covered_length_one_way(300.0, 1000.0, 1000.0), 0.0);
  EXPECT_EQ(covered_length_one_way(300.0, inf, 1000.0), 0.0);
}

TEST(StreetCoverage, TwoWayStreetIsCoveredFromBothEndsOnce) {
  EXPECT_EQ(covered_length_two_way(400.0, 400.0, 900.0, 700.0, 1000.0), 400.0);  // 100 + 300, whole street
  EXPECT_EQ(covered_length_two_way(400.0, 400.0, 900.0, 950.0, 1000.0), 150.0);  // 100 + 50
  EXPECT_EQ(covered_length_two_way(400.0, 400.0, 0.0, 0.0, 1000.0), 400.0);      // not 800
  EXPECT_EQ(covered_length_two_way(400.0, 400.0, inf, 850.0, 1000.0), 150.0);
}

TEST(StreetCoverage, DirectionsOfDifferentLengthsUseFractions) {
  // u -> v 300 m, v -> u 500 m, street length 400 m. From u's side: (1000 - 800) / 500 = 0.4 of
  // it; from v's side (1000 - 900) / 300 = 1/3. Covered 400 x 11/15.
  EXPECT_NEAR(covered_length_two_way(300.0, 500.0, 800.0, 900.0, 1000.0), 400.0 * 11.0 / 15.0, 1e-9);
  EXPECT_EQ(covered_length_two_way(300.0, 500.0, 0.0, inf, 1000.0), 400.0);
}

TEST(StreetCoverage, HandCheckedGraph) {
  const road::RoadGraph g = hand_graph();
  // R = 1000: {0,1} 400, {1,2} 400, 2->3 100, 3->1 600, {1,4} 300, {5,6} 0, 7->3 100.
  const StreetCoverage all = street_coverage(g, kHandDistances, {}, 1000.0);
  EXPECT_EQ(all.streets, 7u);
  EXPECT_EQ(all.total_length_m, 2800.0);
  EXPECT_EQ(all.covered_length_m, 1900.0);
  // R = 800: {0,1} min(400, 100 + 400), {1,2} 400, 2->3 0, 3->1 500, {1,4} 300, 7->3 0.
  EXPECT_EQ(street_coverage(g, kHandDistances, {}, 800.0).covered_length_m, 1600.0);
  // Area without 5, 6 and 7: streets with both ends inside.
  const std::vector<std::uint8_t> area{1, 1, 1, 1, 1, 0, 0, 0};
  const StreetCoverage part = street_coverage(g, kHandDistances, area, 1000.0);
  EXPECT_EQ(part.streets, 5u);
  EXPECT_EQ(part.total_length_m, 2200.0);
  EXPECT_EQ(part.covered_length_m, 1800.0);
}

TEST(StreetCoverage, ParallelEdgesPairByLengthAndLeftoversAreOneWay) {
  // 0 -> 1 twice (100 and 160), 1 -> 0 once (120): street {100, 120} plus one-way 160.
  const road::RoadGraph g({0, 100}, {0, 0}, {{0, 1, 160, 30}, {0, 1, 100, 30}, {1, 0, 120, 30}});
  const std::vector<double> d{inf, 950};  // station 950 m beyond node 1
  const StreetCoverage c = street_coverage(g, d, {}, 1000.0);
  EXPECT_EQ(c.streets, 2u);
  EXPECT_EQ(c.total_length_m, 110.0 + 160.0);
  // Street: from v's side (1000 - 950) / 100 of 110 m; one-way 0 -> 1: the last 50 m.
  EXPECT_NEAR(c.covered_length_m, 110.0 * 0.5 + 50.0, 1e-12);
}

}  // namespace
}  // namespace evsim::models::coverage
