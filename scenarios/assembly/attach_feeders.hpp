#pragma once
// Loads the feeders of the scenario's `grid` section and attaches the run's stations to their buses
// (docs/grid-model.md, section 11):
//  - a station with `bus: "feeder:bus"` is on that bus; an unknown feeder or bus is an error at the
//    station's `bus` value;
//  - every other station is on the nearest bus, by straight-line distance from its road node, among
//    the buses that have a position in any feeder. Bus x_m, y_m are in the road network's plane (the
//    scenario's x, y for generated and CSV networks, the local projection of an OSM extract); bus
//    lon, lat are projected with the network's projection (an error on a network without one);
//  - when no feeder has bus positions, stations without `bus` are on no feeder.
// Background profiles are read with files/load_profile.hpp. Errors are ScenarioError.
#include <vector>

#include "models/grid/feeder_monitor.hpp"
#include "scenarios/assembly/build_city.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::assembly {

struct AttachedGrid {
  models::grid::GridSetup setup;
  std::vector<double> attach_distance_m;  // per station: to its bus; NaN for a `bus:` key or no feeder
};

// `plan`: the plan `city` was built for (its stations' `bus` keys count too).
AttachedGrid attach_feeders(const Scenario& scenario, const CityInputs& city, std::string_view plan);

}  // namespace evsim::scenarios::assembly
