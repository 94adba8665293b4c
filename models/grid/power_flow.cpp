#include "models/grid/power_flow.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace evsim::models::grid {
namespace {

constexpr double kRadToDeg = 180.0 / std::numbers::pi;

bool voltage_violation(const Limits& limits, const PowerFlowResult& r, BusIndex b, Violation& out) {
  const double u = r.voltage_pu[b];
  if (u < limits.min_voltage_pu) {
    out = {ViolationKind::under_voltage, b, u, limits.min_voltage_pu};
    return true;
  }
  if (u > limits.max_voltage_pu) {
    out = {ViolationKind::over_voltage, b, u, limits.max_voltage_pu};
    return true;
  }
  return false;
}

// Calls `found` for each violation in the documented order until it returns false.
template <typename Found>
void each_violation(const Feeder& feeder, const PowerFlowResult& r, const Limits& limits, Found&& found) {
  Violation v{};
  for (BusIndex b = 0; b < feeder.bus_count(); ++b) {
    if (voltage_violation(limits, r, b, v) && !found(v)) return;
  }
  for (LineIndex l = 0; l < feeder.line_count(); ++l) {
    const double loading = r.loading[l];
    // A NaN loading (no ampacity) fails the comparison: no limit.
    if (loading > limits.max_line_loading) {
      if (!found(Violation{ViolationKind::line_overload, l, loading, limits.max_line_loading})) return;
    }
  }
  if (r.transformer_loading > limits.max_transformer_loading) {
    found(Violation{ViolationKind::transformer_overload, 0, r.transformer_loading, limits.max_transformer_loading});
  }
}

}  // namespace

BusLoads BusLoads::background(const Feeder& feeder, double scale) {
  BusLoads loads;
  loads.p_kw.reserve(feeder.bus_count());
  loads.q_kvar.reserve(feeder.bus_count());
  for (BusIndex b = 0; b < feeder.bus_count(); ++b) {
    loads.p_kw.push_back(feeder.bus(b).p_kw * scale);
    loads.q_kvar.push_back(feeder.bus(b).q_kvar * scale);
  }
  return loads;
}

PowerFlow::PowerFlow(const Feeder& feeder, SolverSettings settings) : feeder_(&feeder), settings_(settings) {
  const auto order = feeder.order();
  const std::size_t n = order.size();
  std::vector<std::uint32_t> position(n);
  for (std::size_t k = 0; k < n; ++k) position[order[k]] = static_cast<std::uint32_t>(k);
  bus_at_.assign(order.begin(), order.end());
  parent_at_.assign(n, 0);
  line_at_.assign(n, 0);
  z_pu_.assign(n, {0.0, 0.0});
  current_base_a_.assign(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    const BusIndex b = order[k];
    const double kv = feeder.bus(b).base_kv;
    current_base_a_[k] = kBaseKva / (std::numbers::sqrt3 * kv);
    if (k == 0) continue;
    parent_at_[k] = position[feeder.parent(b)];
    line_at_[k] = feeder.feeding_line(b);
    const LineSpec& line = feeder.line(line_at_[k]);
    const double z_base_ohm = kv * kv / (kBaseKva / 1000.0);
    z_pu_[k] = {line.r_ohm / z_base_ohm, line.x_ohm / z_base_ohm};
  }
  s_pu_.resize(static_cast<Eigen::Index>(n));
  v_pu_.resize(static_cast<Eigen::Index>(n));
  j_pu_.resize(static_cast<Eigen::Index>(n));
}

void PowerFlow::size_result(PowerFlowResult& out) const {
  const std::size_t n = feeder_->bus_count();
  const std::size_t m = feeder_->line_count();
  out.voltage_pu.resize(n);
  out.angle_deg.resize(n);
  out.current_a.resize(m);
  out.loading.resize(m);
  out.p_flow_kw.resize(m);
  out.q_flow_kvar.resize(m);
  out.p_loss_kw.resize(m);
  out.q_loss_kvar.resize(m);
}

void PowerFlow::finish_extremes(PowerFlowResult& out) const {
  out.min_voltage_bus = feeder_->source();
  out.min_voltage_pu = out.voltage_pu[feeder_->source()];
  for (BusIndex b = 0; b < feeder_->bus_count(); ++b) {
    if (out.voltage_pu[b] < out.min_voltage_pu) {
      out.min_voltage_pu = out.voltage_pu[b];
      out.min_voltage_bus = b;
    }
  }
  out.transformer_loading = std::hypot(out.source_p_kw, out.source_q_kvar) / feeder_->rating_kva();
  for (LineIndex l = 0; l < feeder_->line_count(); ++l) {
    const auto& ampacity = feeder_->line(l).ampacity_a;
    out.loading[l] = ampacity ? out.current_a[l] / *ampacity : std::numeric_limits<double>::quiet_NaN();
  }
}

