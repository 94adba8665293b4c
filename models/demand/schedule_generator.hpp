#pragma once
// Draws every vehicle's schedule for the whole run (fleet_schedule.hpp), segment by segment, from
// typed demand parameters (demand_kinds.hpp); scenarios/assembly/fleet_schedule.hpp feeds it the
// scenario's fleet.
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
// Units: times sim::Time / sim::Duration (ms), distances m, speeds km/h, power kW, SoC fraction.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/demand/demand_kinds.hpp"
#include "models/demand/fleet_schedule.hpp"
#include "models/demand/place_sampler.hpp"
#include "models/distribution.hpp"
#include "models/road/road_graph.hpp"
#include "sim/random.hpp"
#include "sim/time.hpp"

namespace evsim::models::demand {

// A city-traffic average for estimating how long a ride-hailing trip takes when pre-drawing a
// shift's trips (only the number of legs drawn depends on it, not when they happen).
inline constexpr double kTripSpeedEstimateKmh = 25.0;
inline constexpr sim::Duration kMinTripEstimate{60'000};
// How much more than the shift the pre-drawn trips cover, so that the shift rarely runs out of them.
inline constexpr double kShiftCoverFactor = 1.5;

// The number of days a horizon spans: ceil(horizon / 24 h), 0 for a horizon of 0 or less.
std::int64_t days_in(sim::Duration horizon);

// Appends one segment's vehicles and legs to `out`. Every vehicle starts as `prototype` (type and
// segment set by the caller) with its own start, initial_soc (one draw of `initial_soc`), charger
// and legs; all draws come from `rng`, in the order documented above.
class SegmentScheduler {
 public:
  SegmentScheduler(FleetSchedule& out, const VehicleSchedule& prototype, const Distribution& initial_soc,
                   sim::RandomStream& rng, std::int64_t days)
      : out_(out), prototype_(prototype), initial_soc_(initial_soc), rng_(rng), days_(days) {}

  // `other` may be null when d.errand_probability is 0.
  void private_cars(std::uint32_t count, const PrivateCarDemand& d, const PlaceSampler& homes,
                    const PlaceSampler& work, const PlaceSampler* other);
  // Trip times are estimated on the straight line between the nodes of `graph`.
  void ride_hailing(std::uint32_t count, const RideHailingDemand& d, const PlaceSampler& homes,
                    const PlaceSampler& other, const road::RoadGraph& graph);
  // `other` may be null when d.stops is 0.
  void logistics(std::uint32_t count, const LogisticsDays& d, road::NodeId depot, const PlaceSampler* other);
  // Recorded vehicles (a trip file's schedule, trip_file.hpp) with their ids: one vehicle each.
  void replay(const FleetSchedule& recorded, std::span<const std::string> vehicle_ids);

 private:
  void begin_vehicle(road::NodeId start);
  void set_charger(road::NodeId node, double power_kw);
  void add(const Leg& leg);

  FleetSchedule& out_;
  VehicleSchedule prototype_;
  const Distribution& initial_soc_;
  sim::RandomStream& rng_;
  std::int64_t days_;
};

}  // namespace evsim::models::demand
