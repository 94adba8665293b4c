#pragma once
// Time-of-use tariffs (峰谷平: peak, flat, valley) and the cheapest-hours (valley filling) plan.
// Times are sim::Time (ms since midnight of day 0); a tariff repeats every day.
//
// A tariff is a list of daily periods [from, to) with an energy price each, covering 24 h without
// overlap (a period with to < from runs past midnight), plus a service fee per kWh. The cost of a
// session that draws grid energy E(t) is
//
//   cost = sum over periods k of (price_k + service_fee) * (E(end of k within the session) - E(start of k)),
//
// i.e. exact whatever the power does between price boundaries: only the energy drawn inside each
// price period matters. A station without a tariff is a flat tariff at its price_per_kwh, no fee.
#include <optional>
#include <string>
#include <vector>

#include "sim/time.hpp"

namespace evsim::models::charging {

struct TariffPeriod {
  sim::Duration from{};  // time of day, [0, 24 h)
  sim::Duration to{};    // time of day, (0, 24 h]; to < from: past midnight
  double price_per_kwh = 0.0;
};

class Tariff {
 public:
  // Flat: one price all day.
  static Tariff flat(std::string name, double price_per_kwh, double service_fee_per_kwh = 0.0);
  // Throws std::invalid_argument with what is wrong ("periods overlap at 10:00", "periods leave
  // 11:00 to 12:00 uncovered") unless the periods cover 24 h without overlap.
  Tariff(std::string name, std::vector<TariffPeriod> periods, double service_fee_per_kwh);

  const std::string& name() const { return name_; }
  double service_fee_per_kwh() const { return service_fee_; }
  // Energy price at t (without the service fee).
  double price_at(sim::Time t) const;
  // The first price boundary strictly after t (a time where the period changes).
  sim::Time next_boundary(sim::Time t) const;
  // Energy price + service fee for constant power p_kw over [t0, t1): sum of price * p * hours.
  double cost_at_constant_power(sim::Time t0, sim::Time t1, double grid_power_kw) const;
  // Whether a price boundary falls in (t0, t1).
  bool flat_between(sim::Time t0, sim::Time t1) const { return next_boundary(t0) >= t1; }
  // Daily boundaries (times of day where the price changes), sorted; empty for a flat tariff.
  const std::vector<sim::Duration>& boundaries() const { return bounds_; }

 private:
  Tariff() = default;
  std::string name_;
  // Piecewise constant over [0, 24 h): price_[i] on [bounds_[i-1], bounds_[i]) cyclically.
  std::vector<sim::Duration> bounds_;  // sorted, distinct, in [0, 24 h)
  std::vector<double> price_;          // price_[i] from bounds_[i] to the next bound
  double flat_price_ = 0.0;            // when bounds_ is empty
  double service_fee_ = 0.0;
};

// Checks daily periods: std::nullopt when they cover [0, 24 h) exactly once, else the message.
std::optional<std::string> check_periods(const std::vector<TariffPeriod>& periods);

// One window of a charging plan: charge at full power from `from` to `to`.
struct ChargeWindow {
  sim::Time from;
  sim::Time to;
};

// Cheapest hours (valley filling): the windows in [now, departure) in which to charge at full power
// for `needed` in all (the time the vehicle's curve takes at its full limit: pausing does not change
// the curve, so the plan is exact), filling the cheapest price periods first
// and, among equal prices, the latest (so the vehicle stays flexible longest; within the last window
// used, charging starts as late as it can and ends at the period's end). Sorted by time; adjacent
// windows are merged. When needed >= departure - now, the whole of it is one window (as soon as
// possible) and what is missing at departure is the shortfall.
std::vector<ChargeWindow> cheapest_windows(const Tariff& tariff, sim::Time now, sim::Time departure, sim::Duration needed);

}  // namespace evsim::models::charging
