#pragma once
// Uncovered places: in-area nodes farther than the radius from every station (unreachable nodes
// included), grouped into clusters = connected components of those nodes over the road graph with
// directions ignored (two uncovered in-area nodes joined by an edge either way are in one cluster).
#include <cstdint>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::coverage {

struct UncoveredCluster {
  std::uint32_t nodes = 0;
  double demand = 0.0;
  double centroid_x_m = 0.0;  // unweighted mean of the nodes' coordinates
  double centroid_y_m = 0.0;
  double max_distance_m = 0.0;  // to the nearest station; +infinity when some node reaches none
  road::NodeId farthest_node = road::kInvalid;  // a node at max_distance_m (the lowest id among ties)
};

// distance_m: per node, to the nearest station. demand: per node or empty (1 each). in_area: per
// node or empty (all). Sorted by demand descending, then node count descending, then farthest node.
std::vector<UncoveredCluster> uncovered_clusters(const road::RoadGraph& graph, std::span<const double> distance_m,
                                                 std::span<const double> demand, std::span<const std::uint8_t> in_area,
                                                 double radius_m);

}  // namespace evsim::models::coverage
