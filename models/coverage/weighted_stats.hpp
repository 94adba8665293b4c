#pragma once
// Weighted summary statistics for coverage reports.
//
// Weighted nearest-rank percentile: with values sorted ascending x_1 <= ... <= x_n, weights
// w_i >= 0, W = sum w_i and cumulative weights C_k = w_1 + ... + w_k, the p-th percentile
// (0 < p <= 1) is x_k for the smallest k with C_k >= p W. With unit weights this is the
// classical nearest-rank percentile x_ceil(p n). It is always one of the data values.
//
// Weighted Gini coefficient: G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu), mu = sum w_i x_i / W,
// computed after sorting as G = sum_i w_i x_i (2 C_i - w_i - W) / (W sum_i w_i x_i). An integer
// weight behaves as that many copies of the value; n equal weights and one non-zero value give
// (n - 1) / n. G = 0 when all weighted values are equal, including all zero.
#include <span>
#include <vector>

namespace evsim::models::coverage {

struct WeightedValue {
  double value;
  double weight;
};

// `sorted` ascending by value, total_weight = the sum of its weights (> 0), 0 < p <= 1. NaN when
// total_weight is 0.
double weighted_percentile(std::span<const WeightedValue> sorted, double total_weight, double p);

// Sorts `values` by value. NaN when the weights sum to 0. Values must be finite and >= 0.
double weighted_gini(std::vector<WeightedValue> values);

struct DistanceStats {
  double weight = 0.0;         // total weight of the nodes summarised
  double reachable_weight = 0.0;  // of which with a finite distance
  double mean_m = 0.0;         // over the reachable weight only; NaN when none
  double p50_m = 0.0;          // percentiles and max over all: +infinity when the unreachable weight
  double p90_m = 0.0;          // is larger than 1 - p of the total
  double p95_m = 0.0;
  double max_m = 0.0;          // largest distance with positive weight
};

// `sorted` ascending by value (distances, possibly +infinity). Entries with zero weight count for
// nothing. All fields NaN when the total weight is 0.
DistanceStats distance_stats(std::span<const WeightedValue> sorted);

}  // namespace evsim::models::coverage
