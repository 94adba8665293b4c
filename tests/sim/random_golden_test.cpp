// Golden values of evsim's random streams, derived without evsim's code.
//
// Engines: SplitMix64 from state 0 and xoshiro256** from the state those four outputs fill are
// the values many independent implementations publish for Vigna's reference code
// (prng.di.unimi.it splitmix64.c, xoshiro256starstar.c); a transcription of that C code below
// gives them too, so a wrong constant here and a wrong constant in sim/random.cpp would have to
// agree with both to pass.
// Streams and distributions: printed by tests/sim/random_golden.py, which re-implements the
// seeding of sim/random.hpp (FNV-1a of the component, SplitMix64 mixing) and the formulas of each
// distribution in Python with big integers and the C library's log1p/log/sqrt/cos/sin. Doubles are
// compared exactly: the same operations in the same order on IEEE doubles give the same bits.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "sim/random.hpp"

namespace evsim::sim {
namespace {

// Transcribed from the published C (public domain, Blackman and Vigna).
struct ReferenceSplitMix64 {
  std::uint64_t x;
  std::uint64_t next() {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
  }
};

struct ReferenceXoshiro256StarStar {
  std::array<std::uint64_t, 4> s;
  static std::uint64_t rotl(const std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
};

constexpr std::array<std::uint64_t, 4> kSplitMixFromZero = {0xe220a8397b1dcdafULL, 0x6e789e6aa1b965f4ULL,
                                                            0x06c45d188009454fULL, 0xf88bb8a8724c81ecULL};
constexpr std::array<std::uint64_t, 4> kXoshiroFromSplitMixZero = {0x99ec5f36cb75f2b4ULL, 0xbf6e1f784956452aULL,
                                                                   0x1a5f849d4933e6e0ULL, 0x6aa594f1262d2d2cULL};

TEST(RandomGolden, SplitMix64FromZeroGivesThePublishedValues) {
  std::uint64_t state = 0;
  ReferenceSplitMix64 reference{0};
  for (const std::uint64_t want : kSplitMixFromZero) {
    EXPECT_EQ(reference.next(), want);
    EXPECT_EQ(splitmix64(state), want);
  }
}

TEST(RandomGolden, Xoshiro256StarStarFromSplitMixSeededStateGivesThePublishedValues) {
  RandomStream r = RandomStream::from_state(kSplitMixFromZero[0], kSplitMixFromZero[1], kSplitMixFromZero[2],
                                            kSplitMixFromZero[3]);
  ReferenceXoshiro256StarStar reference{kSplitMixFromZero};
  for (const std::uint64_t want : kXoshiroFromSplitMixZero) {
    EXPECT_EQ(reference.next(), want);
    EXPECT_EQ(r.next_u64(), want);
  }
}

TEST(RandomGolden, FnvHashOfAComponentName) { EXPECT_EQ(stable_hash("fleet/trips"), 0x9492b946551466e8ULL); }

// Stream (seed 42, replication 3, "fleet/trips"): its state, per random_golden.py, is
// {0x636f0b2632dba8b4, 0x58435182eacc625d, 0xf2ddeaa272e3bf2c, 0xb4d5cc6bf351afd6}.
RandomStream golden_stream() { return RandomStream(42, 3, "fleet/trips"); }

TEST(RandomGolden, StreamSeedingMatchesTheDocumentedMixing) {
  RandomStream r = golden_stream();
  ReferenceXoshiro256StarStar reference{{0x636f0b2632dba8b4ULL, 0x58435182eacc625dULL, 0xf2ddeaa272e3bf2cULL,
                                         0xb4d5cc6bf351afd6ULL}};
  for (const std::uint64_t want : {0xeaaa01a2f6a52fbcULL, 0xbdf896067c59d4b8ULL, 0xcb27b8f4b8a61e3bULL}) {
    EXPECT_EQ(reference.next(), want);
    EXPECT_EQ(r.next_u64(), want);
  }
}

TEST(RandomGolden, Uniform01) {
  RandomStream r = golden_stream();
  EXPECT_EQ(r.uniform01(), 0.9166565916881565);
  EXPECT_EQ(r.uniform01(), 0.7420743718942966);
  EXPECT_EQ(r.uniform01(), 0.7935748670066903);
}

TEST(RandomGolden, UniformOnAnInterval) {
  RandomStream r = golden_stream();
  EXPECT_EQ(r.uniform(10.0, 20.0), 19.166565916881567);
  EXPECT_EQ(r.uniform(10.0, 20.0), 17.420743718942965);
  EXPECT_EQ(r.uniform(10.0, 20.0), 17.935748670066904);
}

TEST(RandomGolden, UniformIndex) {
  RandomStream r = golden_stream();
  for (const std::uint64_t want : {6, 5, 5, 0, 0}) EXPECT_EQ(r.uniform_index(7), want);
}

TEST(RandomGolden, Exponential) {
  RandomStream r = golden_stream();
  EXPECT_EQ(r.exponential(1800.0), 4472.614363236593);
  EXPECT_EQ(r.exponential(1800.0), 2439.151197790532);
  EXPECT_EQ(r.exponential(1800.0), 2840.071471937025);
}

TEST(RandomGolden, NormalUsesBothBoxMullerValues) {
  RandomStream r = golden_stream();
  EXPECT_EQ(r.normal(50.0, 10.0), 48.89033083629532);  // r cos(theta) of the first pair
  EXPECT_EQ(r.normal(50.0, 10.0), 27.735099689918762);  // its r sin(theta)
  EXPECT_EQ(r.normal(50.0, 10.0), 62.166282727735556);
  EXPECT_EQ(r.normal(50.0, 10.0), 62.9439198649673);
}

TEST(RandomGolden, PoissonSmallMean) {
  RandomStream r = golden_stream();
  for (const std::uint64_t want : {4, 0, 8, 3, 3}) EXPECT_EQ(r.poisson(4.0), want);
}

}  // namespace
}  // namespace evsim::sim
