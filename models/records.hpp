#pragma once
// What the models report while they run. Models emit these records through a RunObserver; only
// output/ turns them into files. Units as everywhere: kWh, kW, m, integer ms.
#include <cstdint>

#include "models/road/road_graph.hpp"
#include "sim/time.hpp"

namespace evsim::models {

using VehicleId = std::uint32_t;
using StationId = std::uint32_t;

enum class TripPurpose : std::uint8_t { to_work = 0, to_home = 1, to_charger = 2, from_charger = 3 };
enum class TripOutcome : std::uint8_t { arrived = 0, stranded = 1 };

struct TripRecord {
  VehicleId vehicle;
  TripPurpose purpose;
  TripOutcome outcome;
  road::NodeId origin;
  road::NodeId destination;
  sim::Time depart;
  sim::Time arrive;  // for a stranded vehicle: the departure time (it never moved)
  double distance_m;
  double energy_kwh;  // drawn from the battery
  double soc_after;
};

enum class SessionOutcome : std::uint8_t {
  charged = 0,          // reached its target state of charge
  gave_up = 1,          // left the queue when its patience ran out
  no_station = 2,       // no reachable public station has a plug this vehicle can use
  cut_by_horizon = 3,   // still charging when the run ended: energy up to the end is counted
  queued_at_end = 4,    // still waiting when the run ended
};

struct ChargeSessionRecord {
  VehicleId vehicle;
  StationId station;  // road::kInvalid for no_station
  SessionOutcome outcome;
  bool dc;            // plug kind used (false when no plug was used)
  sim::Time arrival;  // at the station (or the decision time for no_station)
  sim::Time start;    // plug-in; equals `end` when no plug was used
  sim::Time end;      // unplug or departure from the queue
  double energy_kwh;  // delivered to the battery
  double soc_before;
  double soc_after;
};

struct StationSample {
  sim::Time time;
  StationId station;
  std::uint32_t busy_plugs;
  std::uint32_t queue_length;
  double power_kw;
};

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void on_trip(const TripRecord& trip) = 0;
  virtual void on_session(const ChargeSessionRecord& session) = 0;
  virtual void on_station_sample(const StationSample& sample) = 0;
};

}  // namespace evsim::models
