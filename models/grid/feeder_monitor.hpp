#pragma once
// Feeders attached to a city run: the EV load of the stations on each bus, a power flow per feeder at
// every sample time, and the limit violations merged into events (docs/grid-model.md, section 11).
//
// Units: kW, kvar, pu, sim::Time; loadings as fractions (1 = 100 %).
//
// Load at bus k of feeder f at sample time t (hour of day h = floor(t mod 24 h / 1 h)):
//   P_k(t) = m_f(h) p_k + sum over the sessions plugged in at stations on k of P_i(t) / eta_i
//   Q_k(t) = m_f(h) q_k                   (EV chargers at unity power factor)
// with p_k, q_k the feeder's background load, m_f the feeder's hourly multiplier (1 without a
// profile), P_i(t) the session's battery-side power now (SessionPool::power_kw, which follows the
// charging curve between power changes) and eta_i its efficiency (battery kWh per grid kWh).
// Sessions at home and at depots are on no bus. A station that is a PV + storage site adds its
// site's PV and battery power at its bus (add_bus_power; site_energy_link.hpp):
//   P_k(t) += g_s(t) - L_s(t)
// with g_s the site's grid power (import > 0, export < 0; 0 while export is curtailed) and L_s its
// EV load as SiteEnergy sees it, so that the EV load is counted once, from the sessions above. The
// power flow is the sweep of power_flow.hpp, allocation-free after the first sample.
//
// Violations (Limits of power_flow.hpp: under 0.95 pu, over 1.05 pu, a line over its ampacity, the
// transformer over its kVA rating) are checked at each sample. Consecutive samples that break the
// same limit at the same element form one event: start = its first sample, duration = (last sample
// - first sample) + sample interval, cut at the horizon (each sample stands for the interval after it).
// A sample whose power flow does not converge is recorded with its status and checks no limit.
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "models/charging/session_pool.hpp"
#include "models/grid/feeder.hpp"
#include "models/grid/power_flow.hpp"
#include "sim/simulator.hpp"

namespace evsim::models::grid {

inline constexpr std::uint32_t kNoFeeder = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::size_t kProfileHours = 24;

struct AttachedFeeder {
  std::string name;
  Feeder feeder;
  std::vector<double> hourly_multiplier{};  // kProfileHours values, or empty: 1 all day
};

struct StationBus {
  std::uint32_t feeder = kNoFeeder;  // kNoFeeder: the station is on no feeder
  BusIndex bus = kNoBus;
};

struct GridSetup {
  std::vector<AttachedFeeder> feeders{};
  std::vector<StationBus> station_bus{};  // per station (StationId)
  bool empty() const { return feeders.empty(); }
};

struct FeederSample {
  sim::Time time;
  std::uint32_t feeder;
  double ev_kw;          // grid-side EV load on the feeder
  double site_kw;        // PV and storage of the sites on the feeder (add_bus_power; < 0 feeding in)
  double load_kw;        // background (times the profile) + EV, without losses
  double source_kva;     // apparent power through the transformer (loads + losses)
  double transformer_loading;  // source_kva / rating
  double min_voltage_pu;
  BusIndex min_voltage_bus;
  double loss_kw;
  SolveStatus status;
};

struct GridViolationEvent {
  std::uint32_t feeder;
  ViolationKind kind;
  std::uint32_t element;  // BusIndex, LineIndex, or 0 for the transformer
  sim::Time start;
  sim::Duration duration;
  double worst;           // lowest voltage (under-voltage), else the highest voltage or loading
};

class FeederMonitor {
 public:
  // `setup` must outlive the monitor. Subscribes to `pool`'s plugged_in and unplugged signals.
  FeederMonitor(sim::Simulator& simulator, const GridSetup& setup, charging::SessionPool& pool,
                sim::Duration sample_interval, sim::Time horizon, Limits limits = {});

  // Adds kw() at bus `at` at every sample (kW, > 0 drawing), beside the sessions' load: a site's PV
  // and battery. `at.feeder` must be a feeder of the setup. Call before start().
  void add_bus_power(StationBus at, std::function<double()> kw);

  // Schedules the first sample now (call with the model's start()).
  void start();
  // Closes the events still open (call after the run).
  void finish();

  const GridSetup& setup() const { return *setup_; }
  sim::Duration sample_interval() const { return interval_; }
  const std::vector<FeederSample>& samples() const { return samples_; }
  const std::vector<GridViolationEvent>& violations() const { return violations_; }

 private:
  struct Open {
    bool active = false;
    sim::Time start{};
    sim::Time last{};
    double worst = 0.0;
  };
  struct FeederState {
    PowerFlow flow;
    BusLoads loads;
    PowerFlowResult result;
    std::vector<Open> under, over, line;  // by bus, bus, line
    Open transformer;
  };

  void sample();
  void solve_feeder(std::uint32_t f);
  void track(std::uint32_t f, ViolationKind kind, std::uint32_t element, Open& open, bool broken, double value);
  void close(std::uint32_t f, ViolationKind kind, std::uint32_t element, Open& open);

  sim::Simulator& sim_;
  const GridSetup* setup_;
  charging::SessionPool& pool_;
  sim::Duration interval_;
  sim::Time horizon_;
  Limits limits_;
  std::vector<FeederState> state_;
  // Sessions on a feeder, kept compact: active_[slot_[v]] == v.
  std::vector<VehicleId> active_;
  std::vector<std::uint32_t> slot_;
  std::vector<StationBus> at_;  // per vehicle while plugged in on a feeder
  struct BusPower {
    StationBus at;
    std::function<double()> kw;
  };
  std::vector<BusPower> bus_power_;
  std::vector<FeederSample> samples_;
  std::vector<GridViolationEvent> violations_;
};

}  // namespace evsim::models::grid
