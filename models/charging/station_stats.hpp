#pragma once
// A station's running totals. Occupancy and queue length are integrated exactly over time
// (count x ms in integers, updated at every change), so Little's law can be checked against the
// per-session records: the queue integral equals the sum of all waits, the busy-plug integral the
// sum of all plug-in times (both up to the end of the run).
#include <algorithm>
#include <cstdint>

#include "sim/time.hpp"

namespace evsim::models::charging {

struct StationStats {
  std::uint64_t arrivals = 0;            // vehicles that reached the station to charge
  std::uint64_t sessions_started = 0;
  std::uint64_t sessions_completed = 0;  // ended by target, departure or horizon
  std::uint64_t gave_up = 0;
  std::uint64_t turned_away_closed = 0;
  double energy_kwh = 0.0;               // gained by batteries
  double grid_energy_kwh = 0.0;
  std::int64_t busy_plug_ms = 0;         // integral of busy plugs over time
  std::int64_t queue_ms = 0;             // integral of the queue length over time
  std::int64_t wait_ms_started = 0;      // sum of waits of sessions that plugged in
  std::uint32_t max_queue = 0;
  std::int64_t session_ms_completed = 0; // sum of plug-in durations of completed sessions

  // Brings the integrals up to `now`, with the busy count and queue length that held since the
  // last change.
  void advance(sim::Time now, std::uint32_t busy, std::uint32_t queue) {
    const std::int64_t dt = (now - last_change).count();
    busy_plug_ms += dt * busy;
    queue_ms += dt * queue;
    last_change = now;
    max_queue = std::max(max_queue, queue);
  }

  sim::Time last_change = sim::kTimeZero;
};

}  // namespace evsim::models::charging
