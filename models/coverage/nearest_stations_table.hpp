#pragma once
// The k nearest stations of every node by road, precomputed once per plan.
//
// Distances are by length (metres) from the node TO the station: pass LengthGraph::reversed(road).
// Row v of the table lists up to k distinct stations (indices into the station list; two stations
// on one node are distinct) in order of (distance, station index); rows with fewer than k
// reachable stations are padded with kInvalid / kUnreachable.
//
// Algorithm: label-setting multi-source Dijkstra in which every node accepts up to k labels, one
// per station. Queue entries (distance, station, node) sit in a radix heap (radix_heap.hpp) keyed
// by distance buckets (distance_key.hpp); labels in one bucket cannot create one another, so a
// bucket is taken grouped by node and, for each node, in (distance, station) order. A label is
// accepted when its node has fewer than k labels and none from that station, and only accepted
// labels are relaxed. This is exact: if station s is among v's k nearest via the last edge u -> v
// of a shortest path, every station nearer to u than s is also nearer to v, so s is among u's k
// nearest and u's label for s was accepted and relaxed. Cost: O(k m) queue entries; n k (4 + 8)
// bytes for the table.
#include <cstdint>
#include <span>
#include <vector>

#include "models/coverage/distance_search.hpp"
#include "models/coverage/length_graph.hpp"

namespace evsim::models::coverage {

struct NearestStationsTable {
  std::uint32_t k = 0;
  std::vector<std::uint32_t> station;  // node_count * k entries, row-major by node
  std::vector<double> distance_m;      // parallel to `station`

  std::span<const std::uint32_t> stations_of(NodeId v) const {
    return {station.data() + static_cast<std::size_t>(v) * k, k};
  }
  std::span<const double> distances_of(NodeId v) const {
    return {distance_m.data() + static_cast<std::size_t>(v) * k, k};
  }
};

// Throws std::invalid_argument when k is 0, std::out_of_range for a station outside the graph.
NearestStationsTable nearest_stations_table(const LengthGraph& to_station_graph, std::span<const NodeId> stations,
                                            std::uint32_t k = 8);

}  // namespace evsim::models::coverage
