#include "models/coverage/distance_search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "models/coverage/distance_key.hpp"

namespace evsim::models::coverage {
namespace {

void check_source(NodeId source, std::uint32_t node_count, const char* where) {
  if (source >= node_count) {
    throw std::out_of_range(fmt::format("{}: source node {} outside the graph (0..{})", where, source,
                                        static_cast<std::int64_t>(node_count) - 1));
  }
}

}  // namespace

DistanceSearch::DistanceSearch(std::uint32_t node_count) : distance_(node_count, kUnreachable), settled_mark_(node_count, 0) {}

void DistanceSearch::reset() {
  for (const NodeId v : touched_) distance_[v] = kUnreachable;
  touched_.clear();
  settled_.clear();
  heap_.clear();
  if (++run_id_ == 0) {  // after 2^32 runs the marks would repeat
    std::fill(settled_mark_.begin(), settled_mark_.end(), 0);
    run_id_ = 1;
  }
}

std::span<const Reached> DistanceSearch::run(const LengthGraph& graph, NodeId source, double radius_m) {
  return run(graph, std::span<const NodeId>(&source, 1), radius_m);
}

std::span<const Reached> DistanceSearch::run(const LengthGraph& graph, std::span<const NodeId> sources, double radius_m) {
  if (graph.node_count() != distance_.size()) {
    throw std::invalid_argument(fmt::format("DistanceSearch: made for {} nodes, given a graph of {}", distance_.size(),
                                            graph.node_count()));
  }
  if (!(radius_m >= 0.0)) throw std::invalid_argument(fmt::format("DistanceSearch::run: radius {} m (must be >= 0)", radius_m));
  reset();
  const DistanceKey key(graph);
  for (const NodeId s : sources) {
    check_source(s, graph.node_count(), "DistanceSearch::run");
    if (distance_[s] == 0.0) continue;
    distance_[s] = 0.0;
    touched_.push_back(s);
    heap_.push(key(0.0), s);
  }
  // Nodes within the radius have keys <= key(radius); the last bucket may hold some beyond it.
  const std::uint64_t last_key = key(radius_m);
  while (!heap_.empty() && heap_.top_key() <= last_key) {
    const NodeId u = heap_.top();
    heap_.pop();
    const double du = distance_[u];
    if (settled_mark_[u] == run_id_ || du > radius_m) continue;  // a stale entry, or beyond the radius
    settled_mark_[u] = run_id_;
    settled_.push_back({u, du});
    for (const LengthArc& arc : graph.arcs(u)) {
      const double nd = du + arc.length_m;
      double& dv = distance_[arc.head];
      if (nd < dv) {
        if (dv == kUnreachable) touched_.push_back(arc.head);
        dv = nd;
        heap_.push(key(nd), arc.head);
      }
    }
  }
  return settled_;
}

std::vector<double> distances_from(const LengthGraph& graph, NodeId source) {
  check_source(source, graph.node_count(), "distances_from");
  std::vector<double> dist(graph.node_count(), kUnreachable);
  std::vector<std::uint8_t> settled(graph.node_count(), 0);
  const DistanceKey key(graph);
  RadixHeap<NodeId> heap;
  dist[source] = 0.0;
  heap.push(key(0.0), source);
  while (!heap.empty()) {
    const NodeId u = heap.top();
    heap.pop();
    if (settled[u] != 0) continue;  // a stale entry
    settled[u] = 1;
    const double du = dist[u];
    for (const LengthArc& arc : graph.arcs(u)) {
      const double nd = du + arc.length_m;
      if (nd < dist[arc.head]) {
        dist[arc.head] = nd;
        heap.push(key(nd), arc.head);
      }
    }
  }
  return dist;
}

NearestStation nearest_stations(const LengthGraph& graph, std::span<const NodeId> sources) {
  const std::uint32_t n = graph.node_count();
  NearestStation out{std::vector<double>(n, kUnreachable), std::vector<std::uint32_t>(n, kInvalid)};
  std::vector<std::uint8_t> settled(n, 0);
  const DistanceKey key(graph);
  RadixHeap<NodeId> heap;
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    const NodeId s = sources[i];
    check_source(s, n, "nearest_stations");
    if (out.station[s] != kInvalid) continue;
    out.distance_m[s] = 0.0;
    out.station[s] = i;
    heap.push(key(0.0), s);
  }
  while (!heap.empty()) {
    const NodeId u = heap.top();
    heap.pop();
    if (settled[u] != 0) continue;
    settled[u] = 1;
    // Every node that reaches a station through u at u's distance lies in a lower key's bucket
    // (distance_key.hpp), so it has settled and distance[u] and station[u] are final here.
    const double du = out.distance_m[u];
    const std::uint32_t su = out.station[u];
    for (const LengthArc& arc : graph.arcs(u)) {
      const double nd = du + arc.length_m;
      const NodeId v = arc.head;
      if (nd < out.distance_m[v]) {
        out.distance_m[v] = nd;
        out.station[v] = su;
        heap.push(key(nd), v);
      } else if (nd == out.distance_m[v] && su < out.station[v] && settled[v] == 0) {
        out.station[v] = su;  // equal distance: the lower station index wins
      }
    }
  }
  return out;
}

}  // namespace evsim::models::coverage
