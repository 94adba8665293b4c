#include "models/road/ring_radial.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "models/road/grid_generator.hpp"
#include "road_test_util.hpp"

namespace evsim::models::road {
namespace {

using testing::error_of;

RingRadialSpec ring_spec(double max_segment_m) {
  return {.rings = 3, .spokes = 4, .ring_spacing_m = 100.0, .max_segment_m = max_segment_m,
          .radial_speed_kmh = 50.0, .ring_speed_kmh = 30.0};
}

double total_length(const RoadGraph& g) {
  double total = 0.0;
  for (EdgeId e = 0; e < g.edge_count(); ++e) total += g.length_m(e);
  return total;
}

TEST(RingRadial, CountsPositionsAndLengthsWithoutSplitting) {
  const RoadNetwork net = make_ring_radial(ring_spec(0.0));
  const RoadGraph& g = net.graph;
  check(g);
  EXPECT_EQ(g.node_count(), 1u + 3 * 4);
  EXPECT_EQ(g.edge_count(), 2u * (3 * 4 + 3 * 4));  // ring arcs and radial pieces, both ways
  EXPECT_EQ(g.x_m(0), 0.0);
  EXPECT_EQ(g.y_m(0), 0.0);
  EXPECT_DOUBLE_EQ(g.x_m(1), 100.0);  // ring 1, spoke 0 on the +x axis
  EXPECT_NEAR(g.y_m(2), 100.0, 1e-9);  // ring 1, spoke 1 at 90 degrees
  EXPECT_DOUBLE_EQ(g.x_m(5), 200.0);  // ring 2 starts at node 1 + 4
  // Out of the centre: the four spokes, 100 m each at the radial speed.
  ASSERT_EQ(g.out_end(0) - g.out_begin(0), 4u);
  for (EdgeId e = g.out_begin(0); e < g.out_end(0); ++e) {
    EXPECT_EQ(g.length_m(e), 100.0);
    EXPECT_EQ(g.speed_kmh(e), 50.0);
  }
  // Ring 2 arc between spokes: radius * angle.
  for (EdgeId e = g.out_begin(5); e < g.out_end(5); ++e) {
    if (g.target(e) == 6) {
      EXPECT_DOUBLE_EQ(g.length_m(e), 200.0 * std::numbers::pi / 2);
    }
  }
  EXPECT_NEAR(total_length(g), 2 * (2 * std::numbers::pi * (100 + 200 + 300) + 12 * 100.0), 1e-6);
  EXPECT_EQ(net.report.components, 1u);
  EXPECT_EQ(net.report.nodes_dropped, 0u);
  EXPECT_EQ(net.report.edges, g.edge_count());
  EXPECT_EQ(net.source_ids.size(), g.node_count());
  EXPECT_EQ(net.source_ids[12], 12);
  EXPECT_FALSE(net.projection);
}

TEST(RingRadial, SplitsArcsIntoPiecesNoLongerThanTheMaximum) {
  const RoadNetwork net = make_ring_radial(ring_spec(100.0));
  const RoadGraph& g = net.graph;
  check(g);
  // Arcs of 157.1, 314.2 and 471.2 m: 2, 4 and 5 pieces; 4 arcs a ring.
  EXPECT_EQ(g.node_count(), 1u + 4 * (2 + 4 + 5));
  EXPECT_EQ(g.edge_count(), 2u * (4 * (2 + 4 + 5) + 12));
  for (EdgeId e = 0; e < g.edge_count(); ++e) EXPECT_LE(g.length_m(e), 100.0 + 1e-9);
  EXPECT_NEAR(total_length(g), 2 * (2 * std::numbers::pi * (100 + 200 + 300) + 12 * 100.0), 1e-6);
  // Every node sits on its ring: distance to the centre is a multiple of 100 m.
  for (NodeId u = 1; u < g.node_count(); ++u) {
    const double r = std::hypot(g.x_m(u), g.y_m(u));
    EXPECT_NEAR(r, 100.0 * std::round(r / 100.0), 1e-9);
  }
  // Ring 1 (nodes 1..8): spoke 0 at node 1, spoke 1 at node 3 (two pieces per arc).
  EXPECT_NEAR(g.x_m(3), 0.0, 1e-9);
  EXPECT_NEAR(g.y_m(3), 100.0, 1e-9);
}

TEST(RingRadial, RejectsImpossibleSpecs) {
  for (auto bad : {RingRadialSpec{.rings = 0, .spokes = 4, .ring_spacing_m = 100, .max_segment_m = 0,
                                                  .radial_speed_kmh = 50, .ring_speed_kmh = 30},
                   RingRadialSpec{.rings = 2, .spokes = 2, .ring_spacing_m = 100, .max_segment_m = 0,
                                                  .radial_speed_kmh = 50, .ring_speed_kmh = 30},
                   RingRadialSpec{.rings = 2, .spokes = 4, .ring_spacing_m = 100, .max_segment_m = -1,
                                                  .radial_speed_kmh = 50, .ring_speed_kmh = 30}}) {
    EXPECT_EQ(error_of([&] { make_ring_radial(bad); }),
              "make_ring_radial: needs rings >= 1, spokes >= 3, ring spacing > 0, max segment >= 0 and speeds > 0");
  }
}

TEST(GridNetwork, KeepsRowMajorIdsAndFillsTheReport) {
  const GridSpec spec{.rows = 3, .cols = 4, .spacing_m = 250.0, .speed_kmh = 36.0};
  const RoadNetwork net = make_grid_network(spec);
  const RoadGraph plain = make_grid(spec);
  ASSERT_EQ(net.graph.node_count(), plain.node_count());
  for (NodeId u = 0; u < plain.node_count(); ++u) {
    EXPECT_EQ(net.graph.x_m(u), plain.x_m(u));
    EXPECT_EQ(net.graph.y_m(u), plain.y_m(u));
    EXPECT_EQ(net.source_ids[u], u);
  }
  EXPECT_EQ(net.report.nodes, 12u);
  EXPECT_EQ(net.report.edges, 34u);
  EXPECT_EQ(net.report.edges_read, 34u);
  EXPECT_EQ(net.report.components, 1u);
  EXPECT_DOUBLE_EQ(net.report.length_m, 34 * 250.0);
  EXPECT_EQ(net.report.source, "grid town: 3 x 4 nodes, 250 m apart");
}

}  // namespace
}  // namespace evsim::models::road
