#pragma once
// Shortest paths on a RoadGraph with Boost.Graph's Dijkstra.
//
// Weights: travel time (integer ms, exact sums) or length (m). Unreachable nodes get
// kUnreachableMs / +infinity. Multi-source searches start from several nodes at distance 0 and
// report, for every node, the nearest source's index ("which station is closest").
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::road {

inline constexpr std::int64_t kUnreachableMs = std::numeric_limits<std::int64_t>::max();

struct TimeTree {
  std::vector<std::int64_t> time_ms;   // per node: fastest travel time from the nearest source
  std::vector<double> length_m;        // per node: length of that fastest path
  std::vector<std::uint32_t> source;   // per node: index into `sources` of the nearest, or kInvalid
};

// Fastest paths from every source at once (time-weighted), with the length of each path.
TimeTree fastest_from(const RoadGraph& graph, std::span<const NodeId> sources);

}  // namespace evsim::models::road
