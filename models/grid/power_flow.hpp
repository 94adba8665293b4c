#pragma once
// Balanced AC power flow on a radial feeder (models/grid/feeder.hpp): the backward/forward sweep
// with constant-power loads, and its linear approximation LinDistFlow.
//
// Per unit: S_base = 1000 kVA (kBaseKva); a bus's voltage base is its base_kv; a line's impedance
// base is base_kv^2 / (S_base in MVA) ohm; the current base is S_base / (sqrt(3) base_kv) A.
// Loads are three-phase totals; the network is the positive-sequence equivalent.
//
// Backward/forward sweep (docs/grid-model.md). With V_0 = source_pu at angle 0, and at the start
// V_k = V_0 for every bus k (flat start), each iteration
//   backward:  I_k = conj(s_k / V_k)                     load current drawn at bus k
//              J_k = I_k + sum of J_c over the children c of k   current in the line feeding k
//   forward:   V_k = V_parent(k) - z_k J_k                in order, source outwards
// until the largest change of any V_k between two iterations is below tolerance_pu (converged),
// or max_iterations pass (not converged), or a voltage falls below kCollapsePu or stops being a
// finite number (collapsed: the load is beyond what the feeder can carry). The currents and flows
// reported are recomputed from the final voltages. Losses of line k: |J_k|^2 r_k.
//
// LinDistFlow (Baran & Wu 1989, without the loss terms), with U = |V|^2 and P_k + jQ_k the sum of
// the loads at and beyond bus k:
//   U_k = U_parent - 2 (r_k P_k + x_k Q_k)
//   theta_k = theta_parent - (x_k P_k - r_k Q_k) / U_parent
// Its losses are the estimate sum r_k (P_k^2 + Q_k^2) / U_parent and its currents
// sqrt(P_k^2 + Q_k^2) / |V_parent|; both ignore losses in the flows.
//
// Not modelled: unbalance and single-phase laterals, shunt capacitance of lines, voltage-dependent
// (constant current or impedance) loads, the source transformer's impedance and tap changer,
// voltage regulators and capacitor banks.
#include <complex>
#include <cstdint>
#include <optional>
#include <vector>

#include <Eigen/Core>

#include "models/grid/feeder.hpp"

namespace evsim::models::grid {

inline constexpr double kBaseKva = 1000.0;
inline constexpr double kCollapsePu = 0.05;

// Loads at every bus for one snapshot (indexed by BusIndex), kW and kvar.
struct BusLoads {
  std::vector<double> p_kw{};
  std::vector<double> q_kvar{};

  // The feeder's background loads times `scale`.
  static BusLoads background(const Feeder& feeder, double scale = 1.0);
  void add(BusIndex b, double p_kw_added, double q_kvar_added) {
    p_kw[b] += p_kw_added;
    q_kvar[b] += q_kvar_added;
  }
};

struct SolverSettings {
  double tolerance_pu = 1e-9;  // largest change of a bus voltage between two sweeps
  int max_iterations = 100;
};

enum class SolveStatus { converged, not_converged, collapsed };

struct PowerFlowResult {
  SolveStatus status = SolveStatus::not_converged;
  int iterations = 0;
  double last_change_pu = 0.0;  // largest voltage change in the last iteration

  // Per bus (BusIndex).
  std::vector<double> voltage_pu{};
  std::vector<double> angle_deg{};
  // Per line (LineIndex), at its end nearer the source, flowing away from it.
  std::vector<double> current_a{};
  std::vector<double> loading{};  // current / ampacity (1 = 100 %); NaN for a line without ampacity
  std::vector<double> p_flow_kw{};
  std::vector<double> q_flow_kvar{};
  std::vector<double> p_loss_kw{};
  std::vector<double> q_loss_kvar{};

  double loss_kw = 0.0;
  double loss_kvar = 0.0;
  double source_p_kw = 0.0;  // delivered by the transformer: loads plus losses
  double source_q_kvar = 0.0;
  double transformer_loading = 0.0;  // |source power| / rating_kva
  BusIndex min_voltage_bus = kNoBus;
  double min_voltage_pu = 0.0;

  bool converged() const { return status == SolveStatus::converged; }
};

class PowerFlow {
 public:
  // Keeps a reference to `feeder`, which must outlive this object.
  explicit PowerFlow(const Feeder& feeder, SolverSettings settings = {});

  const Feeder& feeder() const { return *feeder_; }
  const SolverSettings& settings() const { return settings_; }

  // The backward/forward sweep. Allocates nothing once `out` has been used by a solve on this
  // feeder. A result that did not converge says so in out.status (its numbers are those of the
  // last iteration); it is never reported as converged.
  void solve(const BusLoads& loads, PowerFlowResult& out);
  PowerFlowResult solve(const BusLoads& loads);

  // LinDistFlow (lin_dist_flow.cpp). out.status is converged, out.iterations 0.
  void solve_linear(const BusLoads& loads, PowerFlowResult& out);
  PowerFlowResult solve_linear(const BusLoads& loads);

 private:
  void size_result(PowerFlowResult& out) const;
  void finish_extremes(PowerFlowResult& out) const;

  const Feeder* feeder_;
  SolverSettings settings_;
  // Indexed by position in feeder.order(): position 0 is the source.
  std::vector<BusIndex> bus_at_{};
  std::vector<std::uint32_t> parent_at_{};  // position of the parent; 0 for the source itself
  std::vector<LineIndex> line_at_{};        // the line feeding the bus at that position
  std::vector<std::complex<double>> z_pu_{};
  std::vector<double> current_base_a_{};
  Eigen::VectorXcd s_pu_;
  Eigen::VectorXcd v_pu_;
  Eigen::VectorXcd j_pu_;
};

// Limits a snapshot is checked against.
struct Limits {
  double min_voltage_pu = 0.95;
  double max_voltage_pu = 1.05;
  double max_line_loading = 1.0;         // of ampacity
  double max_transformer_loading = 1.0;  // of rating_kva
};

enum class ViolationKind { under_voltage, over_voltage, line_overload, transformer_overload };

struct Violation {
  ViolationKind kind;
  std::uint32_t element;  // BusIndex for voltages, LineIndex for lines, 0 for the transformer
  double value;           // pu, or loading (1 = 100 %)
  double limit;
};

// Every limit `result` breaks: voltages by bus, then lines, then the transformer.
std::vector<Violation> find_violations(const Feeder& feeder, const PowerFlowResult& result, const Limits& limits);
// The first violation in that order, or none; allocates nothing.
std::optional<Violation> first_violation(const Feeder& feeder, const PowerFlowResult& result, const Limits& limits);

}  // namespace evsim::models::grid
