#pragma once
// RouteQuery::route as it was before the query was tuned (commit 5bbe050), kept for the router
// benchmark only: it runs in the same process as the current query, so their ratio is measured in
// one machine state, and the benchmark checks that both choose the same paths (bit-equal costs).
// Same algorithm and contract as models/road/route_query.hpp; do not use outside bench/.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include "models/road/contraction_hierarchy.hpp"
#include "models/road/shortest_paths.hpp"

namespace evsim::bench {

class LegacyRouteQuery {
 public:
  using ChWeight = models::road::ChWeight;
  using ChArcs = models::road::ChArcs;
  using RouteCost = models::road::RouteCost;
  static constexpr std::uint32_t kInvalid = models::road::kInvalid;

  explicit LegacyRouteQuery(const models::road::ContractionHierarchy& ch) : ch_(&ch) {
    forward_.relax = &ch.upward();
    forward_.stall = &ch.downward();
    backward_.relax = &ch.downward();
    backward_.stall = &ch.upward();
    forward_.labels.resize(ch.node_count(), Label{{}, kInvalid, kInvalid, 0});
    backward_.labels.resize(ch.node_count(), Label{{}, kInvalid, kInvalid, 0});
  }

  RouteCost route(std::uint32_t from, std::uint32_t to) {
    if (from == to) return {0, 0.0, 0.0};
    const std::uint32_t meet = search(ch_->rank(from), ch_->rank(to));
    if (meet == kInvalid) {
      return {models::road::kUnreachableMs, std::numeric_limits<double>::infinity(),
              std::numeric_limits<double>::infinity()};
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

  std::uint32_t settled_last() const { return settled_; }

 private:
  struct Label {
    ChWeight dist;
    std::uint32_t parent;
    std::uint32_t parent_arc;
    std::uint32_t stamp;
  };
  using Entry = std::pair<ChWeight, std::uint32_t>;
  struct Side {
    const ChArcs* relax = nullptr;
    const ChArcs* stall = nullptr;
    std::vector<Label> labels;
    std::vector<Entry> heap;
  };

  void reach(Side& side, std::uint32_t rank, ChWeight dist, std::uint32_t parent, std::uint32_t arc) {
    side.labels[rank] = {dist, parent, arc, stamp_};
    side.heap.push_back({dist, rank});
    std::push_heap(side.heap.begin(), side.heap.end(), std::greater<>());
  }

  bool stalled(const Side& side, std::uint32_t rank, ChWeight dist) const {
    for (const models::road::ChArc& a : side.stall->out(rank)) {
      const Label& above = side.labels[a.head];
      if (above.stamp == stamp_ && above.dist + a.weight < dist) return true;
    }
    return false;
  }

  std::uint32_t search(std::uint32_t s, std::uint32_t t) {
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
      const bool go_forward = backward_.heap.empty() ||
                              (!forward_.heap.empty() && forward_.heap.front().first <= backward_.heap.front().first);
      Side& side = go_forward ? forward_ : backward_;
      const Side& other = go_forward ? backward_ : forward_;
      const auto [dist, v] = side.heap.front();
      if (best_ <= dist) break;
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
        const models::road::ChArc& a = arcs.arcs[i];
        const ChWeight nd = dist + a.weight;
        const Label& l = side.labels[a.head];
        if (l.stamp != stamp_ || nd < l.dist) reach(side, a.head, nd, v, i);
      }
    }
    return meet;
  }

  const models::road::ContractionHierarchy* ch_;
  Side forward_;
  Side backward_;
  std::uint32_t stamp_ = 0;
  std::uint32_t settled_ = 0;
  ChWeight best_{};
};

}  // namespace evsim::bench
