// ChargingCurve: closed-form charging times against numerical integration, the inverse, the limit
// above, below and across the taper, a power of 0 kW, and the messages for bad input.
#include "models/fleet/charging_curve.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace evsim::models::fleet {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kBatteryKwh = 80.0;

// Flat 150 kW to 50 %, then linear down to 30 kW at 100 %.
const ChargingCurve kKnee = ChargingCurve::knee(150.0, 0.5, 0.2);
// Ramps up, holds, tapers in three slopes to 0 kW at 100 %.
const ChargingCurve kRealistic({{0.0, 50.0}, {0.1, 120.0}, {0.3, 150.0}, {0.55, 150.0}, {0.8, 70.0}, {0.95, 25.0}, {1.0, 0.0}});

struct Case {
  const char* name;
  const ChargingCurve* curve;
  double limit_kw;
};

const std::vector<Case> kCases{
    {"knee, limit above", &kKnee, 200.0},     {"knee, limit across the taper", &kKnee, 100.0},
    {"knee, limit below", &kKnee, 20.0},      {"realistic, no limit", &kRealistic, kInf},
    {"realistic, limit crossed twice", &kRealistic, 60.0}, {"realistic, low limit", &kRealistic, 11.0},
};

// SoC after `hours`, by RK4 on ds/dt = P(s) / battery_kwh.
double rk4_soc(const Case& c, double soc_from, double hours, int steps = 100000) {
  const auto rate = [&](double soc) { return c.curve->power_kw(std::clamp(soc, 0.0, 1.0), c.limit_kw) / kBatteryKwh; };
  const double h = hours / steps;
  double soc = soc_from;
  for (int i = 0; i < steps; ++i) {
    const double k1 = rate(soc);
    const double k2 = rate(soc + h / 2 * k1);
    const double k3 = rate(soc + h / 2 * k2);
    const double k4 = rate(soc + h * k3);
    soc += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return soc;
}

// Hours from soc_from to soc_to, by Simpson's rule on dt/ds = battery_kwh / P(s).
double simpson_hours(const Case& c, double soc_from, double soc_to, int intervals = 100000) {
  const auto dt_ds = [&](double soc) { return kBatteryKwh / c.curve->power_kw(soc, c.limit_kw); };
  const double h = (soc_to - soc_from) / intervals;
  double sum = dt_ds(soc_from) + dt_ds(soc_to);
  for (int i = 1; i < intervals; ++i) sum += (i % 2 == 1 ? 4 : 2) * dt_ds(soc_from + i * h);
  return sum * h / 3;
}

template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(ChargingCurve, HoursMatchNumericalIntegration) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    for (auto [from, to] : {std::pair{0.0, 0.8}, {0.2, 0.9}, {0.05, 0.35}, {0.6, 0.97}}) {
      const double hours = c.curve->hours_to_charge(kBatteryKwh, from, to, c.limit_kw);
      EXPECT_NEAR(hours, simpson_hours(c, from, to), 1e-8 * hours) << from << " -> " << to;
      EXPECT_NEAR(rk4_soc(c, from, hours), to, 1e-8) << from << " -> " << to;
    }
  }
}

TEST(ChargingCurve, SocAfterMatchesRk4) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    // Durations that end short of full: the ODE above knows nothing of the battery being full.
    for (double hours : {0.1, 0.25, 0.5, 0.7}) {
      const double reference = rk4_soc(c, 0.1, hours);
      ASSERT_LT(reference, 1.0) << hours << " h";
      EXPECT_NEAR(c.curve->soc_after(kBatteryKwh, 0.1, hours, c.limit_kw), reference, 1e-8) << hours << " h";
    }
  }
}

TEST(ChargingCurve, SocAfterInvertsHoursToCharge) {
  const std::vector<double> socs{0.0, 0.05, 0.1, 0.3, 0.42, 0.5, 0.55, 0.7, 0.8, 0.9, 0.95, 0.999};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    for (std::size_t i = 0; i < socs.size(); ++i) {
      for (std::size_t j = i; j < socs.size(); ++j) {
        const double hours = c.curve->hours_to_charge(kBatteryKwh, socs[i], socs[j], c.limit_kw);
        EXPECT_NEAR(c.curve->soc_after(kBatteryKwh, socs[i], hours, c.limit_kw), socs[j], 1e-9) << socs[i] << " -> " << socs[j];
      }
    }
  }
}

TEST(ChargingCurve, ConstantPowerTakesEnergyOverPower) {
  const ChargingCurve flat({{0.0, 11.0}, {1.0, 11.0}});
  EXPECT_DOUBLE_EQ(flat.hours_to_charge(60.0, 0.2, 0.8, kInf), 60.0 * 0.6 / 11.0);
  EXPECT_DOUBLE_EQ(flat.hours_to_charge(60.0, 0.2, 0.8, 7.4), 60.0 * 0.6 / 7.4);
  EXPECT_DOUBLE_EQ(flat.hours_to_charge(60.0, 0.0, 1.0, 11.0), 60.0 / 11.0);
  EXPECT_DOUBLE_EQ(flat.soc_after(60.0, 0.2, 2.0, 11.0), 0.2 + 22.0 / 60.0);
  EXPECT_EQ(flat.soc_after(60.0, 0.2, 100.0, 11.0), 1.0);
}

