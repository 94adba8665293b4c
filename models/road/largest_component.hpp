#pragma once
// The largest strongly connected component of a directed road graph: the part in which every node
// can reach every other, so that any trip between two kept nodes has a route.
//
// Components come from Boost.Graph's strong_components (Tarjan's algorithm over Boost's
// depth-first search, which keeps its own stack: no recursion, safe on graphs of millions of
// nodes). "Largest" means the most nodes; among components of equal size the one holding the
// lowest node id wins, so the choice depends only on the input.
#include <cstdint>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::road {

struct ComponentSelection {
  // Per input node: its id among the kept nodes (kept nodes keep their relative order), or
  // kInvalid when it lies outside the largest component.
  std::vector<NodeId> new_id;
  std::uint32_t kept_nodes = 0;
  std::uint64_t components = 0;  // strongly connected components in the input (0 for no nodes)
};

// For a graph given as nodes 0..node_count-1 and an edge list (ends must be < node_count).
ComponentSelection largest_strong_component(std::uint32_t node_count, std::span<const EdgeInput> edges);

struct KeptComponent {
  RoadGraph graph;
  std::vector<NodeId> old_id;  // per kept node: its id in the input graph
  std::uint64_t components = 0;
};

// The input restricted to its largest strongly connected component, nodes renumbered 0..k-1 in
// their input order; edges with an end outside are dropped.
KeptComponent keep_largest_component(const RoadGraph& graph);

}  // namespace evsim::models::road
