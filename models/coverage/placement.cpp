#include "models/coverage/placement.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <queue>
#include <stdexcept>

#include "models/coverage/distance_search.hpp"
#include "models/coverage/length_graph.hpp"

namespace evsim::models::coverage {
namespace {

using road::NodeId;

constexpr double kRelativeTolerance = 1e-12;

void validate(const PlacementInput& in) {
  const std::uint32_t n = in.graph.node_count();
  const auto last = static_cast<std::int64_t>(n) - 1;
  if (!in.demand.empty() && in.demand.size() != n) {
    throw std::invalid_argument(fmt::format("place_sites: demand has {} entries, the graph {} nodes (or give none)", in.demand.size(), n));
  }
  for (std::size_t i = 0; i < in.demand.size(); ++i) {
    if (!(in.demand[i] >= 0.0) || !std::isfinite(in.demand[i])) {
      throw std::invalid_argument(fmt::format("place_sites: demand of node {} is {} (must be finite and >= 0)", i, in.demand[i]));
    }
  }
  if (!in.in_area.empty() && in.in_area.size() != n) {
    throw std::invalid_argument(fmt::format("place_sites: in_area has {} entries, the graph {} nodes (or give none)", in.in_area.size(), n));
  }
  for (std::size_t j = 0; j < in.existing_stations.size(); ++j) {
    if (in.existing_stations[j] >= n) {
      throw std::invalid_argument(fmt::format("place_sites: existing station {} is node {}, outside the graph (0..{})", j,
                                              in.existing_stations[j], last));
    }
  }
  if (in.candidates) {
    std::vector<std::uint32_t> first_position(n, road::kInvalid);
    for (std::size_t k = 0; k < in.candidates->size(); ++k) {
      const NodeId c = (*in.candidates)[k];
      if (c >= n) throw std::invalid_argument(fmt::format("place_sites: candidate {} is node {}, outside the graph (0..{})", k, c, last));
      if (first_position[c] != road::kInvalid) {
        throw std::invalid_argument(
            fmt::format("place_sites: candidate node {} is listed twice (positions {} and {})", c, first_position[c], k));
      }
      first_position[c] = static_cast<std::uint32_t>(k);
    }
  }
  if (!(in.radius_m > 0.0) || !std::isfinite(in.radius_m)) {
    throw std::invalid_argument(fmt::format("place_sites: radius_m is {} (must be finite and > 0)", in.radius_m));
  }
  if (!(in.target_share > 0.0 && in.target_share <= 1.0)) {
    throw std::invalid_argument(fmt::format("place_sites: target_share is {} (must be in (0, 1])", in.target_share));
  }
}

// The state shared by the greedy and the improvement phases. `weight_` holds the demand of the
// nodes that can still matter: in the area, demand > 0, not covered by an existing station.
// `count_` counts the chosen sites covering each node.
class Placer {
 public:
  explicit Placer(const PlacementInput& in)
      : in_(in),
        n_(in.graph.node_count()),
        to_site_(LengthGraph::reversed(in.graph)),
        search_(n_),
        weight_(n_, 0.0),
        count_(n_, 0),
        mark_(n_, 0) {
    const NearestStation existing = nearest_stations(to_site_, in.existing_stations);
    for (NodeId i = 0; i < n_; ++i) {
      if (!in.in_area.empty() && in.in_area[i] == 0) continue;
      const double p = in.demand.empty() ? 1.0 : in.demand[i];
      total_ += p;
      if (existing.distance_m[i] <= in.radius_m) base_ += p; else weight_[i] = p;
    }
    covered_ = base_;
  }

  double share(double covered) const { return total_ > 0.0 ? covered / total_ : 1.0; }
  bool reached(double covered) const {
    return total_ <= 0.0 || covered >= in_.target_share * total_ * (1.0 - kRelativeTolerance);
  }

  PlacementResult run() {
    PlacementResult out;
    out.initial_coverage = share(base_);
    out.stop = greedy();
    out.greedy_sites = static_cast<std::uint32_t>(sites_.size());
    if (in_.improve && !sites_.empty()) improve(out);
    // The coverage curve of the final sites, in their order, from scratch.
    std::fill(count_.begin(), count_.end(), 0);
    covered_ = base_;
    for (std::size_t k = 0; k < sites_.size(); ++k) {
      covered_ += add(covers_[k]);
      out.steps.push_back({sites_[k], share(covered_)});
    }
    out.coverage = share(covered_);
    out.target_reached = reached(covered_);
    if (out.target_reached) out.stop = PlacementStop::target_reached;
    return out;
  }

 private:
  struct Entry {
    double gain;
    std::uint32_t candidate;  // position in the candidate list
    std::uint32_t round;      // sites chosen when the gain was computed
    bool operator<(const Entry& o) const { return gain != o.gain ? gain < o.gain : candidate > o.candidate; }
  };

  NodeId candidate_node(std::uint32_t k) const { return in_.candidates ? (*in_.candidates)[k] : k; }
  std::uint32_t candidate_count() const { return in_.candidates ? static_cast<std::uint32_t>(in_.candidates->size()) : n_; }

  // Demand not yet covered within the radius of `site`.
  double gain(NodeId site) {
    double g = 0.0;
    for (const Reached& r : search_.run(to_site_, site, in_.radius_m)) {
      if (count_[r.node] == 0) g += weight_[r.node];
    }
    return g;
  }

