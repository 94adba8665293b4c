// RouteQuery on a ContractionHierarchy against two independent references: Boost's Dijkstra
// (fastest_from: time only) and a lexicographic (time, length) Dijkstra written for the tests
// (reference_routes.hpp), over thousands of random pairs on random, tie-heavy, grid, ring-radial
// and real (../shared OpenStreetMap extracts, skipped when absent) networks.
#include "models/road/route_query.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "../coverage/random_road.hpp"
#include "models/road/grid_generator.hpp"
#include "scenarios/files/osm_loader.hpp"
#include "models/road/ring_radial.hpp"
#include "models/road/shortest_paths.hpp"
#include "reference_routes.hpp"
#include "road_test_util.hpp"
#include "route_test_graphs.hpp"
#include "sim/random.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::road {
namespace {

using testing::error_of;

bool close(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({std::abs(a), std::abs(b), 1.0}); }

struct Comparison {
  std::uint64_t pairs = 0;
  std::uint64_t unreachable = 0;
  std::uint64_t ambiguous = 0;   // speed_sq_length not compared: exact (time, length) ties differ in it
  std::uint64_t mismatches = 0;
};

// Routes `sources` x `targets` random pairs with the hierarchy and compares every answer with
// both references; reports the first few differences.
Comparison compare_with_references(const RoadGraph& g, std::uint32_t sources, std::uint32_t targets, std::uint64_t seed) {
  const ContractionHierarchy ch(g);
  check(ch);
  RouteQuery query(ch);
  sim::RandomStream rng(seed, 0, "tests/road/route_pairs");
  Comparison c;
  const auto fail = [&](std::string what) {
    if (++c.mismatches <= 5) ADD_FAILURE() << what;
  };
  for (std::uint32_t i = 0; i < sources; ++i) {
    const auto s = static_cast<NodeId>(rng.uniform_index(g.node_count()));
    const std::vector<NodeId> from{s};
    const TimeTree boost = fastest_from(g, from);
    const testing::ReferenceRoutes ref = testing::reference_routes(g, s);
    for (std::uint32_t j = 0; j < targets; ++j) {
      const auto t = static_cast<NodeId>(rng.uniform_index(g.node_count()));
      const RouteCost cost = query.route(s, t);
      ++c.pairs;
      if (cost.time_ms != boost.time_ms[t]) fail(fmt::format("{}->{}: {} ms, Boost {} ms", s, t, cost.time_ms, boost.time_ms[t]));
      if (ref.time_ms[t] == std::numeric_limits<std::int64_t>::max()) {
        ++c.unreachable;
        if (cost.time_ms != kUnreachableMs || !std::isinf(cost.length_m) || !std::isinf(cost.speed_sq_length)) {
          fail(fmt::format("{}->{}: unreachable but got {} ms {} m", s, t, cost.time_ms, cost.length_m));
        }
        continue;
      }
      if (cost.time_ms != ref.time_ms[t] || !close(cost.length_m, ref.length_m[t])) {
        fail(fmt::format("{}->{}: {} ms {} m, reference {} ms {} m", s, t, cost.time_ms, cost.length_m, ref.time_ms[t],
                         ref.length_m[t]));
      }
      if (ref.ambiguous[t]) {
        ++c.ambiguous;
      } else if (!close(cost.speed_sq_length, ref.speed_sq_length[t])) {
        fail(fmt::format("{}->{}: speed_sq_length {}, reference {}", s, t, cost.speed_sq_length, ref.speed_sq_length[t]));
      }
    }
  }
  return c;
}

void print(const char* name, const RoadGraph& g, const Comparison& c) {
  fmt::print("{}: {} nodes, {} edges; {} pairs, {} unreachable, {} with tied speed_sq_length\n", name, g.node_count(),
             g.edge_count(), c.pairs, c.unreachable, c.ambiguous);
}

TEST(RouteQuery, MatchesReferencesOnRandomRoads) {
  // One-way streets, two-way streets of unequal directions, parallel edges; not always strongly
  // connected, so some pairs are unreachable.
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const RoadGraph g = coverage::testing::random_road(
        {.nodes = 1500, .side_m = 8000.0, .neighbours = 3, .one_way_share = 0.3, .parallel_share = 0.1, .seed = seed});
    const Comparison c = compare_with_references(g, 40, 50, seed);
    print("random_road", g, c);
    EXPECT_EQ(c.mismatches, 0u);
  }
}

TEST(RouteQuery, MatchesReferencesWhenManyPathsTakeTheSameTime) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const RoadGraph g = testing::tie_road(40, 0.25, seed);
    const Comparison c = compare_with_references(g, 40, 50, seed);
    print("tie_road", g, c);
    EXPECT_EQ(c.mismatches, 0u);
  }
}

