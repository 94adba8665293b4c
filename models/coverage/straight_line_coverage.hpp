#pragma once
// The straight-line ("buffer") variant of coverage used by studies that draw a circle of radius R
// around each charger (e.g. the 1,000 m buffers of Shanghai charging studies): node i is covered
// when some station lies within Euclidean distance R of it in the x_m/y_m plane,
// (x_i - x_j)^2 + (y_i - y_j)^2 <= R^2. Roads, one-way streets and rivers are ignored, so it
// overstates what a driver can reach; report it beside the network measure, not instead of it.
#include <cstdint>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::coverage {

// Per node: 1 when within radius_m of a station in a straight line, else 0. Stations are found
// through a grid of radius_m cells (3 x 3 cells per node), O((n + s) log s).
std::vector<std::uint8_t> within_straight_line(const road::RoadGraph& graph, std::span<const road::NodeId> station_nodes,
                                               double radius_m);

}  // namespace evsim::models::coverage
