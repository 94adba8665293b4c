#pragma once
// What the models report while they run. Models emit these records through a RunObserver; only
// output/ turns them into files. Units as everywhere: kWh, kW, m, integer ms.
#include <cstdint>

#include "models/demand/fleet_schedule.hpp"
#include "models/road/road_graph.hpp"
#include "sim/time.hpp"

namespace evsim::models {

using VehicleId = std::uint32_t;
using StationId = std::uint32_t;
using NeedId = std::uint32_t;

// Why a vehicle drove: a leg of its plan (ending at an activity), or a detour for charging.
enum class TripPurpose : std::uint8_t { plan = 0, to_charger = 1, from_charger = 2 };
enum class TripOutcome : std::uint8_t { arrived = 0, stranded = 1 };

inline constexpr std::uint32_t kNoLeg = 0xFFFF'FFFF;

struct TripRecord {
  VehicleId vehicle;
  TripPurpose purpose;
  demand::Activity activity;  // of the plan leg this trip serves (for detours: the leg they interrupt)
  TripOutcome outcome;
  road::NodeId origin;
  road::NodeId destination;   // where it was going (a stranded vehicle stopped short of it)
  sim::Time planned_depart;   // the plan's departure time for a leg; the departure for detours
  sim::Time depart;
  sim::Time arrive;           // for a stranded vehicle: when its battery ran empty
  double distance_m;          // driven
  double energy_kwh;          // drawn from the battery
  double soc_after;
  // For a plan trip: its leg, an index into FleetSchedule::legs (a recorded trip's name is
  // FleetSchedule::leg_names there); kNoLeg for detours to and from chargers.
  std::uint32_t leg = kNoLeg;
};

// Why a vehicle looked for a public charger.
enum class NeedReason : std::uint8_t {
  low_soc = 0,        // SoC fell below the segment's charge_below_soc after a trip
  next_trip = 1,      // the next trip would leave less than the reserve
  en_route = 2,       // the trip about to start is out of reach: charge on the way
  opportunistic = 3,  // a long stay near a station with a free plug
};

enum class NeedOutcome : std::uint8_t {
  charged = 0,         // a session reached its target or ran until the vehicle left
  unserved = 1,        // it tried max_station_tries stations (or ran out of candidates) without charging
  no_station = 2,      // no reachable public station could serve it at all
  open_at_end = 3,     // still seeking, queueing or charging when the run ended
};

struct NeedRecord {
  NeedId id;                // 0, 1, 2, ... in the order the needs arose
  VehicleId vehicle;
  NeedReason reason;
  NeedOutcome outcome;
  road::NodeId node;        // where the need arose
  sim::Time time;           // when it arose
  sim::Time resolved;       // when the vehicle plugged in, or gave up on its last station
  std::uint32_t stations_tried;
  // A free plug it would use (compatible; DC only if it chose a station for DC) at an open public
  // station within the radius, at `time`.
  bool free_plug_within_radius;
  // Extra distance for this need: to the stations tried, plus from the last one to where the
  // vehicle goes next (back, or its next leg's destination), minus the direct way from `node` there.
  double detour_m;
  double nearest_station_m; // road distance to the nearest public station with plugs it would use (inf: none)
};

// Where a session took place.
enum class ChargePlace : std::uint8_t { public_station = 0, home = 1, depot = 2 };

enum class SessionOutcome : std::uint8_t {
  charged = 0,          // reached its target state of charge
  unplugged = 1,        // the vehicle left before reaching its target (home, depot, opportunistic)
  gave_up = 2,          // left the queue when its patience ran out
  closed = 3,           // the station closed while it queued, or was closed when it arrived
  cut_by_horizon = 4,   // still charging when the run ended: energy up to the end is counted
  queued_at_end = 5,    // still waiting when the run ended
};

struct ChargeSessionRecord {
  VehicleId vehicle;
  StationId station;  // road::kInvalid at home or depot
  ChargePlace place;
  SessionOutcome outcome;
  bool dc;            // plug kind used (false when no plug was used)
  NeedId need;        // the public need it served; road::kInvalid at home or depot
  sim::Time arrival;  // at the station
  sim::Time start;    // plug-in; equals `end` when no plug was used
  sim::Time end;      // unplug or departure from the queue
  double energy_kwh;       // gained by the battery
  double grid_energy_kwh;  // drawn from the grid: energy_kwh / efficiency
  double soc_before;
  double soc_after;
};

struct StationSample {
  sim::Time time;
  StationId station;
  std::uint32_t busy_plugs;
  std::uint32_t queue_length;
  double power_kw;  // battery-side power of the sessions running at `time`
};

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void on_trip(const TripRecord& trip) = 0;
  virtual void on_need(const NeedRecord& need) = 0;
  virtual void on_session(const ChargeSessionRecord& session) = 0;
  virtual void on_station_sample(const StationSample& sample) = 0;
};

}  // namespace evsim::models
