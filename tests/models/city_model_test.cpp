// The city model on hand-made networks whose outcomes can be computed by hand.
#include "models/city_model.hpp"

#include <gtest/gtest.h>

#include <map>

#include "models/road/grid_generator.hpp"

namespace evsim::models {
namespace {

using namespace std::chrono_literals;

struct Collector final : RunObserver {
  std::vector<TripRecord> trips;
  std::vector<ChargeSessionRecord> sessions;
  std::vector<StationSample> samples;
  void on_trip(const TripRecord& t) override { trips.push_back(t); }
  void on_session(const ChargeSessionRecord& s) override { sessions.push_back(s); }
  void on_station_sample(const StationSample& s) override { samples.push_back(s); }
};

// A two-way line 0 - 1 - 2, 100 m edges at 36 km/h: 10 s an edge.
road::RoadGraph line3() {
  return road::RoadGraph({0, 100, 200}, {0, 0, 0},
                         {{0, 1, 100, 36}, {1, 0, 100, 36}, {1, 2, 100, 36}, {2, 1, 100, 36}});
}

const fleet::VehicleType kCar{"car", 50.0, 0.2, 11.0, 50.0};

VehiclePlan commuter(double soc, sim::Time depart) {
  return {.type = 0, .segment = 0, .home = 0, .work = 2, .initial_soc = soc, .depart_to_work = depart,
          .work_dwell = 8h};
}

struct Fixture {
  sim::Simulator sim;
  road::RoadGraph roads = line3();
  Collector out;
  CityModel model;
  explicit Fixture(sim::Duration patience, std::uint32_t dc_plugs = 1)
      : model(sim, roads, {kCar}, {{.charge_below_soc = 0.5, .charge_to_soc = 0.8, .patience = patience}},
              {charging::Station("mid", 1, std::vector<charging::Plug>(dc_plugs, {.dc = true, .power_kw = 50.0}), true)},
              out) {}
};

TEST(CityModel, LowBatteryVehicleChargesToTargetAtTheComputedTime) {
  Fixture f(30min);
  f.model.start({commuter(0.2, sim::time_at_ms(1000))}, 0min, sim::kTimeZero + 24h);
  f.sim.run_until(sim::kTimeZero + 24h);
  f.model.finish();
  ASSERT_EQ(f.out.sessions.size(), 1u);
  const ChargeSessionRecord& s = f.out.sessions[0];
  // home -> work: 200 m, 0.04 kWh, arrives at 1 s + 20 s; work -> station: 100 m, 0.02 kWh, +10 s.
  EXPECT_EQ(s.outcome, SessionOutcome::charged);
  EXPECT_EQ(s.arrival, sim::time_at_ms(31'000));
  EXPECT_EQ(s.start, s.arrival);
  const double needed = 40.0 - (10.0 - 0.06);  // to 80% of 50 kWh
  EXPECT_NEAR(s.energy_kwh, needed, 1e-12);
  EXPECT_EQ(s.end, s.start + sim::from_hours(needed / 50.0));
  EXPECT_NEAR(s.soc_after, 0.8, 1e-12);
  // Then back to work (10 s), and home as planned 8 h after arriving at work.
  ASSERT_EQ(f.out.trips.size(), 4u);
  EXPECT_EQ(f.out.trips[2].purpose, TripPurpose::from_charger);
  EXPECT_EQ(f.out.trips[2].arrive, s.end + 10s);
  EXPECT_EQ(f.out.trips[3].purpose, TripPurpose::to_home);
  EXPECT_EQ(f.out.trips[3].depart, f.out.trips[0].arrive + 8h);
  EXPECT_NEAR(f.model.vehicles()[0].energy_kwh, 40.0 - 0.02 - 0.04, 1e-12);
}

TEST(CityModel, DepartureDueWhileChargingHappensOnceTheVehicleIsBack) {
  Fixture f(30min);
  VehiclePlan plan = commuter(0.2, sim::time_at_ms(1000));
  plan.work_dwell = 5min;  // the session takes about 36 min
  f.model.start({plan}, 0min, sim::kTimeZero + 24h);
  f.sim.run_until(sim::kTimeZero + 24h);
  ASSERT_EQ(f.out.trips.size(), 4u);
  EXPECT_EQ(f.out.trips[3].purpose, TripPurpose::to_home);
  EXPECT_EQ(f.out.trips[3].depart, f.out.trips[2].arrive);
}

TEST(CityModel, SecondVehicleWaitsAndGivesUpWhenPatienceRunsOut) {
  Fixture f(10min);
  f.model.start({commuter(0.2, sim::time_at_ms(0)), commuter(0.2, sim::time_at_ms(0))}, 0min, sim::kTimeZero + 24h);
  f.sim.run_until(sim::kTimeZero + 24h);
  f.model.finish();
  // Vehicle 1 gives up 10 min after arriving, vehicle 0 finishes, and vehicle 1, still low, tries
  // again after driving home in the evening (the plug is free then).
  ASSERT_EQ(f.out.sessions.size(), 3u);
  const auto& gave_up = f.out.sessions[0];
  EXPECT_EQ(gave_up.vehicle, 1u);
  EXPECT_EQ(gave_up.outcome, SessionOutcome::gave_up);
  EXPECT_EQ(gave_up.end, gave_up.arrival + 10min);
  EXPECT_DOUBLE_EQ(gave_up.energy_kwh, 0.0);
  EXPECT_EQ(f.out.sessions[1].vehicle, 0u);
  EXPECT_EQ(f.out.sessions[1].outcome, SessionOutcome::charged);
  EXPECT_EQ(f.out.sessions[2].vehicle, 1u);
  EXPECT_EQ(f.out.sessions[2].outcome, SessionOutcome::charged);
  EXPECT_EQ(f.out.sessions[2].start, f.out.sessions[2].arrival);
}

TEST(CityModel, PatientVehicleTakesThePlugWhenItFrees) {
  Fixture f(5h);
  f.model.start({commuter(0.2, sim::time_at_ms(0)), commuter(0.2, sim::time_at_ms(0))}, 0min, sim::kTimeZero + 24h);
  f.sim.run_until(sim::kTimeZero + 24h);
  f.model.finish();
  ASSERT_EQ(f.out.sessions.size(), 2u);
  const auto& first = f.out.sessions[0];
  const auto& second = f.out.sessions[1];
  EXPECT_EQ(second.vehicle, 1u);
  EXPECT_EQ(second.start, first.end);
  EXPECT_EQ(second.start - second.arrival, first.end - first.start);
}

TEST(CityModel, VehicleWithoutEnoughEnergyIsStrandedNotRefilled) {
  Fixture f(30min);
  // 200 m needs 0.04 kWh; 0.05% of 50 kWh is 0.025 kWh.
  f.model.start({commuter(0.0005, sim::time_at_ms(0))}, 0min, sim::kTimeZero + 24h);
  f.sim.run_until(sim::kTimeZero + 24h);
  f.model.finish();
  ASSERT_EQ(f.out.trips.size(), 1u);
  EXPECT_EQ(f.out.trips[0].outcome, TripOutcome::stranded);
  EXPECT_TRUE(f.out.sessions.empty());
  EXPECT_EQ(f.model.vehicles()[0].state, fleet::VehicleState::stranded);
  EXPECT_NEAR(f.model.vehicles()[0].energy_kwh, 0.025, 1e-12);
}

TEST(CityModel, SessionOpenAtTheHorizonIsReportedWithItsEnergySoFar) {
  Fixture f(30min);
  f.model.start({commuter(0.2, sim::time_at_ms(0))}, 0min, sim::kTimeZero + 10min);
  f.sim.run_until(sim::kTimeZero + 10min);
  f.model.finish();
  ASSERT_EQ(f.out.sessions.size(), 1u);
  const auto& s = f.out.sessions[0];
  EXPECT_EQ(s.outcome, SessionOutcome::cut_by_horizon);
  EXPECT_NEAR(s.energy_kwh, 50.0 * sim::to_hours(s.end - s.start), 1e-12);
}

TEST(CityModel, EnergyBalancesForEveryVehicleOnABusyGrid) {
  // Conservation: initial + charged - driven = final for every vehicle, and every trip's energy is
  // its distance times the consumption.
  sim::Simulator simulator;
  const road::RoadGraph roads = road::make_grid({.rows = 8, .cols = 8, .spacing_m = 500, .speed_kmh = 30});
  Collector out;
  CityModel model(simulator, roads, {kCar}, {{.charge_below_soc = 0.5, .charge_to_soc = 0.9, .patience = 20min}},
                  {charging::Station("a", 9, {{.dc = true, .power_kw = 50.0}}, true),
                   charging::Station("b", 54, {{.dc = false, .power_kw = 11.0}, {.dc = true, .power_kw = 50.0}}, true)},
                  out);
  sim::RandomStream rng(1, 0, "test");
  std::vector<VehiclePlan> plans;
  for (int i = 0; i < 200; ++i) {
    plans.push_back({.type = 0, .segment = 0, .home = static_cast<road::NodeId>(rng.uniform_index(64)),
                     .work = static_cast<road::NodeId>(rng.uniform_index(64)), .initial_soc = rng.uniform(0.05, 0.9),
                     .depart_to_work = sim::kTimeZero + sim::from_hours(rng.uniform(6, 9)),
                     .work_dwell = sim::from_hours(rng.uniform(6, 9))});
  }
  model.start(plans, 15min, sim::kTimeZero + 24h);
  simulator.run_until(sim::kTimeZero + 24h);
  model.finish();
  std::map<VehicleId, double> driven, charged;
  for (const auto& t : out.trips) {
    EXPECT_NEAR(t.energy_kwh, t.distance_m / 1000.0 * 0.2, 1e-12);
    driven[t.vehicle] += t.energy_kwh;
  }
  for (const auto& s : out.sessions) charged[s.vehicle] += s.energy_kwh;
  for (VehicleId v = 0; v < plans.size(); ++v) {
    EXPECT_NEAR(plans[v].initial_soc * 50.0 + charged[v] - driven[v], model.vehicles()[v].energy_kwh, 1e-9) << v;
  }
  EXPECT_GT(out.sessions.size(), 20u);  // the scenario exercises charging at all
  EXPECT_EQ(out.samples.size(), 2u * 97u);  // every 15 min from 0 to 24 h inclusive, both stations
}

}  // namespace
}  // namespace evsim::models
