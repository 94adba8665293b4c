#pragma once
// Radix-heap keys for distances (metres) on one LengthGraph.
//
// With L the shortest arc length and w = L / 2, key(d) = floor(d / w). The key never decreases as d
// grows, and a node's key is at least 2 below the key of anything it relaxes (d + L >= d + 2w), so
// nodes sharing a key cannot improve one another: a search may settle them in any order and still
// compute exact Dijkstra distances (Dial's buckets, 1969, of half the shortest arc; the factor 2 is
// a margin against rounding in d / w). Searches that need exact order among a key's entries
// (the k-nearest table) sort them by distance.
// When keys could exceed 2^50 (an arc so short against the whole network's length that d / w loses
// integer precision), key(d) is instead d's IEEE-754 bit pattern, which orders like d for d >= 0:
// exact order, fewer ties.
#include <bit>
#include <cstdint>

#include "models/coverage/length_graph.hpp"

namespace evsim::models::coverage {

class DistanceKey {
 public:
  explicit DistanceKey(const LengthGraph& graph) {
    const double width = 0.5 * graph.min_length_m();
    if (width > 0.0 && graph.total_length_m() / width < 0x1.0p50) inverse_width_ = 1.0 / width;
  }
  // distance_m >= 0 (+infinity allowed: the largest key).
  std::uint64_t operator()(double distance_m) const {
    if (inverse_width_ == 0.0) return std::bit_cast<std::uint64_t>(distance_m);
    const double scaled = distance_m * inverse_width_;
    return scaled < 0x1.0p63 ? static_cast<std::uint64_t>(scaled) : ~std::uint64_t{0};
  }
  bool bucketed() const { return inverse_width_ > 0.0; }

 private:
  double inverse_width_ = 0.0;  // 0: bit-pattern keys
};

}  // namespace evsim::models::coverage
