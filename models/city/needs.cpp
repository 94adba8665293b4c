// CityModel: charging needs (when a vehicle looks for a public charger, and which one it picks).
#include <algorithm>
#include <limits>

#include "models/charging/station_choice.hpp"
#include "models/city/city_model.hpp"

namespace evsim::models::city {

using road::kInvalid;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

double hours_of(const road::RouteCost& cost) { return static_cast<double>(cost.time_ms) / 3'600'000.0; }

}  // namespace

void CityModel::start_need(VehicleId v, NeedReason reason, road::NodeId onward) {
  Vehicle& veh = vehicles_[v];
  NeedState ns{.record = {.id = static_cast<NeedId>(needs_.size()),
                          .vehicle = v,
                          .reason = reason,
                          .outcome = NeedOutcome::open_at_end,
                          .node = veh.at,
                          .time = now(),
                          .resolved = now(),
                          .stations_tried = 0,
                          .free_plug_within_radius = false,
                          .detour_m = 0.0,
                          .nearest_station_m = kInfinity},
               .onward = onward,
               .tried = {}};
  veh.need = static_cast<NeedId>(needs_.size());
  needs_.push_back(std::move(ns));
  const bool returns = policy_of(v).returns_after_charging && reason != NeedReason::en_route;
  veh.return_to = returns ? veh.at : kInvalid;
  veh.ends_at_departure = false;
  seek_station(v);
}

bool CityModel::free_plug_within(VehicleId v, double radius_m, double* nearest_m) {
  const Vehicle& veh = vehicles_[v];
  const charging::Usage usage = usage_of(v);
  const std::span<const std::uint32_t> row = world_.nearest.stations_of(veh.at);
  const std::span<const double> dist = world_.nearest.distances_of(veh.at);
  *nearest_m = kInfinity;
  for (std::size_t i = 0; i < row.size() && row[i] != kInvalid; ++i) {
    if (stations_[world_.public_stations[row[i]]].can_serve(usage)) {
      *nearest_m = dist[i];
      break;
    }
  }
  if (*nearest_m > radius_m) return false;
  for (const coverage::Reached& r : radius_search_.run(world_.forward_lengths, veh.at, radius_m)) {
    for (std::uint32_t i = station_offsets_[r.node]; i < station_offsets_[r.node + 1]; ++i) {
      const charging::Station& st = stations_[station_ids_[i]];
      if (st.is_public() && st.hours().is_open(now()) && st.free_usable_plugs(usage) > 0) return true;
    }
  }
  return false;
}

void CityModel::seek_station(VehicleId v) {
  Vehicle& veh = vehicles_[v];
  NeedState& ns = needs_[veh.need];
  const SegmentPolicy& policy = policy_of(v);
  const fleet::VehicleType& type = type_of(v);
  veh.wants_dc = false;  // every station is priced at its best plug for this vehicle
  const charging::Usage usage = usage_of(v);
  if (ns.tried.size() >= policy.max_station_tries) {
    end_need(v, NeedOutcome::unserved);
    return;
  }
  const road::NodeId next = ns.onward != kInvalid ? ns.onward : veh.return_to;
  const double direct_h = next != kInvalid ? hours_of(router_.route(veh.at, next)) : 0.0;
  StationId best = kInvalid;
  bool best_dc = false;
  double best_cost = kInfinity;
  std::uint32_t priced = 0;
  for (const std::uint32_t entry : world_.nearest.stations_of(veh.at)) {
    if (entry == kInvalid || priced == world_.settings.choice_candidates) break;
    const StationId s = world_.public_stations[entry];
    const charging::Station& st = stations_[s];
    if (!st.can_serve(usage) || std::find(ns.tried.begin(), ns.tried.end(), s) != ns.tried.end()) continue;
    ++priced;
    const road::RouteCost to = router_.route(veh.at, st.node());
    if (to.time_ms == road::kUnreachableMs) continue;
    const double drive_kwh = route_energy_kwh(v, to);
    if (drive_kwh > veh.energy_kwh) continue;
    if (!st.hours().is_open(now() + sim::Duration{to.time_ms})) continue;
    double limit_kw = 0.0;
    bool dc = false;
    for (const charging::Plug& p : st.plugs()) {
      const double limit = charging::Station::power_limit_kw(p, usage);
      if (limit > limit_kw) {
        limit_kw = limit;
        dc = p.dc;
      }
    }
    const double soc_there = (veh.energy_kwh - drive_kwh) / type.battery_kwh;
    const double gain = std::max(0.0, target_soc(v) - soc_there);
    charging::OfferTerms terms;
    terms.drive_h = hours_of(to);
    terms.onward_h = next != kInvalid ? hours_of(router_.route(st.node(), next)) : 0.0;
    terms.direct_h = direct_h;
    terms.charge_h = gain > 0.0 ? type.curve.hours_to_charge(type.battery_kwh, soc_there, target_soc(v), limit_kw)
                                : 0.0;
    // Priced for a DC plug, it will wait for one: the wait counts the DC plugs only.
    terms.expected_wait_h = charging::expected_wait_h(st, {usage.type, usage.dc_only || dc}, terms.charge_h);
    terms.price_per_kwh = st.price_per_kwh();
    terms.grid_kwh = gain * type.battery_kwh / efficiency(dc);
    const double cost = charging::offer_cost_h(terms, policy.value_of_time_per_h);
    if (cost < best_cost) {
      best_cost = cost;
      best = s;
      best_dc = dc;
    }
  }
  veh.wants_dc = best_dc;  // false when no station was chosen
  if (ns.tried.empty()) {
    // Availability where the need arose, now: a free plug it would use (DC only if it chose DC).
    ns.record.free_plug_within_radius =
        free_plug_within(v, world_.settings.availability_radius_m, &ns.record.nearest_station_m);
  }
  if (best == kInvalid) {
    end_need(v, ns.tried.empty() ? NeedOutcome::no_station : NeedOutcome::unserved);
    return;
  }
  ns.tried.push_back(best);
  ++ns.record.stations_tried;
  veh.station = best;
  drive(v, stations_[best].node(), TripPurpose::to_charger);
}

