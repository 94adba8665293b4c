#include "models/coverage/placement.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <optional>
#include <vector>

#include "models/coverage/boost_length_dijkstra.hpp"
#include "sim/random.hpp"
#include "tests/models/coverage/hand_graph.hpp"
#include "tests/models/coverage/random_road.hpp"

namespace evsim::models::coverage {
namespace {

using road::NodeId;

// Coverage computed independently of placement.cpp: one Boost Dijkstra on the reversed graph.
double coverage_of(const road::RoadGraph& reversed, std::vector<NodeId> sites, const std::vector<double>& demand,
                   double radius_m) {
  const std::vector<double> d = boost_distances_m(reversed, sites);
  double covered = 0.0;
  double total = 0.0;
  for (NodeId v = 0; v < reversed.node_count(); ++v) {
    total += demand[v];
    if (d[v] <= radius_m) covered += demand[v];
  }
  return covered / total;
}

std::string error_of(const PlacementInput& in) {
  try {
    place_sites(in);
    return "no error";
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
}

TEST(PlaceSites, CoverageOfACandidateIsByDistanceToIt) {
  // Candidate 3 covers the nodes that can drive to it within 1000 m: 2 (500), 1 (900), 7 (200)
  // and itself; not 0 (1300) nor 4 (1200), which it could drive to.
  const road::RoadGraph g = testing::hand_graph();
  const std::vector<NodeId> candidates{3};
  const PlacementResult r = place_sites({.graph = g, .candidates = candidates, .radius_m = 1000.0, .target_share = 1.0});
  ASSERT_EQ(r.steps.size(), 1u);
  EXPECT_EQ(r.steps[0].node, 3u);
  EXPECT_EQ(r.steps[0].coverage, 0.5);
  EXPECT_FALSE(r.target_reached);
  EXPECT_EQ(r.stop, PlacementStop::candidates_exhausted);
  EXPECT_EQ(to_string(r.stop), "no candidate covers more demand");
}

TEST(PlaceSites, TargetAlreadyMetNeedsNoSite) {
  const road::RoadGraph g = testing::hand_graph();
  const std::vector<NodeId> existing{4};
  const std::vector<std::uint8_t> area{1, 1, 1, 1, 1, 0, 0, 0};
  const PlacementResult r = place_sites({.graph = g, .existing_stations = existing, .in_area = area, .target_share = 1.0});
  EXPECT_TRUE(r.steps.empty());
  EXPECT_TRUE(r.target_reached);
  EXPECT_EQ(r.stop, PlacementStop::target_reached);
  EXPECT_EQ(r.initial_coverage, 1.0);
  EXPECT_EQ(r.coverage, 1.0);
  const std::vector<double> no_demand(8, 0.0);
  const PlacementResult z = place_sites({.graph = g, .demand = no_demand});
  EXPECT_TRUE(z.target_reached);  // nothing to cover counts as covered
  EXPECT_TRUE(z.steps.empty());
}

TEST(PlaceSites, UnreachableTargetAndSiteBudgetSayWhy) {
  const road::RoadGraph g = testing::hand_graph();
  // The part {5, 6} is unreachable from candidates 0..4: at most 6 of 8 nodes.
  const std::vector<NodeId> candidates{0, 1, 2, 3, 4};
  const PlacementResult r = place_sites({.graph = g, .candidates = candidates, .target_share = 0.99});
  EXPECT_FALSE(r.target_reached);
  EXPECT_EQ(r.stop, PlacementStop::candidates_exhausted);
  EXPECT_EQ(r.coverage, 6.0 / 8.0);
  const PlacementResult b = place_sites({.graph = g, .target_share = 1.0, .max_sites = 1});
  EXPECT_EQ(b.steps.size(), 1u);
  EXPECT_FALSE(b.target_reached);
  EXPECT_EQ(b.stop, PlacementStop::max_sites);
  EXPECT_EQ(to_string(b.stop), "maximum number of sites reached");
  const PlacementResult all = place_sites({.graph = g, .target_share = 1.0});
  EXPECT_TRUE(all.target_reached);
  // Node 1 is within 1000 m of 0, 2, 3, 4 and 7; then one of 5, 6 for the other part.
  ASSERT_EQ(all.steps.size(), 2u);
  EXPECT_EQ(all.steps[0].node, 1u);
  EXPECT_EQ(all.steps[0].coverage, 6.0 / 8.0);
  EXPECT_EQ(all.steps[1].node, 5u);
}

TEST(PlaceSites, RejectsBadCandidatesAndParameters) {
  const road::RoadGraph g = testing::hand_graph();
  const std::vector<NodeId> twice{1, 3, 1};
  EXPECT_EQ(error_of({.graph = g, .candidates = twice}), "place_sites: candidate node 1 is listed twice (positions 0 and 2)");
  const std::vector<NodeId> outside{1, 8};
  EXPECT_EQ(error_of({.graph = g, .candidates = outside}), "place_sites: candidate 1 is node 8, outside the graph (0..7)");
  const std::vector<NodeId> existing_outside{9};
  EXPECT_EQ(error_of({.graph = g, .existing_stations = existing_outside}),
            "place_sites: existing station 0 is node 9, outside the graph (0..7)");
  EXPECT_EQ(error_of({.graph = g, .target_share = 0.0}), "place_sites: target_share is 0 (must be in (0, 1])");
  EXPECT_EQ(error_of({.graph = g, .target_share = 1.5}), "place_sites: target_share is 1.5 (must be in (0, 1])");
  EXPECT_EQ(error_of({.graph = g, .radius_m = -5.0}), "place_sites: radius_m is -5 (must be finite and > 0)");
  const std::vector<double> nan_demand(8, std::nan(""));
  EXPECT_EQ(error_of({.graph = g, .demand = nan_demand}), "place_sites: demand of node 0 is nan (must be finite and >= 0)");
}

// Exhaustive search over all sets of up to 3 candidates: the fewest that reach the target
// (nullopt when no such set) and the best coverage for each size.
struct Optimum {
  std::optional<std::uint32_t> fewest;
  double best[4] = {0, 0, 0, 0};
};

Optimum brute_force(const road::RoadGraph& reversed, const std::vector<NodeId>& existing, const std::vector<NodeId>& candidates,
                    const std::vector<double>& demand, double radius_m, double target) {
  Optimum o;
  const auto consider = [&](std::vector<NodeId> sites, std::uint32_t size) {
    sites.insert(sites.end(), existing.begin(), existing.end());
    const double c = coverage_of(reversed, sites, demand, radius_m);
    o.best[size] = std::max(o.best[size], c);
    if (c >= target * (1 - 1e-12) && (!o.fewest || size < *o.fewest)) o.fewest = size;
  };
  const std::size_t m = candidates.size();
  consider({}, 0);
  for (std::size_t a = 0; a < m; ++a) {
    consider({candidates[a]}, 1);
    for (std::size_t b = a + 1; b < m; ++b) {
      consider({candidates[a], candidates[b]}, 2);
      for (std::size_t c = b + 1; c < m; ++c) consider({candidates[a], candidates[b], candidates[c]}, 3);
    }
  }
  return o;
}

std::vector<NodeId> all_nodes(const road::RoadGraph& g) {
  std::vector<NodeId> out(g.node_count());
  for (NodeId v = 0; v < g.node_count(); ++v) out[v] = v;
  return out;
}

// ~20-node random graphs, R = 1000 m: every run's coverage curve is checked independently; when
// a set of at most 3 candidates reaches the target, greedy must reach it with at most one site more
// than the exhaustive optimum. Every fourth graph offers only its even nodes as candidates, which
// can make the target unreachable.
TEST(PlaceSites, GreedyAgainstExhaustiveOptimumOnSmallGraphs) {
  struct Tally {
    std::uint32_t runs = 0, unreachable = 0, beyond_three = 0, compared = 0, greedy = 0, optimum = 0, above = 0;
  } tally[2];
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const road::RoadGraph g = testing::random_road({.nodes = 20, .side_m = 2500.0, .neighbours = 3, .seed = seed});
    const road::RoadGraph rg = g.reversed();
    sim::RandomStream rng(seed, 0, "tests/coverage/demand");
    std::vector<double> demand(g.node_count());
    for (auto& p : demand) p = static_cast<double>(1 + rng.uniform_index(5));
    const std::vector<NodeId> existing = seed % 3 == 0 ? std::vector<NodeId>{} : std::vector<NodeId>{0};
    std::vector<NodeId> candidates = all_nodes(g);
    if (seed % 4 == 0) std::erase_if(candidates, [](NodeId v) { return v % 2 == 1; });
    std::vector<NodeId> everything = existing;
    everything.insert(everything.end(), candidates.begin(), candidates.end());
    const double best_possible = coverage_of(rg, everything, demand, 1000.0);
    for (const double target : {0.8, 0.95, 1.0}) {
      const Optimum o = brute_force(rg, existing, candidates, demand, 1000.0, target);
      for (const bool improve : {false, true}) {
        Tally& t = tally[improve ? 1 : 0];
        ++t.runs;
        const PlacementResult r = place_sites({.graph = g, .existing_stations = existing, .demand = demand,
                                               .candidates = candidates, .radius_m = 1000.0, .target_share = target,
                                               .improve = improve});
        std::vector<NodeId> prefix = existing;
        double previous = r.initial_coverage;
        EXPECT_DOUBLE_EQ(r.initial_coverage, existing.empty() ? 0.0 : coverage_of(rg, prefix, demand, 1000.0));
        for (const PlacementStep& s : r.steps) {
          prefix.push_back(s.node);
          EXPECT_NEAR(s.coverage, coverage_of(rg, prefix, demand, 1000.0), 1e-12);
          EXPECT_GT(s.coverage, previous) << "seed " << seed;
          previous = s.coverage;
        }
        EXPECT_EQ(r.coverage, previous);
        if (best_possible < target * (1 - 1e-12)) {
          EXPECT_FALSE(r.target_reached);
          EXPECT_EQ(r.stop, PlacementStop::candidates_exhausted);
          EXPECT_NEAR(r.coverage, best_possible, 1e-12);
          ++t.unreachable;
          continue;
        }
        ASSERT_TRUE(r.target_reached) << "seed " << seed << " target " << target;
        const auto sites = static_cast<std::uint32_t>(r.steps.size());
        if (!o.fewest) {
          EXPECT_GE(sites, 4u);  // no set of 3 or fewer does it
          ++t.beyond_three;
          continue;
        }
        ++t.compared;
        t.greedy += sites;
        t.optimum += *o.fewest;
        t.above += sites > *o.fewest ? 1 : 0;
        EXPECT_GE(sites, *o.fewest);
        EXPECT_LE(sites, *o.fewest + 1) << "seed " << seed << " target " << target;
      }
    }
  }
  for (const bool improve : {false, true}) {
    const Tally& t = tally[improve ? 1 : 0];
    std::cout << "[ placement ] " << (improve ? "greedy + swaps: " : "greedy alone:   ") << t.runs << " runs, "
              << t.unreachable << " unreachable targets, " << t.beyond_three << " needing > 3 sites, " << t.compared
              << " compared with the exhaustive optimum: " << t.greedy << " sites vs " << t.optimum << ", above it in "
              << t.above << " runs\n";
    EXPECT_GT(t.compared, 40u);
    EXPECT_GT(t.unreachable, 0u);
  }
}

TEST(PlaceSites, BudgetedGreedyKeepsTheOneMinusOneOverEGuarantee) {
  std::uint32_t runs = 0, greedy_optimal = 0, swaps_raised = 0, swapped_optimal = 0;
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const road::RoadGraph g = testing::random_road({.nodes = 20, .side_m = 4000.0, .neighbours = 3, .seed = 100 + seed});
    const road::RoadGraph rg = g.reversed();
    sim::RandomStream rng(seed, 0, "tests/coverage/demand");
    std::vector<double> demand(g.node_count());
    for (auto& p : demand) p = static_cast<double>(1 + rng.uniform_index(9));
    const Optimum o = brute_force(rg, {}, all_nodes(g), demand, 700.0, 1.0);
    for (std::uint32_t k = 1; k <= 3; ++k) {
      const PlacementResult plain =
          place_sites({.graph = g, .demand = demand, .radius_m = 700.0, .target_share = 1.0, .max_sites = k, .improve = false});
      const PlacementResult swapped =
          place_sites({.graph = g, .demand = demand, .radius_m = 700.0, .target_share = 1.0, .max_sites = k});
      EXPECT_GE(plain.coverage, (1.0 - 1.0 / std::exp(1.0)) * o.best[k] - 1e-12) << "seed " << seed << " k " << k;
      EXPECT_LE(swapped.coverage, o.best[k] + 1e-12);
      if (!plain.target_reached) {
        EXPECT_GE(swapped.coverage, plain.coverage - 1e-12);
      }
      EXPECT_LE(swapped.steps.size(), k);
      ++runs;
      greedy_optimal += plain.coverage >= o.best[k] - 1e-12 ? 1 : 0;
      swaps_raised += swapped.coverage > plain.coverage + 1e-12 ? 1 : 0;
      swapped_optimal += swapped.coverage >= o.best[k] - 1e-12 ? 1 : 0;
    }
  }
  std::cout << "[ placement ] budget of 1-3 sites, " << runs << " runs: greedy optimal in " << greedy_optimal
            << ", swaps raised coverage in " << swaps_raised << ", optimal after swaps in " << swapped_optimal << "\n";
  EXPECT_GE(swapped_optimal, greedy_optimal);
}

}  // namespace
}  // namespace evsim::models::coverage
