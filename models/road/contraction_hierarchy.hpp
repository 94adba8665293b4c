#pragma once
// A contraction hierarchy (Geisberger et al. 2008) on a RoadGraph, for exact fastest
// point-to-point routes (route_query.hpp runs the queries).
//
// Metric: a path's weight is the pair (time_ms, length_nm), compared lexicographically: the
// fastest path, and among equally fast ones the shortest. time_ms sums the edges' integer
// travel_time_ms; length_nm sums each edge's length rounded to the nanometre, so that sums are
// exact integers and the order is a total order whatever the order of summation. Queries report,
// for the path they choose, its time_ms, its length_m (sum of the edges' length_m in double) and
// its speed_sq_length = sum over its edges of length_m(e) * speed_kmh(e)^2 (m km^2/h^2), from
// which speed-dependent energy is computed later. Units: ms, metres, km/h.
//
// Preprocessing: parallel edges keep the lexicographically lightest one. Nodes are contracted
// one at a time, the lowest priority first:
//   priority = level + added / removed + added_hops / removed_hops + deleted_neighbours / 4
// where `added` counts the shortcuts contracting the node would add now, `removed` its remaining
// arcs, *_hops the original edges those arcs stand for, `level` is one more than the highest
// level of its contracted neighbours, and deleted_neighbours counts them. Priorities of the
// neighbours are recomputed after each contraction, and a node's priority is recomputed when it
// reaches the top of the queue (lazy update: it is put back if it is no longer the lowest).
// Contracting v adds the shortcut u->w (weight w(u,v) + w(v,w)) unless a witness search from u
// that avoids v finds u->w no heavier. Witness searches stop after a number of settled nodes and
// hops (ContractionOptions); a search that stops early only adds shortcuts that are not needed,
// so the hierarchy is exact whatever the limits. Every arc stores its time, length_nm, length_m,
// speed_sq_length and, for a shortcut, its middle node, so paths can be unpacked.
//
// Internally nodes are numbered by rank (contraction order), which groups the nodes every query
// visits (the top of the hierarchy) together in memory. Arc counts must fit in 32 bits.
#include <compare>
#include <cstdint>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::road {

// What a route costs. time_ms == kUnreachableMs (shortest_paths.hpp) when `to` cannot be reached
// from `from`; length_m and speed_sq_length are then +infinity.
struct RouteCost {
  std::int64_t time_ms;
  double length_m;
  double speed_sq_length;  // sum of length_m(e) * speed_kmh(e)^2 over the path's edges
};

// The lexicographic weight of an arc or a path.
struct ChWeight {
  std::int64_t time_ms;
  std::int64_t length_nm;
  friend auto operator<=>(const ChWeight&, const ChWeight&) = default;
  friend ChWeight operator+(ChWeight a, ChWeight b) { return {a.time_ms + b.time_ms, a.length_nm + b.length_nm}; }
};

// One arc of the search graphs: `head` is a rank.
struct ChArc {
  ChWeight weight;
  std::uint32_t head;
};

// The arcs that leave each rank (CSR), with the attributes queries only read at the end.
struct ChArcs {
  std::vector<std::uint32_t> first;       // rank_count + 1 offsets into arcs
  std::vector<ChArc> arcs;
  std::vector<double> length_m;           // per arc, summed over its original edges
  std::vector<double> speed_sq_length;    // per arc, sum of length_m * speed_kmh^2
  std::vector<std::uint32_t> middle;      // per arc: the rank of the shortcut's middle node, or kInvalid
  std::span<const ChArc> out(std::uint32_t rank) const { return {arcs.data() + first[rank], arcs.data() + first[rank + 1]}; }
};

struct ContractionOptions {
  std::uint32_t witness_settled_limit = 500;  // nodes a witness search may settle
  std::uint32_t witness_hop_limit = 16;       // arcs on a witness path
};

// Sizes of the work done, for logs and benchmarks.
struct ContractionStats {
  std::uint64_t shortcuts = 0;        // shortcut arcs in the final hierarchy
  std::uint64_t witness_searches = 0;
  std::uint64_t simulations = 0;      // priority computations (simulated contractions)
};

class ContractionHierarchy {
 public:
  explicit ContractionHierarchy(const RoadGraph& graph, const ContractionOptions& options = {});

  std::uint32_t node_count() const { return static_cast<std::uint32_t>(rank_.size()); }
  std::uint32_t rank(NodeId node) const { return rank_[node]; }
  NodeId node_at(std::uint32_t rank) const { return node_at_rank_[rank]; }
  // Arcs u->w with rank(w) > rank(u), stored at u: the forward search's graph.
  const ChArcs& upward() const { return upward_; }
  // Arcs u->w with rank(u) > rank(w), stored at w with head u: the backward search's graph.
  const ChArcs& downward() const { return downward_; }
  const ContractionStats& stats() const { return stats_; }

 private:
  std::vector<std::uint32_t> rank_;
  std::vector<NodeId> node_at_rank_;
  ChArcs upward_;
  ChArcs downward_;
  ContractionStats stats_;
};

// Throws std::logic_error naming the first broken invariant: rank and node_at inverse
// permutations of 0..n-1; CSR offsets monotone, n + 1 of them, ending at the arc count, and the
// parallel arrays as long as the arcs; every arc leads to a higher rank, weighs at least 1 ms;
// a shortcut's middle ranks below both its ends, and its two halves (tail->middle stored
// downward at the middle, middle->head stored upward there) exist and add up to its weight,
// length_m and speed_sq_length (these two to 1e-9 relative).
void check(const ContractionHierarchy& ch);

// The weight of an original edge: (travel_time_ms, length_m rounded to the nanometre).
ChWeight edge_weight(const RoadGraph& graph, EdgeId e);

}  // namespace evsim::models::road
