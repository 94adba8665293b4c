// The M/M/c helpers against hand values, M/M/1, a table value and the closed-form sum, which is
// evaluated here independently (directly for small c, in logarithms for large c).
#include "tests/models/charging/erlang_c.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace evsim::models::charging::testing {
namespace {

// C(c, a) = [a^c / c! * c / (c - a)] / [sum_{k<c} a^k / k! + a^c / c! * c / (c - a)].
double erlang_c_by_sum(unsigned c, double a) {
  double sum = 0.0;
  double term = 1.0;  // a^k / k!
  for (unsigned k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double waiting = term * c / (c - a);
  return waiting / (sum + waiting);
}

// The same sum with every term as a logarithm, scaled by the largest before exponentiating.
double erlang_c_by_log_sum(unsigned c, double a) {
  const auto log_term = [&](unsigned k) { return k * std::log(a) - std::lgamma(k + 1.0); };
  const double log_waiting = log_term(c) + std::log(c / (c - a));
  double largest = log_waiting;
  for (unsigned k = 0; k < c; ++k) largest = std::max(largest, log_term(k));
  double sum = 0.0;
  for (unsigned k = 0; k < c; ++k) sum += std::exp(log_term(k) - largest);
  const double waiting = std::exp(log_waiting - largest);
  return waiting / (sum + waiting);
}

TEST(ErlangC, OneServerIsMm1) {
  const double lambda = 0.7;
  const double mu = 1.0;
  EXPECT_DOUBLE_EQ(erlang_c_wait_probability(1, lambda / mu), 0.7);
  EXPECT_DOUBLE_EQ(mm_c_mean_wait(lambda, mu, 1), 0.7 / (mu - lambda));
  EXPECT_DOUBLE_EQ(mm_c_mean_queue_length(lambda, mu, 1), 0.7 * 0.7 / 0.3);
  EXPECT_DOUBLE_EQ(mm_c_utilisation(lambda, mu, 1), 0.7);
}

TEST(ErlangC, HandValues) {
  // c = 2, a = 1: B = 1/5, C = 2 (1/5) / (2 - 4/5) = 1/3.
  EXPECT_DOUBLE_EQ(erlang_b_blocking_probability(2, 1.0), 0.2);
  EXPECT_DOUBLE_EQ(erlang_c_wait_probability(2, 1.0), 1.0 / 3.0);
  // c = 5, a = 4: sum_{k<5} 4^k / k! = 103/3, 4^5 / 5! * 5 = 128/3, C = 128/231 = 0.5541...
  EXPECT_DOUBLE_EQ(erlang_c_wait_probability(5, 4.0), 128.0 / 231.0);
  EXPECT_NEAR(erlang_c_wait_probability(5, 4.0), 0.5541, 1e-4);
  // Erlang B table: 10 circuits, 5 erlangs block 1.838 %.
  EXPECT_NEAR(erlang_b_blocking_probability(10, 5.0), 0.01838, 1e-5);
}

TEST(ErlangC, MeanWaitAndQueueLengthForFiveServers) {
  // lambda = 8 per hour, mu = 2 per hour: a = 4, c = 5. Wq = C / (10 - 8), Lq = 8 Wq.
  EXPECT_DOUBLE_EQ(mm_c_utilisation(8.0, 2.0, 5), 0.8);
  EXPECT_DOUBLE_EQ(mm_c_mean_wait(8.0, 2.0, 5), 64.0 / 231.0);
  EXPECT_DOUBLE_EQ(mm_c_mean_queue_length(8.0, 2.0, 5), 512.0 / 231.0);
  // Lq = C rho / (1 - rho), the other textbook form.
  EXPECT_NEAR(mm_c_mean_queue_length(8.0, 2.0, 5), 128.0 / 231.0 * 0.8 / 0.2, 1e-12);
}

TEST(ErlangC, AgreesWithTheClosedFormSum) {
  for (unsigned c : {1u, 2u, 3u, 5u, 8u, 13u, 30u}) {
    for (double rho : {0.05, 0.3, 0.6, 0.85, 0.99}) {
      const double a = rho * c;
      EXPECT_NEAR(erlang_c_wait_probability(c, a), erlang_c_by_sum(c, a), 1e-12) << "c=" << c << " a=" << a;
    }
  }
}

TEST(ErlangC, TwoHundredServersWithoutOverflow) {
  // Written as pow(a, c) / c!, the textbook terms overflow a double: 190^200 is about 1e455.
  EXPECT_FALSE(std::isfinite(std::pow(190.0, 200.0)));
  for (double a : {150.0, 190.0, 199.0, 199.9}) {
    const double c_wait = erlang_c_wait_probability(200, a);
    ASSERT_TRUE(std::isfinite(c_wait)) << "a=" << a;
    EXPECT_GT(c_wait, 0.0) << "a=" << a;
    EXPECT_LT(c_wait, 1.0) << "a=" << a;
    EXPECT_NEAR(c_wait, erlang_c_by_log_sum(200, a), 1e-10 * c_wait) << "a=" << a;
  }
  EXPECT_TRUE(std::isfinite(mm_c_mean_wait(190.0, 1.0, 200)));
}

TEST(ErlangC, OverloadedQueueWaitsForever) {
  EXPECT_EQ(erlang_c_wait_probability(3, 3.0), 1.0);
  EXPECT_EQ(erlang_c_wait_probability(3, 4.5), 1.0);
  EXPECT_EQ(mm_c_mean_wait(3.0, 1.0, 3), std::numeric_limits<double>::infinity());
  EXPECT_EQ(mm_c_mean_queue_length(6.0, 1.0, 3), std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace evsim::models::charging::testing
