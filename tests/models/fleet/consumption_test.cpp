// Driving energy: the temperature factor, the identities of the model, additivity over edges, a
// worked example, and the messages of check().
#include "models/fleet/consumption.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace evsim::models::fleet {
namespace {

const ConsumptionModel kModel{.base_kwh_per_km = 0.18, .aero_share = 0.4, .reference_speed_kmh = 50.0};

struct Edge {
  double length_m;
  double speed_kmh;
};

std::string check_error(const ConsumptionModel& model) {
  try {
    check(model);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(Consumption, TemperatureFactorIsOneInTheMildBandAndGrowsOutsideIt) {
  EXPECT_EQ(temperature_factor(kModel, kMildLowC), 1.0);
  EXPECT_EQ(temperature_factor(kModel, 20.0), 1.0);
  EXPECT_EQ(temperature_factor(kModel, kMildHighC), 1.0);
  EXPECT_DOUBLE_EQ(temperature_factor(kModel, 5.0), 1.15);
  EXPECT_DOUBLE_EQ(temperature_factor(kModel, -10.0), 1.375);
  EXPECT_DOUBLE_EQ(temperature_factor(kModel, 35.0), 1.05);
}

TEST(Consumption, EnergyGrowsWithDistanceFromTheMildBand) {
  double colder = trip_energy_kwh(kModel, 10000.0, 10000.0 * 60.0 * 60.0, kMildLowC);
  for (double t = kMildLowC - 1.0; t >= -30.0; t -= 1.0) {
    const double e = trip_energy_kwh(kModel, 10000.0, 10000.0 * 60.0 * 60.0, t);
    EXPECT_GT(e, colder) << t << " C";
    colder = e;
  }
  double hotter = trip_energy_kwh(kModel, 10000.0, 10000.0 * 60.0 * 60.0, kMildHighC);
  for (double t = kMildHighC + 1.0; t <= 45.0; t += 1.0) {
    const double e = trip_energy_kwh(kModel, 10000.0, 10000.0 * 60.0 * 60.0, t);
    EXPECT_GT(e, hotter) << t << " C";
    hotter = e;
  }
}

TEST(Consumption, PathAtTheReferenceSpeedUsesTheBaseRate) {
  for (double t : {-10.0, 20.0, 35.0}) {
    const double length_m = 12345.0;
    const double v = kModel.reference_speed_kmh;
    EXPECT_NEAR(trip_energy_kwh(kModel, length_m, length_m * v * v, t),
                kModel.base_kwh_per_km * temperature_factor(kModel, t) * 12.345, 1e-12)
        << t << " C";
  }
}

TEST(Consumption, WithoutAeroShareSpeedDoesNotMatter) {
  const ConsumptionModel rolling{.base_kwh_per_km = 0.2};
  EXPECT_DOUBLE_EQ(trip_energy_kwh(rolling, 5000.0, 5000.0 * 130.0 * 130.0, 20.0), 1.0);
  EXPECT_DOUBLE_EQ(trip_energy_kwh(rolling, 5000.0, 5000.0 * 10.0 * 10.0, 20.0), 1.0);
}

TEST(Consumption, WorkedExample) {
  // 2 km at 50 km/h and 3 km at 100 km/h at 5 C: speed_sq_length = 2000 * 50^2 + 3000 * 100^2 = 3.5e7;
  // equivalent km = 0.6 * 5 + 0.4 * 3.5e7 / (1000 * 50^2) = 3 + 5.6 = 8.6; f = 1 + 0.015 * 10 = 1.15;
  // E = 0.18 * 1.15 * 8.6 = 1.7802 kWh.
  EXPECT_NEAR(trip_energy_kwh(kModel, 5000.0, 3.5e7, 5.0), 1.7802, 1e-12);
}

TEST(Consumption, PathEnergyIsTheSumOfItsEdges) {
  const std::vector<Edge> path{{120.0, 30.0}, {850.5, 50.0}, {2400.0, 90.0}, {33.3, 20.0}, {1500.0, 130.0}, {610.0, 70.0}};
  for (double t : {-5.0, 18.0, 31.0}) {
    double length_m = 0.0;
    double speed_sq_length = 0.0;
    double sum_of_edges_kwh = 0.0;
    for (const Edge& e : path) {
      length_m += e.length_m;
      speed_sq_length += e.length_m * e.speed_kmh * e.speed_kmh;
      sum_of_edges_kwh += trip_energy_kwh(kModel, e.length_m, e.length_m * e.speed_kmh * e.speed_kmh, t);
    }
    const double path_kwh = trip_energy_kwh(kModel, length_m, speed_sq_length, t);
    EXPECT_NEAR(path_kwh, sum_of_edges_kwh, 1e-12 * path_kwh) << t << " C";
  }
}

TEST(Consumption, CheckNamesTheFieldOutOfRange) {
  EXPECT_EQ(check_error(kModel), "no error");
  EXPECT_EQ(check_error({.base_kwh_per_km = -0.1}), "ConsumptionModel: base_kwh_per_km must be >= 0, got -0.1");
  EXPECT_EQ(check_error({.base_kwh_per_km = 0.2, .aero_share = 1.2}), "ConsumptionModel: aero_share must be in [0, 1], got 1.2");
  EXPECT_EQ(check_error({.base_kwh_per_km = 0.2, .reference_speed_kmh = 0.0}),
            "ConsumptionModel: reference_speed_kmh must be > 0, got 0");
  EXPECT_EQ(check_error({.base_kwh_per_km = 0.2, .cold_increase_per_degc = -0.01}),
            "ConsumptionModel: cold_increase_per_degc must be >= 0, got -0.01");
  EXPECT_EQ(check_error({.base_kwh_per_km = 0.2, .heat_increase_per_degc = -0.01}),
            "ConsumptionModel: heat_increase_per_degc must be >= 0, got -0.01");
}

}  // namespace
}  // namespace evsim::models::fleet