bool CityModel::try_opportunistic(VehicleId v) {
  Vehicle& veh = vehicles_[v];
  const OpportunisticPolicy& opp = *policy_of(v).opportunistic;
  if (soc(v) >= opp.below_soc || veh.departure_at == sim::kTimeMax || veh.departure_at - now() < opp.min_stay) {
    return false;
  }
  const charging::Usage usage = usage_of(v);
  const std::span<const std::uint32_t> row = world_.nearest.stations_of(veh.at);
  const std::span<const double> dist = world_.nearest.distances_of(veh.at);
  for (std::size_t i = 0; i < row.size() && row[i] != kInvalid && dist[i] <= opp.walk_m; ++i) {
    const StationId s = world_.public_stations[row[i]];
    const charging::Station& st = stations_[s];
    if (!st.hours().is_open(now()) || st.free_usable_plugs(usage) == 0) continue;
    const road::RouteCost to = router_.route(veh.at, st.node());
    if (route_energy_kwh(v, to) > veh.energy_kwh) continue;
    NeedState ns{.record = {.id = static_cast<NeedId>(needs_.size()),
                          .vehicle = v,
                            .reason = NeedReason::opportunistic,
                            .outcome = NeedOutcome::open_at_end,
                            .node = veh.at,
                            .time = now(),
                            .resolved = now(),
                            .stations_tried = 1,
                            .free_plug_within_radius = false,
                            .detour_m = 0.0,
                            .nearest_station_m = kInfinity},
                 .onward = kInvalid,
                 .tried = {s}};
    ns.record.free_plug_within_radius =
        free_plug_within(v, world_.settings.availability_radius_m, &ns.record.nearest_station_m);
    veh.need = static_cast<NeedId>(needs_.size());
    needs_.push_back(std::move(ns));
    veh.return_to = kInvalid;
    veh.station = s;
    drive(v, st.node(), TripPurpose::to_charger);
    return true;
  }
  return false;
}

void CityModel::end_need(VehicleId v, NeedOutcome outcome) {
  Vehicle& veh = vehicles_[v];
  NeedState& ns = needs_[veh.need];
  ns.record.outcome = outcome;
  if (outcome != NeedOutcome::charged) ns.record.resolved = now();
  const NeedReason reason = ns.record.reason;
  const road::NodeId onward = ns.onward;
  if (veh.state != VehicleState::stranded && outcome != NeedOutcome::open_at_end) {
    // The detour: to the stations (already summed), then on to where the vehicle goes next, minus
    // the direct way there from where the need arose.
    const std::span<const demand::Leg> legs = world_.schedule.legs_of(v);
    road::NodeId next = onward != kInvalid ? onward : veh.return_to;
    if (next == kInvalid && veh.next_leg < legs.size()) next = legs[veh.next_leg].destination;
    if (next != kInvalid) {
      ns.record.detour_m += router_.route(veh.at, next).length_m - router_.route(ns.record.node, next).length_m;
    }
  }
  observer_.on_need(ns.record);
  std::vector<StationId>().swap(ns.tried);
  veh.need = kInvalid;
  veh.wants_dc = false;
  veh.station = kInvalid;
  if (finishing_ || veh.state == VehicleState::stranded) return;
  // Go on: en route, drive the interrupted leg; otherwise leave for a due leg, drive back, or stay.
  veh.state = VehicleState::parked;
  if (reason == NeedReason::en_route && onward != kInvalid) {
    start_leg(v);
  } else if (veh.departure_due) {
    start_leg(v);
  } else if (veh.return_to != kInvalid && veh.return_to != veh.at) {
    drive(v, veh.return_to, TripPurpose::from_charger);
  }
}

}  // namespace evsim::models::city
