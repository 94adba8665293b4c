#include "models/charging/tariff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace evsim::models::charging {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::string clock(std::int64_t ms) {
  const std::int64_t s = ms / 1000;
  if (s % 60 != 0) return fmt::format("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{:02}:{:02}", s / 3600, s / 60 % 60);
}

std::int64_t ms_of_day(sim::Time t) {
  const std::int64_t ms = sim::to_ms(t) % kDayMs;
  return ms < 0 ? ms + kDayMs : ms;
}

}  // namespace

std::optional<std::string> check_periods(const std::vector<TariffPeriod>& periods) {
  if (periods.empty()) return std::string("no periods: they must cover 24 h");
  // Unroll to [from, to) intervals in [0, 24 h), split at midnight.
  std::vector<std::pair<std::int64_t, std::int64_t>> iv;
  for (const TariffPeriod& p : periods) {
    const std::int64_t a = p.from.count(), b = p.to.count();
    if (a < 0 || a >= kDayMs || b <= 0 || b > kDayMs) return fmt::format("a period {} to {} is not within a day", clock(a), clock(b));
    if (a == b) return fmt::format("a period {} to {} is empty", clock(a), clock(b));
    if (a < b) {
      iv.emplace_back(a, b);
    } else {
      iv.emplace_back(a, kDayMs);
      if (b > 0) iv.emplace_back(0, b);
    }
  }
  std::sort(iv.begin(), iv.end());
  std::int64_t covered = 0;
  for (const auto& [a, b] : iv) {
    if (a < covered) return fmt::format("periods overlap at {}", clock(a));
    if (a > covered) return fmt::format("periods leave {} to {} uncovered", clock(covered), clock(a));
    covered = b;
  }
  if (covered < kDayMs) return fmt::format("periods leave {} to 24:00 uncovered", clock(covered));
  return std::nullopt;
}

Tariff Tariff::flat(std::string name, double price_per_kwh, double service_fee_per_kwh) {
  Tariff t;
  t.name_ = std::move(name);
  t.flat_price_ = price_per_kwh;
  t.service_fee_ = service_fee_per_kwh;
  return t;
}

Tariff::Tariff(std::string name, std::vector<TariffPeriod> periods, double service_fee_per_kwh)
    : name_(std::move(name)), service_fee_(service_fee_per_kwh) {
  if (const auto error = check_periods(periods)) throw std::invalid_argument(*error);
  // Price on every elementary piece, then keep only the bounds where the price changes.
  std::vector<std::pair<std::int64_t, double>> starts;  // piece start -> price
  for (const TariffPeriod& p : periods) {
    starts.emplace_back(p.from.count(), p.price_per_kwh);
    if (p.to.count() < p.from.count() && p.to.count() > 0) starts.emplace_back(0, p.price_per_kwh);
  }
  std::sort(starts.begin(), starts.end());
  const double last_price = starts[starts.size() - 1].second;  // what runs into midnight (check_periods: not empty)
  double previous = last_price;
  for (const auto& [at, price] : starts) {
    if (price == previous) continue;
    bounds_.push_back(sim::Duration{at});
    price_.push_back(price);
    previous = price;
  }
  if (bounds_.empty()) flat_price_ = last_price;
}

double Tariff::price_at(sim::Time t) const {
  if (bounds_.empty()) return flat_price_;
  const sim::Duration d{ms_of_day(t)};
  const auto it = std::upper_bound(bounds_.begin(), bounds_.end(), d);
  if (it == bounds_.begin()) return price_.back();  // before the first bound: the period past midnight
  return price_[static_cast<std::size_t>(it - bounds_.begin()) - 1];
}

sim::Time Tariff::next_boundary(sim::Time t) const {
  if (bounds_.empty()) return sim::kTimeMax;
  const std::int64_t day_start = sim::to_ms(t) - ms_of_day(t);
  const sim::Duration d{ms_of_day(t)};
  const auto it = std::upper_bound(bounds_.begin(), bounds_.end(), d);
  if (it != bounds_.end()) return sim::time_at_ms(day_start + it->count());
  return sim::time_at_ms(day_start + kDayMs + bounds_.front().count());
}

double Tariff::cost_at_constant_power(sim::Time t0, sim::Time t1, double grid_power_kw) const {
  double cost = 0.0;
  for (sim::Time a = t0; a < t1;) {
    const sim::Time b = std::min(next_boundary(a), t1);
    cost += (price_at(a) + service_fee_) * grid_power_kw * sim::to_hours(b - a);
    a = b;
  }
  return cost;
}

std::vector<ChargeWindow> cheapest_windows(const Tariff& tariff, sim::Time now, sim::Time departure, sim::Duration needed) {
  std::vector<ChargeWindow> out;
  if (needed <= sim::Duration::zero() || departure <= now) return out;
  if (needed >= departure - now) return {{now, departure}};
  struct Piece {
    sim::Time from, to;
    double price;
  };
  std::vector<Piece> pieces;
  for (sim::Time a = now; a < departure;) {
    const sim::Time b = std::min(tariff.next_boundary(a), departure);
    pieces.push_back({a, b, tariff.price_at(a)});
    a = b;
  }
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) {
    return x.price != y.price ? x.price < y.price : x.from > y.from;
  });
  sim::Duration left = needed;
  for (const Piece& p : pieces) {
    if (left <= sim::Duration::zero()) break;
    const sim::Duration take = std::min(left, p.to - p.from);
    out.push_back({p.to - take, p.to});
    left -= take;
  }
  std::sort(out.begin(), out.end(), [](const ChargeWindow& x, const ChargeWindow& y) { return x.from < y.from; });
  std::vector<ChargeWindow> merged;
  for (const ChargeWindow& w : out) {
    if (!merged.empty() && merged.back().to == w.from) {
      merged.back().to = w.to;
    } else {
      merged.push_back(w);
    }
  }
  return merged;
}

}  // namespace evsim::models::charging
