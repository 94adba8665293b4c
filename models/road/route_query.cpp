#include "models/road/route_query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <stdexcept>

#include "models/road/shortest_paths.hpp"

namespace evsim::models::road {

RouteQuery::RouteQuery(const ContractionHierarchy& ch) : ch_(&ch) {
  forward_.relax = &ch.upward();
  forward_.stall = &ch.downward();
  backward_.relax = &ch.downward();
  backward_.stall = &ch.upward();
  forward_.labels.resize(ch.node_count(), Label{{}, kInvalid, kInvalid, 0});
  backward_.labels.resize(ch.node_count(), Label{{}, kInvalid, kInvalid, 0});
}

void RouteQuery::check_node(NodeId node, const char* what) const {
  if (node >= ch_->node_count()) {
    throw std::out_of_range(fmt::format("RouteQuery::{}: node {} is outside the graph of {} nodes", what, node,
                                        ch_->node_count()));
  }
}

void RouteQuery::reach(Side& side, std::uint32_t rank, ChWeight dist, std::uint32_t parent, std::uint32_t arc) {
  side.labels[rank] = {dist, parent, arc, stamp_};
  side.heap.push_back({dist, rank});
  std::push_heap(side.heap.begin(), side.heap.end(), std::greater<>());
}

bool RouteQuery::stalled(const Side& side, std::uint32_t rank, ChWeight dist) const {
  for (const ChArc& a : side.stall->out(rank)) {
    const Label& above = side.labels[a.head];
    if (above.stamp == stamp_ && above.dist + a.weight < dist) return true;
  }
  return false;
}

std::uint32_t RouteQuery::search(std::uint32_t s, std::uint32_t t) {
  if (++stamp_ == 0) {
    for (Side* side : {&forward_, &backward_}) {
      for (Label& l : side->labels) l.stamp = 0;
    }
    stamp_ = 1;
  }
  settled_ = 0;
  forward_.heap.clear();
  backward_.heap.clear();
  reach(forward_, s, {0, 0}, kInvalid, kInvalid);
  reach(backward_, t, {0, 0}, kInvalid, kInvalid);
  best_ = {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max()};
  std::uint32_t meet = kInvalid;
  while (!forward_.heap.empty() || !backward_.heap.empty()) {
    const bool go_forward =
        backward_.heap.empty() || (!forward_.heap.empty() && forward_.heap.front().first <= backward_.heap.front().first);
    Side& side = go_forward ? forward_ : backward_;
    const Side& other = go_forward ? backward_ : forward_;
    const auto [dist, v] = side.heap.front();
    if (best_ <= dist) break;  // the smallest key of both queues: neither can improve on best_
    std::pop_heap(side.heap.begin(), side.heap.end(), std::greater<>());
    side.heap.pop_back();
    if (dist != side.labels[v].dist) continue;
    ++settled_;
    const Label& there = other.labels[v];
    if (there.stamp == stamp_ && dist + there.dist < best_) {
      best_ = dist + there.dist;
      meet = v;
    }
    if (stalled(side, v, dist)) continue;
    const ChArcs& arcs = *side.relax;
    for (std::uint32_t i = arcs.first[v]; i < arcs.first[v + 1]; ++i) {
      const ChArc& a = arcs.arcs[i];
      const ChWeight nd = dist + a.weight;
      const Label& l = side.labels[a.head];
      if (l.stamp != stamp_ || nd < l.dist) reach(side, a.head, nd, v, i);
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
    for (std::uint32_t v = meet; side->labels[v].parent != kInvalid; v = side->labels[v].parent) {
      const std::uint32_t arc = side->labels[v].parent_arc;
      cost.length_m += side->relax->length_m[arc];
      cost.speed_sq_length += side->relax->speed_sq_length[arc];
    }
  }
  return cost;
}

void RouteQuery::collect_arcs(std::uint32_t meet, std::vector<PathArc>& out) const {
  // Forward: from meet back to the start, then reversed; backward: from meet on to the end.
  for (std::uint32_t v = meet; forward_.labels[v].parent != kInvalid; v = forward_.labels[v].parent) {
    const Label& l = forward_.labels[v];
    out.push_back({l.parent, v, ch_->upward().middle[l.parent_arc]});
  }
  std::reverse(out.begin(), out.end());
  for (std::uint32_t v = meet; backward_.labels[v].parent != kInvalid; v = backward_.labels[v].parent) {
    const Label& l = backward_.labels[v];
    out.push_back({v, l.parent, ch_->downward().middle[l.parent_arc]});
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
