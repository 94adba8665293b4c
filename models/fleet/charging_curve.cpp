#include "models/fleet/charging_curve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace evsim::models::fleet {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A stretch of SoC on which P(s) is linear (constant when the powers are equal).
struct Run {
  double from_soc;
  double to_soc;
  double from_power_kw;
  double to_power_kw;
};

// c(s) on the piece lo..hi; exact at both ends, so a 0 kW point stays exactly 0.
double curve_at(const CurvePoint& lo, const CurvePoint& hi, double soc) {
  const double t = (soc - lo.soc) / (hi.soc - lo.soc);
  return lo.power_kw * (1.0 - t) + hi.power_kw * t;
}

// The run [a, b] of one piece on which c stays on one side of the limit.
Run clipped_run(double a, double b, double power_a_kw, double power_b_kw, double limit_kw) {
  if (std::min(power_a_kw, power_b_kw) >= limit_kw) return {a, b, limit_kw, limit_kw};
  return {a, b, power_a_kw, power_b_kw};
}

// Calls visit(run) for the runs covering [from_soc, to_soc] in order, until visit returns true.
template <class Visit>
void visit_runs(std::span<const CurvePoint> points, double from_soc, double to_soc, double limit_kw, Visit visit) {
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const CurvePoint& lo = points[i];
    const CurvePoint& hi = points[i + 1];
    if (hi.soc <= from_soc) continue;
    if (lo.soc >= to_soc) return;
    const double a = std::max(lo.soc, from_soc);
    const double b = std::min(hi.soc, to_soc);
    const double power_a_kw = curve_at(lo, hi, a);
    const double power_b_kw = curve_at(lo, hi, b);
    if ((power_a_kw - limit_kw) * (power_b_kw - limit_kw) < 0.0) {
      const double cross = std::clamp(a + (b - a) * (limit_kw - power_a_kw) / (power_b_kw - power_a_kw), a, b);
      if (visit(clipped_run(a, cross, power_a_kw, limit_kw, limit_kw))) return;
      if (visit(clipped_run(cross, b, limit_kw, power_b_kw, limit_kw))) return;
    } else if (visit(clipped_run(a, b, power_a_kw, power_b_kw, limit_kw))) {
      return;
    }
  }
}

// log1p(x) / x, which is 1 at x = 0.
double log1p_ratio(double x) { return x == 0.0 ? 1.0 : std::log1p(x) / x; }
// expm1(y) / y, which is 1 at y = 0.
double expm1_ratio(double y) { return y == 0.0 ? 1.0 : std::expm1(y) / y; }

// t = B (b - a) / (r - q) * ln(r / q), written so that it tends to B (b - a) / q as r -> q.
double run_hours(const Run& run, double battery_kwh) {
  const double q = run.from_power_kw;
  const double r = run.to_power_kw;
  if (q <= 0.0 || r <= 0.0) return kInfinity;
  return battery_kwh * (run.to_soc - run.from_soc) / q * log1p_ratio((r - q) / q);
}

// s(t) = a + q / k * (exp(k t / B) - 1) with slope k = (r - q) / (b - a); t below run_hours.
double soc_in_run(const Run& run, double battery_kwh, double hours) {
  const double q = run.from_power_kw;
  if (q <= 0.0) return run.from_soc;
  const double slope_kw = (run.to_power_kw - q) / (run.to_soc - run.from_soc);
  const double soc = run.from_soc + q * hours / battery_kwh * expm1_ratio(slope_kw * hours / battery_kwh);
  return std::min(soc, run.to_soc);
}

void check_limit(const char* where, double limit_kw) {
  if (!(limit_kw >= 0.0)) throw std::invalid_argument(fmt::format("{}: limit_kw must be >= 0, got {}", where, limit_kw));
}

void check_soc(const char* where, const char* name, double soc) {
  if (!(soc >= 0.0 && soc <= 1.0)) throw std::invalid_argument(fmt::format("{}: {} must be in [0, 1], got {}", where, name, soc));
}

void check_battery(const char* where, double battery_kwh) {
  if (!(battery_kwh > 0.0)) throw std::invalid_argument(fmt::format("{}: battery_kwh must be > 0, got {}", where, battery_kwh));
}

}  // namespace

