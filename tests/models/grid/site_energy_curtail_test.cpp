// Demand response by curtailing smart sessions (models/grid/site_energy_link.hpp link_curtailment,
// charging/smart_charging.hpp event caps, grid/site_energy.hpp remaining request), against numbers
// worked out by hand in the comments.
#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <map>
#include <optional>

#include "models/charging/session_pool.hpp"
#include "models/charging/smart_charging.hpp"
#include "models/grid/site_energy.hpp"
#include "models/grid/site_energy_link.hpp"

namespace {

using namespace evsim;
using namespace evsim::models;
using namespace evsim::models::grid;
using namespace std::chrono_literals;

sim::Time at_h(double h) { return sim::kTimeZero + sim::from_hours(h); }

const fleet::ChargingCurve kFlat11({{0.0, 11.0}, {1.0, 11.0}});
constexpr double kNoCap = std::numeric_limits<double>::infinity();

// One station with two 11 kW AC plugs, a 10 kWh / 5 kW battery (round trip 1, SoC 0..1 from 0.8, no
// shaving, no PV) and one event asking `reduce_kw` from 1 h to 2 h. Every session follows a capped
// plan (10 kW) and leaves at `departure` unless it reaches its target first.
struct Site {
  explicit Site(double reduce_kw, sim::Time departure_at) : departure(departure_at) {
    std::vector<charging::Plug> plugs(2, charging::Plug{.dc = false, .power_kw = 11.0, .connector = 1});
    stations.emplace_back("site", 0, std::move(plugs), true);
    pool.emplace(sim, stations, [this](VehicleId v) {
      ends[v] = sim.now();
      pool->stop(v, true);
    });
    smart.emplace(sim, *pool, [this](const charging::PlugInEvent&) {
      return std::optional<charging::SmartPlan>(
          charging::SmartPlan{.policy = charging::SmartPolicy::capped, .cap_kw = 10.0, .departure = departure});
    });
    energy.emplace(sim,
                   std::vector<SiteEnergySpec>{{.station = 0,
                                                .storage = StorageSpec{.capacity_kwh = 10, .power_kw = 5,
                                                                       .round_trip_efficiency = 1.0, .min_soc = 0.0,
                                                                       .max_soc = 1.0, .initial_soc = 0.8}}},
                   std::vector<GridEventSpec>{
                       {.name = "peak", .from = at_h(1), .to = at_h(2), .sites = {0}, .reduce_by_kw = reduce_kw}});
    link_site_energy(*pool, *energy, {0});
    link_curtailment(sim, *energy, *smart);
    energy->start();
  }
  // 50 kWh battery from 0.2 to 0.8 (30 kWh) on plug `plug` at t.
  void arrive(sim::Time t, VehicleId v, std::uint32_t plug) {
    sim.schedule_at(t, [this, v, plug] {
      pool->start({.vehicle = v, .station = 0, .plug = plug, .curve = &kFlat11, .battery_kwh = 50.0, .limit_kw = 11.0,
                   .soc = 0.2, .target_soc = 0.8, .efficiency = 1.0});
    });
    sim.schedule_at(departure, [this, v] {
      if (pool->charging(v)) pool->stop(v, false);
    });
  }

