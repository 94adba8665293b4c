// The feeder monitor on a two-bus feeder solved by hand: the EV load at a sample (battery power /
// efficiency plus the profiled background), the voltage and losses it gives, and consecutive
// overloaded samples merged into one event (cut at the horizon), and a PV site's output at its bus.
#include "models/grid/feeder_monitor.hpp"

#include <gtest/gtest.h>

#include "models/grid/site_energy_link.hpp"

#include <cmath>
#include <optional>
#include <vector>

namespace evsim::models::grid {
namespace {

using namespace std::chrono_literals;

sim::Time at(sim::Duration d) { return sim::kTimeZero + d; }

const fleet::ChargingCurve kFlat100({{0.0, 100.0}, {1.0, 100.0}});

// "sub" - "a": 10 kV, r = 1 ohm (z = 0.01 pu), x = 0; 20 kW background at a; 100 kVA transformer.
Feeder two_bus() {
  FeederSpec spec;
  spec.name = "two";
  spec.buses = {{.id = "sub", .base_kv = 10.0, .p_kw = 0.0, .q_kvar = 0.0},
                {.id = "a", .base_kv = 10.0, .p_kw = 20.0, .q_kvar = 0.0}};
  spec.lines = {{.from = "sub", .to = "a", .r_ohm = 1.0, .x_ohm = 0.0}};
  spec.transformer.rating_kva = 100.0;
  return Feeder::build(spec);
}

class MonitoredRun {
 public:
  MonitoredRun() {
    std::vector<charging::Plug> p(2, charging::Plug{.dc = true, .power_kw = 100.0, .connector = 1});
    stations.emplace_back("on-feeder", 0, p, true);
    stations.emplace_back("off-feeder", 0, p, true);
    std::vector<double> profile(kProfileHours, 1.0);
    profile[0] = 0.5;
    setup.feeders.push_back({.name = "two", .feeder = two_bus(), .hourly_multiplier = profile});
    setup.station_bus = {{.feeder = 0, .bus = 1}, {}};
    pool.emplace(sim, stations, [this](VehicleId v) { pool->stop(v, true); });
    monitor.emplace(sim, setup, *pool, 5min, at(60min));
  }

  // 50 kWh, 20% -> 80% at 100 kW: 18 min.
  void arrive(sim::Time t, VehicleId v, StationId s, std::uint32_t plug) {
    sim.schedule_at(t, [=, this] {
      pool->start({.vehicle = v, .station = s, .plug = plug, .curve = &kFlat100, .battery_kwh = 50.0, .limit_kw = 100.0,
                   .soc = 0.2, .target_soc = 0.8, .efficiency = 0.95});
    });
  }

  void run() {
    monitor->start();
    sim.run_until(at(60min));
    monitor->finish();
  }

  const FeederSample& sample_at(sim::Duration d) const {
    for (const FeederSample& s : monitor->samples()) {
      if (s.time == at(d)) return s;
    }
    throw std::out_of_range("no sample");
  }

