// models/grid/power_flow.hpp: the sweep and LinDistFlow against cases solved by hand, power
// balance, non-convergence and the limit checks.
#include "models/grid/power_flow.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace {

using namespace evsim::models::grid;

// Two buses at 10 kV: the source (1.0 pu) and a load of 1000 kW + 500 kvar behind r = 1 ohm,
// x = 2 ohm. Solved by hand, per unit on 1 MVA (Z_base = 10^2 / 1 = 100 ohm):
//   z = 0.01 + j0.02, s = 1 + j0.5.
// With V1 = 1 and U = |V2|^2, V2 = V1 - z conj(s / V2) gives
//   U^2 - (V1^2 - 2(rP + xQ)) U + |z|^2 |s|^2 = 0
//   a = 1 - 2 (0.01 + 0.01) = 0.96,  |z|^2 |s|^2 = 0.0005 * 1.25 = 0.000625
//   U = (a + sqrt(a^2 - 4 * 0.000625)) / 2 = (0.96 + sqrt(0.9191)) / 2 = 0.959348516...
//   |V2| = sqrt(U) = 0.979463382 pu
//   angle: sin(theta) = -(xP - rQ) / (|V1| |V2|) = -0.015 / 0.979463382, theta = -0.877491 deg
//   |I| = |s| / |V2| = 1.118034 / 0.979463 = 1.141476 pu = 1.141476 * 1000 / (sqrt(3) 10) = 65.9032 A
//   losses = |I|^2 r = 1.25 / 0.959348516 * 0.01 pu = 13.0297 kW, and |I|^2 x = 26.0594 kvar
// LinDistFlow: U = 1 - 2 (rP + xQ) = 0.96, |V2| = 0.979796 pu; losses estimate |s|^2 r / 1 = 12.5 kW.
FeederSpec two_bus() {
  return {.name = "two",
          .buses = {{.id = "1", .base_kv = 10.0}, {.id = "2", .base_kv = 10.0, .p_kw = 1000.0, .q_kvar = 500.0}},
          .lines = {{.from = "1", .to = "2", .r_ohm = 1.0, .x_ohm = 2.0, .ampacity_a = 60.0}},
          .transformer = {.rating_kva = 1000.0}};
}

TEST(PowerFlow, TwoBusCaseMatchesTheHandSolution) {
  const Feeder f = Feeder::build(two_bus());
  PowerFlow flow(f);
  const PowerFlowResult r = flow.solve(BusLoads::background(f));
  ASSERT_TRUE(r.converged());
  EXPECT_NEAR(r.voltage_pu[1], 0.979463382, 1e-9);
  EXPECT_NEAR(r.angle_deg[1], -0.877491, 1e-6);
  EXPECT_NEAR(r.current_a[0], 65.9032, 1e-4);
  EXPECT_NEAR(r.loss_kw, 13.0297, 1e-4);
  EXPECT_NEAR(r.loss_kvar, 26.0594, 1e-4);
  EXPECT_NEAR(r.loading[0], 65.9032 / 60.0, 1e-6);
  EXPECT_NEAR(r.source_p_kw, 1013.0297, 1e-4);
  EXPECT_NEAR(r.source_q_kvar, 526.0594, 1e-4);
  EXPECT_NEAR(r.transformer_loading, std::hypot(1013.0297, 526.0594) / 1000.0, 1e-6);
  EXPECT_EQ(r.min_voltage_bus, 1u);
  EXPECT_DOUBLE_EQ(r.voltage_pu[0], 1.0);
}

TEST(PowerFlow, LinDistFlowTwoBusMatchesItsFormula) {
  const Feeder f = Feeder::build(two_bus());
  PowerFlow flow(f);
  const PowerFlowResult r = flow.solve_linear(BusLoads::background(f));
  ASSERT_TRUE(r.converged());
  EXPECT_NEAR(r.voltage_pu[1], std::sqrt(0.96), 1e-12);
  EXPECT_NEAR(r.angle_deg[1], -0.015 * 180.0 / std::numbers::pi, 1e-12);
  EXPECT_NEAR(r.loss_kw, 12.5, 1e-9);
}

