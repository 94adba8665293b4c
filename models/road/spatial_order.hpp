#pragma once
// Node ids in spatial order: nodes sorted along a Hilbert curve over their x/y, so that nodes near
// each other in the plane get ids near each other and graph searches touch memory in runs.
//
// The curve covers the square of side max(width, height) at the lower-left corner of the nodes'
// bounding box, on a 2^32 x 2^32 grid of cells; nodes in one cell keep their input order.
//
// The loaders and generators apply this order to what they return, except make_grid (row-major
// ids, documented there) and make_ring_radial (centre first, then ring by ring, documented there).
#include <cstdint>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"
#include "models/road/road_network.hpp"

namespace evsim::models::road {

// Position of cell (x, y) along the Hilbert curve of a 2^order x 2^order grid (order 1..32; x and
// y must be below 2^order). Consecutive indices are cells that share a side.
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y, int order = 32);

// The new order: entry i is the input id of the node that becomes node i. x_m and y_m must have
// the same length and finite values.
std::vector<NodeId> hilbert_order(std::span<const double> x_m, std::span<const double> y_m);

// The graph with node i = input node old_of_new[i] (a permutation of 0..node_count-1).
RoadGraph renumber(const RoadGraph& graph, std::span<const NodeId> old_of_new);

// Puts a network's nodes in Hilbert order, keeping source_ids in step.
void apply_spatial_order(RoadNetwork& network);

}  // namespace evsim::models::road
