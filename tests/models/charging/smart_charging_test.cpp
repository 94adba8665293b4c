// Session costs under a time-of-use tariff and smart-charging schedules, worked out by hand: a
// session across a price boundary, the cheapest-hours plan of a home session (20 kWh at 7 kW before
// 07:00), a departure too early (shortfall), a capped session; a knee curve crossing a boundary.
#include "models/charging/smart_charging.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <limits>
#include <map>
#include <optional>

#include "models/charging/tariff_meter.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::charging {
namespace {

using namespace std::chrono_literals;

sim::Time at(sim::Duration d) { return sim::kTimeZero + d; }

const fleet::ChargingCurve kFlat7({{0.0, 7.0}, {1.0, 7.0}});
const fleet::ChargingCurve kFlat11({{0.0, 11.0}, {1.0, 11.0}});
const fleet::ChargingCurve kKnee = fleet::ChargingCurve::knee(11.0, 0.5, 0.2);

Tariff three_level() {
  return Tariff("tou",
                {{23h, 7h, 0.3}, {7h, 10h, 0.7}, {10h, 15h, 1.2}, {15h, 18h, 0.7}, {18h, 21h, 1.2}, {21h, 23h, 0.7}},
                0.8);
}

// Home sessions (no station), metered under the three-level tariff, each with a plan.
struct Home {
  explicit Home(SmartPlan plan_template) : plan(plan_template) {
    pool.emplace(sim, stations, [this](VehicleId v) {
      ends[v] = sim.now();
      pool->stop(v, true);
    });
    meter.emplace(sim, *pool, std::vector<Tariff>{three_level()}, [](const PlugInEvent&) { return 0u; });
    smart.emplace(sim, *pool, [this](const PlugInEvent&) {
      SmartPlan p = plan;
      p.tariff = &meter->tariffs()[0];
      return std::optional<SmartPlan>(p);
    });
  }
  // Plugs v in at t with `soc` -> `target` of a 50 kWh battery; it leaves at plan.departure.
  void arrive(sim::Time t, VehicleId v, const fleet::ChargingCurve& curve, double limit_kw, double soc, double target,
              double efficiency = 1.0) {
    sim.schedule_at(t, [=, this, &curve] {
      pool->start({.vehicle = v, .station = road::kInvalid, .curve = &curve, .battery_kwh = 50.0, .limit_kw = limit_kw,
                   .soc = soc, .target_soc = target, .efficiency = efficiency});
    });
    if (plan.departure != sim::kTimeMax) {
      sim.schedule_at(plan.departure, [this, v] {
        if (pool->charging(v)) pool->stop(v, false);
      });
    }
  }

