#include "models/road/route_query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "models/road/shortest_paths.hpp"

namespace evsim::models::road {
namespace {

// Far enough that kFar plus any real distance neither overflows nor compares below a real one.
constexpr std::int64_t kFar = std::int64_t{1} << 62;
constexpr ChWeight kUnreached{kFar, kFar};

}  // namespace

RouteQuery::RouteQuery(const ContractionHierarchy& ch) : ch_(&ch) {
  forward_.relax = &ch.upward();
  forward_.stall = &ch.downward();
  backward_.relax = &ch.downward();
  backward_.stall = &ch.upward();
  for (Side* side : {&forward_, &backward_}) {
    side->dist.assign(ch.node_count(), kUnreached);
    side->parent.assign(ch.node_count(), {kInvalid, kInvalid});
  }
}

void RouteQuery::check_node(NodeId node, const char* what) const {
  if (node >= ch_->node_count()) {
    throw std::out_of_range(fmt::format("RouteQuery::{}: node {} is outside the graph of {} nodes", what, node,
                                        ch_->node_count()));
  }
}

void RouteQuery::reach(Side& side, std::uint32_t rank, ChWeight dist, std::uint32_t parent, std::uint32_t arc) {
  if (side.dist[rank] == kUnreached) side.touched.push_back(rank);
  side.dist[rank] = dist;
  side.parent[rank] = {parent, arc};
  side.heap.push(dist, rank);
}

bool RouteQuery::stalled(const Side& side, std::uint32_t rank, ChWeight dist) const {
  for (const ChArc& a : side.stall->out(rank)) {
    if (side.dist[a.head] + a.weight < dist) return true;
  }
  return false;
}

std::uint32_t RouteQuery::search(std::uint32_t s, std::uint32_t t) {
  for (Side* side : {&forward_, &backward_}) {
    for (const std::uint32_t r : side->touched) side->dist[r] = kUnreached;
    side->touched.clear();
    side->heap.clear();
  }
  settled_ = 0;
  reach(forward_, s, {0, 0}, kInvalid, kInvalid);
  reach(backward_, t, {0, 0}, kInvalid, kInvalid);
  best_ = kUnreached;
  std::uint32_t meet = kInvalid;
  while (!forward_.heap.empty() || !backward_.heap.empty()) {
    const bool go_forward =
        backward_.heap.empty() || (!forward_.heap.empty() && forward_.heap.top().weight <= backward_.heap.top().weight);
    Side& side = go_forward ? forward_ : backward_;
    const Side& other = go_forward ? backward_ : forward_;
    const auto [dist, v] = side.heap.top();
    if (best_ <= dist) break;  // the smallest key of both queues: neither can improve on best_
    side.heap.pop();
    if (dist != side.dist[v]) continue;
    ++settled_;
    if (dist + other.dist[v] < best_) {
      best_ = dist + other.dist[v];
      meet = v;
    }
    if (stalled(side, v, dist)) continue;
    const ChArcs& arcs = *side.relax;
    for (std::uint32_t i = arcs.first[v]; i < arcs.first[v + 1]; ++i) {
      const ChArc& a = arcs.arcs[i];
      const ChWeight nd = dist + a.weight;
      if (nd < side.dist[a.head]) reach(side, a.head, nd, v, i);
    }
  }
  return meet;
}

RouteCost RouteQuery::route(NodeId from, NodeId to) {
  check_node(from, "route");
  check_node(to, "route");
  if (from == to) return {0, 0.0, 0.0};
  const std::uint32_t meet = search(ch_->rank(from), ch_->rank(to));
  if (meet == kInvalid) {
    return {kUnreachableMs, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  }
  RouteCost cost{best_.time_ms, 0.0, 0.0};
  for (const Side* side : {&forward_, &backward_}) {
    for (std::uint32_t v = meet; side->parent[v].rank != kInvalid; v = side->parent[v].rank) {
      const std::uint32_t arc = side->parent[v].arc;
      cost.length_m += side->relax->length_m[arc];
      cost.speed_sq_length += side->relax->speed_sq_length[arc];
    }
  }
  return cost;
}

void RouteQuery::collect_arcs(std::uint32_t meet, std::vector<PathArc>& out) const {
  // Forward: from meet back to the start, then reversed; backward: from meet on to the end.
  for (std::uint32_t v = meet; forward_.parent[v].rank != kInvalid; v = forward_.parent[v].rank) {
    const Parent& p = forward_.parent[v];
    out.push_back({p.rank, v, ch_->upward().middle[p.arc]});
  }
  std::reverse(out.begin(), out.end());
  for (std::uint32_t v = meet; backward_.parent[v].rank != kInvalid; v = backward_.parent[v].rank) {
    const Parent& p = backward_.parent[v];
    out.push_back({v, p.rank, ch_->downward().middle[p.arc]});
  }
}

std::vector<NodeId> RouteQuery::unpack_path(NodeId from, NodeId to) {
  check_node(from, "unpack_path");
  check_node(to, "unpack_path");
  if (from == to) return {from};
  const std::uint32_t meet = search(ch_->rank(from), ch_->rank(to));
  if (meet == kInvalid) return {};
  std::vector<PathArc> arcs;
  collect_arcs(meet, arcs);
  // Depth-first over the shortcuts, first half before second: a shortcut tail->head via middle
  // m stands for tail->m (stored at m, downward) and m->head (stored at m, upward).
  const auto find = [](const ChArcs& at, std::uint32_t rank, std::uint32_t head) {
    for (std::uint32_t i = at.first[rank]; i < at.first[rank + 1]; ++i) {
      if (at.arcs[i].head == head) return at.middle[i];
    }
    throw std::logic_error(fmt::format("RouteQuery::unpack_path: the hierarchy lacks an arc at rank {}", rank));
  };
  std::vector<NodeId> path{from};
  std::reverse(arcs.begin(), arcs.end());
  while (!arcs.empty()) {
    const PathArc a = arcs.back();
    arcs.pop_back();
    if (a.middle == kInvalid) {
      path.push_back(ch_->node_at(a.head));
      continue;
    }
    arcs.push_back({a.middle, a.head, find(ch_->upward(), a.middle, a.head)});
    arcs.push_back({a.tail, a.middle, find(ch_->downward(), a.middle, a.tail)});
  }
  return path;
}

}  // namespace evsim::models::road
