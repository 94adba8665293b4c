#include "models/grid/feeder_monitor.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace evsim::models::grid {
namespace {

constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

std::size_t hour_of_day(sim::Time t) {
  const auto since_start = t - sim::kTimeZero;
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(since_start).count();
  return static_cast<std::size_t>(((hours % 24) + 24) % 24);
}

}  // namespace

FeederMonitor::FeederMonitor(sim::Simulator& simulator, const GridSetup& setup, charging::SessionPool& pool,
                             sim::Duration sample_interval, sim::Time horizon, Limits limits)
    : sim_(simulator), setup_(&setup), pool_(pool), interval_(sample_interval), horizon_(horizon), limits_(limits) {
  state_.reserve(setup.feeders.size());
  for (const AttachedFeeder& af : setup.feeders) {
    const Feeder& f = af.feeder;
    state_.push_back(FeederState{.flow = PowerFlow(f),
                                 .loads = BusLoads::background(f),
                                 .result = {},
                                 .under = std::vector<Open>(f.bus_count()),
                                 .over = std::vector<Open>(f.bus_count()),
                                 .line = std::vector<Open>(f.line_count()),
                                 .transformer = {}});
  }
  pool_.plugged_in.connect([this](const charging::PlugInEvent& e) {
    if (e.station == road::kInvalid || e.station >= setup_->station_bus.size()) return;
    const StationBus sb = setup_->station_bus[e.station];
    if (sb.feeder == kNoFeeder) return;
    if (e.vehicle >= slot_.size()) {
      slot_.resize(e.vehicle + 1, kNoSlot);
      at_.resize(e.vehicle + 1);
    }
    slot_[e.vehicle] = static_cast<std::uint32_t>(active_.size());
    at_[e.vehicle] = sb;
    active_.push_back(e.vehicle);
  });
  pool_.unplugged.connect([this](const charging::UnplugEvent& e) {
    if (e.vehicle >= slot_.size() || slot_[e.vehicle] == kNoSlot) return;
    const std::uint32_t s = slot_[e.vehicle];
    const VehicleId moved = active_.back();
    active_[s] = moved;
    slot_[moved] = s;
    active_.pop_back();
    slot_[e.vehicle] = kNoSlot;
  });
}

void FeederMonitor::add_bus_power(StationBus at, std::function<double()> kw) {
  if (at.feeder >= state_.size() || at.bus >= setup_->feeders[at.feeder].feeder.bus_count()) {
    throw std::invalid_argument("FeederMonitor::add_bus_power: no such feeder bus");
  }
  bus_power_.push_back(BusPower{.at = at, .kw = std::move(kw)});
}

void FeederMonitor::start() {
  if (state_.empty() || interval_.count() <= 0) return;
  sim_.schedule_at(sim_.now(), [this] { sample(); });
}

void FeederMonitor::sample() {
  const std::size_t hour = hour_of_day(sim_.now());
  for (std::uint32_t f = 0; f < state_.size(); ++f) {
    const AttachedFeeder& af = setup_->feeders[f];
    const double m = af.hourly_multiplier.empty() ? 1.0 : af.hourly_multiplier[hour];
    BusLoads& loads = state_[f].loads;
    for (BusIndex b = 0; b < af.feeder.bus_count(); ++b) {
      loads.p_kw[b] = m * af.feeder.bus(b).p_kw;
      loads.q_kvar[b] = m * af.feeder.bus(b).q_kvar;
    }
  }


  const std::size_t first = samples_.size();
  for (std::uint32_t f = 0; f < state_.size(); ++f) {
    samples_.push_back(FeederSample{.time = sim_.now(), .feeder = f, .ev_kw = 0.0, .site_kw = 0.0, .load_kw = 0.0, .source_kva = 0.0,
                                    .transformer_loading = 0.0, .min_voltage_pu = 0.0, .min_voltage_bus = kNoBus,
                                    .loss_kw = 0.0, .status = SolveStatus::not_converged});
  }
  for (const VehicleId v : active_) {
    const StationBus sb = at_[v];
    const double grid_kw = pool_.power_kw(v) / pool_.efficiency(v);
    state_[sb.feeder].loads.p_kw[sb.bus] += grid_kw;
    samples_[first + sb.feeder].ev_kw += grid_kw;
  }
  for (const BusPower& bp : bus_power_) {
    const double kw = bp.kw();
    state_[bp.at.feeder].loads.p_kw[bp.at.bus] += kw;
    samples_[first + bp.at.feeder].site_kw += kw;
  }
  for (std::uint32_t f = 0; f < state_.size(); ++f) {
    FeederSample& s = samples_[first + f];
    const FeederState& st = state_[f];
    for (const double p : st.loads.p_kw) s.load_kw += p;
    solve_feeder(f);
    const PowerFlowResult& r = st.result;
    s.status = r.status;
    s.source_kva = std::hypot(r.source_p_kw, r.source_q_kvar);
    s.transformer_loading = r.transformer_loading;
    s.min_voltage_pu = r.min_voltage_pu;
    s.min_voltage_bus = r.min_voltage_bus;
    s.loss_kw = r.loss_kw;
  }
  if (sim_.now() + interval_ <= horizon_) sim_.schedule(interval_, [this] { sample(); });
}

