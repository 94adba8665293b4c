#pragma once
// Point-to-point queries on a ContractionHierarchy: the fastest route's cost, and its nodes.
//
// Algorithm: bidirectional Dijkstra over the hierarchy's upward arcs (forward from `from`,
// backward from `to`), on the lexicographic weight (time_ms, length_nm) of
// contraction_hierarchy.hpp, with stall-on-demand (a node reached more cheaply from a higher
// neighbour is not expanded). The search stops when the smallest key left in both queues is no
// lighter than the best meeting found. Results are exact: time_ms equals Dijkstra's on the
// RoadGraph; among equally fast paths the one chosen has the least length_nm.
//
// A RouteQuery holds one query's workspace (labels for every node; a query resets only the
// labels it touched, so it costs only what it visits). One per thread or per user; it keeps a
// reference to the hierarchy, which must outlive it. Units as in contraction_hierarchy.hpp; path
// times and lengths must stay below 2^62 (ms, nm), far beyond any road.
#include <cstdint>
#include <vector>

#include "models/road/contraction_hierarchy.hpp"
#include "models/road/route_heap.hpp"

namespace evsim::models::road {

class RouteQuery {
 public:
  explicit RouteQuery(const ContractionHierarchy& ch);

  // The fastest route's cost; {0, 0, 0} when from == to. Throws std::out_of_range for a node
  // outside the graph.
  RouteCost route(NodeId from, NodeId to);
  // The fastest route's original nodes, from first to to last; {from} when from == to, empty
  // when `to` is unreachable. Throws as route().
  std::vector<NodeId> unpack_path(NodeId from, NodeId to);

  // Nodes settled (taken from a queue) by the last search, both directions together.
  std::uint32_t settled_last() const { return settled_; }

 private:
  // Labels in two arrays: the distances every relaxation and stall test reads, and the parents
  // only the path's walk reads. An unreached label is {kFar, kFar}: no comparison can prefer it
  // and no sum with it can win, so no per-label time stamp needs checking.
  struct Parent {
    std::uint32_t rank;  // rank the search came from, kInvalid at the start
    std::uint32_t arc;   // index of that arc in the side's ChArcs
  };
  struct Side {
    const ChArcs* relax = nullptr;  // the arcs this search follows
    const ChArcs* stall = nullptr;  // arcs into a node from higher ones, for stall-on-demand
    std::vector<ChWeight> dist;
    std::vector<Parent> parent;
    std::vector<std::uint32_t> touched;  // ranks whose dist is not {kFar, kFar}
    RouteHeap heap;                 // stale entries are skipped when popped
  };

  void check_node(NodeId node, const char* what) const;
  // Runs the search between ranks s != t; returns the meeting rank, or kInvalid when unreachable.
  std::uint32_t search(std::uint32_t s, std::uint32_t t);
  void reach(Side& side, std::uint32_t rank, ChWeight dist, std::uint32_t parent, std::uint32_t arc);
  bool stalled(const Side& side, std::uint32_t rank, ChWeight dist) const;
  // The arcs of the path found by search(), in order: (tail rank, head rank, middle rank).
  struct PathArc {
    std::uint32_t tail;
    std::uint32_t head;
    std::uint32_t middle;
  };
  void collect_arcs(std::uint32_t meet, std::vector<PathArc>& out) const;

  const ContractionHierarchy* ch_;
  Side forward_;
  Side backward_;
  std::uint32_t settled_ = 0;
  ChWeight best_{};
};

}  // namespace evsim::models::road
