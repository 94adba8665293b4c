#pragma once
// The last steps every road loader shares: from the nodes and directed edges it read to a
// RoadNetwork.
//
//  1. drop self-loops and edges of zero length (edges_degenerate);
//  2. of parallel edges (same from and to) keep the shortest, on equal length the fastest
//     (edges_merged);
//  3. keep the largest strongly connected component (largest_component.hpp);
//  4. geographic input: project lon/lat with a LocalProjection about the centre of the kept
//     nodes' bounding box;
//  5. optionally renumber the nodes in Hilbert order (spatial_order.hpp);
//  6. build the RoadGraph (which runs check()) and fill in the report's kept/dropped counts.
#include <cstdint>
#include <vector>

#include "models/road/road_graph.hpp"
#include "models/road/road_network.hpp"

namespace evsim::models::road {

struct RawNetwork {
  // Per node, in an order that decides ties between equal largest components (lowest id wins).
  // Metres in a local plane, or lon/lat in degrees when `geographic`.
  std::vector<double> x;
  std::vector<double> y;
  bool geographic = false;
  std::vector<std::int64_t> source_ids;  // per node
  std::vector<EdgeInput> edges;
  // The loader's own counts (source, ways_*); nodes_read and edges_read are set from the above.
  RoadLoadReport report;
};

enum class NodeOrder { hilbert, as_read };

RoadNetwork assemble_network(RawNetwork raw, NodeOrder order);

}  // namespace evsim::models::road