void FeederMonitor::solve_feeder(std::uint32_t f) {
  FeederState& st = state_[f];
  st.flow.solve(st.loads, st.result);
  const PowerFlowResult& r = st.result;
  const bool ok = r.converged();
  const Feeder& feeder = setup_->feeders[f].feeder;
  for (BusIndex b = 0; b < feeder.bus_count(); ++b) {
    const double v = r.voltage_pu[b];
    track(f, ViolationKind::under_voltage, b, st.under[b], ok && v < limits_.min_voltage_pu, v);
    track(f, ViolationKind::over_voltage, b, st.over[b], ok && v > limits_.max_voltage_pu, v);
  }
  for (LineIndex l = 0; l < feeder.line_count(); ++l) {
    const double loading = r.loading[l];
    const bool broken = ok && std::isfinite(loading) && loading > limits_.max_line_loading;
    track(f, ViolationKind::line_overload, l, st.line[l], broken, loading);
  }
  track(f, ViolationKind::transformer_overload, 0, st.transformer,
        ok && r.transformer_loading > limits_.max_transformer_loading, r.transformer_loading);
}

void FeederMonitor::track(std::uint32_t f, ViolationKind kind, std::uint32_t element, Open& open, bool broken,
                          double value) {
  const bool lower_is_worse = kind == ViolationKind::under_voltage;
  if (broken) {
    if (!open.active) {
      open = Open{.active = true, .start = sim_.now(), .last = sim_.now(), .worst = value};
    } else {
      open.last = sim_.now();
      open.worst = lower_is_worse ? std::min(open.worst, value) : std::max(open.worst, value);
    }
  } else if (open.active) {
    close(f, kind, element, open);
  }
}

void FeederMonitor::close(std::uint32_t f, ViolationKind kind, std::uint32_t element, Open& open) {
  const sim::Time end = std::min(open.last + interval_, horizon_);
  violations_.push_back(GridViolationEvent{.feeder = f, .kind = kind, .element = element, .start = open.start,
                                           .duration = std::max(end - open.start, sim::Duration{0}), .worst = open.worst});
  open.active = false;
}

void FeederMonitor::finish() {
  for (std::uint32_t f = 0; f < state_.size(); ++f) {
    FeederState& st = state_[f];
    for (BusIndex b = 0; b < st.under.size(); ++b) {
      if (st.under[b].active) close(f, ViolationKind::under_voltage, b, st.under[b]);
      if (st.over[b].active) close(f, ViolationKind::over_voltage, b, st.over[b]);
    }
    for (LineIndex l = 0; l < st.line.size(); ++l) {
      if (st.line[l].active) close(f, ViolationKind::line_overload, l, st.line[l]);
    }
    if (st.transformer.active) close(f, ViolationKind::transformer_overload, 0, st.transformer);
  }
  std::stable_sort(violations_.begin(), violations_.end(), [](const GridViolationEvent& a, const GridViolationEvent& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.feeder != b.feeder) return a.feeder < b.feeder;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.element < b.element;
  });
}

}  // namespace evsim::models::grid
