#pragma once
// Shortest paths by length (metres) on a LengthGraph, with a hand-written Dijkstra over a radix
// heap (radix_heap.hpp) of bucketed distances (distance_key.hpp). bench/coverage_bench.cpp measures it
// against Boost.Graph's dijkstra_shortest_paths (boost_length_dijkstra.hpp) on the same graph, and
// tests/models/coverage/distance_search_test.cpp checks that both give identical doubles on
// random graphs. They must: a node's distance is min over its in-edges (u, v) of fl(d(u) + w),
// whatever order the search settles nodes of equal key in, so the two agree bit for bit.
//
// Direction: run these on LengthGraph::reversed(road) to get distances from every node TO the
// sources (stations), which is what coverage means; on LengthGraph::forward(road) for distances
// FROM the sources. Unreached nodes have distance +infinity.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "models/coverage/radix_heap.hpp"
#include "models/coverage/length_graph.hpp"

namespace evsim::models::coverage {

inline constexpr double kUnreachable = std::numeric_limits<double>::infinity();

struct Reached {
  NodeId node;
  double distance_m;
};

// Bounded searches that reuse their buffers: one DistanceSearch serves any number of searches on
// graphs with the node count it was made for; each search costs time in proportion to the nodes
// and arcs it touches and allocates nothing once the buffers have grown. Not thread-safe.
class DistanceSearch {
 public:
  explicit DistanceSearch(std::uint32_t node_count);

  // Dijkstra from all `sources` at distance 0 at once, stopped when every node left in the queue is
  // farther than radius_m (+infinity: no bound). Returns the nodes within radius_m with their
  // distances, in settling order (by key: distances within one key's bucket are not sorted); the
  // span is valid until the next run. Throws std::out_of_range for a source outside the graph.
  std::span<const Reached> run(const LengthGraph& graph, std::span<const NodeId> sources, double radius_m = kUnreachable);
  std::span<const Reached> run(const LengthGraph& graph, NodeId source, double radius_m = kUnreachable);

  // The distance of a node settled by the last run; kUnreachable for nodes it did not settle
  // within the radius (tentative distances beyond the radius are not exposed).
  double distance_m(NodeId node) const { return settled_mark_[node] == run_id_ ? distance_[node] : kUnreachable; }

 private:
  void reset();

  std::vector<double> distance_;             // tentative; +inf outside `touched_`
  std::vector<std::uint32_t> settled_mark_;  // == run_id_ when settled in the current run
  std::vector<NodeId> touched_;
  std::vector<Reached> settled_;
  RadixHeap<NodeId> heap_;
  std::uint32_t run_id_ = 0;
};

// One-to-all: every node's distance from `source` on `graph` (kUnreachable when not reached).
std::vector<double> distances_from(const LengthGraph& graph, NodeId source);

struct NearestStation {
  std::vector<double> distance_m;    // per node: distance to the nearest source, or kUnreachable
  std::vector<std::uint32_t> station;  // per node: index into `sources` of the nearest, or kInvalid
};

// Multi-source Dijkstra over the whole graph. Ties: among sources at equal distance, the lowest
// index wins (so a node listed twice keeps its first index). Throws std::out_of_range for a
// source outside the graph.
NearestStation nearest_stations(const LengthGraph& graph, std::span<const NodeId> sources);

}  // namespace evsim::models::coverage
