#include "models/city_model.hpp"

#include <algorithm>
#include <utility>

#include "models/road/shortest_paths.hpp"

namespace evsim::models {

using fleet::VehicleState;
using road::kInvalid;
using road::NodeId;

CityModel::CityModel(sim::Simulator& simulator, const road::RoadGraph& roads, std::vector<fleet::VehicleType> types,
                     std::vector<SegmentPolicy> segments, std::vector<charging::Station> stations,
                     RunObserver& observer)
    : sim_(simulator),
      roads_(roads),
      types_(std::move(types)),
      segments_(std::move(segments)),
      stations_(std::move(stations)),
      observer_(observer) {}

void CityModel::start(const std::vector<VehiclePlan>& plans, sim::Duration sample_interval, sim::Time horizon) {
  sample_interval_ = sample_interval;
  horizon_ = horizon;
  vehicles_.reserve(plans.size());
  for (const VehiclePlan& p : plans) {
    const double battery = types_[p.type].battery_kwh;
    vehicles_.push_back(fleet::Vehicle{.type = p.type,
                                       .segment = p.segment,
                                       .home = p.home,
                                       .work = p.work,
                                       .at = p.home,
                                       .activity = p.home,
                                       .energy_kwh = p.initial_soc * battery});
    work_dwell_.push_back(p.work_dwell);
  }
  session_arrival_.assign(vehicles_.size(), sim::kTimeZero);
  session_soc_before_.assign(vehicles_.size(), 0.0);
  station_of_.assign(vehicles_.size(), kInvalid);
  for (VehicleId v = 0; v < plans.size(); ++v) {
    if (plans[v].depart_to_work <= horizon) sim_.schedule_at(plans[v].depart_to_work, [this, v] { depart(v); });
  }
  if (sample_interval_.count() > 0) sim_.schedule_at(sim::kTimeZero, [this] { sample_stations(); });
}

double CityModel::soc(VehicleId v) const { return vehicles_[v].energy_kwh / type_of(v).battery_kwh; }

void CityModel::depart(VehicleId v) {
  fleet::Vehicle& veh = vehicles_[v];
  if (veh.state != VehicleState::parked) {
    if (veh.state != VehicleState::stranded) veh.departure_due = true;
    return;
  }
  veh.departure_due = false;
  const bool to_work = veh.next_leg == TripPurpose::to_work;
  drive(v, to_work ? veh.work : veh.home, veh.next_leg);
}

void CityModel::drive(VehicleId v, NodeId destination, TripPurpose purpose) {
  fleet::Vehicle& veh = vehicles_[v];
  const NodeId origin = veh.at;
  const std::vector<NodeId> from{origin};
  const road::TimeTree tree = road::fastest_from(roads_, from);
  TripRecord trip{.vehicle = v,
                  .purpose = purpose,
                  .outcome = TripOutcome::arrived,
                  .origin = origin,
                  .destination = destination,
                  .depart = sim_.now(),
                  .arrive = sim_.now(),
                  .distance_m = 0.0,
                  .energy_kwh = 0.0,
                  .soc_after = soc(v)};
  if (tree.time_ms[destination] == road::kUnreachableMs) {
    trip.outcome = TripOutcome::stranded;
    veh.state = VehicleState::stranded;
    observer_.on_trip(trip);
    return;
  }
  trip.distance_m = tree.length_m[destination];
  trip.energy_kwh = trip.distance_m / 1000.0 * type_of(v).consumption_kwh_per_km;
  if (trip.energy_kwh > veh.energy_kwh) {
    trip.outcome = TripOutcome::stranded;
    trip.distance_m = 0.0;
    trip.energy_kwh = 0.0;
    veh.state = VehicleState::stranded;
    observer_.on_trip(trip);
    return;
  }
  veh.state = VehicleState::driving;
  trip.arrive = sim_.now() + sim::Duration{tree.time_ms[destination]};
  sim_.schedule_at(trip.arrive, [this, v, trip] { arrive(v, trip); });
}

void CityModel::arrive(VehicleId v, const TripRecord& trip_in) {
  fleet::Vehicle& veh = vehicles_[v];
  TripRecord trip = trip_in;
  veh.energy_kwh = std::max(0.0, veh.energy_kwh - trip.energy_kwh);
  veh.at = trip.destination;
  trip.soc_after = soc(v);
  observer_.on_trip(trip);
  switch (trip.purpose) {
    case TripPurpose::to_work:
      veh.activity = veh.work;
      veh.next_leg = TripPurpose::to_home;
      sim_.schedule(work_dwell_[v], [this, v] { depart(v); });
      break;
    case TripPurpose::to_home:
      veh.activity = veh.home;
      veh.next_leg = TripPurpose::to_work;  // the next day's commute is not planned in a 1-day run
      break;
    case TripPurpose::to_charger:
      arrive_at_station(v, station_of_[v]);
      return;
    case TripPurpose::from_charger:
      break;
  }
  veh.state = VehicleState::parked;
  if (trip.purpose != TripPurpose::from_charger && soc(v) < segments_[veh.segment].charge_below_soc) {
    seek_charger(v);
    return;
  }
  become_parked(v);
}

void CityModel::become_parked(VehicleId v) {
  fleet::Vehicle& veh = vehicles_[v];
  veh.state = VehicleState::parked;
  if (veh.departure_due) depart(v);
}

void CityModel::seek_charger(VehicleId v) {
  const fleet::Vehicle& veh = vehicles_[v];
  const std::vector<NodeId> from{veh.at};
  const road::TimeTree tree = road::fastest_from(roads_, from);
  StationId best = kInvalid;
  for (StationId s = 0; s < stations_.size(); ++s) {
    const charging::Station& st = stations_[s];
    if (!st.is_public() || !st.can_serve(type_of(v)) || tree.time_ms[st.node()] == road::kUnreachableMs) continue;
    if (best == kInvalid || tree.time_ms[st.node()] < tree.time_ms[stations_[best].node()]) best = s;
  }
  if (best == kInvalid) {
    observer_.on_session({.vehicle = v, .station = kInvalid, .outcome = SessionOutcome::no_station, .dc = false,
                          .arrival = sim_.now(), .start = sim_.now(), .end = sim_.now(), .energy_kwh = 0.0,
                          .soc_before = soc(v), .soc_after = soc(v)});
    become_parked(v);
    return;
  }
  station_of_[v] = best;
  drive(v, stations_[best].node(), TripPurpose::to_charger);
}

void CityModel::arrive_at_station(VehicleId v, StationId s) {
  fleet::Vehicle& veh = vehicles_[v];
  session_arrival_[v] = sim_.now();
  session_soc_before_[v] = soc(v);
  charging::Station& st = stations_[s];
  if (st.queue().empty()) {
    if (const auto plug = st.best_free_plug(type_of(v))) {
      start_session(v, s, *plug);
      return;
    }
  }
  veh.state = VehicleState::queued;
  veh.queued_since = sim_.now();
  st.queue().push_back(v);
  veh.patience_timer = sim_.schedule(segments_[veh.segment].patience, [this, v, s] { give_up(v, s); });
}

void CityModel::start_session(VehicleId v, StationId s, std::uint32_t plug_index) {
  fleet::Vehicle& veh = vehicles_[v];
  charging::Plug& plug = stations_[s].plugs()[plug_index];
  const double power = charging::Station::session_power_kw(plug, type_of(v));
  const double target_kwh = segments_[veh.segment].charge_to_soc * type_of(v).battery_kwh;
  const double needed_kwh = std::max(0.0, target_kwh - veh.energy_kwh);
  veh.state = VehicleState::charging;
  plug.occupant = v;
  plug.since = sim_.now();
  plug.session_power_kw = power;
  sim_.schedule(sim::from_hours(needed_kwh / power), [this, v, s, plug_index] { end_session(v, s, plug_index); });
}

void CityModel::end_session(VehicleId v, StationId s, std::uint32_t plug_index) {
  fleet::Vehicle& veh = vehicles_[v];
  charging::Plug& plug = stations_[s].plugs()[plug_index];
  const double target_kwh = segments_[veh.segment].charge_to_soc * type_of(v).battery_kwh;
  const double delivered = std::max(0.0, target_kwh - veh.energy_kwh);
  veh.energy_kwh += delivered;
  observer_.on_session({.vehicle = v, .station = s, .outcome = SessionOutcome::charged, .dc = plug.dc,
                        .arrival = session_arrival_[v], .start = plug.since, .end = sim_.now(),
                        .energy_kwh = delivered, .soc_before = session_soc_before_[v], .soc_after = soc(v)});
  plug.occupant = kInvalid;
  plug.session_power_kw = 0.0;
  station_of_[v] = kInvalid;
  serve_queue(s, plug_index);
  drive(v, veh.activity, TripPurpose::from_charger);
}

void CityModel::serve_queue(StationId s, std::uint32_t plug_index) {
  charging::Station& st = stations_[s];
  const charging::Plug& plug = st.plugs()[plug_index];
  auto& queue = st.queue();
  for (auto it = queue.begin(); it != queue.end(); ++it) {
    const VehicleId w = *it;
    if (charging::Station::session_power_kw(plug, type_of(w)) <= 0.0) continue;
    queue.erase(it);
    sim_.cancel(vehicles_[w].patience_timer);
    start_session(w, s, plug_index);
    return;
  }
}

void CityModel::give_up(VehicleId v, StationId s) {
  fleet::Vehicle& veh = vehicles_[v];
  auto& queue = stations_[s].queue();
  queue.erase(std::find(queue.begin(), queue.end(), v));
  observer_.on_session({.vehicle = v, .station = s, .outcome = SessionOutcome::gave_up, .dc = false,
                        .arrival = session_arrival_[v], .start = sim_.now(), .end = sim_.now(), .energy_kwh = 0.0,
                        .soc_before = soc(v), .soc_after = soc(v)});
  station_of_[v] = kInvalid;
  drive(v, veh.activity, TripPurpose::from_charger);
}

void CityModel::sample_stations() {
  for (StationId s = 0; s < stations_.size(); ++s) {
    const charging::Station& st = stations_[s];
    observer_.on_station_sample({.time = sim_.now(), .station = s, .busy_plugs = st.busy_plugs(),
                                 .queue_length = static_cast<std::uint32_t>(st.queue().size()),
                                 .power_kw = st.power_kw()});
  }
  if (sim_.now() + sample_interval_ <= horizon_) sim_.schedule(sample_interval_, [this] { sample_stations(); });
}

void CityModel::finish() {
  for (StationId s = 0; s < stations_.size(); ++s) {
    charging::Station& st = stations_[s];
    for (charging::Plug& plug : st.plugs()) {
      if (plug.occupant == kInvalid) continue;
      const VehicleId v = plug.occupant;
      const double delivered = plug.session_power_kw * sim::to_hours(sim_.now() - plug.since);
      vehicles_[v].energy_kwh += delivered;
      observer_.on_session({.vehicle = v, .station = s, .outcome = SessionOutcome::cut_by_horizon, .dc = plug.dc,
                            .arrival = session_arrival_[v], .start = plug.since, .end = sim_.now(),
                            .energy_kwh = delivered, .soc_before = session_soc_before_[v], .soc_after = soc(v)});
    }
    for (const VehicleId v : st.queue()) {
      observer_.on_session({.vehicle = v, .station = s, .outcome = SessionOutcome::queued_at_end, .dc = false,
                            .arrival = session_arrival_[v], .start = sim_.now(), .end = sim_.now(), .energy_kwh = 0.0,
                            .soc_before = soc(v), .soc_after = soc(v)});
    }
  }
}

}  // namespace evsim::models
