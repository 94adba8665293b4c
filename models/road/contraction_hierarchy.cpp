#include "models/road/contraction_hierarchy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>
#include <utility>

namespace evsim::models::road {
namespace {

// An arc of the graph that remains while nodes are contracted. `middle` is an original node id.
struct DynArc {
  NodeId head;
  NodeId middle;
  std::uint32_t hops;
  ChWeight weight;
  double length_m;
  double speed_sq_length;
};

struct Shortcut {
  NodeId from;
  DynArc arc;
};

template <class Key>
using MinHeap = std::priority_queue<std::pair<Key, NodeId>, std::vector<std::pair<Key, NodeId>>, std::greater<>>;

class Contractor {
 public:
  Contractor(const RoadGraph& graph, const ContractionOptions& options);
  // Contracts every node; returns the contraction order and fills `upward`, `downward` with arcs
  // whose heads and middles are still original node ids.
  std::vector<NodeId> run(ChArcs& upward, ChArcs& downward, ContractionStats& stats);

 private:
  DynArc& arc(NodeId from, NodeId to);
  // Calls emit(from, via_arc) for every shortcut contracting v would add now.
  template <class Emit>
  void for_each_shortcut(NodeId v, Emit&& emit);
  void witness_search(NodeId source, NodeId avoid, ChWeight bound, std::uint32_t targets);
  double priority(NodeId v);
  void contract(NodeId v, ChArcs& upward, ChArcs& downward);
  void add_shortcut(const Shortcut& s);

