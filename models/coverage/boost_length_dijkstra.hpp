#pragma once
// Reference shortest paths by length with Boost.Graph's dijkstra_shortest_paths on the
// RoadGraph's own compressed_sparse_row_graph. Tests use it as the independent check of
// distance_search.hpp; bench/coverage_bench.cpp times both on the same graph.
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::coverage {

// Distance in metres from the nearest of `sources` to every node of `graph` along its edges
// (pass graph.reversed() for distances TO the sources); +infinity when unreached.
std::vector<double> boost_distances_m(const road::RoadGraph& graph, std::span<const road::NodeId> sources);

}  // namespace evsim::models::coverage
