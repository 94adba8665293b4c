#pragma once
// Gap-closing placement: the fewest new charging sites, chosen from candidate nodes, that lift
// demand-weighted network coverage to a target share.
//
// Coverage C(S) = sum of demand P_i over in-area nodes i with d(i -> S u existing) <= R, divided
// by the in-area demand (1 when the area holds no demand). Node i is covered by candidate c when
// the road distance from i TO c is at most R: a bounded search from c on the reversed graph.
//
// Method: greedy maximal covering with Minoux's lazy evaluation. Each round takes the candidate
// whose newly covered demand is largest (ties: earlier in the candidate list); gains only shrink
// as sites are added (coverage is submodular), so a stale gain is an upper bound and a candidate
// is re-evaluated only when it reaches the top of the queue. With a site budget this carries the
// (1 - 1/e) guarantee of greedy maximal covering; for the "fewest sites" goal greedy has only the
// logarithmic bound of set cover (tests compare it with the exhaustive optimum on small graphs).
// Then an optional improvement pass, repeated while it changes something and its evaluation budget
// lasts: (a) when the target is met, drop any site whose removal keeps it met (last chosen first);
// (b) for each site s, try every unchosen candidate c within 2R of s on the road graph with
// directions ignored (any candidate whose coverage overlaps s's lies there) and make the swap that
// raises coverage most, if it does. Swaps with candidates farther away are not tried.
// Targets compare with a relative tolerance of 1e-12: C(S) >= target (1 - 1e-12).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::coverage {

struct PlacementInput {
  const road::RoadGraph& graph;
  std::span<const road::NodeId> existing_stations{};  // already covering; may repeat nodes
  std::span<const double> demand{};                   // per node, finite and >= 0; empty: 1 per node
  std::span<const std::uint8_t> in_area{};            // per node, non-zero inside; empty: all inside
  std::optional<std::span<const road::NodeId>> candidates{};  // distinct nodes; absent: every node
  double radius_m = 1000.0;
  double target_share = 0.99;                // in (0, 1]
  std::optional<std::uint32_t> max_sites{};  // absent: no limit
  bool improve = true;                       // run the swap pass
  std::uint64_t max_swap_evaluations = 200'000;  // candidate evaluations the swap pass may spend
};

enum class PlacementStop { target_reached, max_sites, candidates_exhausted };
std::string_view to_string(PlacementStop stop);

struct PlacementStep {
  road::NodeId node;
  double coverage;  // after adding this site and those before it
};

struct PlacementResult {
  double initial_coverage = 0.0;   // existing stations only
  std::vector<PlacementStep> steps;  // the chosen sites in order: the coverage curve
  double coverage = 0.0;           // with all chosen sites
  bool target_reached = false;
  // target_reached; or why not: max_sites (the budget ran out) or candidates_exhausted (no
  // candidate covers any more demand).
  PlacementStop stop = PlacementStop::target_reached;
  std::uint32_t greedy_sites = 0;   // sites chosen by the greedy phase
  std::uint32_t swaps = 0;          // made by the improvement pass
  std::uint32_t removed = 0;        // sites dropped by the improvement pass
  std::uint64_t swap_evaluations = 0;
  bool swap_budget_exhausted = false;
};

// Throws std::invalid_argument naming the first bad input: a candidate or existing station outside
// the graph, a candidate listed twice, per-node arrays of the wrong size, a negative or non-finite
// demand, a radius that is not finite and > 0, a target outside (0, 1].
PlacementResult place_sites(const PlacementInput& input);

}  // namespace evsim::models::coverage