  ContractionOptions options_;
  std::vector<std::vector<DynArc>> out_;
  std::vector<std::vector<NodeId>> in_;
  std::vector<std::uint32_t> level_;
  std::vector<std::uint32_t> deleted_neighbours_;
  std::vector<double> priority_;
  std::vector<char> contracted_;
  // Witness search workspace, reset by time stamps.
  std::vector<ChWeight> dist_;
  std::vector<std::uint32_t> hops_;
  std::vector<std::uint32_t> reached_;
  std::vector<std::uint32_t> target_;
  std::uint32_t stamp_ = 0;
  MinHeap<ChWeight> heap_;
  std::vector<Shortcut> shortcuts_;
  std::vector<NodeId> neighbours_;
  std::uint64_t witness_searches_ = 0;
  std::uint64_t simulations_ = 0;
};

Contractor::Contractor(const RoadGraph& graph, const ContractionOptions& options)
    : options_(options),
      out_(graph.node_count()),
      in_(graph.node_count()),
      level_(graph.node_count(), 0),
      deleted_neighbours_(graph.node_count(), 0),
      priority_(graph.node_count(), 0.0),
      contracted_(graph.node_count(), 0),
      dist_(graph.node_count()),
      hops_(graph.node_count(), 0),
      reached_(graph.node_count(), 0),
      target_(graph.node_count(), 0) {
  // Parallel edges: the lightest stays. Edges of one source are sorted by target (CSR order).
  for (NodeId u = 0; u < graph.node_count(); ++u) {
    std::vector<DynArc>& out = out_[u];
    for (EdgeId e = graph.out_begin(u); e < graph.out_end(u); ++e) {
      const DynArc a{graph.target(e), kInvalid, 1, edge_weight(graph, e), graph.length_m(e),
                     graph.length_m(e) * graph.speed_kmh(e) * graph.speed_kmh(e)};
      if (!out.empty() && out.back().head == a.head) {
        if (a.weight < out.back().weight) out.back() = a;
      } else {
        out.push_back(a);
        in_[a.head].push_back(u);
      }
    }
  }
}

DynArc& Contractor::arc(NodeId from, NodeId to) {
  for (DynArc& a : out_[from]) {
    if (a.head == to) return a;
  }
  throw std::logic_error(fmt::format("ContractionHierarchy: arc {}->{} is missing from the remaining graph", from, to));
}

void Contractor::witness_search(NodeId source, NodeId avoid, ChWeight bound, std::uint32_t targets) {
  ++witness_searches_;
  heap_ = {};
  dist_[source] = {0, 0};
  hops_[source] = 0;
  reached_[source] = stamp_;
  heap_.push({dist_[source], source});
  std::uint32_t settled = 0;
  while (!heap_.empty() && targets > 0 && settled < options_.witness_settled_limit) {
    const auto [d, u] = heap_.top();
    heap_.pop();
    if (d != dist_[u]) continue;
    if (bound < d) break;
    ++settled;
    if (target_[u] == stamp_) --targets;
    if (hops_[u] >= options_.witness_hop_limit) continue;
    for (const DynArc& a : out_[u]) {
      if (a.head == avoid) continue;
      const ChWeight nd = d + a.weight;
      if (reached_[a.head] != stamp_ || nd < dist_[a.head]) {
        reached_[a.head] = stamp_;
        dist_[a.head] = nd;
        hops_[a.head] = hops_[u] + 1;
        heap_.push({nd, a.head});
      }
    }
  }
}

template <class Emit>
void Contractor::for_each_shortcut(NodeId v, Emit&& emit) {
  for (const NodeId u : in_[v]) {
    const DynArc& first = arc(u, v);
    if (++stamp_ == 0) {
      std::fill(reached_.begin(), reached_.end(), 0);
      std::fill(target_.begin(), target_.end(), 0);
      stamp_ = 1;
    }
    ChWeight bound{0, 0};
    std::uint32_t targets = 0;
    for (const DynArc& second : out_[v]) {
      if (second.head == u) continue;
      bound = std::max(bound, first.weight + second.weight);
      target_[second.head] = stamp_;
      ++targets;
    }
    if (targets == 0) continue;
    witness_search(u, v, bound, targets);
    for (const DynArc& second : out_[v]) {
      if (second.head == u) continue;
      const ChWeight via = first.weight + second.weight;
      if (reached_[second.head] == stamp_ && dist_[second.head] <= via) continue;
      emit(u, DynArc{second.head, v, first.hops + second.hops, via, first.length_m + second.length_m,
                     first.speed_sq_length + second.speed_sq_length});
    }
  }
}

double Contractor::priority(NodeId v) {
  ++simulations_;
  std::uint64_t added = 0;
  std::uint64_t added_hops = 0;
  for_each_shortcut(v, [&](NodeId, const DynArc& a) {
    ++added;
    added_hops += a.hops;
  });
  std::uint64_t removed = out_[v].size() + in_[v].size();
  std::uint64_t removed_hops = 0;
  for (const DynArc& a : out_[v]) removed_hops += a.hops;
  for (const NodeId u : in_[v]) removed_hops += arc(u, v).hops;
  double p = level_[v] + 0.25 * deleted_neighbours_[v];
  if (removed > 0) {
    p += static_cast<double>(added) / static_cast<double>(removed) +
         static_cast<double>(added_hops) / static_cast<double>(removed_hops);
  }
  return p;
}

void Contractor::add_shortcut(const Shortcut& s) {
  for (DynArc& a : out_[s.from]) {
    if (a.head == s.arc.head) {
      if (s.arc.weight < a.weight) a = s.arc;
      return;
    }
  }
  out_[s.from].push_back(s.arc);
  in_[s.arc.head].push_back(s.from);
}

void Contractor::contract(NodeId v, ChArcs& upward, ChArcs& downward) {
  for (const DynArc& a : out_[v]) {
    upward.arcs.push_back({a.weight, a.head});
    upward.length_m.push_back(a.length_m);
    upward.speed_sq_length.push_back(a.speed_sq_length);
    upward.middle.push_back(a.middle);
  }
  for (const NodeId u : in_[v]) {
    const DynArc& a = arc(u, v);
    downward.arcs.push_back({a.weight, u});
    downward.length_m.push_back(a.length_m);
    downward.speed_sq_length.push_back(a.speed_sq_length);
    downward.middle.push_back(a.middle);
  }
  if (upward.arcs.size() >= kInvalid || downward.arcs.size() >= kInvalid) {
    throw std::length_error("ContractionHierarchy: too many arcs for 32-bit arc ids");
  }
  upward.first.push_back(static_cast<std::uint32_t>(upward.arcs.size()));
  downward.first.push_back(static_cast<std::uint32_t>(downward.arcs.size()));

  shortcuts_.clear();
  for_each_shortcut(v, [&](NodeId from, const DynArc& a) { shortcuts_.push_back({from, a}); });
  for (const Shortcut& s : shortcuts_) add_shortcut(s);

  contracted_[v] = 1;
  neighbours_.clear();
  for (const DynArc& a : out_[v]) {
    std::erase(in_[a.head], v);
    neighbours_.push_back(a.head);
  }
  for (const NodeId u : in_[v]) {
    std::erase_if(out_[u], [v](const DynArc& a) { return a.head == v; });
    neighbours_.push_back(u);
  }
  std::vector<DynArc>().swap(out_[v]);
  std::vector<NodeId>().swap(in_[v]);
  std::sort(neighbours_.begin(), neighbours_.end());
  neighbours_.erase(std::unique(neighbours_.begin(), neighbours_.end()), neighbours_.end());
  for (const NodeId u : neighbours_) {
    level_[u] = std::max(level_[u], level_[v] + 1);
    ++deleted_neighbours_[u];
  }
}

std::vector<NodeId> Contractor::run(ChArcs& upward, ChArcs& downward, ContractionStats& stats) {
  const auto n = static_cast<NodeId>(out_.size());
  upward.first.assign(1, 0);
  downward.first.assign(1, 0);
  MinHeap<double> queue;
  for (NodeId v = 0; v < n; ++v) {
    priority_[v] = priority(v);
    queue.push({priority_[v], v});
  }
  std::vector<NodeId> order;
  order.reserve(n);
  while (!queue.empty()) {
    const auto [p, v] = queue.top();
    queue.pop();
    if (contracted_[v] || p != priority_[v]) continue;
    contract(v, upward, downward);
    order.push_back(v);
    for (const NodeId u : neighbours_) {
      priority_[u] = priority(u);
      queue.push({priority_[u], u});
    }
  }
  stats.witness_searches = witness_searches_;
  stats.simulations = simulations_;
  return order;
}

}  // namespace

ChWeight edge_weight(const RoadGraph& graph, EdgeId e) {
  return {graph.travel_time_ms(e), std::llround(graph.length_m(e) * 1e9)};
}

ContractionHierarchy::ContractionHierarchy(const RoadGraph& graph, const ContractionOptions& options) {
  Contractor contractor(graph, options);
  node_at_rank_ = contractor.run(upward_, downward_, stats_);
  rank_.assign(graph.node_count(), kInvalid);
  for (std::uint32_t r = 0; r < node_at_rank_.size(); ++r) rank_[node_at_rank_[r]] = r;
  for (ChArcs* arcs : {&upward_, &downward_}) {
    for (ChArc& a : arcs->arcs) a.head = rank_[a.head];
    for (std::uint32_t& m : arcs->middle) {
      if (m != kInvalid) {
        m = rank_[m];
        ++stats_.shortcuts;
      }
    }
  }
}

namespace {

// The index of the arc at `rank` in `arcs` whose head is `head`, or kInvalid.
std::uint32_t find_arc(const ChArcs& arcs, std::uint32_t rank, std::uint32_t head) {
  for (std::uint32_t i = arcs.first[rank]; i < arcs.first[rank + 1]; ++i) {
    if (arcs.arcs[i].head == head) return i;
  }
  return kInvalid;
}

bool close(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)); }

