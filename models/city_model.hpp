#pragma once
// The city model: a fleet driving daily plans on the road network and charging at public stations.
//
// Demand (issue-2 model): every vehicle has a home and a work node, drives home -> work at its
// departure time, stays its dwell time and drives back. Driving takes the fastest path; it uses
// distance_km * consumption_kwh_per_km of energy, and a vehicle whose battery holds less than the
// trip needs is stranded (counted, never refilled).
//
// Charging: after arriving at home or work with SoC below its segment's threshold, a vehicle
// drives to the fastest-reachable public station that has a plug it can use, takes the free plug
// giving it the most power or joins the station's FIFO queue, charges at constant power
// min(plug, vehicle limit) to its target SoC, and drives back. The end of a session is one event,
// computed from the energy still needed; nothing is stepped. A vehicle that waits longer than its
// patience leaves without charge (an unserved need). If a planned departure falls while the vehicle
// is away charging, it leaves as soon as it is back. Charger efficiency is 1 and the power does not
// taper with SoC in this model; home charging is not modelled yet.
#include <cstdint>
#include <vector>

#include "models/charging/station.hpp"
#include "models/fleet/vehicle.hpp"
#include "models/records.hpp"
#include "models/road/road_graph.hpp"
#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace evsim::models {

struct SegmentPolicy {
  double charge_below_soc;
  double charge_to_soc;
  sim::Duration patience;
};

// One vehicle's drawn plan and initial state, fixed before the run (common random numbers: these
// draws never depend on stations).
struct VehiclePlan {
  std::uint32_t type = 0;
  std::uint32_t segment = 0;
  road::NodeId home = road::kInvalid;
  road::NodeId work = road::kInvalid;
  double initial_soc = 0.0;
  sim::Time depart_to_work{};
  sim::Duration work_dwell{};
};

class CityModel {
 public:
  CityModel(sim::Simulator& simulator, const road::RoadGraph& roads, std::vector<fleet::VehicleType> types,
            std::vector<SegmentPolicy> segments, std::vector<charging::Station> stations, RunObserver& observer);

  // Creates the vehicles and schedules their first departures and the station sampler.
  void start(const std::vector<VehiclePlan>& plans, sim::Duration sample_interval, sim::Time horizon);
  // Reports sessions that are still open at the end of the run (call after run_until(horizon)).
  void finish();

  const std::vector<fleet::Vehicle>& vehicles() const { return vehicles_; }
  const std::vector<charging::Station>& stations() const { return stations_; }

 private:
  void depart(VehicleId v);
  void drive(VehicleId v, road::NodeId destination, TripPurpose purpose);
  void arrive(VehicleId v, const TripRecord& trip);
  void become_parked(VehicleId v);
  void seek_charger(VehicleId v);
  void arrive_at_station(VehicleId v, StationId s);
  void start_session(VehicleId v, StationId s, std::uint32_t plug);
  void end_session(VehicleId v, StationId s, std::uint32_t plug);
  void give_up(VehicleId v, StationId s);
  void serve_queue(StationId s, std::uint32_t plug);
  void sample_stations();
  double soc(VehicleId v) const;
  const fleet::VehicleType& type_of(VehicleId v) const { return types_[vehicles_[v].type]; }

  sim::Simulator& sim_;
  const road::RoadGraph& roads_;
  std::vector<fleet::VehicleType> types_;
  std::vector<SegmentPolicy> segments_;
  std::vector<charging::Station> stations_;
  RunObserver& observer_;
  std::vector<fleet::Vehicle> vehicles_;
  std::vector<sim::Duration> work_dwell_;
  std::vector<sim::Time> session_arrival_;  // per vehicle: when it reached the station
  std::vector<double> session_soc_before_;
  std::vector<StationId> station_of_;       // per vehicle: the station it is at, or kInvalid
  sim::Duration sample_interval_{};
  sim::Time horizon_{};
};

}  // namespace evsim::models
