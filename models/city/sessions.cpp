// CityModel: at the station (queue, plug-in, session end) and at home or the depot.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "models/city/city_model.hpp"

namespace evsim::models::city {

using road::kInvalid;

void CityModel::arrive_at_station(VehicleId v) {
  Vehicle& veh = vehicles_[v];
  const StationId s = veh.station;
  charging::Station& st = stations_[s];
  ++st.stats().arrivals;
  veh.station_arrival = now();
  veh.state = VehicleState::parked;
  if (!st.hours().is_open(now())) {
    ++st.stats().turned_away_closed;
    observer_.on_session({.vehicle = v, .station = s, .place = ChargePlace::public_station,
                          .outcome = SessionOutcome::closed, .dc = false, .need = veh.need, .arrival = now(),
                          .start = now(), .end = now(), .energy_kwh = 0.0, .grid_energy_kwh = 0.0,
                          .soc_before = soc(v), .soc_after = soc(v)});
    seek_station(v);
    return;
  }
  const charging::Usage usage = usage_of(v);
  if (const auto plug = st.best_free_plug(usage)) {
    const bool someone_waits_for_it =
        std::any_of(st.queue().begin(), st.queue().end(), [&](VehicleId w) {
          return charging::Station::power_limit_kw(st.plugs()[*plug], usage_of(w)) > 0.0;
        });
    if (!someone_waits_for_it) {
      plug_in(v, s, *plug);
      return;
    }
  }
  if (needs_[veh.need].record.reason == NeedReason::opportunistic) {  // it came for a free plug only
    end_need(v, NeedOutcome::unserved);
    return;
  }
  st.enqueue(now(), v);
  veh.state = VehicleState::queued;
  veh.pending = sim_.schedule(policy_of(v).patience, [this, v] { give_up(v, SessionOutcome::gave_up); });
}

void CityModel::plug_in(VehicleId v, StationId s, std::uint32_t plug) {
  Vehicle& veh = vehicles_[v];
  const charging::Station& st = stations_[s];
  veh.state = VehicleState::charging;
  veh.place = ChargePlace::public_station;
  veh.station = s;
  veh.plug = plug;
  veh.plug_in = now();
  NeedState& ns = needs_[veh.need];
  ns.record.resolved = now();
  veh.ends_at_departure = ns.record.reason == NeedReason::opportunistic;
  const fleet::VehicleType& type = type_of(v);
  const charging::Plug& p = st.plugs()[plug];
  sessions_.start({.vehicle = v,
                   .station = s,
                   .plug = plug,
                   .curve = &type.curve,
                   .battery_kwh = type.battery_kwh,
                   .limit_kw = charging::Station::power_limit_kw(p, usage_of(v)),
                   .soc = soc(v),
                   .target_soc = target_soc(v),
                   .efficiency = efficiency(p.dc),
                   .wait = now() - veh.station_arrival});
}

void CityModel::start_private_session(VehicleId v, ChargePlace place) {
  Vehicle& veh = vehicles_[v];
  const fleet::VehicleType& type = type_of(v);
  const double limit = std::min(world_.schedule.vehicles[v].charger_power_kw, type.max_ac_power_kw);
  if (limit <= 0.0) return;
  veh.state = VehicleState::charging;
  veh.place = place;
  veh.station = kInvalid;
  veh.station_arrival = now();
  veh.plug_in = now();
  veh.ends_at_departure = true;
  sessions_.start({.vehicle = v,
                   .station = kInvalid,
                   .curve = &type.curve,
                   .battery_kwh = type.battery_kwh,
                   .limit_kw = limit,
                   .soc = soc(v),
                   .target_soc = target_soc(v),
                   .efficiency = efficiency(false)});
}

void CityModel::end_session(VehicleId v, SessionOutcome outcome) {
  Vehicle& veh = vehicles_[v];
  const fleet::VehicleType& type = type_of(v);
  const bool public_station = veh.place == ChargePlace::public_station;
  const bool dc = public_station && stations_[veh.station].plugs()[veh.plug].dc;
  const charging::SessionEnd end = sessions_.stop(v, outcome == SessionOutcome::charged);
  veh.energy_kwh = end.soc_before * type.battery_kwh + end.energy_kwh;
  observer_.on_session({.vehicle = v, .station = public_station ? veh.station : kInvalid, .place = veh.place,
                        .outcome = outcome, .dc = dc, .need = public_station ? veh.need : kInvalid,
                        .arrival = veh.station_arrival, .start = veh.plug_in, .end = now(), .energy_kwh = end.energy_kwh,
                        .grid_energy_kwh = end.grid_energy_kwh, .soc_before = end.soc_before, .soc_after = soc(v)});
  veh.state = VehicleState::parked;
  veh.ends_at_departure = false;
  if (!public_station) {
    become_free(v);
    return;
  }
  if (!finishing_) serve_queue(veh.station, veh.plug);
  end_need(v, NeedOutcome::charged);
}

void CityModel::give_up(VehicleId v, SessionOutcome outcome) {
  Vehicle& veh = vehicles_[v];
  const StationId s = veh.station;
  charging::Station& st = stations_[s];
  st.dequeue(now(), v);
  if (outcome == SessionOutcome::gave_up) ++st.stats().gave_up;
  observer_.on_session({.vehicle = v, .station = s, .place = ChargePlace::public_station, .outcome = outcome,
                        .dc = false, .need = veh.need, .arrival = veh.station_arrival, .start = now(), .end = now(),
                        .energy_kwh = 0.0, .grid_energy_kwh = 0.0, .soc_before = soc(v), .soc_after = soc(v)});
  veh.state = VehicleState::parked;
  if (finishing_) return;
  seek_station(v);
}

void CityModel::serve_queue(StationId s, std::uint32_t plug) {
  charging::Station& st = stations_[s];
  for (const VehicleId w : st.queue()) {
    if (charging::Station::power_limit_kw(st.plugs()[plug], usage_of(w)) <= 0.0) continue;
    sim_.cancel(vehicles_[w].pending);
    st.dequeue(now(), w);
    plug_in(w, s, plug);
    return;
  }
}

void CityModel::close_station(StationId s) {
  charging::Station& st = stations_[s];
  const std::vector<VehicleId> queued(st.queue().begin(), st.queue().end());
  for (const VehicleId v : queued) {
    sim_.cancel(vehicles_[v].pending);
    give_up(v, SessionOutcome::closed);
  }
  const sim::Time next = st.hours().next_close(now());
  if (next <= world_.settings.horizon) sim_.schedule_at(next, [this, s] { close_station(s); });
}

}  // namespace evsim::models::city
