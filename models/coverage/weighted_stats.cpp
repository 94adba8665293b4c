#include "models/coverage/weighted_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace evsim::models::coverage {

double weighted_percentile(std::span<const WeightedValue> sorted, double total_weight, double p) {
  if (!(total_weight > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  const double threshold = p * total_weight;
  double cumulative = 0.0;
  double last_weighted = std::numeric_limits<double>::quiet_NaN();
  for (const WeightedValue& x : sorted) {
    if (!(x.weight > 0.0)) continue;
    cumulative += x.weight;
    last_weighted = x.value;
    if (cumulative >= threshold) return x.value;
  }
  return last_weighted;  // rounding left the sum a hair below p W: the largest weighted value
}

double weighted_gini(std::vector<WeightedValue> values) {
  std::sort(values.begin(), values.end(), [](const WeightedValue& a, const WeightedValue& b) { return a.value < b.value; });
  double total_weight = 0.0;
  double total_mass = 0.0;
  for (const WeightedValue& x : values) {
    total_weight += x.weight;
    total_mass += x.weight * x.value;
  }
  if (!(total_weight > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  if (!(total_mass > 0.0)) return 0.0;
  double cumulative = 0.0;
  double sum = 0.0;
  for (const WeightedValue& x : values) {
    cumulative += x.weight;
    sum += x.weight * x.value * (2.0 * cumulative - x.weight - total_weight);
  }
  return sum / (total_weight * total_mass);
}

DistanceStats distance_stats(std::span<const WeightedValue> sorted) {
  DistanceStats out;
  double weighted_sum = 0.0;
  for (const WeightedValue& x : sorted) {
    if (!(x.weight > 0.0)) continue;
    out.weight += x.weight;
    if (std::isfinite(x.value)) {
      out.reachable_weight += x.weight;
      weighted_sum += x.weight * x.value;
    }
  }
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (!(out.weight > 0.0)) {
    out.mean_m = out.p50_m = out.p90_m = out.p95_m = out.max_m = nan;
    return out;
  }
  out.mean_m = out.reachable_weight > 0.0 ? weighted_sum / out.reachable_weight : nan;
  out.p50_m = weighted_percentile(sorted, out.weight, 0.50);
  out.p90_m = weighted_percentile(sorted, out.weight, 0.90);
  out.p95_m = weighted_percentile(sorted, out.weight, 0.95);
  for (auto it = sorted.rbegin(); it != sorted.rend(); ++it) {
    if (it->weight > 0.0) {
      out.max_m = it->value;
      break;
    }
  }
  return out;
}

}  // namespace evsim::models::coverage
