#include "sim/random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace evsim::sim {
namespace {

// Published test vectors: SplitMix64 from seed 1234567 and xoshiro256** from state {1, 2, 3, 4}
// (Vigna's reference implementations).
TEST(RandomEngine, SplitMix64MatchesTheReferenceSequence) {
  std::uint64_t state = 1234567;
  EXPECT_EQ(splitmix64(state), 6457827717110365317ULL);
  EXPECT_EQ(splitmix64(state), 3203168211198807973ULL);
  EXPECT_EQ(splitmix64(state), 9817491932198370423ULL);
}

TEST(RandomEngine, Xoshiro256StarStarMatchesTheReferenceSequence) {
  RandomStream r = RandomStream::from_state(1, 2, 3, 4);
  EXPECT_EQ(r.next_u64(), 11520ULL);
  EXPECT_EQ(r.next_u64(), 0ULL);
  EXPECT_EQ(r.next_u64(), 1509978240ULL);
  EXPECT_EQ(r.next_u64(), 1215971899390074240ULL);
}

TEST(RandomStreams, SameSeedReplicationAndComponentGiveTheSameNumbers) {
  RandomStream a(42, 3, "fleet/trips");
  RandomStream b = RandomStreams(42, 3).stream("fleet/trips");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.next_u64(), b.next_u64());
}

double correlation(RandomStream a, RandomStream b, int n) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (int i = 0; i < n; ++i) {
    const double x = a.uniform01();
    const double y = b.uniform01();
    sa += x, sb += y, saa += x * x, sbb += y * y, sab += x * y;
  }
  const double cov = sab / n - (sa / n) * (sb / n);
  return cov / std::sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
}

TEST(RandomStreams, ComponentsReplicationsAndSeedsAreIndependent) {
  const int n = 200000;
  // Under independence the sample correlation has sd 1/sqrt(n) ~ 0.0022; 5 sd is 0.011.
  EXPECT_LT(std::fabs(correlation(RandomStream(1, 0, "a"), RandomStream(1, 0, "b"), n)), 0.011);
  EXPECT_LT(std::fabs(correlation(RandomStream(1, 0, "a"), RandomStream(1, 1, "a"), n)), 0.011);
  EXPECT_LT(std::fabs(correlation(RandomStream(1, 0, "a"), RandomStream(2, 0, "a"), n)), 0.011);
  // Lagged: stream "a" against itself one draw later.
  RandomStream lagged(1, 0, "a");
  lagged.next_u64();
  EXPECT_LT(std::fabs(correlation(RandomStream(1, 0, "a"), lagged, n)), 0.011);
  EXPECT_NE(RandomStream(1, 0, "a").next_u64(), RandomStream(1, 0, "b").next_u64());
}

TEST(RandomStreams, AnotherComponentsDrawsDoNotShiftThisStream) {
  // Common random numbers: what one component draws never depends on another's activity.
  RandomStreams streams(7, 0);
  RandomStream trips = streams.stream("trips");
  const std::uint64_t first = trips.next_u64();
  RandomStream stations = streams.stream("stations");
  for (int i = 0; i < 100; ++i) stations.next_u64();
  EXPECT_EQ(streams.stream("trips").next_u64(), first);
}

struct Moments {
  double mean;
  double variance;
};

template <typename Draw>
Moments moments(Draw draw, int n) {
  double s = 0, ss = 0;
  for (int i = 0; i < n; ++i) {
    const double x = draw();
    s += x;
    ss += x * x;
  }
  return {s / n, ss / n - (s / n) * (s / n)};
}

TEST(RandomDistributions, MomentsMatchTheory) {
  RandomStream r(11, 0, "moments");
  const int n = 400000;
  const auto u = moments([&] { return r.uniform(2.0, 6.0); }, n);
  EXPECT_NEAR(u.mean, 4.0, 0.01);
  EXPECT_NEAR(u.variance, 16.0 / 12.0, 0.01);
  const auto e = moments([&] { return r.exponential(3.0); }, n);
  EXPECT_NEAR(e.mean, 3.0, 0.03);
  EXPECT_NEAR(e.variance, 9.0, 0.2);
  const auto g = moments([&] { return r.normal(-1.0, 2.0); }, n);
  EXPECT_NEAR(g.mean, -1.0, 0.02);
  EXPECT_NEAR(g.variance, 4.0, 0.05);
  const auto ga = moments([&] { return r.gamma(2.5, 2.0); }, n);  // mean k*theta, var k*theta^2
  EXPECT_NEAR(ga.mean, 5.0, 0.05);
  EXPECT_NEAR(ga.variance, 10.0, 0.2);
  const auto gs = moments([&] { return r.gamma(0.5, 1.0); }, n);
  EXPECT_NEAR(gs.mean, 0.5, 0.01);
  EXPECT_NEAR(gs.variance, 0.5, 0.02);
  const auto ps = moments([&] { return static_cast<double>(r.poisson(4.0)); }, n);
  EXPECT_NEAR(ps.mean, 4.0, 0.02);
  EXPECT_NEAR(ps.variance, 4.0, 0.06);
  const auto pl = moments([&] { return static_cast<double>(r.poisson(250.0)); }, n);
  EXPECT_NEAR(pl.mean, 250.0, 0.15);
  EXPECT_NEAR(pl.variance, 250.0, 4.0);
  const auto ln = moments([&] { return r.lognormal(0.0, 0.5); }, n);
  EXPECT_NEAR(ln.mean, std::exp(0.125), 0.01);
}

TEST(RandomDistributions, TruncatedNormalStaysInItsInterval) {
  RandomStream r(5, 0, "truncated");
  for (int i = 0; i < 10000; ++i) {
    const double x = r.truncated_normal(0.0, 1.0, -0.5, 2.0);
    ASSERT_GE(x, -0.5);
    ASSERT_LE(x, 2.0);
  }
}

TEST(RandomDistributions, UniformIndexIsUnbiased) {
  // Chi-square over 10 cells, 9 degrees of freedom: the 99.9% quantile is 27.88.
  RandomStream r(9, 0, "index");
  std::vector<int> counts(10, 0);
  const int n = 1'000'000;
  for (int i = 0; i < n; ++i) ++counts[r.uniform_index(10)];
  double chi2 = 0;
  for (const int c : counts) chi2 += (c - n / 10.0) * (c - n / 10.0) / (n / 10.0);
  EXPECT_LT(chi2, 27.88);
  EXPECT_EQ(r.uniform_index(1), 0u);
}

}  // namespace
}  // namespace evsim::sim