  sim::Simulator sim;
  std::vector<charging::Station> stations;
  GridSetup setup;
  std::optional<charging::SessionPool> pool;
  std::optional<FeederMonitor> monitor;
};

TEST(FeederMonitor, LoadAtASampleIsBackgroundTimesProfilePlusGridSideEvPower) {
  MonitoredRun r;
  r.arrive(at(10min), 0, 0, 0);
  r.arrive(at(10min), 1, 1, 0);  // on no feeder: not counted
  r.run();
  ASSERT_EQ(r.monitor->samples().size(), 13u);  // 0, 5, ..., 60 min
  const FeederSample& idle = r.sample_at(0min);
  EXPECT_DOUBLE_EQ(idle.ev_kw, 0.0);
  EXPECT_DOUBLE_EQ(idle.load_kw, 10.0);  // 20 kW x 0.5 in hour 0
  const FeederSample& busy = r.sample_at(15min);
  const double ev_kw = 100.0 / 0.95;
  EXPECT_NEAR(busy.ev_kw, ev_kw, 1e-9);
  EXPECT_NEAR(busy.load_kw, 10.0 + ev_kw, 1e-9);
  // Two buses by hand: V (1 - V) = z p with p in pu (unity power factor), J = p / V.
  const double p = (10.0 + ev_kw) / 1000.0;
  const double v = (1.0 + std::sqrt(1.0 - 4.0 * 0.01 * p)) / 2.0;
  const double loss_kw = (p / v) * (p / v) * 0.01 * 1000.0;
  ASSERT_EQ(busy.status, SolveStatus::converged);
  EXPECT_NEAR(busy.min_voltage_pu, v, 1e-9);
  EXPECT_EQ(busy.min_voltage_bus, 1u);
  EXPECT_NEAR(busy.loss_kw, loss_kw, 1e-6);
  EXPECT_NEAR(busy.source_kva, 10.0 + ev_kw + loss_kw, 1e-6);
  EXPECT_NEAR(busy.transformer_loading, (10.0 + ev_kw + loss_kw) / 100.0, 1e-8);
  EXPECT_DOUBLE_EQ(r.sample_at(30min).ev_kw, 0.0);  // ended at 28 min
}

TEST(FeederMonitor, ConsecutiveOverloadedSamplesAreOneEventCutAtTheHorizon) {
  MonitoredRun r;
  r.arrive(at(10min), 0, 0, 0);  // 10 - 28 min: samples 10, 15, 20, 25 over 100 kVA
  r.arrive(at(50min), 1, 0, 1);  // 50 - 68 min: samples 50, 55, 60; the horizon is 60 min
  r.run();
  std::vector<GridViolationEvent> overloads;
  for (const auto& e : r.monitor->violations()) {
    if (e.kind == ViolationKind::transformer_overload) overloads.push_back(e);
  }
  ASSERT_EQ(overloads.size(), 2u);
  EXPECT_EQ(overloads[0].start, at(10min));
  EXPECT_EQ(overloads[0].duration, 20min);  // 25 - 10 + 5
  EXPECT_EQ(overloads[1].start, at(50min));
  EXPECT_EQ(overloads[1].duration, 10min);  // 60 + 5 cut at 60
  EXPECT_GT(overloads[0].worst, 1.05);
  for (const auto& e : r.monitor->violations()) EXPECT_NE(e.kind, ViolationKind::under_voltage);  // v ~ 0.9988
}

// A 60 kWp PV site (flat profile: 60 kW all day) on station 0, no battery. At a sample the bus
// carries the sessions' grid-side load plus what the site adds: g - L = (L - 60) - L = -60 kW with
// export allowed; with export off, g = max(L - 60, 0), so an idle site adds nothing.
double site_bus_kw_at(bool export_allowed, sim::Duration when) {
  MonitoredRun r;
  SiteEnergySpec spec{.station = 0, .pv_kwp = 60.0, .pv_profile = {{sim::Duration{0}}, {1.0}}};
  spec.export_allowed = export_allowed;
  SiteEnergy energy(r.sim, {spec}, {});
  link_site_energy(*r.pool, energy, {0, road::kInvalid});
  r.monitor->add_bus_power({.feeder = 0, .bus = 1}, [&energy] { return energy.pv_storage_kw(0); });
  energy.start();
  r.arrive(at(10min), 0, 0, 0);  // 100 kW battery side from 10 to 28 min
  r.run();
  const FeederSample& s = r.sample_at(when);
  EXPECT_NEAR(s.load_kw, 10.0 + s.ev_kw + s.site_kw, 1e-9);  // 20 kW background x 0.5 in hour 0
  return s.site_kw;
}

TEST(FeederMonitor, APvSiteFeedsInAtItsBusWithItsEvLoadCountedOnce) {
  EXPECT_NEAR(site_bus_kw_at(true, 15min), -60.0, 1e-9);   // import 100 - 60 = 40
  EXPECT_NEAR(site_bus_kw_at(true, 0min), -60.0, 1e-9);    // export 60
  EXPECT_NEAR(site_bus_kw_at(false, 15min), -60.0, 1e-9);  // import 40, nothing to curtail
  EXPECT_NEAR(site_bus_kw_at(false, 0min), 0.0, 1e-9);     // 60 kW curtailed, no export
}

TEST(FeederMonitor, BusPowerOnAnUnknownBusIsRefused) {
  MonitoredRun r;
  EXPECT_THROW(r.monitor->add_bus_power({.feeder = 0, .bus = 2}, [] { return 0.0; }), std::invalid_argument);
  EXPECT_THROW(r.monitor->add_bus_power({.feeder = 1, .bus = 0}, [] { return 0.0; }), std::invalid_argument);
}

}  // namespace
}  // namespace evsim::models::grid
