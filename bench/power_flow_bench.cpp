// One power flow on a generated 1,000-bus radial feeder (target: under 1 ms), and LinDistFlow on
// the same feeder. The feeder: a 10 kV trunk of 100 buses, 300 m apart, each with a lateral of 9
// buses, 100 m apart; 3 kW + 1 kvar at every bus but the source (2,997 kW in all); lines
// 0.2 + j0.08 ohm/km on the trunk, 0.6 + j0.1 ohm/km on the laterals. The feeder is built once;
// each iteration solves from a flat start into a reused result (no allocation).
#include <benchmark/benchmark.h>

#include <string>

#include "models/grid/power_flow.hpp"

namespace {

using namespace evsim::models::grid;

constexpr int kTrunk = 100;
constexpr int kLateral = 9;

Feeder generated_feeder() {
  FeederSpec spec{.name = "generated", .buses = {}, .lines = {}, .transformer = {.rating_kva = 5000.0}};
  const auto id = [](int trunk, int lateral) { return std::to_string(trunk) + "." + std::to_string(lateral); };
  for (int t = 0; t < kTrunk; ++t) {
    for (int l = 0; l <= kLateral; ++l) {
      const bool source = t == 0 && l == 0;
      spec.buses.push_back({.id = id(t, l), .base_kv = 10.0, .p_kw = source ? 0.0 : 3.0, .q_kvar = source ? 0.0 : 1.0});
      if (l > 0) {
        spec.lines.push_back({.from = id(t, l - 1), .to = id(t, l), .r_ohm = 0.06, .x_ohm = 0.01});
      } else if (t > 0) {
        spec.lines.push_back({.from = id(t - 1, 0), .to = id(t, 0), .r_ohm = 0.06, .x_ohm = 0.024, .ampacity_a = 400.0});
      }
    }
  }
  return Feeder::build(std::move(spec));
}

void BM_PowerFlow1000Buses(benchmark::State& state) {
  const Feeder feeder = generated_feeder();
  PowerFlow flow(feeder);
  const BusLoads loads = BusLoads::background(feeder);
  PowerFlowResult result;
  flow.solve(loads, result);
  if (!result.converged()) state.SkipWithError("the generated feeder does not converge");
  for (auto _ : state) {
    flow.solve(loads, result);
    // Not DoNotOptimize(result.loss_kw): with benchmark 1.7.1 and GCC 12 -O3 that corrupted the
    // double it was given (the loss_kw counter read 6.95e-310); the data pointer and a clobber do.
    benchmark::DoNotOptimize(result.voltage_pu.data());
    benchmark::ClobberMemory();
  }
  state.counters["buses"] = static_cast<double>(feeder.bus_count());
  state.counters["iterations"] = result.iterations;
  state.counters["min_voltage_pu"] = result.min_voltage_pu;
  state.counters["loss_kw"] = result.loss_kw;
}
BENCHMARK(BM_PowerFlow1000Buses)->Unit(benchmark::kMicrosecond);

void BM_LinDistFlow1000Buses(benchmark::State& state) {
  const Feeder feeder = generated_feeder();
  PowerFlow flow(feeder);
  const BusLoads loads = BusLoads::background(feeder);
  PowerFlowResult result;
  for (auto _ : state) {
    flow.solve_linear(loads, result);
    benchmark::DoNotOptimize(result.voltage_pu.data());
    benchmark::ClobberMemory();
  }
  state.counters["min_voltage_pu"] = result.min_voltage_pu;
}
BENCHMARK(BM_LinDistFlow1000Buses)->Unit(benchmark::kMicrosecond);

}  // namespace