TEST(ChargingCurve, LimitBelowTheTaperGivesConstantPower) {
  EXPECT_DOUBLE_EQ(kKnee.hours_to_charge(kBatteryKwh, 0.1, 1.0, 20.0), kBatteryKwh * 0.9 / 20.0);
  EXPECT_DOUBLE_EQ(kKnee.power_kw(0.9, 20.0), 20.0);
}

TEST(ChargingCurve, LimitAboveTheCurveChangesNothing) {
  EXPECT_EQ(kKnee.hours_to_charge(kBatteryKwh, 0.1, 1.0, 150.0), kKnee.hours_to_charge(kBatteryKwh, 0.1, 1.0, 1e9));
  EXPECT_EQ(kKnee.hours_to_charge(kBatteryKwh, 0.1, 1.0, 150.0), kKnee.hours_to_charge(kBatteryKwh, 0.1, 1.0, kInf));
}

TEST(ChargingCurve, LimitAcrossTheTaperByHand) {
  // c(s) = 150 - 240 (s - 0.5) on the taper meets 100 kW at s = 0.5 + 50 / 240. From there the power
  // falls linearly from 100 kW to c(0.9) = 54 kW, slope -240 kW per unit of SoC.
  const double cross = 0.5 + 50.0 / 240.0;
  const double expected = kBatteryKwh * (cross - 0.2) / 100.0 + kBatteryKwh / -240.0 * std::log(54.0 / 100.0);
  EXPECT_NEAR(kKnee.hours_to_charge(kBatteryKwh, 0.2, 0.9, 100.0), expected, 1e-12);
  EXPECT_DOUBLE_EQ(kKnee.power_kw(0.6, 100.0), 100.0);
  EXPECT_DOUBLE_EQ(kKnee.power_kw(0.9, 100.0), 54.0);
}

TEST(ChargingCurve, ZeroPowerAtFullIsApproachedButNeverReached) {
  const ChargingCurve to_zero = ChargingCurve::knee(150.0, 0.5, 0.0);
  EXPECT_EQ(to_zero.hours_to_charge(kBatteryKwh, 0.9, 1.0, 100.0), kInf);
  EXPECT_TRUE(std::isfinite(to_zero.hours_to_charge(kBatteryKwh, 0.9, 0.9999, 100.0)));
  EXPECT_EQ(to_zero.hours_to_charge(kBatteryKwh, 1.0, 1.0, 100.0), 0.0);
  double previous = 0.9;
  // 1 - s = 0.1 * exp(-300 h / 80) once the 100 kW limit no longer binds, which is from the start.
  for (double hours : {0.5, 1.0, 2.0, 4.0, 6.0}) {
    const double soc = to_zero.soc_after(kBatteryKwh, 0.9, hours, 100.0);
    EXPECT_GT(soc, previous) << hours << " h";
    EXPECT_LT(soc, 1.0) << hours << " h";
    previous = soc;
  }
  EXPECT_NEAR(previous, 1.0 - 0.1 * std::exp(-300.0 * 6.0 / 80.0), 1e-15);
  EXPECT_LE(to_zero.soc_after(kBatteryKwh, 0.9, 1e6, 100.0), 1.0);
}

TEST(ChargingCurve, ZeroPowerInsideStopsCharging) {
  const ChargingCurve dip({{0.0, 50.0}, {0.5, 0.0}, {1.0, 50.0}});
  EXPECT_EQ(dip.hours_to_charge(kBatteryKwh, 0.2, 0.6, kInf), kInf);
  EXPECT_EQ(dip.hours_to_charge(kBatteryKwh, 0.5, 0.6, kInf), kInf);
  EXPECT_EQ(dip.hours_to_charge(kBatteryKwh, 0.5, 0.5, kInf), 0.0);
  EXPECT_LT(dip.soc_after(kBatteryKwh, 0.2, 10.0, kInf), 0.5);
  EXPECT_LE(dip.soc_after(kBatteryKwh, 0.2, 1e6, kInf), 0.5);
  EXPECT_EQ(dip.soc_after(kBatteryKwh, 0.5, 10.0, kInf), 0.5);
}

TEST(ChargingCurve, ZeroLimitNeverCharges) {
  EXPECT_EQ(kKnee.hours_to_charge(kBatteryKwh, 0.2, 0.3, 0.0), kInf);
  EXPECT_EQ(kKnee.soc_after(kBatteryKwh, 0.2, 5.0, 0.0), 0.2);
}