ChargingCurve::ChargingCurve(std::vector<CurvePoint> points) : points_(std::move(points)) {
  constexpr const char* kWhere = "ChargingCurve";
  if (points_.size() < 2) throw std::invalid_argument(fmt::format("{}: needs at least 2 points, got {}", kWhere, points_.size()));
  for (std::size_t i = 0; i < points_.size(); ++i) {
    const CurvePoint& p = points_[i];
    if (!(p.power_kw >= 0.0) || std::isinf(p.power_kw))
      throw std::invalid_argument(fmt::format("{}: point {} has power {} kW; it must be finite and >= 0", kWhere, i, p.power_kw));
    if (i > 0 && !(p.soc > points_[i - 1].soc))
      throw std::invalid_argument(
          fmt::format("{}: soc must increase strictly; point {} has soc {} after {}", kWhere, i, p.soc, points_[i - 1].soc));
  }
  if (points_.front().soc != 0.0)
    throw std::invalid_argument(fmt::format("{}: the first point must be at soc 0, got {}", kWhere, points_.front().soc));
  if (points_.back().soc != 1.0)
    throw std::invalid_argument(fmt::format("{}: the last point must be at soc 1, got {}", kWhere, points_.back().soc));
}

ChargingCurve ChargingCurve::knee(double max_power_kw, double knee_soc, double power_at_full_fraction) {
  constexpr const char* kWhere = "ChargingCurve::knee";
  if (!(max_power_kw >= 0.0)) throw std::invalid_argument(fmt::format("{}: max_power_kw must be >= 0, got {}", kWhere, max_power_kw));
  if (!(knee_soc > 0.0 && knee_soc < 1.0))
    throw std::invalid_argument(fmt::format("{}: knee_soc must be in (0, 1), got {}", kWhere, knee_soc));
  if (!(power_at_full_fraction >= 0.0 && power_at_full_fraction <= 1.0))
    throw std::invalid_argument(
        fmt::format("{}: power_at_full_fraction must be in [0, 1], got {}", kWhere, power_at_full_fraction));
  return ChargingCurve({{0.0, max_power_kw}, {knee_soc, max_power_kw}, {1.0, power_at_full_fraction * max_power_kw}});
}

double ChargingCurve::power_kw(double soc, double limit_kw) const {
  check_soc("ChargingCurve::power_kw", "soc", soc);
  check_limit("ChargingCurve::power_kw", limit_kw);
  const auto hi = std::upper_bound(points_.begin() + 1, points_.end() - 1, soc,
                                   [](double s, const CurvePoint& p) { return s < p.soc; });
  return std::min(limit_kw, curve_at(*(hi - 1), *hi, soc));
}

double ChargingCurve::hours_to_charge(double battery_kwh, double soc_from, double soc_to, double limit_kw) const {
  constexpr const char* kWhere = "ChargingCurve::hours_to_charge";
  check_battery(kWhere, battery_kwh);
  check_soc(kWhere, "soc_from", soc_from);
  check_soc(kWhere, "soc_to", soc_to);
  if (soc_from > soc_to) throw std::invalid_argument(fmt::format("{}: soc_from {} is above soc_to {}", kWhere, soc_from, soc_to));
  check_limit(kWhere, limit_kw);
  double hours = 0.0;
  visit_runs(points_, soc_from, soc_to, limit_kw, [&](const Run& run) {
    hours += run_hours(run, battery_kwh);
    return std::isinf(hours);
  });
  return hours;
}

double ChargingCurve::soc_after(double battery_kwh, double soc_from, double hours, double limit_kw) const {
  constexpr const char* kWhere = "ChargingCurve::soc_after";
  check_battery(kWhere, battery_kwh);
  check_soc(kWhere, "soc_from", soc_from);
  if (!(hours >= 0.0) || std::isinf(hours))
    throw std::invalid_argument(fmt::format("{}: hours must be finite and >= 0, got {}", kWhere, hours));
  check_limit(kWhere, limit_kw);
  double soc = soc_from;
  double remaining_hours = hours;
  visit_runs(points_, soc_from, 1.0, limit_kw, [&](const Run& run) {
    const double run_h = run_hours(run, battery_kwh);
    if (remaining_hours < run_h) {
      soc = soc_in_run(run, battery_kwh, remaining_hours);
      return true;
    }
    remaining_hours -= run_h;
    soc = run.to_soc;
    return false;
  });
  return soc;
}

}  // namespace evsim::models::fleet
