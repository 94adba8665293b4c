#pragma once
// Measured sessions replayed on the sites: each session of a sessions file (site, plug, arrival,
// departure, energy wanted) plugs in at its arrival and unplugs at its departure, instead of
// simulated drivers. Charging itself is the session pool's (session_pool.hpp), so site limits, power
// cabinets and sharing policies apply to measured demand exactly as to simulated demand.
//
// Units: kW, kWh, sim::Time (integer ms).
//
// Model. Session j arrives at a_j on plug p_j of site s_j, wants E_j kWh and departs at d_j > a_j.
// At a_j it starts a pool session on that plug with no vehicle limit (its limit is the plug's power
// L) and a flat charging curve, battery E_j from SoC 0 to 1 at efficiency 1: it charges at
// min(L, its share) until it has E_j, then stops charging (its plug power goes to 0) but stays
// connected until d_j. At d_j a session still charging is stopped with what it got: shortfall =
// E_j - delivered > 0. Without a binding limit its charging ends at a_j + E_j / L (rounded to the ms)
// and it delivers E_j exactly; its connected time is d_j - a_j exactly, whatever the limit.
//
// Plugs. A session names its plug, or kAnyPlug: the lowest-numbered plug free at a_j. A plug is
// occupied from an arrival to its departure (not only while charging). A session arriving at an
// occupied plug (measured files overlap: clock skew, lost end times) is not replayed: it is
// recorded with outcome plug_busy, wanted E_j, delivered 0 and connected time 0, and counted. A plug
// charging someone else's session (a simulated vehicle beside the replay) is occupied too; a
// simulated vehicle, though, sees a replayed session's plug as free once it stopped charging.
// Departures at time t are handled before arrivals at t, so back-to-back sessions on a plug replay.
// A session whose charging end falls in the same ms as its departure (E_j = L (d_j - a_j)) counts as
// having reached E_j when it holds E_j to 1e-9 relative.
//
// Horizon. finish(now) closes the sessions still connected at `now` (outcome cut_by_horizon, with
// `now` as their departure); the input layer keeps only sessions inside the run, so with a
// complete run this closes nothing.
//
// Left out: the vehicle's own charging limit and curve (unknown in measured data), charger losses,
// queues (a measured arrival at a busy plug does not wait).
#include <cstdint>
#include <limits>
#include <vector>

#include "models/charging/session_pool.hpp"
#include "models/charging/station.hpp"
#include "models/records.hpp"
#include "models/signal.hpp"
#include "sim/simulator.hpp"

namespace evsim::models::charging {

inline constexpr std::uint32_t kAnyPlug = std::numeric_limits<std::uint32_t>::max();

struct ReplaySession {
  StationId station = 0;
  std::uint32_t plug = kAnyPlug;
  sim::Time arrival{};
  sim::Time departure{};  // > arrival
  double energy_kwh = 0.0;  // wanted, >= 0 and finite
};

enum class ReplayOutcome : std::uint8_t { delivered = 0, departed_short = 1, plug_busy = 2, cut_by_horizon = 3 };

struct ReplayRecord {
  std::uint32_t session;   // index in the replayed list
  StationId station;
  std::uint32_t plug;      // the plug it used (kAnyPlug when plug_busy found none)
  sim::Time arrival;
  sim::Time departure;     // unplug; arrival when plug_busy
  sim::Time charge_end;    // when it stopped charging (arrival when it wanted nothing or was refused)
  double wanted_kwh;
  double delivered_kwh;
  ReplayOutcome outcome;
};

class SessionReplay {
 public:
  // The replay's sessions are pool vehicles first_vehicle, first_vehicle + 1, ...; the pool's
  // owner must pass their target-reached calls to target_reached(). Throws std::invalid_argument
  // naming the first session that breaks the rules above (station, plug, times, energy).
  SessionReplay(sim::Simulator& simulator, SessionPool& pool, const std::vector<Station>& stations,
                std::vector<ReplaySession> sessions, VehicleId first_vehicle);

  // Schedules every departure, then every arrival (so departures go first at equal times).
  void start();
  // Closes the sessions still connected (see Horizon above).
  void finish();

  bool owns(VehicleId v) const { return v >= first_ && v - first_ < sessions_.size(); }
  // The pool's on_target_reached for the replay's vehicles: stops its charging, keeps it plugged.
  void target_reached(VehicleId v);

  std::size_t size() const { return sessions_.size(); }
  // Fires when a session departs (or is refused, or is cut at finish), in that order.
  Signal<const ReplayRecord&> finished;

 private:
  enum class State : std::uint8_t { waiting, charging, connected, done };
  void arrive(std::uint32_t j);
  void depart(std::uint32_t j, ReplayOutcome cut);
  VehicleId vehicle(std::uint32_t j) const { return first_ + j; }

  sim::Simulator& sim_;
  SessionPool& pool_;
  const std::vector<Station>& stations_;
  std::vector<ReplaySession> sessions_;
  VehicleId first_;
  std::vector<State> state_;
  std::vector<ReplayRecord> open_;                       // by session, filled at arrival
  std::vector<std::vector<std::uint32_t>> occupant_;     // station -> plug -> session, or kAnyPlug
  static const fleet::ChargingCurve kFlatCurve;
};

}  // namespace evsim::models::charging