TEST(PowerFlow, SourcePowerIsLoadsPlusLossesAndScaleAndAddedLoadsCount) {
  FeederSpec spec = two_bus();
  spec.buses.push_back({.id = "3", .base_kv = 10.0, .p_kw = 300.0, .q_kvar = 100.0});
  spec.buses.push_back({.id = "4", .base_kv = 10.0, .p_kw = 200.0, .q_kvar = 50.0});
  spec.lines.push_back({.from = "2", .to = "3", .r_ohm = 0.7, .x_ohm = 0.4});
  spec.lines.push_back({.from = "1", .to = "4", .r_ohm = 2.0, .x_ohm = 1.0});
  spec.transformer.source_pu = 1.03;
  const Feeder f = Feeder::build(spec);
  PowerFlow flow(f);
  BusLoads loads = BusLoads::background(f, 0.5);
  loads.add(2, 40.0, 0.0);
  PowerFlowResult r;
  flow.solve(loads, r);
  ASSERT_TRUE(r.converged());
  EXPECT_NEAR(r.source_p_kw, 0.5 * 1500.0 + 40.0 + r.loss_kw, 1e-6);
  EXPECT_NEAR(r.source_q_kvar, 0.5 * 650.0 + r.loss_kvar, 1e-6);
  EXPECT_DOUBLE_EQ(r.voltage_pu[0], 1.03);
  // Flow into a line = flow out of it + its losses.
  EXPECT_NEAR(r.p_flow_kw[0], r.p_loss_kw[0] + 500.0 + r.p_flow_kw[1], 1e-6);
  EXPECT_TRUE(std::isnan(r.loading[1]));  // no ampacity
  // A second solve into the same result gives the same numbers.
  const PowerFlowResult again = flow.solve(loads);
  EXPECT_EQ(again.voltage_pu, r.voltage_pu);
  EXPECT_EQ(again.iterations, r.iterations);
}

TEST(PowerFlow, ALoadBeyondTheFeedersCapacityIsNeverReportedAsConverged) {
  const Feeder f = Feeder::build(two_bus());
  PowerFlow flow(f);
  // The largest load the line can carry at this power factor is about 20 MW; 40 MW collapses.
  const PowerFlowResult r = flow.solve(BusLoads::background(f, 40.0));
  EXPECT_FALSE(r.converged());
  PowerFlow one_sweep(f, {.tolerance_pu = 1e-9, .max_iterations = 1});
  const PowerFlowResult cut = one_sweep.solve(BusLoads::background(f));
  EXPECT_EQ(cut.status, SolveStatus::not_converged);
  EXPECT_EQ(cut.iterations, 1);
  EXPECT_GT(cut.last_change_pu, 1e-9);
}

TEST(PowerFlow, ViolationsComeInTheDocumentedOrder) {
  FeederSpec spec = two_bus();
  spec.lines[0].r_ohm = 5.0;  // |V2| well below 0.95
  const Feeder f = Feeder::build(spec);
  PowerFlow flow(f);
  const PowerFlowResult r = flow.solve(BusLoads::background(f));
  ASSERT_TRUE(r.converged());
  const auto all = find_violations(f, r, {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].kind, ViolationKind::under_voltage);
  EXPECT_EQ(all[0].element, 1u);
  EXPECT_DOUBLE_EQ(all[0].value, r.voltage_pu[1]);
  EXPECT_EQ(all[1].kind, ViolationKind::line_overload);
  EXPECT_EQ(all[2].kind, ViolationKind::transformer_overload);
  const auto first = first_violation(f, r, {});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->kind, ViolationKind::under_voltage);
  EXPECT_FALSE(first_violation(f, r, {.min_voltage_pu = 0.5, .max_voltage_pu = 1.05, .max_line_loading = 10.0,
                                      .max_transformer_loading = 10.0}));
}

}  // namespace
