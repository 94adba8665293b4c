// models/grid/site_energy.hpp: battery dispatch, energy balance and demand-response events against
// numbers worked out by hand (in the comments), and the clear-sky profile against the sunrise hour
// angle cos(w0) = -tan(phi) tan(delta).
#include "models/grid/site_energy.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <numbers>

#include "tests/support/expect_throw_msg.hpp"

namespace {

using namespace evsim;
using namespace evsim::models::grid;
using namespace std::chrono_literals;

sim::Time at_h(double h) { return sim::kTimeZero + sim::from_hours(h); }

DailyProfile flat(double v) { return DailyProfile{{sim::Duration{0}}, {v}}; }

// 10 kWh, 5 kW, round trip 0.81 (0.9 each way), SoC 0.1..0.9 from 0.5, shaving above 20 kW; EV load
// 30 kW for 2 h, no PV. Discharge 5 kW grid side = 5 / 0.9 kW from storage; the 4 kWh above min_soc
// last 4 / (5 / 0.9) = 0.72 h. Import 25 kW for 0.72 h then 30 kW: 18 + 38.4 = 56.4 kWh, peak 30 kW.
TEST(SiteEnergy, ShavesUntilTheBatteryIsEmptyAtTheExactInstant) {
  sim::Simulator simulator;
  SiteEnergy site(simulator,
                  {{.storage = StorageSpec{.capacity_kwh = 10, .power_kw = 5, .round_trip_efficiency = 0.81,
                                           .min_soc = 0.1, .max_soc = 0.9, .initial_soc = 0.5, .shave_above_kw = 20}}},
                  {});
  site.start();
  site.set_ev_load_kw(0, 30.0);
  EXPECT_DOUBLE_EQ(site.battery_kw(0), -5.0);
  simulator.run_until(at_h(0.72) - 1ms);
  EXPECT_DOUBLE_EQ(site.battery_kw(0), -5.0);
  simulator.run_until(at_h(0.72));
  EXPECT_DOUBLE_EQ(site.battery_kw(0), 0.0);
  EXPECT_DOUBLE_EQ(site.grid_kw(0), 30.0);
  simulator.run_until(at_h(2.0));
  site.finish();
  const SiteEnergyTotals& t = site.totals(0);
  EXPECT_NEAR(t.import_kwh, 56.4, 1e-9);
  EXPECT_NEAR(t.discharge_kwh, 3.6, 1e-9);
  EXPECT_NEAR(t.loss_kwh, 3.6 * (1 / 0.9 - 1), 1e-9);
  EXPECT_DOUBLE_EQ(t.soc, 0.1);
  EXPECT_DOUBLE_EQ(t.peak_import_kw, 30.0);
}

// PV 10 kW (flat profile 1.0), EV 4 kW: surplus 6 kW, the battery takes its 5 kW and 1 kW is exported;
// stored at 4.5 kW, the 4.5 kWh to max_soc 0.95 take 1 h, then all 6 kW go out. Over 2 h: PV 20,
// EV 8, charge 5, export 1 + 6 = 7 kWh; self-consumption (20 - 7) / 20.
TEST(SiteEnergy, ChargesFromPvSurplusAndExportsTheRest) {
  sim::Simulator simulator;
  SiteEnergy site(simulator,
                  {{.pv_kwp = 10, .pv_profile = flat(1.0),
                    .storage = StorageSpec{.capacity_kwh = 10, .power_kw = 5, .round_trip_efficiency = 0.81,
                                           .min_soc = 0.1, .max_soc = 0.95, .initial_soc = 0.5}}},
                  {});
  site.start();
  site.set_ev_load_kw(0, 4.0);
  EXPECT_DOUBLE_EQ(site.battery_kw(0), 5.0);
  EXPECT_DOUBLE_EQ(site.grid_kw(0), -1.0);
  simulator.run_until(at_h(2.0));
  site.finish();
  const SiteEnergyTotals& t = site.totals(0);
  EXPECT_NEAR(t.pv_kwh, 20.0, 1e-9);
  EXPECT_NEAR(t.charge_kwh, 5.0, 1e-9);
  EXPECT_NEAR(t.export_kwh, 7.0, 1e-9);
  EXPECT_NEAR(t.import_kwh, 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(t.soc, 0.95);
}

// The same with export off: the 7 kWh are curtailed instead.
TEST(SiteEnergy, CurtailsWhenExportIsOff) {
  sim::Simulator simulator;
  SiteEnergy site(simulator,
                  {{.pv_kwp = 10, .pv_profile = flat(1.0),
                    .storage = StorageSpec{.capacity_kwh = 10, .power_kw = 5, .round_trip_efficiency = 0.81,
                                           .min_soc = 0.1, .max_soc = 0.95, .initial_soc = 0.5},
                    .export_allowed = false}},
                  {});
  site.start();
  site.set_ev_load_kw(0, 4.0);
  simulator.run_until(at_h(2.0));
  site.finish();
  EXPECT_NEAR(site.totals(0).curtailed_kwh, 7.0, 1e-9);
  EXPECT_DOUBLE_EQ(site.totals(0).export_kwh, 0.0);
}

// Valley 23:00-01:00 (across midnight), shaving above 3 kW, no load: the battery charges at
// min(5, 3 - 0) = 3 kW only in the valley, 2 h a night; round trip 1. From t = 22:00 over 4 h:
// 6 kWh imported, all from 23:00 to 01:00, SoC 0.2 + 6 / 20.
TEST(SiteEnergy, ChargesInValleyHoursBelowTheShavingLevel) {
  sim::Simulator simulator;
  simulator.run_until(at_h(22.0));
  SiteEnergy site(simulator,
                  {{.storage = StorageSpec{.capacity_kwh = 20, .power_kw = 5, .min_soc = 0.1, .max_soc = 0.9,
                                           .initial_soc = 0.2, .shave_above_kw = 3},
                    .valley = ValleyHours{.from = 23h, .to = 1h}}},
                  {});
  site.start();
  EXPECT_DOUBLE_EQ(site.battery_kw(0), 0.0);
  simulator.run_until(at_h(23.5));
  EXPECT_DOUBLE_EQ(site.battery_kw(0), 3.0);
  simulator.run_until(at_h(26.0));
  site.finish();
  EXPECT_NEAR(site.totals(0).import_kwh, 6.0, 1e-9);
  EXPECT_DOUBLE_EQ(site.battery_kw(0), 0.0);
  EXPECT_NEAR(site.totals(0).soc, 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(site.totals(0).peak_import_kw, 3.0);
}

struct DrCase {
  double capacity_kwh;
  double reduce_kw;
  double delivered_kwh;  // min(request * 1 h, power 10 kW * 1 h, stored energy above min_soc)
};

class DemandResponse : public ::testing::TestWithParam<DrCase> {};

// EV 30 kW, no shaving (above 40 kW), 10 kW battery at SoC 0.5, round trip 1; an event from 1 h to
// 2 h asks the site for R kW. Delivered kWh = min(R, 10) * 1 h capped by 0.5 * capacity.
TEST_P(DemandResponse, DeliversTheLeastOfRequestPowerAndEnergy) {
  const DrCase c = GetParam();
  sim::Simulator simulator;
  SiteEnergy site(simulator,
                  {{.storage = StorageSpec{.capacity_kwh = c.capacity_kwh, .power_kw = 10, .min_soc = 0.0,
                                           .max_soc = 1.0, .initial_soc = 0.5, .shave_above_kw = 40}}},
                  {{.name = "dr", .from = at_h(1), .to = at_h(2), .sites = {0}, .reduce_by_kw = c.reduce_kw}});
  site.start();
  site.set_ev_load_kw(0, 30.0);
  simulator.run_until(at_h(3.0));
  site.finish();
  ASSERT_EQ(site.event_results().size(), 1u);
  const GridEventResult& r = site.event_results()[0];
  EXPECT_NEAR(r.requested_kwh, c.reduce_kw, 1e-9);
  EXPECT_NEAR(r.delivered_kwh, c.delivered_kwh, 1e-6);
  EXPECT_DOUBLE_EQ(r.hours, 1.0);
  EXPECT_NEAR(site.baseline(0).import_kwh, 90.0, 1e-9);  // the baseline never discharged
  EXPECT_NEAR(site.totals(0).import_kwh, 90.0 - c.delivered_kwh, 1e-6);
}

INSTANTIATE_TEST_SUITE_P(HandCases, DemandResponse,
                         ::testing::Values(DrCase{100, 6, 6},    // the request binds
                                           DrCase{100, 15, 10},  // the battery's power binds
                                           DrCase{10, 6, 5},     // its energy binds (5 kWh in 50 min)
                                           DrCase{10, 15, 5}));

// Load steps, a clear-sky PV day, valley charging, shaving and an event, export off: the energy
// balance closes and the SoC moves by exactly what went in and out.
TEST(SiteEnergy, EnergyBalanceCloses) {
  sim::Simulator simulator;
  const StorageSpec st{.capacity_kwh = 50, .power_kw = 20, .round_trip_efficiency = 0.88, .min_soc = 0.1,
                       .max_soc = 0.95, .initial_soc = 0.3, .shave_above_kw = 35};
  SiteEnergy site(simulator,
                  {{.pv_kwp = 60, .pv_profile = clear_sky_profile(31.8, 172), .storage = st,
                    .valley = ValleyHours{.from = 23h, .to = 7h}, .export_allowed = false},
                   {.pv_kwp = 30, .pv_profile = clear_sky_profile(31.8, 355), .storage = st}},
                  {{.name = "evening", .from = at_h(18), .to = at_h(20), .sites = {0, 1}, .reduce_by_kw = 15}});
  site.start();
  const double loads[] = {0, 45, 12, 80, 5, 60, 33, 0, 70, 20};
  for (int k = 0; k < 40; ++k) {
    simulator.run_until(at_h(1.15 * k));
    site.set_ev_load_kw(0, loads[k % 10]);
    site.set_ev_load_kw(1, loads[(k * 3) % 10]);
  }
  simulator.run_until(at_h(48));
  site.finish();
  for (std::uint32_t i = 0; i < 2; ++i) {
    for (const SiteEnergyTotals& t : {site.totals(i), site.baseline(i)}) {
      EXPECT_NEAR(t.ev_kwh + t.export_kwh + t.curtailed_kwh + t.charge_kwh, t.import_kwh + t.pv_kwh + t.discharge_kwh,
                  1e-6);
      const double eta = std::sqrt(st.round_trip_efficiency);
      EXPECT_NEAR((t.soc - st.initial_soc) * st.capacity_kwh, t.charge_kwh * eta - t.discharge_kwh / eta, 1e-3);
      EXPECT_NEAR(t.loss_kwh, t.charge_kwh * (1 - eta) + t.discharge_kwh * (1 / eta - 1), 1e-9);
      EXPECT_GT(t.charge_kwh, 0.0);
      EXPECT_GT(t.discharge_kwh, 0.0);
    }
  }
  EXPECT_GT(site.totals(0).curtailed_kwh, 0.0);
  EXPECT_GT(site.totals(1).export_kwh, 0.0);
}

// Changzhou (31.8 N) at the June solstice: declination 23.45 sin(360 (284 + 172) / 365) deg; sunrise
// hour angle acos(-tan(phi) tan(delta)). The profile is symmetric about noon and non-zero on the
// 15-minute steps whose midpoint lies between sunrise and sunset.
TEST(ClearSky, FollowsTheSunriseHourAngle) {
  const double deg = std::numbers::pi / 180;
  const double delta = 23.45 * deg * std::sin(2 * std::numbers::pi * (284 + 172) / 365.0);
  const double w0 = std::acos(-std::tan(31.8 * deg) * std::tan(delta)) / deg;  // degrees
  const double sunrise_h = 12 - w0 / 15;  // about 5.0 h solar time
  const DailyProfile p = clear_sky_profile(31.8, 172);
  ASSERT_EQ(p.values.size(), 96u);
  int lit = 0;
  for (std::size_t i = 0; i < 96; ++i) {
    const double mid_h = (static_cast<double>(i) + 0.5) / 4;
    EXPECT_EQ(p.values[i] > 0, mid_h > sunrise_h && mid_h < 24 - sunrise_h) << mid_h;
    EXPECT_NEAR(p.values[i], p.values[95 - i], 1e-12);
    lit += p.values[i] > 0;
  }
  EXPECT_NEAR(lit / 4.0, 2 * w0 / 15, 0.25);
  EXPECT_GT(p.values[47], 0.99);  // 11:45-12:00, 3.75 deg of hour angle before noon
}

TEST(SiteEnergy, RejectsBadProfilesAndEvents) {
  sim::Simulator simulator;
  EXPECT_THROW_MSG(SiteEnergy(simulator, {{.pv_profile = DailyProfile{{1h}, {0.5}}}}, {}), std::invalid_argument,
                   "a daily profile needs as many values as starts, the first start at 00:00");
  EXPECT_THROW_MSG(SiteEnergy(simulator, {{.pv_profile = DailyProfile{{0h, 5h}, {0.5, 1.5}}}}, {}),
                   std::invalid_argument, "daily profile values must be in [0, 1]");
  EXPECT_THROW_MSG(SiteEnergy(simulator, {{}}, {{.name = "x", .from = at_h(2), .to = at_h(1), .sites = {0}}}),
                   std::invalid_argument, "a grid event must end after it starts");
  EXPECT_THROW_MSG(SiteEnergy(simulator, {{}}, {{.name = "x", .from = at_h(1), .to = at_h(2), .sites = {1}}}),
                   std::invalid_argument, "a grid event names a site that does not exist");
}

}  // namespace
