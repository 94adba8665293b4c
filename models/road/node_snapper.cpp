#include "models/road/node_snapper.hpp"

#include <nanoflann.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace evsim::models::road {
namespace {

// nanoflann's dataset adaptor.
struct Points {
  std::vector<double> x;
  std::vector<double> y;

  std::size_t kdtree_get_point_count() const { return x.size(); }
  double kdtree_get_pt(std::uint32_t i, std::size_t dim) const { return dim == 0 ? x[i] : y[i]; }
  template <class BoundingBox>
  bool kdtree_get_bbox(BoundingBox& /*unused*/) const {
    return false;  // let nanoflann compute it
  }
};

using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Points, double, std::uint32_t>,
                                                 Points, 2, std::uint32_t>;

}  // namespace

struct NodeSnapper::Index {
  Points points;  // the tree refers to it: declared first, never moved (Index lives on the heap)
  Tree tree;

  explicit Index(Points p) : points(std::move(p)), tree(2, points, nanoflann::KDTreeSingleIndexAdaptorParams(16)) {
    if (!points.x.empty()) tree.buildIndex();
  }
};

NodeSnapper::NodeSnapper(const RoadGraph& graph) {
  Points points;
  points.x.resize(graph.node_count());
  points.y.resize(graph.node_count());
  for (NodeId u = 0; u < graph.node_count(); ++u) {
    points.x[u] = graph.x_m(u);
    points.y[u] = graph.y_m(u);
  }
  index_ = std::make_unique<Index>(std::move(points));
}

NodeSnapper::NodeSnapper(std::vector<double> x_m, std::vector<double> y_m) {
  index_ = std::make_unique<Index>(Points{std::move(x_m), std::move(y_m)});
}

NodeSnapper::~NodeSnapper() = default;
NodeSnapper::NodeSnapper(NodeSnapper&&) noexcept = default;
NodeSnapper& NodeSnapper::operator=(NodeSnapper&&) noexcept = default;

Snap NodeSnapper::nearest(double x_m, double y_m) const {
  if (index_->points.x.empty()) return {kInvalid, std::numeric_limits<double>::infinity()};
  const double query[2] = {x_m, y_m};
  std::uint32_t node = kInvalid;
  double distance_sq = 0.0;
  index_->tree.knnSearch(query, 1, &node, &distance_sq);
  return {node, std::sqrt(distance_sq)};
}

std::vector<NodeId> NodeSnapper::within(double x_m, double y_m, double radius_m) const {
  std::vector<NodeId> out;
  if (index_->points.x.empty() || !(radius_m >= 0.0)) return out;
  const double query[2] = {x_m, y_m};
  // nanoflann keeps points with distance^2 < its bound: the next double above r^2 includes r^2.
  const double bound = std::nextafter(radius_m * radius_m, std::numeric_limits<double>::infinity());
  std::vector<std::pair<std::uint32_t, double>> found;
  index_->tree.radiusSearch(query, bound, found, nanoflann::SearchParams(32, 0.0F, false));
  out.reserve(found.size());
  for (const auto& [node, distance_sq] : found) out.push_back(node);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace evsim::models::road
