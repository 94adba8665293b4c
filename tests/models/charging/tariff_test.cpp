// Time-of-use tariffs: period checks with exact messages, prices and boundaries across midnight,
// and cheapest-hours windows worked out by hand.
#include "models/charging/tariff.hpp"

#include <gtest/gtest.h>

#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::charging {
namespace {

using namespace std::chrono_literals;

sim::Time at(sim::Duration d) { return sim::kTimeZero + d; }

// A 峰谷平 tariff: valley 23:00-07:00 at 0.3, flat 07-10, 15-18, 21-23 at 0.7, peak 10-15, 18-21 at 1.2.
Tariff three_level() {
  return Tariff("tou",
                {{23h, 7h, 0.3}, {7h, 10h, 0.7}, {10h, 15h, 1.2}, {15h, 18h, 0.7}, {18h, 21h, 1.2}, {21h, 23h, 0.7}},
                0.8);
}

TEST(Tariff, PricesAndBoundariesRepeatDaily) {
  const Tariff t = three_level();
  EXPECT_DOUBLE_EQ(t.price_at(at(0h)), 0.3);
  EXPECT_DOUBLE_EQ(t.price_at(at(6h + 59min)), 0.3);
  EXPECT_DOUBLE_EQ(t.price_at(at(7h)), 0.7);
  EXPECT_DOUBLE_EQ(t.price_at(at(12h)), 1.2);
  EXPECT_DOUBLE_EQ(t.price_at(at(23h)), 0.3);
  EXPECT_DOUBLE_EQ(t.price_at(at(24h + 19h)), 1.2);
  EXPECT_EQ(t.next_boundary(at(0h)), at(7h));
  EXPECT_EQ(t.next_boundary(at(7h)), at(10h));
  EXPECT_EQ(t.next_boundary(at(22h)), at(23h));
  EXPECT_EQ(t.next_boundary(at(23h)), at(24h + 7h));  // the valley runs through midnight: no boundary there
  EXPECT_DOUBLE_EQ(t.service_fee_per_kwh(), 0.8);
}

TEST(Tariff, FlatHasNoBoundary) {
  const Tariff t = Tariff::flat("flat", 1.5);
  EXPECT_DOUBLE_EQ(t.price_at(at(13h)), 1.5);
  EXPECT_EQ(t.next_boundary(at(13h)), sim::kTimeMax);
  // A tariff whose periods all have one price is flat too.
  const Tariff same("same", {{0h, 12h, 1.0}, {12h, 24h, 1.0}}, 0.0);
  EXPECT_EQ(same.next_boundary(at(1h)), sim::kTimeMax);
}

// 11 kW from 06:30 to 07:30: 5.5 kWh at 0.3 + 5.5 kWh at 0.7 + 11 kWh * 0.8 fee = 1.65 + 3.85 + 8.8.
TEST(Tariff, CostAtConstantPowerAcrossABoundary) {
  EXPECT_NEAR(three_level().cost_at_constant_power(at(6h + 30min), at(7h + 30min), 11.0), 14.3, 1e-12);
}

TEST(Tariff, PeriodsMustCoverTheDayOnce) {
  EXPECT_EQ(check_periods({{0h, 24h, 1.0}}), std::nullopt);
  EXPECT_EQ(check_periods({{22h, 22h + 30min, 1.0}, {22h + 30min, 22h, 2.0}}), std::nullopt);
  EXPECT_EQ(check_periods({{0h, 11h, 1.0}, {10h, 24h, 1.0}}), "periods overlap at 10:00");
  EXPECT_EQ(check_periods({{0h, 11h, 1.0}, {12h, 24h, 1.0}}), "periods leave 11:00 to 12:00 uncovered");
  EXPECT_EQ(check_periods({{23h, 7h, 1.0}, {7h, 22h, 1.0}}), "periods leave 22:00 to 23:00 uncovered");
  EXPECT_EQ(check_periods({{1h, 24h, 1.0}}), "periods leave 00:00 to 01:00 uncovered");
  EXPECT_EQ(check_periods({{8h, 8h, 1.0}}), "a period 08:00 to 08:00 is empty");
  EXPECT_EQ(check_periods({}), "no periods: they must cover 24 h");
  EXPECT_THROW_MSG(Tariff("x", {{0h, 11h, 1.0}, {10h, 24h, 1.0}}, 0.0), std::invalid_argument, "periods overlap at 10:00");
}

// 20 kWh at 7 kW is 20/7 h = 2:51:25.714; with the valley 23:00-07:00 and departure at 07:00 the
// latest cheapest stretch is 07:00 - 2:51:25.714 = 04:08:34.286.
TEST(CheapestWindows, LatestValleyHoursBeforeDeparture) {
  const sim::Duration needed = sim::from_hours(20.0 / 7.0);
  EXPECT_EQ(needed, 10'285'714ms);
  const auto w = cheapest_windows(three_level(), at(18h), at(24h + 7h), needed);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].from, at(24h + 4h + 8min + 34s + 286ms));
  EXPECT_EQ(w[0].to, at(24h + 7h));
}

// Plug-in 21:30, departure 01:00: the valley gives 2 h (14 kWh at 7 kW); the other 6 kWh (0:51:25.714)
// come from the flat period before it, as late as possible: 22:08:34.286 to 23:00, one merged window.
TEST(CheapestWindows, SpillsIntoTheNextCheapestPeriodLatestFirst) {
  const auto w = cheapest_windows(three_level(), at(21h + 30min), at(25h), sim::from_hours(20.0 / 7.0));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].from, at(22h + 8min + 34s + 286ms));
  EXPECT_EQ(w[0].to, at(25h));
}

// 03:00 to 05:00 holds only 2 h of the 2:51:25.714 needed: the whole stay, from plug-in.
TEST(CheapestWindows, TooLittleTimeChargesAsSoonAsPossible) {
  const auto w = cheapest_windows(three_level(), at(3h), at(5h), sim::from_hours(20.0 / 7.0));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].from, at(3h));
  EXPECT_EQ(w[0].to, at(5h));
  EXPECT_TRUE(cheapest_windows(three_level(), at(3h), at(5h), 0ms).empty());
}

TEST(CheapestWindows, PeakSplitsTheWindows) {
  // From 09:00 to 16:00 needing 3 h: flat 09-10 (1 h) and flat 15-16 (1 h) before any peak hour,
  // the remaining hour in the peak 10:00-15:00, latest: 14:00-15:00, merged with 15-16.
  const auto w = cheapest_windows(three_level(), at(9h), at(16h), 3h);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].from, at(9h));
  EXPECT_EQ(w[0].to, at(10h));
  EXPECT_EQ(w[1].from, at(14h));
  EXPECT_EQ(w[1].to, at(16h));
}

}  // namespace
}  // namespace evsim::models::charging
