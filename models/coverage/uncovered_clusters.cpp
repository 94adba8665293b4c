#include "models/coverage/uncovered_clusters.hpp"

#include <algorithm>
#include <numeric>

namespace evsim::models::coverage {
namespace {

using road::NodeId;

// Union-find with path halving and union by size.
class DisjointSets {
 public:
  explicit DisjointSets(std::uint32_t n) : parent_(n), size_(n, 1) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
};

}  // namespace

std::vector<UncoveredCluster> uncovered_clusters(const road::RoadGraph& graph, std::span<const double> distance_m,
                                                 std::span<const double> demand, std::span<const std::uint8_t> in_area,
                                                 double radius_m) {
  const std::uint32_t n = graph.node_count();
  const auto uncovered = [&](NodeId v) { return (in_area.empty() || in_area[v] != 0) && !(distance_m[v] <= radius_m); };
  DisjointSets sets(n);
  for (NodeId u = 0; u < n; ++u) {
    if (!uncovered(u)) continue;
    for (road::EdgeId e = graph.out_begin(u); e < graph.out_end(u); ++e) {
      if (uncovered(graph.target(e))) sets.unite(u, graph.target(e));
    }
  }
  std::vector<std::uint32_t> cluster_of_root(n, road::kInvalid);
  std::vector<UncoveredCluster> clusters;
  for (NodeId v = 0; v < n; ++v) {
    if (!uncovered(v)) continue;
    const std::uint32_t root = sets.find(v);
    if (cluster_of_root[root] == road::kInvalid) {
      cluster_of_root[root] = static_cast<std::uint32_t>(clusters.size());
      clusters.push_back({.max_distance_m = -1.0});
    }
    UncoveredCluster& c = clusters[cluster_of_root[root]];
    ++c.nodes;
    c.demand += demand.empty() ? 1.0 : demand[v];
    c.centroid_x_m += graph.x_m(v);
    c.centroid_y_m += graph.y_m(v);
    if (distance_m[v] > c.max_distance_m) {  // nodes visited in id order: ties keep the lowest id
      c.max_distance_m = distance_m[v];
      c.farthest_node = v;
    }
  }
  for (UncoveredCluster& c : clusters) {
    c.centroid_x_m /= c.nodes;
    c.centroid_y_m /= c.nodes;
  }
  std::sort(clusters.begin(), clusters.end(), [](const UncoveredCluster& a, const UncoveredCluster& b) {
    if (a.demand != b.demand) return a.demand > b.demand;
    if (a.nodes != b.nodes) return a.nodes > b.nodes;
    return a.farthest_node < b.farthest_node;
  });
  return clusters;
}

}  // namespace evsim::models::coverage