TEST(ChargingCurve, PowerInterpolatesBetweenPoints) {
  EXPECT_DOUBLE_EQ(kRealistic.power_kw(0.0, kInf), 50.0);
  EXPECT_DOUBLE_EQ(kRealistic.power_kw(0.05, kInf), 85.0);
  EXPECT_DOUBLE_EQ(kRealistic.power_kw(0.3, kInf), 150.0);
  EXPECT_DOUBLE_EQ(kRealistic.power_kw(0.875, kInf), 47.5);
  EXPECT_EQ(kRealistic.power_kw(1.0, kInf), 0.0);
  EXPECT_DOUBLE_EQ(kRealistic.power_kw(0.05, 60.0), 60.0);
  EXPECT_EQ(kKnee.points().size(), 3u);
  EXPECT_DOUBLE_EQ(kKnee.points()[2].power_kw, 30.0);
}

TEST(ChargingCurve, BadPointsAreRefusedWithTheReason) {
  EXPECT_EQ(error_of([] { ChargingCurve({{0.0, 50.0}}); }), "ChargingCurve: needs at least 2 points, got 1");
  EXPECT_EQ(error_of([] { ChargingCurve({{0.0, 50.0}, {0.6, 40.0}, {0.4, 30.0}, {1.0, 10.0}}); }),
            "ChargingCurve: soc must increase strictly; point 2 has soc 0.4 after 0.6");
  EXPECT_EQ(error_of([] { ChargingCurve({{0.0, 50.0}, {0.5, 40.0}, {0.5, 30.0}, {1.0, 10.0}}); }),
            "ChargingCurve: soc must increase strictly; point 2 has soc 0.5 after 0.5");
  EXPECT_EQ(error_of([] { ChargingCurve({{0.1, 50.0}, {1.0, 10.0}}); }), "ChargingCurve: the first point must be at soc 0, got 0.1");
  EXPECT_EQ(error_of([] { ChargingCurve({{0.0, 50.0}, {0.9, 10.0}}); }), "ChargingCurve: the last point must be at soc 1, got 0.9");
  EXPECT_EQ(error_of([] { ChargingCurve({{0.0, 50.0}, {0.5, -5.0}, {1.0, 10.0}}); }),
            "ChargingCurve: point 1 has power -5 kW; it must be finite and >= 0");
  EXPECT_EQ(error_of([] { ChargingCurve::knee(150.0, 1.0, 0.2); }), "ChargingCurve::knee: knee_soc must be in (0, 1), got 1");
  EXPECT_EQ(error_of([] { ChargingCurve::knee(150.0, 0.5, 1.5); }),
            "ChargingCurve::knee: power_at_full_fraction must be in [0, 1], got 1.5");
  EXPECT_EQ(error_of([] { ChargingCurve::knee(-1.0, 0.5, 0.2); }), "ChargingCurve::knee: max_power_kw must be >= 0, got -1");
}

TEST(ChargingCurve, BadArgumentsAreRefusedWithTheReason) {
  EXPECT_EQ(error_of([] { kKnee.hours_to_charge(kBatteryKwh, 0.8, 0.5, 50.0); }),
            "ChargingCurve::hours_to_charge: soc_from 0.8 is above soc_to 0.5");
  EXPECT_EQ(error_of([] { kKnee.hours_to_charge(0.0, 0.2, 0.5, 50.0); }),
            "ChargingCurve::hours_to_charge: battery_kwh must be > 0, got 0");
  EXPECT_EQ(error_of([] { kKnee.hours_to_charge(kBatteryKwh, 0.2, 1.2, 50.0); }),
            "ChargingCurve::hours_to_charge: soc_to must be in [0, 1], got 1.2");
  EXPECT_EQ(error_of([] { kKnee.hours_to_charge(kBatteryKwh, 0.2, 0.5, -3.0); }),
            "ChargingCurve::hours_to_charge: limit_kw must be >= 0, got -3");
  EXPECT_EQ(error_of([] { kKnee.soc_after(kBatteryKwh, -0.1, 1.0, 50.0); }),
            "ChargingCurve::soc_after: soc_from must be in [0, 1], got -0.1");
  EXPECT_EQ(error_of([] { kKnee.soc_after(kBatteryKwh, 0.2, -1.0, 50.0); }),
            "ChargingCurve::soc_after: hours must be finite and >= 0, got -1");
  EXPECT_EQ(error_of([] { kKnee.soc_after(kBatteryKwh, 0.2, kInf, 50.0); }),
            "ChargingCurve::soc_after: hours must be finite and >= 0, got inf");
  EXPECT_EQ(error_of([] { kKnee.power_kw(1.5, 50.0); }), "ChargingCurve::power_kw: soc must be in [0, 1], got 1.5");
}

}  // namespace
}  // namespace evsim::models::fleet