TEST(RouteQuery, MatchesReferencesOnGrids) {
  const RoadGraph plain = make_grid({.rows = 50, .cols = 60, .spacing_m = 100.0, .speed_kmh = 30.0});
  const Comparison p = compare_with_references(plain, 40, 50, 1);
  print("grid", plain, p);
  EXPECT_EQ(p.mismatches, 0u);
  const RoadGraph jittered = testing::jittered_grid(60, 60, 7);
  const Comparison j = compare_with_references(jittered, 40, 50, 2);
  print("jittered grid", jittered, j);
  EXPECT_EQ(j.mismatches, 0u);
}

TEST(RouteQuery, MatchesReferencesOnRingRadialTowns) {
  const RoadNetwork net = make_ring_radial({.rings = 12, .spokes = 16, .ring_spacing_m = 400.0, .max_segment_m = 150.0,
                                            .radial_speed_kmh = 50.0, .ring_speed_kmh = 30.0});
  const Comparison c = compare_with_references(net.graph, 40, 100, 3);
  print("ring_radial", net.graph, c);
  EXPECT_EQ(c.mismatches, 0u);
}

TEST(RouteQuery, MatchesReferencesOnOsmExtracts) {
  if (!std::filesystem::exists(testing::kSharedOsm)) GTEST_SKIP() << testing::kSharedOsm << " is absent";
  for (const char* file : {"shanghai_central.osm", "nanjing_xuanwu.osm.gz", "taipei_major.osm.gz"}) {
    if (!std::filesystem::exists(testing::kSharedOsm / file)) continue;
    const RoadNetwork net = scenarios::files::load_osm({.file = testing::kSharedOsm / file, .include_service = false, .mark = {}});
    const Comparison c = compare_with_references(net.graph, 30, 100, 4);
    print(file, net.graph, c);
    EXPECT_EQ(c.mismatches, 0u) << file;
  }
}

// 0 <-> 1 <-> 2 -> 3 <-> 4 (2 -> 3 one way), node 5 isolated; 100 m at 36 km/h = 10 s each.
RoadGraph two_parts() {
  std::vector<EdgeInput> edges;
  for (const auto& [a, b] : {std::pair{0u, 1u}, {1u, 2u}, {3u, 4u}}) {
    edges.push_back({a, b, 100.0, 36.0});
    edges.push_back({b, a, 100.0, 36.0});
  }
  edges.push_back({2, 3, 100.0, 36.0});
  return RoadGraph({0, 100, 200, 300, 400, 250}, {0, 0, 0, 0, 0, 300}, edges);
}