  SmartPlan plan;
  sim::Simulator sim;
  std::vector<Station> stations;
  std::optional<SessionPool> pool;
  std::optional<TariffMeter> meter;
  std::optional<SmartCharging> smart;
  std::map<VehicleId, sim::Time> ends;
};

// 11 kWh at 11 kW from 06:30, efficiency 0.9: 12.222 grid kWh, half before 07:00 at 0.3, half after
// at 0.7: energy cost 12.222/2 * (0.3 + 0.7) = 6.111, fee 12.222 * 0.8 = 9.778.
TEST(TariffMeter, SessionAcrossAPriceBoundary) {
  Home h({.policy = SmartPolicy::asap, .departure = sim::kTimeMax});
  h.arrive(at(6h + 30min), 0, kFlat11, 11.0, 0.5, 0.72, 0.9);
  h.sim.run();
  EXPECT_EQ(h.ends.at(0), at(7h + 30min));
  ASSERT_EQ(h.meter->costs().size(), 1u);
  const SessionCost& c = h.meter->costs()[0];
  EXPECT_NEAR(c.grid_energy_kwh, 11.0 / 0.9, 1e-9);
  EXPECT_NEAR(c.energy_cost, 11.0 / 0.9 / 2.0, 1e-9);
  EXPECT_NEAR(c.service_cost, 11.0 / 0.9 * 0.8, 1e-9);
  EXPECT_TRUE(h.smart->records().empty());  // no departure known: no plan
}

// The knee curve tapers above 50 %: the meter reads the energy at 07:00 from the curve, so the cost
// is price * energy of each period whatever the power does in between.
TEST(TariffMeter, CurveTaperAcrossABoundaryIsExact) {
  Home h({.policy = SmartPolicy::asap, .departure = sim::kTimeMax});
  h.arrive(at(6h), 0, kKnee, 11.0, 0.3, 0.9);
  h.sim.run();
  const double soc_at_7 = kKnee.soc_after(50.0, 0.3, 1.0, 11.0);
  const double before_kwh = (soc_at_7 - 0.3) * 50.0, after_kwh = (0.9 - soc_at_7) * 50.0;
  ASSERT_GT(before_kwh, 0.0);
  ASSERT_GT(after_kwh, 0.0);
  const SessionCost& c = h.meter->costs().at(0);
  EXPECT_NEAR(c.energy_cost, 0.3 * before_kwh + 0.7 * after_kwh, 1e-9);
}

// 20 kWh at 7 kW, plug-in 18:00, departure 07:00: paused until 04:08:34.285 (04:08:34.286 less the
// 1 ms margin for the rounding of the end event), then 7 kW to 07:00,
// all of it in the valley: cost 20 * 0.3 = 6.
TEST(SmartCharging, CheapestHoursFillTheValleyBeforeDeparture) {
  Home h({.policy = SmartPolicy::cheapest, .departure = at(24h + 7h)});
  h.arrive(at(18h), 0, kFlat7, 7.0, 0.2, 0.6);
  h.sim.run();
  EXPECT_LE(std::abs(sim::to_ms(h.ends.at(0) - at(24h + 7h))), 1);
  ASSERT_EQ(h.smart->records().size(), 1u);
  const SmartSessionRecord& r = h.smart->records()[0];
  EXPECT_EQ(r.first_power, at(24h + 4h + 8min + 34s + 285ms));
  EXPECT_NEAR(r.needed_kwh, 20.0, 1e-9);
  EXPECT_NEAR(r.delivered_kwh, 20.0, 1e-9);
  EXPECT_EQ(r.shortfall_kwh, 0.0);
  EXPECT_NEAR(h.meter->costs().at(0).energy_cost, 6.0, 1e-6);
}

// The same need between 03:00 and 05:00: 2 h at 7 kW = 14 kWh, 6 kWh short.
TEST(SmartCharging, DepartureTooEarlyRecordsTheShortfall) {
  Home h({.policy = SmartPolicy::cheapest, .departure = at(5h)});
  h.arrive(at(3h), 0, kFlat7, 7.0, 0.2, 0.6);
  h.sim.run();
  const SmartSessionRecord& r = h.smart->records().at(0);
  EXPECT_EQ(r.first_power, at(3h));
  EXPECT_NEAR(r.delivered_kwh, 14.0, 1e-9);
  EXPECT_NEAR(r.shortfall_kwh, 6.0, 1e-9);
}

// Capped at 3.5 kW: 20 kWh takes 5:42:51.429 from 18:00, ending 23:42:51.429, before departure.
TEST(SmartCharging, CappedSessionRunsUnderItsCap) {
  Home h({.policy = SmartPolicy::capped, .cap_kw = 3.5, .departure = at(24h + 7h)});
  h.arrive(at(18h), 0, kFlat7, 7.0, 0.2, 0.6);
  h.sim.run();
  EXPECT_LE(std::abs(sim::to_ms(h.ends.at(0) - at(23h + 42min + 51s + 429ms))), 1);
  EXPECT_EQ(h.smart->records().at(0).shortfall_kwh, 0.0);
  // 18:00-21:00 at 1.2 (10.5 kWh), 21:00-23:00 at 0.7 (7 kWh), 23:00-23:42:51 at 0.3 (2.5 kWh).
  EXPECT_NEAR(h.meter->costs().at(0).energy_cost, 10.5 * 1.2 + 7.0 * 0.7 + 2.5 * 0.3, 1e-6);
}

// asap with a known departure: unchanged times (20 kWh in 2:51:25.714 from 18:00), a record with no shortfall.
TEST(SmartCharging, AsapIsUnchanged) {
  Home h({.policy = SmartPolicy::asap, .departure = at(24h + 7h)});
  h.arrive(at(18h), 0, kFlat7, 7.0, 0.2, 0.6);
  h.sim.run();
  EXPECT_EQ(h.ends.at(0), at(18h) + sim::from_hours(20.0 / 7.0));
  EXPECT_EQ(h.smart->records().at(0).first_power, at(18h));
}

TEST(SmartCharging, CapMustBeNonNegative) {
  Home h({.policy = SmartPolicy::asap, .departure = sim::kTimeMax});
  h.arrive(at(0h), 0, kFlat7, 7.0, 0.2, 0.6);
  h.sim.run_until(at(1h));
  EXPECT_THROW_MSG(h.pool->set_cap(0, -1.0), std::invalid_argument, "SessionPool::set_cap: cap_kw must be >= 0, got -1");
}

}  // namespace
}  // namespace evsim::models::charging

