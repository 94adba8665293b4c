#include "models/coverage/distance_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "models/coverage/boost_length_dijkstra.hpp"
#include "models/coverage/distance_key.hpp"
#include "models/road/grid_generator.hpp"
#include "sim/random.hpp"
#include "tests/models/coverage/random_road.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::coverage {
namespace {

using testing::random_road;

std::vector<NodeId> random_nodes(std::uint32_t count, std::uint32_t n, std::uint64_t seed) {
  sim::RandomStream rng(seed, 0, "tests/coverage/nodes");
  std::vector<NodeId> out(count);
  for (auto& v : out) v = static_cast<NodeId>(rng.uniform_index(n));
  return out;
}

TEST(LengthGraph, ReversedHoldsEveryEdgeBackwards) {
  const road::RoadGraph g({0, 1, 2}, {0, 0, 0}, {{0, 1, 5.0, 30.0}, {0, 2, 7.0, 30.0}, {2, 1, 3.0, 30.0}});
  const LengthGraph r = LengthGraph::reversed(g);
  ASSERT_EQ(r.arc_count(), 3u);
  EXPECT_TRUE(r.arcs(0).empty());
  ASSERT_EQ(r.arcs(1).size(), 2u);
  EXPECT_EQ(r.arcs(1)[0].head, 0u);
  EXPECT_EQ(r.arcs(1)[0].length_m, 5.0);
  EXPECT_EQ(r.arcs(1)[1].head, 2u);
  EXPECT_EQ(r.arcs(1)[1].length_m, 3.0);
  EXPECT_EQ(LengthGraph::undirected(g).arc_count(), 6u);
  EXPECT_EQ(LengthGraph::forward(g).arcs(0).size(), 2u);
}

// The acceptance check for keeping a hand-written Dijkstra: the same doubles as Boost's.
TEST(DistanceSearch, IdenticalToBoostOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const road::RoadGraph g = random_road({.nodes = 300, .neighbours = 3, .seed = seed});
    const road::RoadGraph rg = g.reversed();
    const LengthGraph to = LengthGraph::reversed(g);
    DistanceSearch search(g.node_count());
    for (const std::uint32_t source_count : {1u, 5u}) {
      const std::vector<NodeId> sources = random_nodes(source_count, g.node_count(), seed * 10 + source_count);
      const std::vector<double> expected = boost_distances_m(rg, sources);
      std::vector<double> got(g.node_count(), kUnreachable);
      for (const Reached& r : search.run(to, sources)) got[r.node] = r.distance_m;
      const NearestStation nearest = nearest_stations(to, sources);
      for (NodeId v = 0; v < g.node_count(); ++v) {
        ASSERT_EQ(got[v], expected[v]) << "seed " << seed << " node " << v;
        ASSERT_EQ(nearest.distance_m[v], expected[v]) << "seed " << seed << " node " << v;
        ASSERT_EQ(search.distance_m(v), expected[v]);
      }
      if (source_count == 1) {
        const std::vector<double> one = distances_from(to, sources[0]);
        EXPECT_EQ(one, expected) << "seed " << seed;
      }
    }
  }
}

// An arc of 1e-11 m against ~100 km of road makes bucketed keys too fine (distance_key.hpp): the
// searches fall back to bit-pattern keys, still identical to Boost.
TEST(DistanceSearch, IdenticalToBoostWithBitPatternKeys) {
  const road::RoadGraph base = random_road({.nodes = 300, .neighbours = 3, .seed = 99});
  std::vector<double> x, y;
  std::vector<road::EdgeInput> edges;
  for (NodeId v = 0; v < base.node_count(); ++v) {
    x.push_back(base.x_m(v));
    y.push_back(base.y_m(v));
  }
  for (road::EdgeId e = 0; e < base.edge_count(); ++e) edges.push_back({base.source(e), base.target(e), base.length_m(e), 30.0});
  edges.push_back({0, 1, 1e-11, 30.0});
  edges.push_back({1, 0, 1e-11, 30.0});
  const road::RoadGraph g(std::move(x), std::move(y), std::move(edges));
  const LengthGraph to = LengthGraph::reversed(g);
  ASSERT_FALSE(DistanceKey(to).bucketed());
  ASSERT_TRUE(DistanceKey(LengthGraph::reversed(base)).bucketed());
  const std::vector<NodeId> sources{0, 17, 123};
  const std::vector<double> expected = boost_distances_m(g.reversed(), sources);
  EXPECT_EQ(nearest_stations(to, sources).distance_m, expected);
  EXPECT_EQ(distances_from(to, 5), boost_distances_m(g.reversed(), std::vector<NodeId>{5}));
  DistanceSearch search(g.node_count());
  for (const Reached& r : search.run(to, sources, 800.0)) EXPECT_EQ(r.distance_m, expected[r.node]);
}