TEST(RouteQuery, ReportsUnreachablePairs) {
  const RoadGraph g = two_parts();
  const ContractionHierarchy ch(g);
  check(ch);
  RouteQuery query(ch);
  const RouteCost there = query.route(0, 4);
  EXPECT_EQ(there.time_ms, 40'000);
  EXPECT_DOUBLE_EQ(there.length_m, 400.0);
  EXPECT_DOUBLE_EQ(there.speed_sq_length, 400.0 * 36.0 * 36.0);
  EXPECT_EQ(query.unpack_path(0, 4), (std::vector<NodeId>{0, 1, 2, 3, 4}));
  for (const auto& [from, to] : {std::pair{4u, 0u}, {3u, 2u}, {0u, 5u}, {5u, 1u}}) {
    const RouteCost back = query.route(from, to);
    EXPECT_EQ(back.time_ms, kUnreachableMs) << from << "->" << to;
    EXPECT_EQ(back.length_m, std::numeric_limits<double>::infinity());
    EXPECT_EQ(back.speed_sq_length, std::numeric_limits<double>::infinity());
    EXPECT_TRUE(query.unpack_path(from, to).empty());
  }
  const RouteCost self = query.route(5, 5);
  EXPECT_EQ(self.time_ms, 0);
  EXPECT_EQ(self.length_m, 0.0);
  EXPECT_EQ(self.speed_sq_length, 0.0);
  EXPECT_EQ(query.unpack_path(5, 5), std::vector<NodeId>{5});
}

TEST(RouteQuery, EqualTimesAreDecidedByLength) {
  // 0 -> 3 in 20 s either way: via 1 (2 x 200 m at 72 km/h) or via 2 (2 x 100 m at 36 km/h).
  const RoadGraph g({0, 100, 100, 200}, {0, 50, -50, 0},
                    {{0, 1, 200.0, 72.0}, {1, 3, 200.0, 72.0}, {0, 2, 100.0, 36.0}, {2, 3, 100.0, 36.0}});
  const ContractionHierarchy ch(g);
  RouteQuery query(ch);
  const RouteCost cost = query.route(0, 3);
  EXPECT_EQ(cost.time_ms, 20'000);
  EXPECT_DOUBLE_EQ(cost.length_m, 200.0);
  EXPECT_DOUBLE_EQ(cost.speed_sq_length, 200.0 * 36.0 * 36.0);
  EXPECT_EQ(query.unpack_path(0, 3), (std::vector<NodeId>{0, 2, 3}));
}

// The lexicographically lightest edge from -> to, or kInvalid.
EdgeId lightest_edge(const RoadGraph& g, NodeId from, NodeId to) {
  EdgeId best = kInvalid;
  for (EdgeId e = g.out_begin(from); e < g.out_end(from); ++e) {
    if (g.target(e) != to) continue;
    if (best == kInvalid || std::tuple(g.travel_time_ms(e), g.length_m(e)) < std::tuple(g.travel_time_ms(best), g.length_m(best))) {
      best = e;
    }
  }
  return best;
}

void expect_paths_valid(const RoadGraph& g, std::uint32_t pairs, std::uint64_t seed) {
  const ContractionHierarchy ch(g);
  RouteQuery query(ch);
  sim::RandomStream rng(seed, 0, "tests/road/unpack_pairs");
  std::uint32_t failures = 0;
  for (std::uint32_t i = 0; i < pairs && failures < 5; ++i) {
    const auto s = static_cast<NodeId>(rng.uniform_index(g.node_count()));
    const auto t = static_cast<NodeId>(rng.uniform_index(g.node_count()));
    const RouteCost cost = query.route(s, t);
    const std::vector<NodeId> path = query.unpack_path(s, t);
    if (cost.time_ms == kUnreachableMs) {
      EXPECT_TRUE(path.empty());
      continue;
    }
    ASSERT_FALSE(path.empty()) << s << "->" << t;
    EXPECT_EQ(path.front(), s);
    EXPECT_EQ(path.back(), t);
    RouteCost sum{0, 0.0, 0.0};
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
      const EdgeId e = lightest_edge(g, path[k], path[k + 1]);
      if (e == kInvalid) {
        ADD_FAILURE() << s << "->" << t << ": no edge " << path[k] << "->" << path[k + 1];
        ++failures;
        break;
      }
      sum.time_ms += g.travel_time_ms(e);
      sum.length_m += g.length_m(e);
      sum.speed_sq_length += g.length_m(e) * g.speed_kmh(e) * g.speed_kmh(e);
    }
    EXPECT_EQ(sum.time_ms, cost.time_ms) << s << "->" << t;
    EXPECT_TRUE(close(sum.length_m, cost.length_m)) << s << "->" << t << ": " << sum.length_m << " vs " << cost.length_m;
    EXPECT_TRUE(close(sum.speed_sq_length, cost.speed_sq_length)) << s << "->" << t;
    if (::testing::Test::HasFailure()) ++failures;
  }
}

TEST(RouteQuery, UnpackedPathsFollowEdgesAndAddUpToTheCost) {
  expect_paths_valid(coverage::testing::random_road({.nodes = 800, .one_way_share = 0.3, .parallel_share = 0.1, .seed = 5}),
                     1000, 1);
  expect_paths_valid(testing::tie_road(30, 0.25, 2), 1000, 2);
  expect_paths_valid(testing::jittered_grid(40, 40, 3), 1000, 3);
  expect_paths_valid(make_ring_radial({.rings = 8, .spokes = 12, .ring_spacing_m = 400.0, .max_segment_m = 150.0,
                                       .radial_speed_kmh = 50.0, .ring_speed_kmh = 30.0})
                         .graph,
                     1000, 4);
}

TEST(RouteQuery, RejectsNodesOutsideTheGraph) {
  const RoadGraph g = two_parts();
  const ContractionHierarchy ch(g);
  RouteQuery query(ch);
  EXPECT_THROW_MSG(query.route(0, 6), std::out_of_range, "RouteQuery::route: node 6 is outside the graph of 6 nodes");
  EXPECT_EQ(error_of([&] { query.route(kInvalid, 0); }),
            "RouteQuery::route: node 4294967295 is outside the graph of 6 nodes");
  EXPECT_EQ(error_of([&] { query.unpack_path(7, 0); }), "RouteQuery::unpack_path: node 7 is outside the graph of 6 nodes");
  const ContractionHierarchy empty{RoadGraph()};
  RouteQuery none(empty);
  EXPECT_EQ(error_of([&] { none.route(0, 0); }), "RouteQuery::route: node 0 is outside the graph of 0 nodes");
}

TEST(RouteQuery, RepeatedQueriesReuseTheWorkspace) {
  // The same answers whatever came before: labels of an earlier search never leak into a later one.
  const RoadGraph g = testing::jittered_grid(30, 30, 11);
  const ContractionHierarchy ch(g);
  RouteQuery shared(ch);
  sim::RandomStream rng(1, 0, "tests/road/reuse");
  for (int i = 0; i < 300; ++i) {
    const auto s = static_cast<NodeId>(rng.uniform_index(g.node_count()));
    const auto t = static_cast<NodeId>(rng.uniform_index(g.node_count()));
    RouteQuery fresh(ch);
    const RouteCost a = shared.route(s, t);
    const RouteCost b = fresh.route(s, t);
    EXPECT_EQ(a.time_ms, b.time_ms);
    EXPECT_EQ(a.length_m, b.length_m);
    EXPECT_EQ(a.speed_sq_length, b.speed_sq_length);
  }
  EXPECT_GT(shared.settled_last(), 0u);
}

}  // namespace
}  // namespace evsim::models::road