void check_arcs(const ContractionHierarchy& ch, const ChArcs& arcs, const char* name) {
  const std::uint32_t n = ch.node_count();
  if (arcs.first.size() != std::size_t{n} + 1 || arcs.first.front() != 0 || arcs.first.back() != arcs.arcs.size()) {
    throw std::logic_error(fmt::format("check(ContractionHierarchy): {} offsets do not span the arcs", name));
  }
  if (arcs.length_m.size() != arcs.arcs.size() || arcs.speed_sq_length.size() != arcs.arcs.size() ||
      arcs.middle.size() != arcs.arcs.size()) {
    throw std::logic_error(fmt::format("check(ContractionHierarchy): {} attribute arrays differ in length", name));
  }
  const bool is_up = &arcs == &ch.upward();
  for (std::uint32_t r = 0; r < n; ++r) {
    if (arcs.first[r + 1] < arcs.first[r]) {
      throw std::logic_error(fmt::format("check(ContractionHierarchy): {} offsets decrease at rank {}", name, r));
    }
    for (std::uint32_t i = arcs.first[r]; i < arcs.first[r + 1]; ++i) {
      const ChArc& a = arcs.arcs[i];
      if (a.head >= n || a.head <= r) {
        throw std::logic_error(fmt::format("check(ContractionHierarchy): {} arc {} at rank {} leads to rank {}", name, i, r, a.head));
      }
      if (a.weight.time_ms < 1) {
        throw std::logic_error(fmt::format("check(ContractionHierarchy): {} arc {} has no travel time", name, i));
      }
      const std::uint32_t m = arcs.middle[i];
      if (m == kInvalid) continue;
      if (m >= r) {
        throw std::logic_error(fmt::format("check(ContractionHierarchy): {} arc {} at rank {} has middle rank {}", name, i, r, m));
      }
      // Original direction tail -> head.
      const std::uint32_t tail = is_up ? r : a.head;
      const std::uint32_t head = is_up ? a.head : r;
      const std::uint32_t first = find_arc(ch.downward(), m, tail);
      const std::uint32_t second = find_arc(ch.upward(), m, head);
      if (first == kInvalid || second == kInvalid) {
        throw std::logic_error(fmt::format("check(ContractionHierarchy): {} arc {} lacks a half at its middle rank {}", name, i, m));
      }
      const ChArcs& down = ch.downward();
      const ChArcs& up = ch.upward();
      if (down.arcs[first].weight + up.arcs[second].weight != a.weight ||
          !close(down.length_m[first] + up.length_m[second], arcs.length_m[i]) ||
          !close(down.speed_sq_length[first] + up.speed_sq_length[second], arcs.speed_sq_length[i])) {
        throw std::logic_error(fmt::format("check(ContractionHierarchy): {} arc {} differs from the sum of its halves", name, i));
      }
    }
  }
}

}  // namespace

void check(const ContractionHierarchy& ch) {
  const std::uint32_t n = ch.node_count();
  for (NodeId v = 0; v < n; ++v) {
    if (ch.rank(v) >= n || ch.node_at(ch.rank(v)) != v) {
      throw std::logic_error(fmt::format("check(ContractionHierarchy): rank and node_at disagree at node {}", v));
    }
  }
  check_arcs(ch, ch.upward(), "upward");
  check_arcs(ch, ch.downward(), "downward");
}

}  // namespace evsim::models::road
