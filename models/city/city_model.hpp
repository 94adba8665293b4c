#pragma once
// The city model: a fleet following its plans on the road network, needing charge, choosing,
// queueing at and charging on public stations, and charging at home or at the depot.
//
// Driving: a leg departs at max(not_before, arrival + min_stay) (demand/fleet_schedule.hpp) along the
// fastest path (contraction hierarchy, cached). It uses trip_energy_kwh (fleet/consumption.hpp)
// at the run's ambient temperature. A trip the battery cannot cover is first tried with a
// charging stop (an en-route need); if none is reachable the vehicle drives until the battery is
// empty and is stranded there: counted, never refilled, no further events.
//
// Needs (records.hpp NeedReason): a vehicle parked at the start of the run decides when it first
// drives. After arriving at a plan leg's destination a vehicle that is
// not at its own charger looks for a public station when SoC < charge_below_soc, or when the next
// leg would leave it below reserve_soc; opportunistically when it will stay long enough near a
// station with a free plug; en route when the leg about to start is out of reach. Stations are
// ranked by charging/station_choice.hpp among the `choice_candidates` nearest of the
// precomputed table that can serve it, are open at the expected arrival and are reachable on the
// charge left. It queues FIFO with its segment's patience, then tries the next station, up to
// max_station_tries; then the need is unserved and the vehicle goes on with its plan.
//
// Charging: sessions are kept by charging/session_pool.hpp: power follows the vehicle's charging
// curve under the plug and vehicle limits and, on stations with a site limit or power cabinets,
// under the session's share of the site; the end of a session is an event at the time the curve
// gives for reaching the target, moved when the share changes (never stepped).
// Sessions for a need run to the target (a departure that falls due meanwhile waits); home,
// depot and opportunistic sessions end at the target or at the next departure, whichever is first.
// Grid energy = battery energy / efficiency (AC or DC).
//
// Left out: road congestion, walking back from an opportunistic station, reservations, queue
// jumping.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "models/charging/session_pool.hpp"
#include "models/city/city_world.hpp"
#include "models/coverage/distance_search.hpp"
#include "models/records.hpp"
#include "models/road/router.hpp"
#include "sim/simulator.hpp"

namespace evsim::models::city {

enum class VehicleState : std::uint8_t { parked, driving, queued, charging, stranded };

struct Vehicle {
  std::uint32_t type = 0;
  std::uint32_t segment = 0;
  road::NodeId at = road::kInvalid;  // where it is; the origin while driving
  double energy_kwh = 0.0;
  VehicleState state = VehicleState::parked;
  std::uint32_t next_leg = 0;        // index into its plan's legs
  sim::Time last_arrival{};          // at the last plan leg's destination
  sim::Time departure_at = sim::kTimeMax;  // of the next leg, once scheduled
  sim::Time planned_depart{};        // when the leg being started fell due
  bool departure_due = false;        // the next leg fell due while it was busy
  std::uint32_t en_route_leg = road::kInvalid;  // the leg it already stopped to charge for
  // The current need and session.
  NeedId need = road::kInvalid;
  StationId station = road::kInvalid;
  std::uint32_t plug = 0;
  ChargePlace place = ChargePlace::public_station;
  bool ends_at_departure = false;    // home, depot, opportunistic sessions
  bool wants_dc = false;             // this visit: chose the station for a DC plug, waits for one
  road::NodeId return_to = road::kInvalid;  // after the need: drive back here (kInvalid: stay)
  sim::Time station_arrival{};
  sim::Time plug_in{};
  sim::EventId pending{};            // patience timer (session ends are the session pool's)
  bool stranded_counted = false;
};

class CityModel {
 public:
  CityModel(sim::Simulator& simulator, const CityWorld& world, RunObserver& observer);

  // Places the vehicles, schedules their first departures and the station sampler.
  void start();
  // Closes what is open at the end of the run (call after run_until(horizon)): sessions cut by
  // the horizon, queues, needs, and the stations' time integrals.
  void finish();