namespace evsim::models::charging {
namespace {

// Demand response: an event cap composes with a cheapest plan. The plan of CheapestHoursFillTheValley
// pauses the session until 04:08:34.285 (day 1) and then charges 20 kWh at 7 kW until 07:00. An
// event cap of 3.5 kW from 03:00 to 05:00 keeps it paused until the window opens (min(0, 3.5) = 0),
// then holds it at 3.5 kW; lifting it at 05:00 restores the plan's full power. The cap costs
// 0.857143 h x 3.5 kW = 3 kWh, which the driver lacks at the 07:00 departure (the plan alone would
// have reached the target then): 3 kWh not delivered, no time added.
TEST(SmartCharging, EventCapComposesWithThePlanAndCountsWhatTheDriverLost) {
  using namespace std::chrono_literals;
  constexpr double kNoCap = std::numeric_limits<double>::infinity();
  Home h({.policy = SmartPolicy::cheapest, .departure = at(24h + 7h)});
  h.arrive(at(18h), 0, kFlat7, 7.0, 0.2, 0.6);
  h.sim.schedule_at(at(24h + 3h), [&h] { h.smart->set_event_cap(0, 3.5, 4); });
  h.sim.schedule_at(at(24h + 5h), [&h] { h.smart->set_event_cap(0, kNoCap, 4); });
  h.sim.run_until(at(24h + 4h));
  EXPECT_EQ(h.pool->power_kw(0), 0.0);
  EXPECT_EQ(h.smart->event_cap_kw(0), 3.5);
  h.sim.run_until(at(24h + 4h + 30min));
  EXPECT_DOUBLE_EQ(h.pool->power_kw(0), 3.5);
  EXPECT_DOUBLE_EQ(h.smart->uncurtailed_kw(0), 7.0);
  h.sim.run_until(at(24h + 5h + 30min));
  EXPECT_DOUBLE_EQ(h.pool->power_kw(0), 7.0);
  h.sim.run();
  ASSERT_EQ(h.smart->curtailed_records().size(), 1u);
  const CurtailedSessionRecord& r = h.smart->curtailed_records()[0];
  EXPECT_EQ(r.tag, 4u);
  EXPECT_EQ(r.first_cut, at(24h + 3h));
  EXPECT_FALSE(r.reached_target);
  EXPECT_NEAR(r.not_delivered_kwh, 3.0, 1e-4);  // the plan's end is rounded to the ms: 7 kW x 1 ms
  EXPECT_EQ(r.time_added_h, 0.0);
  EXPECT_NEAR(h.smart->records().at(0).shortfall_kwh, 3.0, 1e-4);
}

TEST(SmartCharging, EventCapNeedsACurtailableSessionAndANonNegativeCap) {
  using namespace std::chrono_literals;
  Home capped({.policy = SmartPolicy::capped, .cap_kw = 3.5, .departure = at(24h + 7h)});
  capped.arrive(at(18h), 0, kFlat7, 7.0, 0.2, 0.6);
  capped.sim.run_until(at(19h));
  EXPECT_THROW_MSG(capped.smart->set_event_cap(0, -1.0, 0), std::invalid_argument,
                   "SmartCharging::set_event_cap: cap_kw must be >= 0, got -1");
  Home asap({.policy = SmartPolicy::asap, .departure = at(24h + 7h)});
  asap.arrive(at(18h), 0, kFlat7, 7.0, 0.2, 0.6);
  asap.sim.run_until(at(19h));
  EXPECT_FALSE(asap.smart->curtailable(0));
  EXPECT_THROW_MSG(asap.smart->set_event_cap(0, 1.0, 0), std::logic_error,
                   "SmartCharging::set_event_cap: the session is not curtailable");
}

}  // namespace
}  // namespace evsim::models::charging
