#pragma once
// The scenario's fleet as every vehicle's schedule for the whole run (models/demand/fleet_schedule.hpp),
// drawn by models/demand/schedule_generator.hpp segment by segment.
//
// Segments are planned in scenario order and their vehicles follow one another in FleetSchedule. Each
// segment draws only from its own stream "fleet/<segment name>", vehicle after vehicle, so adding
// or removing stations or other segments never changes a segment's schedules (common random numbers).
// Places come from the scenario's places files (homes, work and other; each uniform over the road
// nodes when absent, files/node_weights.hpp); a places file is read only when a segment needs it.
// Every vehicle's type is the index of its segment's vehicle_type in scenario.vehicle_types.
//
// Errors (scenarios::ScenarioError): a vehicle_type that names no vehicle type (at the segment's
// mark, key ".vehicle_type"), a depot off the network (files/point_locator.hpp, at depot_mark,
// named "a depot"), and the errors of the places and trip files.
#include <cstdint>
#include <optional>
#include <vector>

#include "models/demand/fleet_schedule.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/files/trip_file.hpp"
#include "scenarios/scenario.hpp"
#include "sim/random.hpp"

namespace evsim::scenarios::assembly {


struct SegmentScheduleReport {
  std::uint32_t vehicles = 0;  // for a trip file: the number of vehicles it names
  std::uint64_t legs = 0;
  std::optional<files::TripFileReport> trip_file{};  // for a trip_file segment
};

struct FleetScheduleReport {
  std::vector<SegmentScheduleReport> segments;  // per scenario segment
};

// Every point (places, depots, trip ends) is put on the road by `locator`, which logs the snapping.
models::demand::FleetSchedule generate_fleet_schedule(const Scenario& scenario, files::PointLocator& locator,
                                                      const sim::RandomStreams& streams,
                                                      FleetScheduleReport* report = nullptr);

}  // namespace evsim::scenarios::assembly