  const std::vector<Vehicle>& vehicles() const { return vehicles_; }
  const std::vector<charging::Station>& stations() const { return stations_; }
  const road::Router& router() const { return router_; }
  // The charging sessions; connect to its plugged_in, unplugged and power_changed signals before start().
  charging::SessionPool& sessions() { return sessions_; }
  const charging::SessionPool& sessions() const { return sessions_; }
  // Sessions on the pool of vehicle ids from first_other_vehicle() on belong to someone else (a
  // measured-session replay, charging/session_replay.hpp): their target-reached calls go to
  // `handler`, which must stop them. Set before start().
  void set_other_sessions(std::function<void(VehicleId)> handler) { other_sessions_ = std::move(handler); }
  VehicleId first_other_vehicle() const { return static_cast<VehicleId>(world_.schedule.vehicles.size()); }

 private:
  // driving.cpp
  void schedule_departure(VehicleId v);
  void depart(VehicleId v);
  void start_leg(VehicleId v);
  void drive(VehicleId v, road::NodeId destination, TripPurpose purpose);
  void arrive(VehicleId v, const TripRecord& trip);
  // After a plan leg (`arrived`) or at the start of the run: plug in at its own charger, or
  // decide on a public charging need (only after a trip: at the start it waits until it drives).
  void after_leg(VehicleId v, demand::Activity activity, bool arrived);
  void become_free(VehicleId v);
  double route_energy_kwh(VehicleId v, const road::RouteCost& cost) const;
  // needs.cpp
  void start_need(VehicleId v, NeedReason reason, road::NodeId onward);
  void seek_station(VehicleId v);
  void end_need(VehicleId v, NeedOutcome outcome);
  bool free_plug_within(VehicleId v, double radius_m, double* nearest_m);
  bool try_opportunistic(VehicleId v);
  // sessions.cpp
  void arrive_at_station(VehicleId v);
  void plug_in(VehicleId v, StationId s, std::uint32_t plug);
  void end_session(VehicleId v, SessionOutcome outcome);
  void give_up(VehicleId v, SessionOutcome outcome);
  void serve_queue(StationId s, std::uint32_t plug);
  void start_private_session(VehicleId v, ChargePlace place);
  void close_station(StationId s);
  void sample_stations();
  double soc_now(VehicleId v) const { return sessions_.soc_now(v); }  // while plugged in: from the curve
  double session_power_kw(VehicleId v) const { return sessions_.power_kw(v); }

  double soc(VehicleId v) const { return vehicles_[v].energy_kwh / type_of(v).battery_kwh; }
  // The segment's charge_to_soc, or just below the first SoC where the vehicle's charging curve
  // reaches 0 kW when that comes first (a session must be able to end).
  double target_soc(VehicleId v) const {
    return std::min(policy_of(v).charge_to_soc, reachable_soc_[vehicles_[v].type]);
  }
  const fleet::VehicleType& type_of(VehicleId v) const { return world_.types[vehicles_[v].type]; }
  const SegmentPolicy& policy_of(VehicleId v) const { return world_.segments[vehicles_[v].segment]; }
  // What vehicle v may plug into now: its type's connectors and limits, DC only if its segment
  // says so or if it chose this station for a DC plug (it does not settle for a slow AC post).
  charging::Usage usage_of(VehicleId v) const {
    return {&type_of(v), policy_of(v).dc_only || vehicles_[v].wants_dc};
  }
  double efficiency(bool dc) const { return dc ? world_.settings.dc_efficiency : world_.settings.ac_efficiency; }

  struct NeedState {
    NeedRecord record;
    road::NodeId onward;                // en route: where the interrupted leg goes
    std::vector<StationId> tried;
  };

  sim::Simulator& sim_;
  const CityWorld& world_;
  RunObserver& observer_;
  road::Router router_;
  coverage::DistanceSearch radius_search_;
  std::vector<charging::Station> stations_;
  charging::SessionPool sessions_;  // over stations_
  std::vector<std::uint32_t> station_offsets_;  // stations at node n: station_ids_[offsets[n], offsets[n+1])
  std::vector<StationId> station_ids_;
  std::vector<Vehicle> vehicles_;
  std::vector<NeedState> needs_;
  std::vector<double> reachable_soc_;  // per vehicle type
  std::function<void(VehicleId)> other_sessions_;
  bool finishing_ = false;  // finish() is closing the books: no vehicle moves on
  sim::Time now() const { return sim_.now(); }
};

}  // namespace evsim::models::city
