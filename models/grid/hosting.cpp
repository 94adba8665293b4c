#include "models/grid/hosting.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace evsim::models::grid {
namespace {

HostingLimit limit_of(ViolationKind kind) {
  switch (kind) {
    case ViolationKind::under_voltage: return HostingLimit::under_voltage;
    case ViolationKind::over_voltage: return HostingLimit::over_voltage;
    case ViolationKind::line_overload: return HostingLimit::line_overload;
    case ViolationKind::transformer_overload: return HostingLimit::transformer_overload;
  }
  return HostingLimit::none;
}

struct Failure {
  HostingLimit limit;
  std::uint32_t element;
  double value;
};

// Solves the snapshot with `added_kw` at one bus and says which limit it breaks, if any.
class Trial {
 public:
  Trial(const Feeder& feeder, const HostingSettings& s)
      : feeder_(feeder), settings_(s), flow_(feeder), base_(BusLoads::background(feeder, s.load_scale)), loads_(base_) {}

  std::optional<Failure> run(BusIndex b, double added_kw) {
    loads_.p_kw[b] = base_.p_kw[b] + added_kw;
    loads_.q_kvar[b] = base_.q_kvar[b] + settings_.q_per_p * added_kw;
    flow_.solve(loads_, result_);
    ++solves_;
    loads_.p_kw[b] = base_.p_kw[b];
    loads_.q_kvar[b] = base_.q_kvar[b];
    if (!result_.converged()) return Failure{HostingLimit::no_convergence, result_.min_voltage_bus, result_.min_voltage_pu};
    if (const auto v = first_violation(feeder_, result_, settings_.limits)) {
      // Under-voltage is named by the lowest voltage, not by the first bus below the limit.
      if (v->kind == ViolationKind::under_voltage) {
        return Failure{HostingLimit::under_voltage, result_.min_voltage_bus, result_.min_voltage_pu};
      }
      return Failure{limit_of(v->kind), v->element, v->value};
    }
    return std::nullopt;
  }
  int take_solves() { return std::exchange(solves_, 0); }

 private:
  const Feeder& feeder_;
  const HostingSettings& settings_;
  PowerFlow flow_;
  BusLoads base_;
  BusLoads loads_;
  PowerFlowResult result_{};
  int solves_ = 0;
};

}  // namespace

HostingResult hosting_capacity(const Feeder& feeder, const HostingSettings& settings) {
  HostingResult out;
  out.buses.resize(feeder.bus_count());
  Trial trial(feeder, settings);
  if (const auto base = trial.run(feeder.source(), 0.0)) {
    out.base_case_violated = true;
    for (BusIndex b = 0; b < feeder.bus_count(); ++b) {
      out.buses[b] = {.bus = b, .max_added_kw = 0.0, .limit = base->limit, .element = base->element,
                      .value = base->value, .solves = b == 0 ? 1 : 0};
    }
    return out;
  }
  trial.take_solves();
  // Loads are whole multiples of step_kw: lo passes, hi fails.
  const auto max_steps = static_cast<std::uint64_t>(std::floor(settings.max_kw / settings.step_kw));
  for (BusIndex b = 0; b < feeder.bus_count(); ++b) {
    BusHosting& h = out.buses[b];
    h.bus = b;
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;
    std::optional<Failure> failure;
    for (std::uint64_t k = std::min<std::uint64_t>(128, max_steps); !failure; k = std::min(k * 2, max_steps)) {
      failure = trial.run(b, static_cast<double>(k) * settings.step_kw);
      if (failure) {
        hi = k;
      } else {
        lo = k;
        if (k == max_steps) break;
      }
    }
    if (!failure) {
      h.max_added_kw = static_cast<double>(max_steps) * settings.step_kw;
      h.limit = HostingLimit::none;
      h.solves = trial.take_solves();
      continue;
    }
    while (hi - lo > 1) {
      const std::uint64_t mid = lo + (hi - lo) / 2;
      if (auto f = trial.run(b, static_cast<double>(mid) * settings.step_kw)) {
        hi = mid;
        failure = f;
      } else {
        lo = mid;
      }
    }
    h.max_added_kw = static_cast<double>(lo) * settings.step_kw;
    h.limit = failure->limit;
    h.element = failure->element;
    h.value = failure->value;
    h.solves = trial.take_solves();
  }
  return out;
}

}  // namespace evsim::models::grid