void PowerFlow::solve(const BusLoads& loads, PowerFlowResult& out) {
  const Eigen::Index n = v_pu_.size();
  for (Eigen::Index k = 0; k < n; ++k) {
    const BusIndex b = bus_at_[static_cast<std::size_t>(k)];
    s_pu_[k] = std::complex<double>(loads.p_kw[b], loads.q_kvar[b]) / kBaseKva;
  }
  v_pu_.setConstant(std::complex<double>(feeder_->source_pu(), 0.0));
  const double tolerance_squared = settings_.tolerance_pu * settings_.tolerance_pu;
  constexpr double kCollapseSquared = kCollapsePu * kCollapsePu;

  const auto backward = [&] {
    for (Eigen::Index k = 0; k < n; ++k) j_pu_[k] = std::conj(s_pu_[k] / v_pu_[k]);
    for (Eigen::Index k = n - 1; k >= 1; --k) j_pu_[parent_at_[static_cast<std::size_t>(k)]] += j_pu_[k];
  };

  out.status = SolveStatus::not_converged;
  out.iterations = 0;
  double change_squared = 0.0;
  while (out.iterations < settings_.max_iterations) {
    ++out.iterations;
    backward();
    change_squared = 0.0;
    bool collapsed = false;
    for (Eigen::Index k = 1; k < n; ++k) {
      const std::size_t ks = static_cast<std::size_t>(k);
      const std::complex<double> next = v_pu_[parent_at_[ks]] - z_pu_[ks] * j_pu_[k];
      change_squared = std::max(change_squared, std::norm(next - v_pu_[k]));
      v_pu_[k] = next;
      // Written so that a NaN counts as collapsed.
      if (!(std::norm(next) >= kCollapseSquared)) collapsed = true;
    }
    if (collapsed || !std::isfinite(change_squared)) {
      out.status = SolveStatus::collapsed;
      break;
    }
    if (change_squared < tolerance_squared) {
      out.status = SolveStatus::converged;
      break;
    }
  }
  out.last_change_pu = std::sqrt(change_squared);
  backward();  // currents consistent with the final voltages

  size_result(out);
  out.loss_kw = 0.0;
  out.loss_kvar = 0.0;
  for (Eigen::Index k = 0; k < n; ++k) {
    const std::size_t ks = static_cast<std::size_t>(k);
    const BusIndex b = bus_at_[ks];
    out.voltage_pu[b] = std::abs(v_pu_[k]);
    out.angle_deg[b] = std::arg(v_pu_[k]) * kRadToDeg;
    if (k == 0) continue;
    const LineIndex l = line_at_[ks];
    const std::complex<double> flow = v_pu_[parent_at_[ks]] * std::conj(j_pu_[k]) * kBaseKva;
    const std::complex<double> loss = z_pu_[ks] * std::norm(j_pu_[k]) * kBaseKva;
    out.current_a[l] = std::abs(j_pu_[k]) * current_base_a_[ks];
    out.p_flow_kw[l] = flow.real();
    out.q_flow_kvar[l] = flow.imag();
    out.p_loss_kw[l] = loss.real();
    out.q_loss_kvar[l] = loss.imag();
    out.loss_kw += loss.real();
    out.loss_kvar += loss.imag();
  }
  const std::complex<double> source = v_pu_[0] * std::conj(j_pu_[0]) * kBaseKva;
  out.source_p_kw = source.real();
  out.source_q_kvar = source.imag();
  finish_extremes(out);
}

PowerFlowResult PowerFlow::solve(const BusLoads& loads) {
  PowerFlowResult out;
  solve(loads, out);
  return out;
}

std::vector<Violation> find_violations(const Feeder& feeder, const PowerFlowResult& result, const Limits& limits) {
  std::vector<Violation> out;
  each_violation(feeder, result, limits, [&](const Violation& v) {
    out.push_back(v);
    return true;
  });
  return out;
}

std::optional<Violation> first_violation(const Feeder& feeder, const PowerFlowResult& result, const Limits& limits) {
  std::optional<Violation> out;
  each_violation(feeder, result, limits, [&](const Violation& v) {
    out = v;
    return false;
  });
  return out;
}

}  // namespace evsim::models::grid
