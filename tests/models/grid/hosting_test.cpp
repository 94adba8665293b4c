// models/grid/hosting.hpp: the bisection against limits solved by hand on two buses.
#include "models/grid/hosting.hpp"

#include <gtest/gtest.h>

namespace {

using namespace evsim::models::grid;

// Two buses at 10 kV, z = 1 + j2 ohm = 0.01 + j0.02 pu on 1 MVA, nothing connected yet. A load P
// (pu, unity power factor) at bus 2 gives U = |V2|^2 from U^2 - (1 - 2rP) U + |z|^2 P^2 = 0.
//  - voltage: |V2| = 0.95, U = 0.9025: |z|^2 P^2 + 2rU P + U^2 - U = 0, P = 4.350670 pu = 4350.67 kW;
//  - a 60 A line (1.039230 pu of the 57.735 A base): P / sqrt(U) = 1.039230 at P = 1028.21 kW;
//  - an 800 kVA transformer: |P + |I|^2 z| = 0.8 at P = 793.50 kW.
// (The last two solved by bisection on the closed form for U, in Python, outside evsim.)
FeederSpec two_bus(std::optional<double> ampacity_a, double rating_kva) {
  return {.name = "two",
          .buses = {{.id = "1", .base_kv = 10.0}, {.id = "2", .base_kv = 10.0}},
          .lines = {{.from = "1", .to = "2", .r_ohm = 1.0, .x_ohm = 2.0, .ampacity_a = ampacity_a}},
          .transformer = {.rating_kva = rating_kva}};
}

TEST(Hosting, VoltageLimitBindsAtTheHandSolution) {
  const Feeder f = Feeder::build(two_bus(std::nullopt, 10'000.0));
  const HostingResult h = hosting_capacity(f);
  ASSERT_FALSE(h.base_case_violated);
  ASSERT_EQ(h.buses.size(), 2u);
  EXPECT_DOUBLE_EQ(h.buses[1].max_added_kw, 4350.0);
  EXPECT_EQ(h.buses[1].limit, HostingLimit::under_voltage);
  EXPECT_EQ(h.buses[1].element, 1u);
  EXPECT_LT(h.buses[1].value, 0.95);
  EXPECT_GT(h.buses[1].value, 0.9499);
  // At the source only the transformer limits: 10 000 kVA exactly is within its rating.
  EXPECT_DOUBLE_EQ(h.buses[0].max_added_kw, 10'000.0);
  EXPECT_EQ(h.buses[0].limit, HostingLimit::transformer_overload);
}

TEST(Hosting, LineAndTransformerLimitsBind) {
  const HostingResult line = hosting_capacity(Feeder::build(two_bus(60.0, 10'000.0)));
  EXPECT_DOUBLE_EQ(line.buses[1].max_added_kw, 1028.0);
  EXPECT_EQ(line.buses[1].limit, HostingLimit::line_overload);
  EXPECT_EQ(line.buses[1].element, 0u);
  const HostingResult transformer = hosting_capacity(Feeder::build(two_bus(std::nullopt, 800.0)));
  EXPECT_DOUBLE_EQ(transformer.buses[1].max_added_kw, 793.0);
  EXPECT_EQ(transformer.buses[1].limit, HostingLimit::transformer_overload);
}

TEST(Hosting, ASearchBoundWithoutViolationIsReportedAsNone) {
  const Feeder f = Feeder::build(two_bus(std::nullopt, 10'000.0));
  const HostingResult h = hosting_capacity(f, {.max_kw = 500.0});
  EXPECT_DOUBLE_EQ(h.buses[1].max_added_kw, 500.0);
  EXPECT_EQ(h.buses[1].limit, HostingLimit::none);
}

TEST(Hosting, ABaseCaseThatBreaksALimitGivesZeroEverywhere) {
  FeederSpec spec = two_bus(std::nullopt, 10'000.0);
  spec.buses[1].p_kw = 5000.0;
  const HostingResult h = hosting_capacity(Feeder::build(spec));
  EXPECT_TRUE(h.base_case_violated);
  for (const BusHosting& b : h.buses) {
    EXPECT_EQ(b.max_added_kw, 0.0);
    EXPECT_EQ(b.limit, HostingLimit::under_voltage);
    EXPECT_EQ(b.element, 1u);
  }
  // Half the background load is within the limits again.
  EXPECT_FALSE(hosting_capacity(Feeder::build(spec), {.load_scale = 0.5}).base_case_violated);
}

}  // namespace
