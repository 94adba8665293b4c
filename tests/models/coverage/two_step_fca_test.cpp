#include "models/coverage/two_step_fca.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace evsim::models::coverage {
namespace {

// A --600-- B --700-- C; station 0 on A with 2 plugs, station 1 on C with 3 plugs; demand
// A 100, B 200, C 300; catchment 1000 m.
const std::vector<NodeId> kStations{0, 2};
const std::vector<double> kPlugs{2.0, 3.0};
const std::vector<double> kDemand{100.0, 200.0, 300.0};

TEST(TwoStepFca, ThreeNodesByHand) {
  const road::RoadGraph g({0, 600, 1300}, {0, 0, 0},
                          {{0, 1, 600, 30}, {1, 0, 600, 30}, {1, 2, 700, 30}, {2, 1, 700, 30}});
  const TwoStepFca r = two_step_fca(LengthGraph::reversed(g), kStations, kPlugs, kDemand, 1000.0);
  // Station A serves A (0 m) and B (600 m): R = 2 / 300. Station C serves B (700 m) and C: R = 3 / 500.
  ASSERT_EQ(r.station_ratio.size(), 2u);
  EXPECT_DOUBLE_EQ(r.station_ratio[0], 2.0 / 300.0);
  EXPECT_DOUBLE_EQ(r.station_ratio[1], 3.0 / 500.0);
  EXPECT_DOUBLE_EQ(r.accessibility[0], 2.0 / 300.0);
  EXPECT_DOUBLE_EQ(r.accessibility[1], 2.0 / 300.0 + 3.0 / 500.0);
  EXPECT_DOUBLE_EQ(r.accessibility[2], 3.0 / 500.0);
}

TEST(TwoStepFca, DistanceIsFromTheDemandNodeToTheStation) {
  // A -> B one-way: B cannot drive to A, so station A serves A alone: R = 2 / 100.
  const road::RoadGraph g({0, 600, 1300}, {0, 0, 0}, {{0, 1, 600, 30}, {1, 2, 700, 30}, {2, 1, 700, 30}});
  const TwoStepFca r = two_step_fca(LengthGraph::reversed(g), kStations, kPlugs, kDemand, 1000.0);
  EXPECT_DOUBLE_EQ(r.station_ratio[0], 0.02);
  EXPECT_DOUBLE_EQ(r.station_ratio[1], 3.0 / 500.0);
  EXPECT_DOUBLE_EQ(r.accessibility[0], 0.02);
  EXPECT_DOUBLE_EQ(r.accessibility[1], 3.0 / 500.0);
  EXPECT_DOUBLE_EQ(r.accessibility[2], 3.0 / 500.0);
}

TEST(TwoStepFca, CatchmentIsInclusiveAndEmptyCatchmentsGiveZero) {
  const road::RoadGraph g({0, 600, 1300}, {0, 0, 0},
                          {{0, 1, 600, 30}, {1, 0, 600, 30}, {1, 2, 700, 30}, {2, 1, 700, 30}});
  // d0 = 600: B is exactly 600 m from A and in its catchment; 700 m from C and not.
  const TwoStepFca r = two_step_fca(LengthGraph::reversed(g), kStations, kPlugs, kDemand, 600.0);
  EXPECT_DOUBLE_EQ(r.accessibility[1], 2.0 / 300.0);
  const std::vector<double> no_demand{0.0, 0.0, 0.0};
  const TwoStepFca z = two_step_fca(LengthGraph::reversed(g), kStations, kPlugs, no_demand, 1000.0);
  EXPECT_EQ(z.station_ratio, (std::vector<double>{0.0, 0.0}));
  EXPECT_EQ(z.accessibility, (std::vector<double>{0.0, 0.0, 0.0}));
}

}  // namespace
}  // namespace evsim::models::coverage
