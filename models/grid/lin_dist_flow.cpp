// PowerFlow::solve_linear: LinDistFlow (equations in power_flow.hpp).
#include <algorithm>
#include <cmath>
#include <numbers>

#include "models/grid/power_flow.hpp"

namespace evsim::models::grid {

void PowerFlow::solve_linear(const BusLoads& loads, PowerFlowResult& out) {
  const Eigen::Index n = v_pu_.size();
  // s_pu_ holds the loads at and beyond each bus (P_k + jQ_k), v_pu_ holds (U_k, theta_k).
  for (Eigen::Index k = 0; k < n; ++k) {
    const BusIndex b = bus_at_[static_cast<std::size_t>(k)];
    s_pu_[k] = std::complex<double>(loads.p_kw[b], loads.q_kvar[b]) / kBaseKva;
  }
  for (Eigen::Index k = n - 1; k >= 1; --k) s_pu_[parent_at_[static_cast<std::size_t>(k)]] += s_pu_[k];
  const double u0 = feeder_->source_pu() * feeder_->source_pu();
  v_pu_[0] = {u0, 0.0};
  bool collapsed = false;
  size_result(out);
  out.loss_kw = 0.0;
  out.loss_kvar = 0.0;
  for (Eigen::Index k = 1; k < n; ++k) {
    const std::size_t ks = static_cast<std::size_t>(k);
    const double r = z_pu_[ks].real();
    const double x = z_pu_[ks].imag();
    const double p = s_pu_[k].real();
    const double q = s_pu_[k].imag();
    const std::complex<double> parent = v_pu_[parent_at_[ks]];
    const double u = parent.real() - 2.0 * (r * p + x * q);
    v_pu_[k] = {u, parent.imag() - (x * p - r * q) / parent.real()};
    if (!(u >= kCollapsePu * kCollapsePu)) collapsed = true;
    const LineIndex l = line_at_[ks];
    const double flow_squared = p * p + q * q;
    out.current_a[l] = std::sqrt(flow_squared / parent.real()) * current_base_a_[ks];
    out.p_flow_kw[l] = p * kBaseKva;
    out.q_flow_kvar[l] = q * kBaseKva;
    out.p_loss_kw[l] = r * flow_squared / parent.real() * kBaseKva;
    out.q_loss_kvar[l] = x * flow_squared / parent.real() * kBaseKva;
    out.loss_kw += out.p_loss_kw[l];
    out.loss_kvar += out.q_loss_kvar[l];
  }
  for (Eigen::Index k = 0; k < n; ++k) {
    const BusIndex b = bus_at_[static_cast<std::size_t>(k)];
    out.voltage_pu[b] = std::sqrt(std::max(v_pu_[k].real(), 0.0));
    out.angle_deg[b] = v_pu_[k].imag() * 180.0 / std::numbers::pi;
  }
  out.status = collapsed ? SolveStatus::collapsed : SolveStatus::converged;
  out.iterations = 0;
  out.last_change_pu = 0.0;
  out.source_p_kw = s_pu_[0].real() * kBaseKva + out.loss_kw;
  out.source_q_kvar = s_pu_[0].imag() * kBaseKva + out.loss_kvar;
  finish_extremes(out);
}

PowerFlowResult PowerFlow::solve_linear(const BusLoads& loads) {
  PowerFlowResult out;
  solve_linear(loads, out);
  return out;
}

}  // namespace evsim::models::grid
