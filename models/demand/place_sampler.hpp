#pragma once
// Draws road nodes where activities happen (homes, workplaces, other places), either in proportion
// to weights per node or uniformly over all nodes.
//
// Weighted draws use Walker's alias method in Vose's construction (Vose 1991, "A linear algorithm
// for generating random numbers with a given distribution"): node i has probability w_i / sum(w).
// Each draw takes O(1): an index k uniform on [0, n) and u uniform on [0, 1); the draw is k when
// u < prob[k], else alias[k]. Nodes of weight 0 are never drawn. Uniform mode takes one
// uniform_index(n) per draw. scenarios/files/node_weights.hpp builds one from a places file.
//
// Random numbers per draw, in order (for common random numbers): uniform mode: uniform_index(n);
// weighted: uniform_index(n), then uniform01().
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "models/road/road_graph.hpp"
#include "sim/random.hpp"

namespace evsim::models::demand {

class PlaceSampler {
 public:
  // Uniform over nodes 0..node_count-1 (node_count >= 1).
  static PlaceSampler uniform(std::uint32_t node_count);
  // In proportion to `weights` (one per node, finite, >= 0, at least one > 0); throws
  // std::invalid_argument otherwise: callers check user input first.
  static PlaceSampler weighted(std::span<const double> weights);
  road::NodeId draw(sim::RandomStream& rng) const;

  std::uint32_t node_count() const { return node_count_; }
  bool is_uniform() const { return prob_.empty(); }
  // The probability of drawing `node`, recomputed from the alias table (for tests and reports).
  double probability(road::NodeId node) const;

 private:
  std::uint32_t node_count_ = 0;
  std::vector<double> prob_;          // per node: keep k when u < prob_[k]; empty in uniform mode
  std::vector<road::NodeId> alias_;   // per node: the draw otherwise
};

}  // namespace evsim::models::demand
