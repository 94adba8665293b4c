#pragma once
// Recorded trips replayed from a CSV file (scenarios::TripFileDemand).
//
// Columns: `vehicle` (any non-empty text: the vehicle's id), optionally `trip` (the trip's name, kept
// in the results' /trips; "file:line" when the column is absent or the field empty), `depart` (the time since the start of
// the run, see parse_trip_time), and the origin and destination, each by the first group present:
// origin_node / destination_node (node ids of the user's network file, as station files use
// them), origin_lon,origin_lat / destination_lon,destination_lat (degrees, in the spec's crs,
// converted to WGS-84 before snapping), or origin_x_m,origin_y_m / destination_x_m,destination_y_m
// (metres). Points are put on the road by a PointLocator (files/point_locator.hpp), which logs the
// snapping and enforces its limit.
//
// Trips are grouped per vehicle, vehicles in order of first appearance in the file, and each
// vehicle's trips sorted by departure (stable: equal times keep the file's order). Each vehicle
// starts at its first trip's origin, has no private charger, and gets one leg per trip:
// not_before = depart, min_stay = 0, activity `recorded`. A trip whose origin is not the previous
// trip's destination (after snapping) is preceded by a repositioning leg to its origin with the
// same not_before (also `recorded`); the report counts them.
//
// Errors are scenarios::ScenarioError naming file, line, column and column name, as the station
// file reader's:
//   {file}:1:1: (header): expected a header line naming the columns, found an empty file
//   {file}:{line}:1: (header): expected at least one trip, found a header without rows
//   {file}:{line}:1: depart: expected a column "depart" in the header, found "vehicle,origin_node,..."
//   {file}:{line}:{col}: vehicle: expected a vehicle id, found ""
//   {file}:{line}:{col}: depart: expected a departure time ("HH:MM" or "HH:MM:SS" on day 0,
//     "1d 07:30", or a duration such as "31h"), found "7.30"
//   {file}:{line}:{col}: depart: expected a time within the horizon (at least 00:00 and before 7d), found "7d"
//   {file}:{line}:{col}: origin_node: expected a node id of the road network (...), found 99999, which is not
//     a road node there (...)
// Units: times as sim::Duration / sim::Time (integer ms since the start of the run).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/demand/fleet_schedule.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/scenario.hpp"
#include "sim/time.hpp"

namespace evsim::scenarios::files {

namespace road = models::road;

struct TripFileReport {
  std::uint64_t trips = 0;               // rows of the file
  std::uint32_t vehicles = 0;            // distinct vehicle ids: the segment's count
  std::uint64_t repositioning_legs = 0;  // legs added to reach a trip's origin
};

struct TripFileSchedules {
  // Vehicles in order of first appearance, with start, first_leg and leg_count set (first_leg
  // indexes plan.legs); type, segment and initial_soc are left for the caller.
  models::demand::FleetSchedule schedule;
  std::vector<std::string> vehicle_ids;  // per vehicle
  TripFileReport report;
};

TripFileSchedules read_trip_file(const scenarios::TripFileDemand& spec, sim::Duration horizon, PointLocator& locator);

// A departure time: "HH:MM" or "HH:MM:SS" on day 0 (00:00 to 24:00), "<days>d HH:MM[:SS]" (e.g.
// "1d 07:30"), or a duration since the start (scenarios/units.hpp: "31h", "90min", "1d 2h"). No
// range check (a duration may be negative). nullopt when the text is none of these.
std::optional<sim::Duration> parse_trip_time(std::string_view text);

// A duration written as the trip file writes times: "7d", "1d 07:30", "07:30:15", "00:00:00.250".
std::string format_trip_time(sim::Duration d);

}  // namespace evsim::scenarios::files
