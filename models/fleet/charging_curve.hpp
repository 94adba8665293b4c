#pragma once
// A battery's charge acceptance against its state of charge, and the exact charging times it implies.
//
// Units: state of charge s is a fraction 0..1 of the battery's capacity, power in kW, energy in kWh,
// time in hours.
//
// The curve c(s) is piecewise linear through points (s_i, p_i) with s_0 = 0 < s_1 < ... < s_n = 1 and
// p_i >= 0. With a plug or vehicle limit L the battery charges at
//
//   P(s) = min(L, c(s)),   E = s * battery_kwh,   dE/dt = P(s).
//
// Time is found in closed form, never by stepping. Each piece is split where c crosses L; on a run of
// constant power P over [a, b] the time is battery_kwh * (b - a) / P, and on a run where the power
// grows linearly with slope k (kW per unit of SoC) from P(a) to P(b)
//
//   t = battery_kwh / k * ln(P(b) / P(a)),   and inversely   s(t) = a + P(a) / k * (exp(k t / battery_kwh) - 1).
//
// A run whose power is 0 at its start or that falls to 0 at its end takes infinite time, so the first
// SoC where P is 0 cannot be passed: charging approaches it and, up to rounding, never reaches it.
//
// Not modelled: charger and battery losses (the power is what the battery stores), the dependence
// on temperature, voltage and battery age, and the plug's own ramp-up.
#include <span>
#include <vector>

namespace evsim::models::fleet {

struct CurvePoint {
  double soc;
  double power_kw;
};

class ChargingCurve {
 public:
  // Throws std::invalid_argument naming the first point that breaks the rules above.
  explicit ChargingCurve(std::vector<CurvePoint> points);

  // Flat at max_power_kw up to knee_soc, then linear down to power_at_full_fraction * max_power_kw at
  // soc 1: points (0, P), (knee, P), (1, f * P). Needs P >= 0, 0 < knee < 1 and 0 <= f <= 1.
  static ChargingCurve knee(double max_power_kw, double knee_soc, double power_at_full_fraction);

  // P(s) = min(limit_kw, c(s)). soc in [0, 1], limit_kw >= 0.
  double power_kw(double soc, double limit_kw) const;

  // Hours to charge from soc_from to soc_to (0 <= soc_from <= soc_to <= 1) at this limit: 0 when
  // they are equal, else +inf when the power is 0 anywhere on [soc_from, soc_to]. battery_kwh > 0.
  double hours_to_charge(double battery_kwh, double soc_from, double soc_to, double limit_kw) const;

  // SoC after charging `hours` (finite, >= 0) from soc_from: the inverse of hours_to_charge. Never
  // above 1 and never past the first SoC at or after soc_from where the power is 0.
  double soc_after(double battery_kwh, double soc_from, double hours, double limit_kw) const;

  std::span<const CurvePoint> points() const { return points_; }

 private:
  std::vector<CurvePoint> points_;
};

}  // namespace evsim::models::fleet
