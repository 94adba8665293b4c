#pragma once
// A road graph reduced to what distance searches need: for each node, its arcs as (length, head)
// pairs in one flat CSR array, so that a search reads one cache line per arc instead of three
// parallel arrays. Built in O(n + m) from a road::RoadGraph, forward, reversed or undirected.
//
// Units: metres. Node ids are the RoadGraph's. A search from station s on the reversed graph gives,
// for every node v, the road distance from v TO s (drivers go to the charger).
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::coverage {

using road::NodeId;
using road::kInvalid;

struct LengthArc {
  double length_m;
  NodeId head;
};

class LengthGraph {
 public:
  LengthGraph() = default;
  // The graph's own edges, u -> v.
  static LengthGraph forward(const road::RoadGraph& graph);
  // Every edge u -> v stored as v -> u: searches give distances to their sources.
  static LengthGraph reversed(const road::RoadGraph& graph);
  // Both: every edge u -> v stored as u -> v and v -> u (a two-way street appears twice in each
  // direction; searches take the shorter).
  static LengthGraph undirected(const road::RoadGraph& graph);

  std::uint32_t node_count() const { return static_cast<std::uint32_t>(offsets_.empty() ? 0 : offsets_.size() - 1); }
  std::size_t arc_count() const { return arcs_.size(); }
  std::span<const LengthArc> arcs(NodeId u) const { return {arcs_.data() + offsets_[u], arcs_.data() + offsets_[u + 1]}; }
  double min_length_m() const { return min_length_m_; }      // shortest arc; +infinity when none
  double total_length_m() const { return total_length_m_; }  // sum over arcs

 private:
  enum class Direction { forward, reversed, both };
  static LengthGraph build(const road::RoadGraph& graph, Direction direction);

  std::vector<std::uint32_t> offsets_;  // node_count + 1 entries
  std::vector<LengthArc> arcs_;
  double min_length_m_ = std::numeric_limits<double>::infinity();
  double total_length_m_ = 0.0;
};

}  // namespace evsim::models::coverage