  // The nodes that matter within the radius of `site`.
  std::vector<NodeId> cover_of(NodeId site) {
    std::vector<NodeId> cover;
    for (const Reached& r : search_.run(to_site_, site, in_.radius_m)) {
      if (weight_[r.node] > 0.0) cover.push_back(r.node);
    }
    return cover;
  }

  double add(const std::vector<NodeId>& cover) {
    double g = 0.0;
    for (const NodeId i : cover) {
      if (count_[i]++ == 0) g += weight_[i];
    }
    return g;
  }

  double remove(const std::vector<NodeId>& cover) {
    double loss = 0.0;
    for (const NodeId i : cover) {
      if (--count_[i] == 0) loss += weight_[i];
    }
    return loss;
  }

  double loss_of(const std::vector<NodeId>& cover) const {
    double loss = 0.0;
    for (const NodeId i : cover) {
      if (count_[i] == 1) loss += weight_[i];
    }
    return loss;
  }

  PlacementStop greedy() {
    if (reached(covered_)) return PlacementStop::target_reached;
    std::priority_queue<Entry> queue;
    for (std::uint32_t k = 0; k < candidate_count(); ++k) {
      const double g = gain(candidate_node(k));
      if (g > 0.0) queue.push({g, k, 0});
    }
    for (;;) {
      if (reached(covered_)) return PlacementStop::target_reached;
      if (in_.max_sites && sites_.size() >= *in_.max_sites) return PlacementStop::max_sites;
      const auto round = static_cast<std::uint32_t>(sites_.size());
      for (;;) {
        if (queue.empty()) return PlacementStop::candidates_exhausted;
        const Entry top = queue.top();
        queue.pop();
        if (top.round == round) {
          const NodeId site = candidate_node(top.candidate);
          covers_.push_back(cover_of(site));
          covered_ += add(covers_.back());
          sites_.push_back(site);
          break;
        }
        const double g = gain(candidate_node(top.candidate));
        if (g > 0.0) queue.push({g, top.candidate, round});
      }
    }
  }

  void improve(PlacementResult& out) {
    const LengthGraph undirected = LengthGraph::undirected(in_.graph);
    DistanceSearch near(n_);
    std::vector<std::uint8_t> is_candidate(n_, in_.candidates ? 0 : 1);
    if (in_.candidates) {
      for (const NodeId c : *in_.candidates) is_candidate[c] = 1;
    }
    std::vector<std::uint8_t> is_site(n_, 0);
    for (const NodeId s : sites_) is_site[s] = 1;
    const double tolerance = kRelativeTolerance * total_;
    bool changed = true;
    while (changed && !out.swap_budget_exhausted) {
      changed = false;
      if (reached(covered_)) {
        for (std::size_t k = sites_.size(); k-- > 0;) {
          if (!reached(covered_ - loss_of(covers_[k]))) continue;
          covered_ -= remove(covers_[k]);
          is_site[sites_[k]] = 0;
          sites_.erase(sites_.begin() + static_cast<std::ptrdiff_t>(k));
          covers_.erase(covers_.begin() + static_cast<std::ptrdiff_t>(k));
          ++out.removed;
          changed = true;
        }
      }
      for (std::size_t k = 0; k < sites_.size() && !out.swap_budget_exhausted; ++k) {
        ++stamp_;
        for (const NodeId i : covers_[k]) mark_[i] = stamp_;
        const double loss = loss_of(covers_[k]);
        double best_delta = tolerance;
        NodeId best = road::kInvalid;
        // `near` holds the neighbourhood while `search_` evaluates each candidate in it.
        for (const Reached& r : near.run(undirected, sites_[k], 2.0 * in_.radius_m)) {
          if (!is_candidate[r.node] || is_site[r.node]) continue;
          if (out.swap_evaluations == in_.max_swap_evaluations) {
            out.swap_budget_exhausted = true;
            break;
          }
          ++out.swap_evaluations;
          double g = 0.0;
          for (const Reached& q : search_.run(to_site_, r.node, in_.radius_m)) {
            const std::uint32_t c = count_[q.node];
            if (c == 0 || (c == 1 && mark_[q.node] == stamp_)) g += weight_[q.node];
          }
          if (g - loss > best_delta) {
            best_delta = g - loss;
            best = r.node;
          }
        }
        if (best == road::kInvalid) continue;
        covered_ -= remove(covers_[k]);
        is_site[sites_[k]] = 0;
        sites_[k] = best;
        is_site[best] = 1;
        covers_[k] = cover_of(best);
        covered_ += add(covers_[k]);
        ++out.swaps;
        changed = true;
      }
    }
  }

  const PlacementInput& in_;
  std::uint32_t n_;
  LengthGraph to_site_;
  DistanceSearch search_;
  std::vector<double> weight_;
  std::vector<std::uint32_t> count_;
  std::vector<std::uint32_t> mark_;
  std::uint32_t stamp_ = 0;
  double total_ = 0.0;
  double base_ = 0.0;
  double covered_ = 0.0;
  std::vector<NodeId> sites_;
  std::vector<std::vector<NodeId>> covers_;  // per site: the nodes that matter within its radius
};

}  // namespace

std::string_view to_string(PlacementStop stop) {
  switch (stop) {
    case PlacementStop::target_reached: return "target reached";
    case PlacementStop::max_sites: return "maximum number of sites reached";
    case PlacementStop::candidates_exhausted: return "no candidate covers more demand";
  }
  return "?";
}

PlacementResult place_sites(const PlacementInput& input) {
  validate(input);
  return Placer(input).run();
}

}  // namespace evsim::models::coverage
