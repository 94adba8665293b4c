// Sharing policies against numbers worked out by hand.
#include "models/charging/power_sharing.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::charging {
namespace {

std::vector<double> shares(SharingPolicy policy, double capacity_kw, const std::vector<double>& demand_kw) {
  std::vector<double> out(demand_kw.size(), -1.0);
  share_power(policy, capacity_kw, demand_kw, out);
  return out;
}

SitePower site(double limit_kw, std::vector<PowerCabinet> cabinets = {}) {
  SitePower power;
  power.limit_kw = limit_kw;
  power.cabinets = std::move(cabinets);
  return power;
}

PowerCabinet cabinet(double power_kw, std::uint32_t first_plug, std::uint32_t plugs) {
  return {.power_kw = power_kw, .first_plug = first_plug, .plugs = plugs, .policy = SharingPolicy::equal};
}

constexpr double kNone = SitePower::kNoLimit;

void expect_near(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-12) << "share " << i;
}

TEST(SharePower, EveryPolicyGrantsAllDemandWhenItFits) {
  for (const SharingPolicy p : {SharingPolicy::equal, SharingPolicy::first_come, SharingPolicy::proportional}) {
    EXPECT_EQ(shares(p, 150.0, {10.0, 60.0, 80.0}), (std::vector<double>{10.0, 60.0, 80.0})) << to_string(p);
    EXPECT_EQ(shares(p, SitePower::kNoLimit, {10.0, 600.0}), (std::vector<double>{10.0, 600.0})) << to_string(p);
  }
}

// 100 kW over 10, 50, 80: 10 fits under 100/3; the other two split the remaining 90 -> level 45.
TEST(SharePower, EqualIsWaterFilling) {
  expect_near(shares(SharingPolicy::equal, 100.0, {10.0, 50.0, 80.0}), {10.0, 45.0, 45.0});
  // 600 kW cabinet over four 250 kW-capable cars: 150 each.
  expect_near(shares(SharingPolicy::equal, 600.0, {250.0, 250.0, 250.0, 250.0}), {150.0, 150.0, 150.0, 150.0});
  // 600 kW over 40, 100, 250, 250: 40 and 100 fit (600/4 = 150), the rest (460) splits 230 / 230.
  expect_near(shares(SharingPolicy::equal, 600.0, {250.0, 40.0, 250.0, 100.0}), {230.0, 40.0, 230.0, 100.0});
}

TEST(SharePower, FirstComeServesInPlugInOrder) {
  expect_near(shares(SharingPolicy::first_come, 100.0, {10.0, 50.0, 80.0}), {10.0, 50.0, 40.0});
  expect_near(shares(SharingPolicy::first_come, 100.0, {80.0, 50.0, 10.0}), {80.0, 20.0, 0.0});
}

// In proportion to demand: 100 / 140 of each.
TEST(SharePower, ProportionalScalesEveryDemand) {
  expect_near(shares(SharingPolicy::proportional, 100.0, {10.0, 50.0, 80.0}), {100.0 / 14.0, 500.0 / 14.0, 800.0 / 14.0});
}

TEST(SharePower, ZeroCapacityGivesNothing) {
  for (const SharingPolicy p : {SharingPolicy::equal, SharingPolicy::first_come, SharingPolicy::proportional}) {
    expect_near(shares(p, 0.0, {10.0, 50.0}), {0.0, 0.0});
  }
}

TEST(SharePower, RejectsBadArguments) {
  std::vector<double> demand{1.0, 2.0};
  std::vector<double> one(1);
  EXPECT_THROW_MSG(share_power(SharingPolicy::equal, 1.0, demand, one), std::invalid_argument,
                   "share_power: demand and share sizes differ");
  std::vector<double> two(2);
  EXPECT_THROW_MSG(share_power(SharingPolicy::equal, -1.0, demand, two), std::invalid_argument,
                   "share_power: capacity_kw must be >= 0, got -1");
}

TEST(SitePower, SharedOnlyWithALimitOrCabinets) {
  EXPECT_FALSE(SitePower{}.shared());
  EXPECT_TRUE(site(300.0).shared());
  EXPECT_TRUE(site(kNone, {cabinet(600.0, 0, 4)}).shared());
}

TEST(SitePower, CheckNamesTheBrokenRule) {
  EXPECT_THROW_MSG(check(site(0.0), 2), std::invalid_argument, "SitePower: limit_kw must be > 0, got 0");
  EXPECT_THROW_MSG(check(site(kNone, {cabinet(-5.0, 0, 1)}), 2), std::invalid_argument,
                   "SitePower: cabinet 0 power_kw must be finite and > 0, got -5");
  EXPECT_THROW_MSG(check(site(kNone, {cabinet(5.0, 0, 0)}), 2), std::invalid_argument, "SitePower: cabinet 0 feeds no plug");
  EXPECT_THROW_MSG(check(site(kNone, {cabinet(5.0, 0, 2), cabinet(5.0, 1, 1)}), 4), std::invalid_argument,
                   "SitePower: cabinet 1 starts at plug 1, which an earlier cabinet feeds");
  EXPECT_THROW_MSG(check(site(kNone, {cabinet(5.0, 1, 2)}), 2), std::invalid_argument,
                   "SitePower: cabinet 0 feeds plugs 1..2 but the station has 2 plugs");
  EXPECT_NO_THROW(check(site(100.0, {cabinet(5.0, 0, 2)}), 2));
}

}  // namespace
}  // namespace evsim::models::charging
