#include "models/charging/station.hpp"

#include <gtest/gtest.h>

#include "models/charging/opening_hours.hpp"
#include "models/charging/station_choice.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::charging {
namespace {

using namespace std::chrono_literals;

constexpr fleet::ConnectorSet kGbtAc = 1;
constexpr fleet::ConnectorSet kGbtDc = 2;
constexpr fleet::ConnectorSet kCcs2 = 4;

fleet::VehicleType type(double ac_kw, double dc_kw, fleet::ConnectorSet connectors) {
  return {.name = "t", .battery_kwh = 60.0, .consumption = {.base_kwh_per_km = 0.15}, .max_ac_power_kw = ac_kw,
          .max_dc_power_kw = dc_kw, .curve = fleet::ChargingCurve({{0.0, 100.0}, {1.0, 100.0}}),
          .connectors = connectors};
}

const fleet::VehicleType kAcOnly = type(7.0, 0.0, kGbtAc);
const fleet::VehicleType kFast = type(11.0, 90.0, kGbtAc | kGbtDc);
const fleet::VehicleType kCcsOnly = type(0.0, 150.0, kCcs2);

Station two_kinds() {
  return Station("s", 0,
                 {{.dc = false, .power_kw = 22.0, .connector = kGbtAc}, {.dc = true, .power_kw = 120.0, .connector = kGbtDc}},
                 true);
}

sim::Time at(sim::Duration d) { return sim::kTimeZero + d; }

TEST(Station, PowerLimitIsTheLowerOfPlugAndVehicleLimit) {
  const Station s = two_kinds();
  EXPECT_DOUBLE_EQ(Station::power_limit_kw(s.plugs()[0], {&kAcOnly, false}), 7.0);
  EXPECT_DOUBLE_EQ(Station::power_limit_kw(s.plugs()[1], {&kAcOnly, false}), 0.0);
  EXPECT_DOUBLE_EQ(Station::power_limit_kw(s.plugs()[1], {&kFast, false}), 90.0);
  EXPECT_DOUBLE_EQ(Station::power_limit_kw(s.plugs()[0], {&kFast, true}), 0.0);  // DC only
}

TEST(Station, ConnectorsMustMatch) {
  const Station s = two_kinds();
  EXPECT_FALSE(s.can_serve({&kCcsOnly, false}));
  const Station ccs("c", 0, {{.dc = true, .power_kw = 120.0, .connector = kCcs2}}, true);
  EXPECT_TRUE(ccs.can_serve({&kCcsOnly, false}));
  EXPECT_FALSE(ccs.can_serve({&kFast, false}));
}

TEST(Station, BestFreePlugGivesTheMostPowerTheVehicleCanUse) {
  Station s = two_kinds();
  EXPECT_EQ(s.best_free_plug({&kFast, false}), 1u);
  EXPECT_EQ(s.best_free_plug({&kAcOnly, false}), 0u);
  s.plug_in(at(0h), 0, 3);
  EXPECT_FALSE(s.best_free_plug({&kAcOnly, false}).has_value());
  EXPECT_EQ(s.busy_plugs(), 1u);
  EXPECT_EQ(s.free_usable_plugs({&kFast, false}), 1u);
  EXPECT_EQ(s.usable_plugs({&kFast, false}), 2u);
}

TEST(Station, IntegratesBusyPlugsAndQueueExactlyOverTime) {
  Station s = two_kinds();
  s.plug_in(at(1h), 0, 1);    // busy 1 from 1h
  s.plug_in(at(2h), 1, 2);    // busy 2 from 2h
  s.enqueue(at(2h), 3);       // queue 1 from 2h
  s.enqueue(at(3h), 4);       // queue 2 from 3h
  s.dequeue(at(4h), 3);       // queue 1 from 4h
  s.unplug(at(5h), 0);        // busy 1 from 5h
  s.close_books(at(6h));
  EXPECT_EQ(s.stats().busy_plug_ms, std::chrono::milliseconds(1h + 3h * 2 + 1h).count());
  EXPECT_EQ(s.stats().queue_ms, std::chrono::milliseconds(1h + 1h * 2 + 2h).count());
  EXPECT_EQ(s.stats().max_queue, 2u);
  EXPECT_THROW_MSG(s.dequeue(at(6h), 99), std::logic_error, "Station::dequeue: vehicle is not queued");
  EXPECT_THROW_MSG(s.unplug(at(6h), 0), std::logic_error, "Station::unplug: plug is free");
}

TEST(OpeningHours, DayWindowAndOvernightWindow) {
  const OpeningHours day(8h, 20h);
  EXPECT_FALSE(day.is_open(at(7h + 59min)));
  EXPECT_TRUE(day.is_open(at(8h)));
  EXPECT_FALSE(day.is_open(at(20h)));
  EXPECT_TRUE(day.is_open(at(24h + 9h)));
  EXPECT_EQ(day.next_close(at(9h)), at(20h));
  EXPECT_EQ(day.next_close(at(20h)), at(44h));
  const OpeningHours night(22h, 6h);
  EXPECT_TRUE(night.is_open(at(23h)));
  EXPECT_TRUE(night.is_open(at(24h + 5h)));
  EXPECT_FALSE(night.is_open(at(12h)));
  EXPECT_EQ(night.next_close(at(23h)), at(30h));
  EXPECT_TRUE(OpeningHours().is_open(at(1000h)));
  EXPECT_EQ(OpeningHours().next_close(at(0h)), sim::kTimeMax);
}

TEST(StationChoice, ExpectedWaitFromQueueAndPlugs) {
  Station s = two_kinds();
  const Usage fast{&kFast, false};
  EXPECT_DOUBLE_EQ(expected_wait_h(s, fast, 0.5), 0.0);
  s.plug_in(at(0h), 0, 1);
  s.plug_in(at(0h), 1, 2);
  // No plug free, nobody queued: one session to wait for, spread over 2 usable plugs, at this
  // vehicle's own charge time (no session has completed yet).
  EXPECT_DOUBLE_EQ(expected_wait_h(s, fast, 0.5), 0.25);
  s.enqueue(at(0h), 3);
  EXPECT_DOUBLE_EQ(expected_wait_h(s, fast, 0.5), 0.5);
  s.stats().sessions_completed = 4;
  s.stats().session_ms_completed = std::chrono::milliseconds(4h).count();  // mean 1 h
  EXPECT_DOUBLE_EQ(expected_wait_h(s, fast, 0.5), 1.0);
}

TEST(StationChoice, CostAddsDetourWaitChargeAndPriceAsTime) {
  const OfferTerms t{.drive_h = 0.2, .onward_h = 0.3, .direct_h = 0.4, .expected_wait_h = 0.1, .charge_h = 0.5,
                     .price_per_kwh = 1.5, .grid_kwh = 40.0};
  EXPECT_DOUBLE_EQ(offer_cost_h(t, 60.0), 0.2 + 0.3 - 0.4 + 0.1 + 0.5 + 1.0);
}

}  // namespace
}  // namespace evsim::models::charging
