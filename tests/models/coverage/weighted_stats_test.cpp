#include "models/coverage/weighted_stats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace evsim::models::coverage {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

TEST(WeightedStats, NearestRankPercentileWithUnitWeightsIsTheClassicalOne) {
  // Ten values 1..10: nearest rank ceil(p n).
  std::vector<WeightedValue> v;
  for (int i = 1; i <= 10; ++i) v.push_back({static_cast<double>(i), 1.0});
  EXPECT_EQ(weighted_percentile(v, 10.0, 0.50), 5.0);
  EXPECT_EQ(weighted_percentile(v, 10.0, 0.51), 6.0);
  EXPECT_EQ(weighted_percentile(v, 10.0, 0.90), 9.0);
  EXPECT_EQ(weighted_percentile(v, 10.0, 0.95), 10.0);
  EXPECT_EQ(weighted_percentile(v, 10.0, 0.05), 1.0);
}

TEST(WeightedStats, WeightsActAsCopiesAndZeroWeightsCountForNothing) {
  const std::vector<WeightedValue> v{{100, 1}, {200, 0}, {300, 3}, {900, 1}};  // W = 5
  EXPECT_EQ(weighted_percentile(v, 5.0, 0.2), 100.0);  // C = 1 >= 1
  EXPECT_EQ(weighted_percentile(v, 5.0, 0.3), 300.0);  // needs 1.5: 300 reaches 4
  EXPECT_EQ(weighted_percentile(v, 5.0, 0.8), 300.0);
  EXPECT_EQ(weighted_percentile(v, 5.0, 0.81), 900.0);
  EXPECT_TRUE(std::isnan(weighted_percentile(v, 0.0, 0.5)));
}

TEST(WeightedStats, DistanceStatsKeepUnreachableOutOfTheMeanButInThePercentiles) {
  const std::vector<WeightedValue> v{{0, 1}, {300, 1}, {700, 1}, {700, 1}, {900, 1}, {1100, 1}, {inf, 1}, {inf, 1}};
  const DistanceStats s = distance_stats(v);
  EXPECT_EQ(s.weight, 8.0);
  EXPECT_EQ(s.reachable_weight, 6.0);
  EXPECT_DOUBLE_EQ(s.mean_m, 3700.0 / 6.0);
  EXPECT_EQ(s.p50_m, 700.0);
  EXPECT_EQ(s.p90_m, inf);
  EXPECT_EQ(s.max_m, inf);
  const std::vector<WeightedValue> w{{10, 2}, {20, 0}, {30, 1}, {40, 0}};
  const DistanceStats t = distance_stats(w);
  EXPECT_EQ(t.max_m, 30.0);  // the largest with positive weight
  EXPECT_DOUBLE_EQ(t.mean_m, 50.0 / 3.0);
  EXPECT_TRUE(std::isnan(distance_stats(std::vector<WeightedValue>{{5, 0}}).mean_m));
}

TEST(WeightedStats, GiniOfKnownDistributions) {
  EXPECT_EQ(weighted_gini({{3, 1}, {3, 2}, {3, 5}}), 0.0);  // all equal
  EXPECT_EQ(weighted_gini({{0, 1}, {0, 1}}), 0.0);          // all zero: equal
  // One of n holds everything: (n - 1) / n.
  EXPECT_DOUBLE_EQ(weighted_gini({{0, 1}, {0, 1}, {0, 1}, {7, 1}}), 0.75);
  // 1, 2, 3, 4, 5: sum |xi - xj| over ordered pairs = 40; G = 40 / (2 * 25 * 3) = 4/15.
  EXPECT_DOUBLE_EQ(weighted_gini({{5, 1}, {1, 1}, {4, 1}, {2, 1}, {3, 1}}), 4.0 / 15.0);
  // Integer weights are copies: {1 x2, 4 x1} == {1, 1, 4}: |diffs| over pairs = 2 * (3 + 3) = 12,
  // G = 12 / (2 * 9 * 2) = 1/3.
  EXPECT_DOUBLE_EQ(weighted_gini({{1, 2}, {4, 1}}), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(weighted_gini({{1, 1}, {1, 1}, {4, 1}}), 1.0 / 3.0);
  // Half the weight at 0, half at x: 1/2 whatever x.
  EXPECT_DOUBLE_EQ(weighted_gini({{0, 10}, {0.4, 10}}), 0.5);
  EXPECT_TRUE(std::isnan(weighted_gini({})));
}

}  // namespace
}  // namespace evsim::models::coverage
