#include "models/city/city_model.hpp"

#include <algorithm>

namespace evsim::models::city {

using road::kInvalid;

CityModel::CityModel(sim::Simulator& simulator, const CityWorld& world, RunObserver& observer)
    : sim_(simulator),
      world_(world),
      observer_(observer),
      router_(world.hierarchy, world.settings.route_cache_entries),
      radius_search_(world.roads.node_count()),
      stations_(world.stations),
      sessions_(simulator, stations_, [this](VehicleId v) {
        if (v >= world_.schedule.vehicles.size() && other_sessions_) {
          other_sessions_(v);
        } else {
          end_session(v, SessionOutcome::charged);
        }
      }) {
  const std::uint32_t n = world.roads.node_count();
  station_offsets_.assign(n + 1, 0);
  for (const charging::Station& st : stations_) ++station_offsets_[st.node() + 1];
  for (std::uint32_t i = 0; i < n; ++i) station_offsets_[i + 1] += station_offsets_[i];
  station_ids_.resize(stations_.size());
  std::vector<std::uint32_t> fill(station_offsets_.begin(), station_offsets_.end() - 1);
  for (StationId s = 0; s < stations_.size(); ++s) station_ids_[fill[stations_[s].node()]++] = s;
  for (const fleet::VehicleType& type : world.types) {
    double reachable = 1.0;
    for (const fleet::CurvePoint& p : type.curve.points()) {
      if (p.power_kw <= 0.0) {
        reachable = std::max(0.0, p.soc - 1e-6);
        break;
      }
    }
    reachable_soc_.push_back(reachable);
  }
}

void CityModel::start() {
  const demand::FleetSchedule& plan = world_.schedule;
  vehicles_.resize(plan.vehicles.size());
  for (VehicleId v = 0; v < vehicles_.size(); ++v) {
    const demand::VehicleSchedule& p = plan.vehicles[v];
    Vehicle& veh = vehicles_[v];
    veh.type = p.type;
    veh.segment = p.segment;
    veh.at = p.start;
    veh.energy_kwh = p.initial_soc * world_.types[p.type].battery_kwh;
    veh.last_arrival = now();
  }
  for (VehicleId v = 0; v < vehicles_.size(); ++v) {
    const demand::VehicleSchedule& p = plan.vehicles[v];
    const std::span<const demand::Leg> legs = plan.legs_of(v);
    const bool depot = std::any_of(legs.begin(), legs.end(),
                                   [](const demand::Leg& l) { return l.activity == demand::Activity::depot; });
    after_leg(v, p.start == p.charger_node && depot ? demand::Activity::depot : demand::Activity::home, false);
  }
  for (StationId s = 0; s < stations_.size(); ++s) {
    const sim::Time close = stations_[s].hours().next_close(now());
    if (close <= world_.settings.horizon) sim_.schedule_at(close, [this, s] { close_station(s); });
  }
  if (world_.settings.sample_interval.count() > 0) sim_.schedule_at(now(), [this] { sample_stations(); });
}

void CityModel::sample_stations() {
  for (StationId s = 0; s < stations_.size(); ++s) {
    const charging::Station& st = stations_[s];
    double power = 0.0;
    for (const charging::Plug& plug : st.plugs()) {
      if (plug.occupant != kInvalid) power += session_power_kw(plug.occupant);
    }
    observer_.on_station_sample({.time = now(), .station = s, .busy_plugs = st.busy_plugs(),
                                 .queue_length = static_cast<std::uint32_t>(st.queue().size()), .power_kw = power});
  }
  const sim::Duration step = world_.settings.sample_interval;
  if (now() + step <= world_.settings.horizon) sim_.schedule(step, [this] { sample_stations(); });
}

void CityModel::finish() {
  finishing_ = true;
  for (VehicleId v = 0; v < vehicles_.size(); ++v) {
    Vehicle& veh = vehicles_[v];
    if (veh.state == VehicleState::charging) {
      end_session(v, SessionOutcome::cut_by_horizon);
    }
  }
  for (StationId s = 0; s < stations_.size(); ++s) {
    charging::Station& st = stations_[s];
    const std::vector<VehicleId> queued(st.queue().begin(), st.queue().end());
    for (const VehicleId v : queued) {
      sim_.cancel(vehicles_[v].pending);
      give_up(v, SessionOutcome::queued_at_end);
    }
    st.close_books(now());
  }
  for (VehicleId v = 0; v < vehicles_.size(); ++v) {
    if (vehicles_[v].need != kInvalid) end_need(v, NeedOutcome::open_at_end);
  }
}

}  // namespace evsim::models::city
