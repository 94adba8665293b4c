#include "models/demand/place_sampler.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>


namespace evsim::models::demand {

PlaceSampler PlaceSampler::uniform(std::uint32_t node_count) {
  if (node_count == 0) throw std::invalid_argument("PlaceSampler::uniform: no nodes to draw from");
  PlaceSampler s;
  s.node_count_ = node_count;
  return s;
}

PlaceSampler PlaceSampler::weighted(std::span<const double> weights) {
  const std::size_t n = weights.size();
  if (n == 0 || n >= road::kInvalid) throw std::invalid_argument("PlaceSampler::weighted: node count out of range");
  double total = 0.0;
  for (const double w : weights) {
    if (!std::isfinite(w) || w < 0.0) throw std::invalid_argument("PlaceSampler::weighted: weights must be finite and >= 0");
    total += w;
  }
  if (!(total > 0.0) || !std::isfinite(total)) {
    throw std::invalid_argument("PlaceSampler::weighted: the weights must have a finite sum above 0");
  }
  PlaceSampler s;
  s.node_count_ = static_cast<std::uint32_t>(n);
  s.prob_.assign(n, 0.0);
  s.alias_.assign(n, 0);
  // Vose: scaled weights n * w / total average 1; each "small" entry (< 1) is topped up by one
  // "large" entry (>= 1), which becomes its alias and gives away the difference.
  std::vector<double> scaled(n);
  std::vector<road::NodeId> small;
  std::vector<road::NodeId> large;
  road::NodeId any_positive = 0;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / total;
    if (weights[i] > 0.0) any_positive = static_cast<road::NodeId>(i);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<road::NodeId>(i));
  }
  while (!small.empty() && !large.empty()) {
    const road::NodeId l = small.back();
    small.pop_back();
    const road::NodeId g = large.back();
    s.prob_[l] = scaled[l];
    s.alias_[l] = g;
    scaled[g] = (scaled[g] + scaled[l]) - 1.0;
    if (scaled[g] < 1.0) {
      large.pop_back();
      small.push_back(g);
    }
  }
  // What is left holds (up to rounding) exactly its own share. A weight-0 node left over by
  // rounding must still never be drawn.
  for (const road::NodeId g : large) {
    s.prob_[g] = 1.0;
    s.alias_[g] = g;
  }
  for (const road::NodeId l : small) {
    s.prob_[l] = weights[l] > 0.0 ? 1.0 : 0.0;
    s.alias_[l] = weights[l] > 0.0 ? l : any_positive;
  }
  return s;
}

road::NodeId PlaceSampler::draw(sim::RandomStream& rng) const {
  const auto k = static_cast<road::NodeId>(rng.uniform_index(node_count_));
  if (prob_.empty()) return k;
  return rng.uniform01() < prob_[k] ? k : alias_[k];
}

double PlaceSampler::probability(road::NodeId node) const {
  const double n = static_cast<double>(node_count_);
  if (prob_.empty()) return 1.0 / n;
  double p = prob_[node] / n;
  for (std::uint32_t k = 0; k < node_count_; ++k) {
    if (alias_[k] == node && k != node) p += (1.0 - prob_[k]) / n;
  }
  return p;
}

}  // namespace evsim::models::demand
