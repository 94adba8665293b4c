#include "models/grid/site_energy.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <utility>

namespace evsim::models::grid {
namespace {

constexpr sim::Duration kDay = std::chrono::hours(24);

sim::Duration time_of_day(sim::Time t) { return t.time_since_epoch() % kDay; }

// SoC this close to a limit counts as at the limit (the limit events set it exactly).
constexpr double kSocEpsilon = 1e-12;

// Battery energy in minus out, grid side.
double battery_net_kwh(const SiteEnergyTotals& t) { return t.charge_kwh - t.discharge_kwh; }

void check_profile(const DailyProfile& p) {
  if (p.starts.empty() || p.starts.size() != p.values.size() || p.starts.front() != sim::Duration{0}) {
    throw std::invalid_argument("a daily profile needs as many values as starts, the first start at 00:00");
  }
  for (std::size_t i = 0; i < p.starts.size(); ++i) {
    if (i > 0 && p.starts[i] <= p.starts[i - 1]) throw std::invalid_argument("daily profile starts must ascend");
    if (p.starts[i] >= kDay) throw std::invalid_argument("daily profile starts must be before 24:00");
    if (!(p.values[i] >= 0.0 && p.values[i] <= 1.0)) throw std::invalid_argument("daily profile values must be in [0, 1]");
  }
}

}  // namespace

SiteEnergy::SiteEnergy(sim::Simulator& simulator, std::vector<SiteEnergySpec> sites, std::vector<GridEventSpec> events)
    : sim_(simulator), events_(std::move(events)), open_(events_.size(), false) {
  sites_.reserve(sites.size());
  for (SiteEnergySpec& spec : sites) {
    check_profile(spec.pv_profile);
    Site s;
    s.spec = std::move(spec);
    const double soc0 = s.spec.storage ? s.spec.storage->initial_soc : 0.0;
    s.actual.soc = soc0;
    s.base.soc = soc0;
    s.actual.totals.soc = soc0;
    s.base.totals.soc = soc0;
    s.event_start_actual.assign(events_.size(), 0.0);
    s.event_start_base.assign(events_.size(), 0.0);
    s.event_start_cut.assign(events_.size(), 0.0);
    s.event_start_battery.assign(events_.size(), 0.0);
    sites_.push_back(std::move(s));
  }
  driver_costs_.assign(events_.size() * sites_.size(), DriverCost{});
  for (const GridEventSpec& e : events_) {
    if (e.to <= e.from) throw std::invalid_argument("a grid event must end after it starts");
    for (std::uint32_t i : e.sites) {
      if (i >= sites_.size()) throw std::invalid_argument("a grid event names a site that does not exist");
    }
    if (!e.site_reduce_kw.empty() && e.site_reduce_kw.size() != e.sites.size()) {
      throw std::invalid_argument("a grid event's per-site requests must match its sites");
    }
    for (const double kw : e.site_reduce_kw) {
      if (!(kw >= 0.0) || std::isinf(kw)) throw std::invalid_argument("a grid event's per-site request must be finite and >= 0");
    }
  }
}

double SiteEnergy::profile_value(const DailyProfile& p, sim::Duration tod) {
  const auto it = std::upper_bound(p.starts.begin(), p.starts.end(), tod);
  return p.values[static_cast<std::size_t>(it - p.starts.begin()) - 1];
}

bool SiteEnergy::in_valley(const Site& s, sim::Duration tod) const {
  if (!s.spec.valley) return false;
  const auto [from, to] = std::pair(s.spec.valley->from, s.spec.valley->to);
  return from < to ? (tod >= from && tod < to) : (tod >= from || tod < to);
}

double SiteEnergy::grid_kw(std::uint32_t i) const {
  const Site& s = sites_[i];
  return s.ev_kw - s.pv_kw + s.actual.battery_kw;
}

double SiteEnergy::pv_storage_kw(std::uint32_t i) const {
  const Site& s = sites_[i];
  const double g = grid_kw(i);
  return (g < 0.0 && !s.spec.export_allowed ? 0.0 : g) - s.ev_kw;
}

void SiteEnergy::start() {
  const sim::Time now = sim_.now();
  for (std::uint32_t i = 0; i < sites_.size(); ++i) {
    Site& s = sites_[i];
    s.last = now;
    s.pv_kw = s.spec.pv_kwp * profile_value(s.spec.pv_profile, time_of_day(now));
    s.valley = in_valley(s, time_of_day(now));
    if (s.spec.pv_kwp > 0.0) schedule_profile(i);
    if (s.spec.valley) schedule_valley(i);
    redispatch(i);
  }
  for (std::uint32_t e = 0; e < events_.size(); ++e) {
    sim_.schedule_at(std::max(events_[e].from, now), [this, e] { begin_event(e); });
    sim_.schedule_at(std::max(events_[e].to, now), [this, e] { end_event(e); });
  }
}

void SiteEnergy::schedule_profile(std::uint32_t i) {
  const DailyProfile& p = sites_[i].spec.pv_profile;
  const sim::Duration tod = time_of_day(sim_.now());
  const auto it = std::upper_bound(p.starts.begin(), p.starts.end(), tod);
  const sim::Duration next = it == p.starts.end() ? kDay : *it;
  sim_.schedule(next - tod, [this, i] {
    Site& s = sites_[i];
    advance(s);
    s.pv_kw = s.spec.pv_kwp * profile_value(s.spec.pv_profile, time_of_day(sim_.now()));
    redispatch(i);
    schedule_profile(i);
  });
}

void SiteEnergy::schedule_valley(std::uint32_t i) {
  const ValleyHours& v = *sites_[i].spec.valley;
  const sim::Duration tod = time_of_day(sim_.now());
  auto ahead = [tod](sim::Duration edge) { return edge > tod ? edge - tod : edge + kDay - tod; };
  sim_.schedule(std::min(ahead(v.from), ahead(v.to)), [this, i] {
    Site& s = sites_[i];
    advance(s);
    s.valley = in_valley(s, time_of_day(sim_.now()));
    redispatch(i);
    schedule_valley(i);
  });
}

void SiteEnergy::set_ev_load_kw(std::uint32_t i, double kw, double curtailed_kw) {
  Site& s = sites_[i];
  if (kw == s.ev_kw && curtailed_kw == s.curtailed_kw) return;
  advance(s);
  s.ev_kw = kw;
  s.curtailed_kw = curtailed_kw;
  redispatch(i);
}

std::uint32_t SiteEnergy::open_event_at(std::uint32_t i) const {
  for (std::uint32_t e = 0; e < events_.size(); ++e) {
    if (!open_[e]) continue;
    const std::vector<std::uint32_t>& at = events_[e].sites;
    if (std::find(at.begin(), at.end(), i) != at.end()) return e;
  }
  return static_cast<std::uint32_t>(events_.size());
}

void SiteEnergy::add_driver_cost(std::uint32_t e, std::uint32_t i, double not_delivered_kwh, double time_added_h) {
  DriverCost& c = driver_costs_.at(static_cast<std::size_t>(e) * sites_.size() + i);
  ++c.sessions;
  c.not_delivered_kwh += not_delivered_kwh;
  c.time_added_h += time_added_h;
}


void SiteEnergy::begin_event(std::uint32_t e) {
  const GridEventSpec& ev = events_[e];
  open_[e] = true;
  for (std::size_t k = 0; k < ev.sites.size(); ++k) {
    const std::uint32_t i = ev.sites[k];
    Site& s = sites_[i];
    advance(s);
    s.event_start_actual[e] = s.actual.totals.import_kwh;
    s.event_start_base[e] = s.base.totals.import_kwh;
    s.event_start_cut[e] = s.actual.totals.ev_curtailed_kwh;
    s.event_start_battery[e] = battery_net_kwh(s.base.totals) - battery_net_kwh(s.actual.totals);
    s.reduce_kw += ev.asked_kw(k);
    redispatch(i);
  }
}

void SiteEnergy::end_event(std::uint32_t e) {
  if (!open_[e]) return;
  const GridEventSpec& ev = events_[e];
  open_[e] = false;
  const double hours = sim::to_hours(sim_.now() - std::max(ev.from, sim::kTimeZero));
  for (std::size_t k = 0; k < ev.sites.size(); ++k) {
    const std::uint32_t i = ev.sites[k];
    Site& s = sites_[i];
    advance(s);
    const double actual = s.actual.totals.import_kwh - s.event_start_actual[e];
    const double base = s.base.totals.import_kwh - s.event_start_base[e];
    results_.push_back(GridEventResult{.event = e,
                                       .site = i,
                                       .requested_kwh = ev.asked_kw(k) * hours,
                                       .delivered_kwh = base - actual,
                                       .hours = hours,
                                       .ev_curtailed_kwh = s.actual.totals.ev_curtailed_kwh - s.event_start_cut[e],
                                       .storage_kwh = battery_net_kwh(s.base.totals) -
                                                      battery_net_kwh(s.actual.totals) - s.event_start_battery[e]});
    s.reduce_kw -= ev.asked_kw(k);
    if (s.reduce_kw < 1e-9) s.reduce_kw = 0.0;
    redispatch(i);
  }
}

void SiteEnergy::finish() {
  for (std::uint32_t e = 0; e < events_.size(); ++e) {
    if (open_[e]) end_event(e);  // cut at the end of the run
  }
  for (Site& s : sites_) advance(s);
}

void SiteEnergy::integrate(const Site& s, Dispatch& d, double ev_kw, double hours) const {
  SiteEnergyTotals& t = d.totals;
  const double b = d.battery_kw;
  const double g = ev_kw - s.pv_kw + b;
  t.ev_kwh += ev_kw * hours;
  t.pv_kwh += s.pv_kw * hours;
  if (g > 0.0) {
    t.import_kwh += g * hours;
    if (hours > 0.0) t.peak_import_kw = std::max(t.peak_import_kw, g);
  } else if (s.spec.export_allowed) {
    t.export_kwh -= g * hours;
  } else {
    t.curtailed_kwh -= g * hours;
  }
  if (!s.spec.storage || b == 0.0) return;
  const StorageSpec& st = *s.spec.storage;
  const double one_way = std::sqrt(st.round_trip_efficiency);
  if (b > 0.0) {
    t.charge_kwh += b * hours;
    t.loss_kwh += b * hours * (1.0 - one_way);
    d.soc += b * one_way * hours / st.capacity_kwh;
  } else {
    t.discharge_kwh -= b * hours;
    t.loss_kwh -= b * hours * (1.0 / one_way - 1.0);
    d.soc += b / one_way * hours / st.capacity_kwh;
  }
  d.soc = std::clamp(d.soc, st.min_soc, st.max_soc);
  t.soc = d.soc;
}

void SiteEnergy::advance(Site& s) {
  const sim::Time now = sim_.now();
  const double hours = sim::to_hours(now - s.last);
  if (hours > 0.0) {
    integrate(s, s.actual, s.ev_kw, hours);
    integrate(s, s.base, s.ev_kw + s.curtailed_kw, hours);
    s.actual.totals.ev_curtailed_kwh += s.curtailed_kw * hours;
  }
  s.last = now;
}

double SiteEnergy::rule_kw(const Site& s, const Dispatch& d, double ev_kw, double reduce_kw) const {
  if (!s.spec.storage) return 0.0;
  const StorageSpec& st = *s.spec.storage;
  const double n = ev_kw - s.pv_kw;
  const bool can_charge = d.soc < st.max_soc - kSocEpsilon;
  const bool can_discharge = d.soc > st.min_soc + kSocEpsilon;
  double b = 0.0;
  if (can_charge) {
    if (n < 0.0) b = std::min(st.power_kw, -n);
    if (s.valley) b = std::max(b, std::min(st.power_kw, std::max(0.0, st.shave_above_kw - n)));
  }
  if (b == 0.0 && can_discharge && n > st.shave_above_kw) b = -std::min(st.power_kw, n - st.shave_above_kw);
  if (reduce_kw > 0.0 && n > 0.0) {
    b = std::max({b - reduce_kw, -st.power_kw, -n});
    if (!can_discharge) b = std::max(b, 0.0);
  }
  return b;
}

void SiteEnergy::set_battery(std::uint32_t i, Dispatch& d, double reduce_kw) {
  Site& s = sites_[i];
  const bool is_actual = &d == &s.actual;
  const double b = rule_kw(s, d, is_actual ? s.ev_kw : s.ev_kw + s.curtailed_kw, reduce_kw);
  d.battery_kw = b;
  if (is_actual) {
    records_.push_back(SiteEnergyRecord{.time = sim_.now(),
                                        .site = i,
                                        .ev_kw = s.ev_kw,
                                        .pv_kw = s.pv_kw,
                                        .battery_kw = b,
                                        .soc = d.soc,
                                        .ev_curtailed_kw = s.curtailed_kw});
  }
  sim_.cancel(d.limit_event);
  d.limit_event = {};
  if (b == 0.0) return;
  const StorageSpec& st = *s.spec.storage;
  const double one_way = std::sqrt(st.round_trip_efficiency);
  const double limit = b > 0.0 ? st.max_soc : st.min_soc;
  const double stored_kw = b > 0.0 ? b * one_way : b / one_way;  // rate of stored energy
  const double hours = (limit - d.soc) * st.capacity_kwh / stored_kw;
  // Rounded up to the next millisecond (a nanosecond of rounding error aside), at least 1 ms ahead.
  // A power so small that the limit lies beyond any simulated time (over a million years: a rounding
  // residue of the net load) schedules nothing; the next change of the site redispatches anyway.
  constexpr double kBeyondAnyRunMs = 3.6e16;
  const double ms_exact = std::ceil(std::max(0.0, hours) * 3'600'000.0 - 1e-6);
  if (!(ms_exact < kBeyondAnyRunMs)) return;
  const auto ms = static_cast<std::int64_t>(ms_exact);
  d.limit_event = sim_.schedule(sim::Duration{std::max<std::int64_t>(ms, 1)}, [this, i, limit, is_actual] {
    Site& site = sites_[i];
    advance(site);
    Dispatch& reached = is_actual ? site.actual : site.base;
    reached.limit_event = {};
    reached.soc = limit;  // exactly: the event time is rounded up to the next millisecond
    reached.totals.soc = limit;
    set_battery(i, reached, is_actual ? site.reduce_kw : 0.0);
    if (is_actual) publish_remaining(i);
  });
}

void SiteEnergy::redispatch(std::uint32_t i) {
  Site& s = sites_[i];
  set_battery(i, s.actual, s.reduce_kw);
  set_battery(i, s.base, 0.0);
  publish_remaining(i);
}

// What storage leaves of the request, on the uncurtailed EV load (docs/grid-model.md section 13).
void SiteEnergy::publish_remaining(std::uint32_t i) {
  Site& s = sites_[i];
  double remaining = 0.0;
  if (s.reduce_kw > 0.0) {
    const double uncurtailed = s.ev_kw + s.curtailed_kw;
    const double b0 = rule_kw(s, s.actual, uncurtailed, 0.0);
    const double b1 = rule_kw(s, s.actual, uncurtailed, s.reduce_kw);
    remaining = std::max(0.0, std::min(s.reduce_kw - (b0 - b1), uncurtailed - s.pv_kw + b1));
    if (remaining < 1e-9) remaining = 0.0;  // storage meets it (rounding aside)
  }
  // Also while the request stays, when the uncurtailed load changes (a session plugged in or left):
  // the cut must be shared out again.
  const double uncurtailed = s.ev_kw + s.curtailed_kw;
  if (remaining == s.remaining_kw && (remaining == 0.0 || uncurtailed == s.published_uncurtailed_kw)) return;
  s.remaining_kw = remaining;
  s.published_uncurtailed_kw = uncurtailed;
  if (on_remaining) on_remaining(i, remaining);
}

DailyProfile clear_sky_profile(double latitude_deg, int day_of_year, sim::Duration step) {
  constexpr double kDeg = std::numbers::pi / 180.0;
  const double phi = latitude_deg * kDeg;
  // Cooper (1969): declination = 23.45 deg * sin(360 deg * (284 + n) / 365).
  const double delta = 23.45 * kDeg * std::sin(2.0 * std::numbers::pi * (284.0 + day_of_year) / 365.0);
  const double noon = std::sin(phi) * std::sin(delta) + std::cos(phi) * std::cos(delta);  // cos(phi - delta)
  DailyProfile p;
  for (sim::Duration t{0}; t < kDay; t += step) {
    const double hour = sim::to_hours(t + step / 2);
    const double omega = 15.0 * kDeg * (hour - 12.0);  // hour angle, solar time
    const double sin_elevation = std::sin(phi) * std::sin(delta) + std::cos(phi) * std::cos(delta) * std::cos(omega);
    p.starts.push_back(t);
    p.values.push_back(noon > 0.0 ? std::clamp(sin_elevation / noon, 0.0, 1.0) : 0.0);
  }
  return p;
}

}  // namespace evsim::models::grid
