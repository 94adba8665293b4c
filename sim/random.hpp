#pragma once
// Explicit random streams.
//
// Every random component of a simulation draws from its own RandomStream, derived from
// (scenario seed, replication, component name). Streams of different components are independent,
// so adding a station (which draws nothing) or a component (which gets its own stream) leaves
// every other stream's numbers unchanged: plans are compared on the same demand (common random
// numbers).
//
// The engine is xoshiro256** (Blackman and Vigna 2018), seeded through SplitMix64. The
// distributions are evsim's own code, not <random>'s, whose algorithms differ between standard
// libraries: the same seed gives the same numbers with every compiler. They use only +, *, /,
// sqrt, log, exp, cos and sin of IEEE doubles; glibc's log/exp/cos/sin are accurate to under one
// ulp, so results are identical on every glibc platform.
#include <cstdint>
#include <string_view>

namespace evsim::sim {

std::uint64_t splitmix64(std::uint64_t& state);
// FNV-1a, 64 bit: a stable hash of component names (std::hash is not stable across libraries).
std::uint64_t stable_hash(std::string_view text);

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view component);
  // The engine with a given state (not all zero), for checking against published test vectors.
  static RandomStream from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);

  std::uint64_t next_u64();
  // Uniform on [0, 1) with 53 random bits.
  double uniform01();
  // Uniform on [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
  // Uniform integer on [0, n), n >= 1, without modulo bias (Lemire 2019).
  std::uint64_t uniform_index(std::uint64_t n);
  bool bernoulli(double p) { return uniform01() < p; }
  double exponential(double mean);
  double normal(double mean, double sd);
  // Normal restricted to [lo, hi] by rejection; requires lo < hi and the interval to hold
  // non-negligible mass (the loader checks scenario parameters).
  double truncated_normal(double mean, double sd, double lo, double hi);
  double lognormal(double mu, double sigma);
  double gamma(double shape, double scale);
  std::uint64_t poisson(double mean);

 private:
  RandomStream() = default;
  std::uint64_t s_[4] = {};
  bool has_spare_normal_ = false;
  double spare_normal_ = 0.0;
};

// Where streams come from: one factory per (seed, replication).
class RandomStreams {
 public:
  RandomStreams(std::uint64_t seed, std::uint64_t replication) : seed_(seed), replication_(replication) {}
  RandomStream stream(std::string_view component) const { return RandomStream(seed_, replication_, component); }
  std::uint64_t seed() const { return seed_; }
  std::uint64_t replication() const { return replication_; }

 private:
  std::uint64_t seed_;
  std::uint64_t replication_;
};

}  // namespace evsim::sim
