#pragma once
// Every vehicle's schedule for the whole run, drawn before the run starts. ("Schedule" is a vehicle's
// day-by-day legs; "plan" means a station plan, scenarios::PlanSpec, and nothing else.)
//
// A schedule is a list of legs. A leg is a drive to `destination`; it departs at
//   max(not_before, arrival at the previous leg's destination + min_stay)
// or, when the vehicle is busy charging at that moment, as soon as it is free. A leg that cannot
// depart by `skip_after` is skipped (ride-hailing trips after the end of a shift). Schedules never
// depend on stations: adding a station changes no vehicle's schedule (common random numbers), only
// the charging detours and delays around it.
//
// Units: sim::Time / sim::Duration (integer ms since the start of the run, day 0 from midnight),
// power in kW, state of charge as a fraction.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/road/road_graph.hpp"
#include "sim/time.hpp"

namespace evsim::models::demand {

// What the vehicle does at a leg's destination (reported with every trip).
enum class Activity : std::uint8_t {
  home = 0,
  work = 1,
  other = 2,      // an errand of a private car
  passenger = 3,  // a ride-hailing trip's drop-off
  stop = 4,       // a delivery stop of a logistics van
  depot = 5,      // a logistics van's depot
  recorded = 6,   // a trip replayed from a trip file
};

inline constexpr sim::Time kNoSkip = sim::kTimeMax;

struct Leg {
  sim::Time not_before{};
  sim::Duration min_stay{};
  sim::Time skip_after = kNoSkip;
  road::NodeId destination = road::kInvalid;
  Activity activity = Activity::home;
};

struct VehicleSchedule {
  std::uint32_t type = 0;     // index into the scenario's vehicle types
  std::uint32_t segment = 0;  // index into the scenario's fleet segments
  road::NodeId start = road::kInvalid;  // where it is parked at time 0
  // A private charger (home or depot): where, and its power; power 0 means none.
  road::NodeId charger_node = road::kInvalid;
  double charger_power_kw = 0.0;
  double initial_soc = 0.0;
  std::uint32_t first_leg = 0;  // its legs are FleetSchedule::legs[first_leg, first_leg + leg_count)
  std::uint32_t leg_count = 0;
};

struct FleetSchedule {
  std::vector<VehicleSchedule> vehicles;
  std::vector<Leg> legs;
  // Per vehicle up to the last one read from a trip file: its id there (empty for generated
  // vehicles); shorter than `vehicles` when the last ones are generated.
  std::vector<std::string> names{};
  // Per leg up to the last one read from a trip file: the trip's name there (its `trip` column, or
  // "file:line"); empty for generated legs and for the repositioning legs a trip file needs.
  std::vector<std::string> leg_names{};

  std::span<const Leg> legs_of(std::uint32_t vehicle) const {
    const VehicleSchedule& p = vehicles[vehicle];
    return {legs.data() + p.first_leg, p.leg_count};
  }
};

}  // namespace evsim::models::demand
