// Whole-run benchmark of the city model: the ring-radial example city (scenarios/examples/
// ring_radial_city.yaml, 2 simulated days) with its fleet scaled to N vehicles (every segment
// scaled by N / 20000). Build = roads, contraction hierarchy, nearest-station table and plans;
// run = the simulation itself. Counters: vehicles, events and trips per wall-clock second of the
// run.
//
//   build/release/bench/bench_city_run --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>

#include "scenarios/assembly/build_city.hpp"
#include "models/city/city_model.hpp"
#include "models/records.hpp"
#include "scenarios/loader.hpp"
#include "sim/simulator.hpp"

namespace {

using namespace evsim;

// Counts records without keeping them, so that memory stays flat at large N.
class CountingObserver final : public models::RunObserver {
 public:
  void on_trip(const models::TripRecord&) override { ++trips; }
  void on_need(const models::NeedRecord&) override { ++needs; }
  void on_session(const models::ChargeSessionRecord&) override { ++sessions; }
  void on_station_sample(const models::StationSample&) override {}
  std::uint64_t trips = 0, needs = 0, sessions = 0;
};

scenarios::Scenario scaled_city(double vehicles) {
  scenarios::Scenario sc =
      scenarios::load_scenario_file(std::filesystem::path(EVSIM_SOURCE_DIR) / "scenarios/examples/ring_radial_city.yaml");
  for (scenarios::SegmentSpec& s : sc.fleet) s.count = static_cast<std::uint32_t>(std::lround(s.count * vehicles / 20000.0));
  return sc;
}

void BM_CityRun(benchmark::State& state) {
  const scenarios::Scenario sc = scaled_city(static_cast<double>(state.range(0)));
  double build_s = 0.0, run_s = 0.0;
  std::uint64_t events = 0, vehicles = 0, route_queries = 0, route_misses = 0;
  CountingObserver seen;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    const scenarios::assembly::CityInputs city = scenarios::assembly::build_city(sc, sim::RandomStreams(sc.run.seed, 0));
    const auto t1 = std::chrono::steady_clock::now();
    sim::Simulator simulator(sc.run.event_list);
    seen = CountingObserver{};
    models::city::CityModel model(simulator, city.world, seen);
    model.start();
    simulator.run_until(city.world.settings.horizon);
    model.finish();
    const auto t2 = std::chrono::steady_clock::now();
    build_s = std::chrono::duration<double>(t1 - t0).count();
    run_s = std::chrono::duration<double>(t2 - t1).count();
    events = simulator.executed_count();
    vehicles = city.world.schedule.vehicles.size();
    route_misses = model.router().cache_misses();
    route_queries = model.router().cache_hits() + route_misses;
    state.SetIterationTime(build_s + run_s);
  }
  state.counters["vehicles"] = static_cast<double>(vehicles);
  state.counters["build_s"] = build_s;
  state.counters["run_s"] = run_s;
  state.counters["events"] = static_cast<double>(events);
  state.counters["trips"] = static_cast<double>(seen.trips);
  state.counters["needs"] = static_cast<double>(seen.needs);
  state.counters["events_per_s"] = static_cast<double>(events) / run_s;
  state.counters["trips_per_s"] = static_cast<double>(seen.trips) / run_s;
  // Routes asked of the router (from != to) and those its cache did not hold (hierarchy queries).
  state.counters["routes"] = static_cast<double>(route_queries);
  state.counters["route_misses"] = static_cast<double>(route_misses);
}
BENCHMARK(BM_CityRun)->Arg(20'000)->Arg(100'000)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

// The same 20,000-vehicle city with every station's power shared (models/charging/session_pool.hpp):
// a site limit of range(0) percent of its plugs' summed rating, equal sharing. Counters as above,
// plus the power changes announced (plug-ins, re-sharings, unplugs) per wall-clock second.
void BM_CityRunSiteLimits(benchmark::State& state) {
  const scenarios::Scenario sc = scaled_city(20'000.0);
  const double fraction = static_cast<double>(state.range(0)) / 100.0;
  double run_s = 0.0;
  std::uint64_t events = 0, changes = 0;
  CountingObserver seen;
  for (auto _ : state) {
    scenarios::assembly::CityInputs city = scenarios::assembly::build_city(sc, sim::RandomStreams(sc.run.seed, 0));
    for (models::charging::Station& st : city.world.stations) {
      double rated_kw = 0.0;
      for (const models::charging::Plug& p : st.plugs()) rated_kw += p.power_kw;
      models::charging::SitePower power;
      power.limit_kw = fraction * rated_kw;
      st.set_power(power);
    }
    const auto t1 = std::chrono::steady_clock::now();
    sim::Simulator simulator(sc.run.event_list);
    seen = CountingObserver{};
    models::city::CityModel model(simulator, city.world, seen);
    changes = 0;
    model.sessions().power_changed.connect([&changes](const models::charging::PowerChange&) { ++changes; });
    model.start();
    simulator.run_until(city.world.settings.horizon);
    model.finish();
    run_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    events = simulator.executed_count();
    state.SetIterationTime(run_s);
  }
  state.counters["run_s"] = run_s;
  state.counters["events"] = static_cast<double>(events);
  state.counters["events_per_s"] = static_cast<double>(events) / run_s;
  state.counters["power_changes"] = static_cast<double>(changes);
}
BENCHMARK(BM_CityRunSiteLimits)->Arg(100)->Arg(50)->Arg(25)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace
