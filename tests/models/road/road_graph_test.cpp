#include "models/road/road_graph.hpp"

#include <gtest/gtest.h>

#include "models/road/grid_generator.hpp"

namespace evsim::models::road {
namespace {

std::string check_message(std::vector<EdgeInput> edges) {
  try {
    RoadGraph g({0.0, 100.0, 200.0}, {0.0, 0.0, 0.0}, std::move(edges));
    return "no error";
  } catch (const std::logic_error& e) {
    return e.what();
  }
}

TEST(RoadGraph, GridHasTheExpectedNodesEdgesAndCoordinates) {
  const RoadGraph g = make_grid({.rows = 3, .cols = 4, .spacing_m = 250.0, .speed_kmh = 36.0});
  EXPECT_EQ(g.node_count(), 12u);
  EXPECT_EQ(g.edge_count(), 2u * (3 * 3 + 4 * 2));  // two-way: 3 rows of 3, 4 columns of 2
  EXPECT_DOUBLE_EQ(g.x_m(7), 3 * 250.0);          // node 7 = row 1, col 3
  EXPECT_DOUBLE_EQ(g.y_m(7), 250.0);
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    EXPECT_DOUBLE_EQ(g.length_m(e), 250.0);
    EXPECT_EQ(g.travel_time_ms(e), 25'000);  // 250 m at 10 m/s
  }
}

TEST(RoadGraph, EdgesAreStoredInCsrOrderWhateverTheInputOrder) {
  const RoadGraph g({0, 1, 2}, {0, 0, 0}, {{2, 0, 5.0, 36.0}, {0, 2, 7.0, 36.0}, {0, 1, 3.0, 36.0}});
  ASSERT_EQ(g.out_end(0) - g.out_begin(0), 2u);
  EXPECT_EQ(g.target(g.out_begin(0)), 1u);
  EXPECT_DOUBLE_EQ(g.length_m(g.out_begin(0)), 3.0);
  EXPECT_EQ(g.target(g.out_begin(0) + 1), 2u);
  EXPECT_DOUBLE_EQ(g.length_m(g.out_begin(0) + 1), 7.0);
  EXPECT_EQ(g.out_begin(1), g.out_end(1));
  EXPECT_EQ(g.target(g.out_begin(2)), 0u);
}

TEST(RoadGraph, ReversedSwapsEveryEdge) {
  const RoadGraph g({0, 1, 2}, {0, 0, 0}, {{0, 1, 3.0, 36.0}, {1, 2, 4.0, 36.0}});
  const RoadGraph r = g.reversed();
  ASSERT_EQ(r.edge_count(), 2u);
  EXPECT_EQ(r.out_end(0) - r.out_begin(0), 0u);
  EXPECT_EQ(r.target(r.out_begin(1)), 0u);
  EXPECT_EQ(r.target(r.out_begin(2)), 1u);
}

TEST(RoadGraphCheck, NamesTheBrokenInvariant) {
  EXPECT_EQ(check_message({{1, 1, 5.0, 30.0}}), "check(RoadGraph): edge 0 is a self-loop at node 1");
  EXPECT_EQ(check_message({{0, 1, -5.0, 30.0}}), "check(RoadGraph): edge 0 has length -5 m");
  EXPECT_EQ(check_message({{0, 1, 5.0, 0.0}}), "check(RoadGraph): edge 0 has speed 0 km/h");
  EXPECT_EQ(check_message({{0, 3, 5.0, 30.0}}), "RoadGraph: edge 0->3 names a node outside 0..2");
  EXPECT_EQ(check_message({{0, 1, 5.0, 30.0}}), "no error");
}

}  // namespace
}  // namespace evsim::models::road
