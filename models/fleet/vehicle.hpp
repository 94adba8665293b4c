#pragma once
// A vehicle's run-time state. Units: kWh, kW, kWh/km; state of charge = energy_kwh / battery_kwh.
#include <cstdint>
#include <string>

#include "models/records.hpp"
#include "models/road/road_graph.hpp"
#include "sim/event_id.hpp"

namespace evsim::models::fleet {

struct VehicleType {
  std::string name;
  double battery_kwh;
  double consumption_kwh_per_km;
  double max_ac_power_kw;  // 0: cannot use AC plugs
  double max_dc_power_kw;  // 0: cannot use DC plugs
};

enum class VehicleState : std::uint8_t { parked, driving, queued, charging, stranded };

struct Vehicle {
  std::uint32_t type = 0;
  std::uint32_t segment = 0;
  road::NodeId home = road::kInvalid;
  road::NodeId work = road::kInvalid;
  road::NodeId at = road::kInvalid;        // where it is parked, queued or charging; the origin while driving
  road::NodeId activity = road::kInvalid;  // home or work: where it returns after a charging detour
  double energy_kwh = 0.0;
  VehicleState state = VehicleState::parked;
  bool departure_due = false;     // its next departure came while it was busy: leave when free
  TripPurpose next_leg = TripPurpose::to_work;
  sim::EventId patience_timer{};  // while queued
  sim::Time queued_since{};
};

}  // namespace evsim::models::fleet
