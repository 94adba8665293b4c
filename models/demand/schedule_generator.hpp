#pragma once
// Draws every vehicle's plan for the whole run (fleet_schedule.hpp) from the scenario's fleet segments.
//
// Segments are planned in scenario order and their vehicles follow one another in FleetSchedule. Each
// segment draws only from its own stream "fleet/<segment name>", vehicle after vehicle, so adding
// or removing stations or other segments never changes a segment's plans (common random numbers).
// Places come from PlaceSampler (place_sampler.hpp) over scenario.places: homes, work and other
// (each uniform over the road nodes when absent); a sampler is built only when a segment needs it.
//
// The run has D = ceil(horizon / 24 h) days; day d starts at d * 24 h. Drawn times of day are
// added to the day's start; every drawn value is rounded to the nearest millisecond. Nothing is
// clamped: the loader bounds the distributions.
//
// Per kind, each day (legs in this order):
//   private      work (not_before = day + depart_to_work, activity work); with errand_probability
//                an errand at an "other" place (min_stay = work_dwell, activity other) and home
//                (min_stay = errand_dwell), else home (min_stay = work_dwell). Start at home; a
//                home charger (at home, home_charger_power_kw) with probability home_charger_share.
//   ride_hailing shift start s = day + shift_start, end e = s + shift_length. Trips to "other"
//                places (activity passenger, skip_after = e): the first with not_before = s, each
//                next with min_stay = an idle_between_trips draw. Trips are added while the sum of
//                the idle draws and the trips' estimated driving times stays below 1.5 x the shift
//                length (at least one trip); a trip's estimate is the straight-line distance from
//                the previous place (home for the first) at kTripSpeedEstimateKmh, and at least
//                kMinTripEstimate, so the list is finite even for zero idle times. The legs the
//                shift has no time for are skipped at run time. Then home (not_before = e, never
//                skipped). Start at home; a home charger as for private cars.
//   logistics    `stops` stops at "other" places (activity stop): the first with not_before =
//                day + depart, each next leg (and the return) with min_stay = the previous stop's
//                stop_dwell; then the depot (activity depot). No legs when stops is 0. Start at
//                the depot, whose charger (depot_power_kw) every van of the segment uses.
//   trip_file    the file's trips (trip_file.hpp); the segment's count is ignored and becomes the
//                number of vehicles the file names (in the report).
//
// Random numbers per vehicle, in order (a place is one PlaceSampler::draw; a distribution is one
// models::draw, which takes none for a fixed value; "coin" is one uniform01):
//   private      home, work, initial_soc, charger coin; per day: depart_to_work, work_dwell,
//                errand coin, and when the coin says errand: other place, errand_dwell.
//   ride_hailing home, initial_soc, charger coin; per day: shift_start, shift_length, first trip's
//                place; per further trip: idle_between_trips, place.
//   logistics    initial_soc; per day: depart; per stop: place, stop_dwell.
//   trip_file    initial_soc (vehicles in order of first appearance in the file).
//
// Every vehicle's type is the index of its segment's vehicle_type in scenario.vehicle_types.
// Errors (scenarios::ScenarioError): a vehicle_type that names no vehicle type (at the segment's
// mark, key ".vehicle_type"), a depot off the network (road/point_locator.hpp, at depot_mark,
// named "a depot"), and the errors of the places and trip files.
//
// Units: times sim::Time / sim::Duration (ms), distances m, speeds km/h, power kW, SoC fraction.
#include <cstdint>
#include <optional>
#include <vector>

#include "models/demand/fleet_schedule.hpp"
#include "models/demand/trip_file.hpp"
#include "models/road/node_snapper.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/scenario.hpp"
#include "sim/random.hpp"
#include "sim/time.hpp"

namespace evsim::models::demand {

// A city-traffic average for estimating how long a ride-hailing trip takes when pre-drawing a
// shift's trips (only the number of legs drawn depends on it, not when they happen).
inline constexpr double kTripSpeedEstimateKmh = 25.0;
inline constexpr sim::Duration kMinTripEstimate{60'000};
// How much more than the shift the pre-drawn trips cover, so that the shift rarely runs out of them.
inline constexpr double kShiftCoverFactor = 1.5;

struct SegmentScheduleReport {
  std::uint32_t vehicles = 0;  // for a trip file: the number of vehicles it names
  std::uint64_t legs = 0;
  std::optional<TripFileReport> trip_file{};  // for a trip_file segment
};

struct FleetScheduleReport {
  std::vector<SegmentScheduleReport> segments;  // per scenario segment
};

// Every point (places, depots, trip ends) is put on the road by `locator`, which logs the snapping.
FleetSchedule generate_fleet_schedule(const scenarios::Scenario& scenario, road::PointLocator& locator,
                              const sim::RandomStreams& streams, FleetScheduleReport* report = nullptr);

}  // namespace evsim::models::demand