  sim::Time departure;
  sim::Simulator sim;
  std::vector<charging::Station> stations;
  std::optional<charging::SessionPool> pool;
  std::optional<charging::SmartCharging> smart;
  std::optional<SiteEnergy> energy;
  std::map<VehicleId, sim::Time> ends;
};

// EV load 10 kW. At 1 h the event asks 8 kW: the battery gives its 5 kW (b = max(0 - 8, -5, -10)),
// 3 kW remain, so the session's cap becomes (1 - 3/10) * 10 = 7 kW. Import 7 - 5 = 2 kW against the
// baseline's 10 kW: delivered 8 kWh = requested, 3 kWh of it curtailed EV load and 5 kWh storage.
// At 2 h the cap is back to the plan's 10 kW. The session has 10 + 7 = 17 kWh at 2 h, the 13 kWh left
// take 1.3 h: it reaches its target at 3.3 h instead of 3 h (30 kWh at 10 kW): 0.3 h added, nothing
// missing.
TEST(DemandResponse, CurtailsWhatStorageCannotGiveAndRestoresThePlanCap) {
  Site s(8.0, at_h(6));
  s.arrive(at_h(0), 0, 0);
  s.sim.run_until(at_h(1.5));
  EXPECT_DOUBLE_EQ(s.energy->remaining_kw(0), 3.0);
  EXPECT_DOUBLE_EQ(s.smart->event_cap_kw(0), 7.0);
  EXPECT_DOUBLE_EQ(s.pool->power_kw(0), 7.0);
  EXPECT_DOUBLE_EQ(s.energy->battery_kw(0), -5.0);
  EXPECT_DOUBLE_EQ(s.energy->grid_kw(0), 2.0);
  s.sim.run_until(at_h(2.5));
  EXPECT_EQ(s.smart->event_cap_kw(0), kNoCap);
  EXPECT_DOUBLE_EQ(s.pool->power_kw(0), 10.0);
  EXPECT_DOUBLE_EQ(s.energy->remaining_kw(0), 0.0);
  s.sim.run_until(at_h(6));
  s.energy->finish();
  EXPECT_EQ(s.ends.at(0), at_h(3.3));
  ASSERT_EQ(s.energy->event_results().size(), 1u);
  const GridEventResult& r = s.energy->event_results()[0];
  EXPECT_NEAR(r.requested_kwh, 8.0, 1e-9);
  EXPECT_NEAR(r.delivered_kwh, 8.0, 1e-9);
  EXPECT_NEAR(r.ev_curtailed_kwh, 3.0, 1e-9);
  EXPECT_NEAR(r.storage_kwh, 5.0, 1e-9);
  const DriverCost& c = s.energy->driver_cost(0, 0);
  EXPECT_EQ(c.sessions, 1u);
  EXPECT_NEAR(c.not_delivered_kwh, 0.0, 1e-9);
  EXPECT_NEAR(c.time_added_h, 0.3, 1e-9);
  // The baseline's EV load is the actual one plus the cut (7 + 3 kW in the event): 10 kW to 3.3 h.
  EXPECT_NEAR(s.energy->baseline(0).ev_kwh, 33.0, 1e-9);
  EXPECT_NEAR(s.energy->totals(0).ev_kwh, 30.0, 1e-9);
  EXPECT_NEAR(s.energy->totals(0).ev_curtailed_kwh, 3.0, 1e-9);
}

// The same with a departure at 2.5 h: the session leaves with 17 + 5 = 22 kWh, its plan would have
// given it 25 kWh: 3 kWh not delivered, no time added (it never reached its target).
TEST(DemandResponse, EnergyNotDeliveredByDeparture) {
  Site s(8.0, at_h(2.5));
  s.arrive(at_h(0), 0, 0);
  s.sim.run_until(at_h(6));
  s.energy->finish();
  const DriverCost& c = s.energy->driver_cost(0, 0);
  EXPECT_EQ(c.sessions, 1u);
  EXPECT_NEAR(c.not_delivered_kwh, 3.0, 1e-9);
  EXPECT_DOUBLE_EQ(c.time_added_h, 0.0);
  ASSERT_EQ(s.smart->curtailed_records().size(), 1u);
  EXPECT_FALSE(s.smart->curtailed_records()[0].reached_target);
}

// A second session plugs in at 1.5 h, during the event: uncurtailed load 20 kW, the battery still
// gives 5 kW, 3 kW remain: both get the same cut f = 3/20, cap 8.5 kW, from the new one's plug-in.
// Delivered: 0.5 h x (10 - 2) + 0.5 h x (20 - (17 - 5)) = 8 kWh; curtailed 0.5 x 3 + 0.5 x 3 = 3 kWh.
TEST(DemandResponse, SessionPluggingInDuringTheEventIsCutFromPlugIn) {
  Site s(8.0, at_h(8));
  s.arrive(at_h(0), 0, 0);
  s.arrive(at_h(1.5), 1, 1);
  s.sim.run_until(at_h(1.75));
  EXPECT_DOUBLE_EQ(s.energy->remaining_kw(0), 3.0);
  EXPECT_DOUBLE_EQ(s.pool->power_kw(0), 8.5);
  EXPECT_DOUBLE_EQ(s.pool->power_kw(1), 8.5);
  EXPECT_DOUBLE_EQ(s.energy->grid_kw(0), 12.0);
  s.sim.run_until(at_h(8));
  s.energy->finish();
  const GridEventResult& r = s.energy->event_results()[0];
  EXPECT_NEAR(r.delivered_kwh, 8.0, 1e-9);
  EXPECT_NEAR(r.ev_curtailed_kwh, 3.0, 1e-9);
  EXPECT_NEAR(r.storage_kwh, 5.0, 1e-9);
  EXPECT_EQ(s.energy->driver_cost(0, 0).sessions, 2u);
}

// When the battery alone meets the request (4 kW of its 5), nothing is curtailed.
TEST(DemandResponse, NoCurtailmentWhenStorageSuffices) {
  Site s(4.0, at_h(8));
  s.arrive(at_h(0), 0, 0);
  s.sim.run_until(at_h(1.5));
  EXPECT_DOUBLE_EQ(s.energy->remaining_kw(0), 0.0);
  EXPECT_EQ(s.smart->event_cap_kw(0), kNoCap);
  EXPECT_DOUBLE_EQ(s.pool->power_kw(0), 10.0);
  s.sim.run_until(at_h(8));
  s.energy->finish();
  EXPECT_NEAR(s.energy->event_results()[0].delivered_kwh, 4.0, 1e-9);
  EXPECT_EQ(s.energy->driver_cost(0, 0).sessions, 0u);
}

}  // namespace