TEST(DistanceSearch, BoundedSearchesReturnExactlyTheBallAndReuseBuffers) {
  const road::RoadGraph g = random_road({.nodes = 400, .neighbours = 3, .seed = 7});
  const road::RoadGraph rg = g.reversed();
  const LengthGraph to = LengthGraph::reversed(g);
  DistanceSearch search(g.node_count());
  for (NodeId source = 0; source < g.node_count(); source += 3) {
    const double radius = 300.0 + 5.0 * source;
    const std::vector<double> expected = boost_distances_m(rg, std::vector<NodeId>{source});
    const auto reached = search.run(to, source, radius);
    std::size_t inside = 0;
    for (const double d : expected) inside += d <= radius ? 1 : 0;
    ASSERT_EQ(reached.size(), inside) << source;
    std::vector<NodeId> nodes;
    for (const Reached& r : reached) {
      EXPECT_EQ(r.distance_m, expected[r.node]);
      nodes.push_back(r.node);
    }
    std::sort(nodes.begin(), nodes.end());
    EXPECT_EQ(std::adjacent_find(nodes.begin(), nodes.end()), nodes.end());  // each node once
    for (NodeId v = 0; v < g.node_count(); ++v) {
      ASSERT_EQ(search.distance_m(v), expected[v] <= radius ? expected[v] : kUnreachable) << source << " " << v;
    }
  }
}

TEST(DistanceSearch, NearestStationTiesGoToTheLowestIndex) {
  // 0 - 1 - 2 two-way, 100 m each: node 1 is 100 m from both ends.
  const road::RoadGraph g({0, 100, 200}, {0, 0, 0},
                          {{0, 1, 100.0, 30.0}, {1, 0, 100.0, 30.0}, {1, 2, 100.0, 30.0}, {2, 1, 100.0, 30.0}});
  const LengthGraph to = LengthGraph::reversed(g);
  const std::vector<NodeId> a{2, 0};
  EXPECT_EQ(nearest_stations(to, a).station[1], 0u);  // station 0 is on node 2
  const std::vector<NodeId> b{0, 2, 0};
  const NearestStation nb = nearest_stations(to, b);
  EXPECT_EQ(nb.station[1], 0u);
  EXPECT_EQ(nb.station[0], 0u);  // node 0 listed twice keeps its first index
  EXPECT_EQ(nb.station[2], 1u);
}

TEST(DistanceSearch, OneWayStreetsAreFollowedTowardsTheStation) {
  // 0 -> 1 -> 2 one-way; station on 2. From 0 you reach it; from 2 nothing is "to" 0.
  const road::RoadGraph g({0, 100, 200}, {0, 0, 0}, {{0, 1, 100.0, 30.0}, {1, 2, 150.0, 30.0}});
  const std::vector<NodeId> station{2};
  const NearestStation to_2 = nearest_stations(LengthGraph::reversed(g), station);
  EXPECT_EQ(to_2.distance_m[0], 250.0);
  const std::vector<NodeId> station0{0};
  const NearestStation to_0 = nearest_stations(LengthGraph::reversed(g), station0);
  EXPECT_EQ(to_0.distance_m[2], kUnreachable);
  EXPECT_EQ(to_0.station[2], kInvalid);
}

TEST(DistanceSearch, SourcesOutsideTheGraphAreRejected) {
  const road::RoadGraph g = road::make_grid({.rows = 2, .cols = 2, .spacing_m = 100.0, .speed_kmh = 30.0});
  const LengthGraph to = LengthGraph::reversed(g);
  DistanceSearch search(g.node_count());
  try {
    search.run(to, NodeId{4});
    FAIL() << "no exception";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "DistanceSearch::run: source node 4 outside the graph (0..3)");
  }
  const std::vector<NodeId> bad{1, 9};
  EXPECT_THROW_MSG(nearest_stations(to, bad), std::out_of_range, "nearest_stations: source node 9 outside the graph (0..3)");
  DistanceSearch small(3);
  EXPECT_THROW_MSG(small.run(to, NodeId{0}), std::invalid_argument, "DistanceSearch: made for 3 nodes, given a graph of 4");
}

}  // namespace
}  // namespace evsim::models::coverage
