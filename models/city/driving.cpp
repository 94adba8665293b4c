// CityModel: following the plan (departures, legs, trips, arrivals, stranding).
#include <algorithm>
#include <cmath>

#include "models/city/city_model.hpp"
#include "models/fleet/consumption.hpp"

namespace evsim::models::city {

using road::kInvalid;

double CityModel::route_energy_kwh(VehicleId v, const road::RouteCost& cost) const {
  return fleet::trip_energy_kwh(type_of(v).consumption, cost.length_m, cost.speed_sq_length,
                                world_.settings.ambient_temperature_c);
}

void CityModel::schedule_departure(VehicleId v) {
  Vehicle& veh = vehicles_[v];
  const std::span<const demand::Leg> legs = world_.schedule.legs_of(v);
  veh.departure_at = sim::kTimeMax;
  while (veh.next_leg < legs.size()) {
    const demand::Leg& leg = legs[veh.next_leg];
    const sim::Time t = std::max({leg.not_before, veh.last_arrival + leg.min_stay, now()});
    if (t > leg.skip_after) {
      ++veh.next_leg;
      continue;
    }
    if (t > world_.settings.horizon) return;
    veh.departure_at = t;
    sim_.schedule_at(t, [this, v] { depart(v); });
    return;
  }
}

void CityModel::depart(VehicleId v) {
  Vehicle& veh = vehicles_[v];
  veh.departure_at = sim::kTimeMax;
  veh.planned_depart = now();
  switch (veh.state) {
    case VehicleState::stranded:
      return;
    case VehicleState::parked:
      start_leg(v);
      return;
    case VehicleState::charging:
      veh.departure_due = true;
      if (veh.ends_at_departure) {
        end_session(v, SessionOutcome::unplugged);
      }
      return;
    case VehicleState::queued:
    case VehicleState::driving:
      veh.departure_due = true;
      return;
  }
}

void CityModel::start_leg(VehicleId v) {
  Vehicle& veh = vehicles_[v];
  veh.departure_due = false;
  const std::span<const demand::Leg> legs = world_.schedule.legs_of(v);
  if (veh.next_leg >= legs.size()) {
    veh.state = VehicleState::parked;
    return;
  }
  const demand::Leg& leg = legs[veh.next_leg];
  if (now() > leg.skip_after) {
    ++veh.next_leg;
    veh.state = VehicleState::parked;
    schedule_departure(v);
    return;
  }
  if (veh.en_route_leg != veh.next_leg && leg.destination != veh.at) {
    const road::RouteCost cost = router_.route(veh.at, leg.destination);
    const double reserve_kwh = policy_of(v).reserve_soc * type_of(v).battery_kwh;
    if (cost.time_ms != road::kUnreachableMs && veh.energy_kwh - route_energy_kwh(v, cost) < reserve_kwh) {
      veh.en_route_leg = veh.next_leg;
      start_need(v, NeedReason::en_route, leg.destination);
      return;
    }
  }
  drive(v, leg.destination, TripPurpose::plan);
}

void CityModel::drive(VehicleId v, road::NodeId destination, TripPurpose purpose) {
  Vehicle& veh = vehicles_[v];
  const std::span<const demand::Leg> legs = world_.schedule.legs_of(v);
  const demand::Activity activity =
      veh.next_leg < legs.size() ? legs[veh.next_leg].activity : demand::Activity::home;
  const road::RouteCost cost = router_.route(veh.at, destination);
  TripRecord trip{.vehicle = v,
                  .purpose = purpose,
                  .activity = activity,
                  .outcome = TripOutcome::arrived,
                  .origin = veh.at,
                  .destination = destination,
                  .planned_depart = purpose == TripPurpose::plan ? veh.planned_depart : now(),
                  .depart = now(),
                  .arrive = now(),
                  .distance_m = 0.0,
                  .energy_kwh = 0.0,
                  .soc_after = soc(v)};
  if (purpose == TripPurpose::plan) trip.leg = world_.schedule.vehicles[v].first_leg + veh.next_leg;
  veh.state = VehicleState::driving;
  if (cost.time_ms == road::kUnreachableMs) {  // impossible on a strongly connected network
    trip.outcome = TripOutcome::stranded;
    arrive(v, trip);
    return;
  }
  const double needed_kwh = route_energy_kwh(v, cost);
  double share = 1.0;
  if (needed_kwh > veh.energy_kwh) {
    trip.outcome = TripOutcome::stranded;
    share = needed_kwh > 0.0 ? veh.energy_kwh / needed_kwh : 0.0;
  }
  trip.distance_m = share * cost.length_m;
  trip.energy_kwh = std::min(needed_kwh, veh.energy_kwh);
  trip.arrive = now() + sim::Duration{std::llround(share * static_cast<double>(cost.time_ms))};
  sim_.schedule_at(trip.arrive, [this, v, trip] { arrive(v, trip); });
}

void CityModel::arrive(VehicleId v, const TripRecord& trip_in) {
  Vehicle& veh = vehicles_[v];
  TripRecord trip = trip_in;
  veh.energy_kwh = trip.outcome == TripOutcome::stranded ? 0.0 : std::max(0.0, veh.energy_kwh - trip.energy_kwh);
  trip.soc_after = soc(v);
  observer_.on_trip(trip);
  if (veh.need != kInvalid && trip.purpose == TripPurpose::to_charger) needs_[veh.need].record.detour_m += trip.distance_m;
  if (trip.outcome == TripOutcome::stranded) {
    veh.state = VehicleState::stranded;
    if (veh.need != kInvalid) end_need(v, NeedOutcome::unserved);
    return;
  }
  veh.at = trip.destination;
  switch (trip.purpose) {
    case TripPurpose::plan:
      ++veh.next_leg;
      veh.last_arrival = now();
      veh.en_route_leg = kInvalid;
      after_leg(v, trip.activity, true);
      return;
    case TripPurpose::to_charger:
      arrive_at_station(v);
      return;
    case TripPurpose::from_charger:
      become_free(v);
      return;
  }
}

void CityModel::after_leg(VehicleId v, demand::Activity activity, bool arrived) {
  Vehicle& veh = vehicles_[v];
  veh.state = VehicleState::parked;
  schedule_departure(v);
  const demand::VehicleSchedule& plan = world_.schedule.vehicles[v];
  const SegmentPolicy& policy = policy_of(v);
  if (plan.charger_power_kw > 0.0 && veh.at == plan.charger_node &&
      (activity == demand::Activity::home || activity == demand::Activity::depot)) {
    if (soc(v) < target_soc(v)) {
      start_private_session(v, activity == demand::Activity::depot ? ChargePlace::depot : ChargePlace::home);
    }
    return;
  }
  if (!arrived) return;  // parked since before the run: it decides when it next drives
  if (soc(v) < policy.charge_below_soc) {
    start_need(v, NeedReason::low_soc, kInvalid);
    return;
  }
  const std::span<const demand::Leg> legs = world_.schedule.legs_of(v);
  if (veh.next_leg < legs.size() && legs[veh.next_leg].destination != veh.at) {
    const road::RouteCost next = router_.route(veh.at, legs[veh.next_leg].destination);
    const double reserve_kwh = policy.reserve_soc * type_of(v).battery_kwh;
    if (next.time_ms != road::kUnreachableMs && veh.energy_kwh - route_energy_kwh(v, next) < reserve_kwh) {
      start_need(v, NeedReason::next_trip, kInvalid);
      return;
    }
  }
  if (policy.opportunistic) try_opportunistic(v);
}

void CityModel::become_free(VehicleId v) {
  Vehicle& veh = vehicles_[v];
  veh.state = VehicleState::parked;
  if (veh.departure_due && !finishing_) start_leg(v);
}

}  // namespace evsim::models::city
