#include "models/charging/session_replay.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <utility>

namespace evsim::models::charging {

// No vehicle limit: above any plug, so a session charges at min(plug power, its share).
const fleet::ChargingCurve SessionReplay::kFlatCurve({{0.0, 1e6}, {1.0, 1e6}});

SessionReplay::SessionReplay(sim::Simulator& simulator, SessionPool& pool, const std::vector<Station>& stations,
                             std::vector<ReplaySession> sessions, VehicleId first_vehicle)
    : sim_(simulator), pool_(pool), stations_(stations), sessions_(std::move(sessions)), first_(first_vehicle),
      state_(sessions_.size(), State::waiting), open_(sessions_.size()), occupant_(stations.size()) {
  for (std::size_t s = 0; s < stations_.size(); ++s) occupant_[s].assign(stations_[s].plugs().size(), kAnyPlug);
  for (std::size_t j = 0; j < sessions_.size(); ++j) {
    const ReplaySession& x = sessions_[j];
    const auto bad = [j](std::string_view what) {
      throw std::invalid_argument(fmt::format("SessionReplay: session {}: {}", j, what));
    };
    if (x.station >= stations_.size()) bad(fmt::format("station {} out of range (stations: {})", x.station, stations_.size()));
    if (x.plug != kAnyPlug && x.plug >= stations_[x.station].plugs().size())
      bad(fmt::format("plug {} out of range (plugs: {})", x.plug, stations_[x.station].plugs().size()));
    if (x.arrival < sim::kTimeZero || !(x.departure > x.arrival)) bad("needs 0 <= arrival < departure");
    if (!(x.energy_kwh >= 0.0) || !std::isfinite(x.energy_kwh)) bad(fmt::format("energy_kwh must be finite and >= 0, got {}", x.energy_kwh));
  }
}

void SessionReplay::start() {
  for (std::uint32_t j = 0; j < sessions_.size(); ++j)
    sim_.schedule_at(sessions_[j].departure, [this, j] { depart(j, ReplayOutcome::delivered); });
  for (std::uint32_t j = 0; j < sessions_.size(); ++j) sim_.schedule_at(sessions_[j].arrival, [this, j] { arrive(j); });
}

void SessionReplay::arrive(std::uint32_t j) {
  const ReplaySession& x = sessions_[j];
  std::vector<std::uint32_t>& plugs = occupant_[x.station];
  const auto free = [&](std::uint32_t p) {
    return plugs[p] == kAnyPlug && stations_[x.station].plugs()[p].occupant == road::kInvalid;
  };
  std::uint32_t plug = x.plug;
  if (plug == kAnyPlug) {
    for (std::uint32_t p = 0; p < plugs.size() && plug == kAnyPlug; ++p)
      if (free(p)) plug = p;
  }
  const sim::Time now = sim_.now();
  if (plug == kAnyPlug || !free(plug)) {
    state_[j] = State::done;
    finished({.session = j, .station = x.station, .plug = plug, .arrival = now, .departure = now, .charge_end = now,
              .wanted_kwh = x.energy_kwh, .delivered_kwh = 0.0, .outcome = ReplayOutcome::plug_busy});
    return;
  }
  plugs[plug] = j;
  open_[j] = {.session = j, .station = x.station, .plug = plug, .arrival = now, .departure = now, .charge_end = now,
              .wanted_kwh = x.energy_kwh, .delivered_kwh = 0.0, .outcome = ReplayOutcome::delivered};
  if (x.energy_kwh <= 0.0) {
    state_[j] = State::connected;
    return;
  }
  state_[j] = State::charging;
  pool_.start({.vehicle = vehicle(j), .station = x.station, .plug = plug, .curve = &kFlatCurve,
               .battery_kwh = x.energy_kwh, .limit_kw = stations_[x.station].plugs()[plug].power_kw, .soc = 0.0,
               .target_soc = 1.0, .efficiency = 1.0});
}

void SessionReplay::target_reached(VehicleId v) {
  const std::uint32_t j = v - first_;
  const SessionEnd end = pool_.stop(v, true);
  open_[j].charge_end = sim_.now();
  open_[j].delivered_kwh = end.grid_energy_kwh;
  state_[j] = State::connected;
}

void SessionReplay::depart(std::uint32_t j, ReplayOutcome cut) {
  if (state_[j] != State::charging && state_[j] != State::connected) return;  // refused or never arrived
  ReplayRecord& r = open_[j];
  if (state_[j] == State::charging && pool_.grid_energy_kwh(vehicle(j)) >= sessions_[j].energy_kwh * (1.0 - 1e-9)) {
    // Its end event falls at this very ms (the departure was scheduled first): it got its energy.
    target_reached(vehicle(j));
  }
  if (state_[j] == State::charging) {
    const SessionEnd end = pool_.stop(vehicle(j), false);
    r.charge_end = sim_.now();
    r.delivered_kwh = end.grid_energy_kwh;
    r.outcome = ReplayOutcome::departed_short;
  }
  if (cut == ReplayOutcome::cut_by_horizon) r.outcome = ReplayOutcome::cut_by_horizon;
  r.departure = sim_.now();
  occupant_[r.station][r.plug] = kAnyPlug;
  state_[j] = State::done;
  finished(r);
}

void SessionReplay::finish() {
  for (std::uint32_t j = 0; j < sessions_.size(); ++j) depart(j, ReplayOutcome::cut_by_horizon);
}

}  // namespace evsim::models::charging
