#pragma once
// Nearest road node to a point, and the nodes within a radius: a k-d tree (nanoflann) over the
// road nodes' x/y. Units: metres in the graph's plane; distances are straight-line (Euclidean)
// distances in that plane, not along roads.
#include <memory>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::road {

struct Snap {
  NodeId node = kInvalid;  // kInvalid when the graph has no nodes
  double distance_m = 0.0;
};

class NodeSnapper {
 public:
  // Copies the node coordinates: the snapper does not refer to the graph afterwards.
  explicit NodeSnapper(const RoadGraph& graph);
  // Over any points (ids are their indices), e.g. the nodes a loader dropped.
  NodeSnapper(std::vector<double> x_m, std::vector<double> y_m);
  ~NodeSnapper();
  NodeSnapper(NodeSnapper&&) noexcept;
  NodeSnapper& operator=(NodeSnapper&&) noexcept;
  NodeSnapper(const NodeSnapper&) = delete;
  NodeSnapper& operator=(const NodeSnapper&) = delete;

  // The nearest node; among nodes at exactly the same distance, any one of them.
  // Empty graph: {kInvalid, +infinity}.
  Snap nearest(double x_m, double y_m) const;

  // The nodes whose squared distance dx^2 + dy^2 is <= radius_m^2 (boundary included), in
  // increasing id order. A negative radius finds nothing.
  std::vector<NodeId> within(double x_m, double y_m, double radius_m) const;

 private:
  struct Index;
  std::unique_ptr<Index> index_;
};

}  // namespace evsim::models::road
