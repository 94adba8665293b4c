#include "scenarios/assembly/attach_feeders.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

#include "scenarios/files/feeder_file.hpp"
#include "scenarios/files/load_profile.hpp"
#include "scenarios/plans.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::assembly {
namespace {

namespace grid = models::grid;

struct BusPoint {
  std::uint32_t feeder;
  grid::BusIndex bus;
  double x_m;
  double y_m;
};

std::vector<BusPoint> bus_points(const std::vector<grid::AttachedFeeder>& feeders, const Scenario& sc,
                                 const CityInputs& city) {
  std::vector<BusPoint> points;
  for (std::uint32_t f = 0; f < feeders.size(); ++f) {
    const grid::Feeder& feeder = feeders[f].feeder;
    for (grid::BusIndex b = 0; b < feeder.bus_count(); ++b) {
      const auto& pos = feeder.bus(b).position;
      if (!pos) continue;
      if (!pos->geographic) {
        points.push_back({f, b, pos->x, pos->y});
        continue;
      }
      if (!city.projection) {
        throw_at(sc.grid.feeders[f].file_mark,
                 "buses with x_m, y_m on a road network without lon/lat (generated or x/y CSV)",
                 fmt::format("bus {} with lon, lat", quote(feeder.bus(b).id)));
      }
      const auto xy = city.projection->to_xy(pos->x, pos->y);
      points.push_back({f, b, xy.x_m, xy.y_m});
    }
  }
  return points;
}

void attach_explicit(const std::vector<StationSpec>& specs, const std::vector<grid::AttachedFeeder>& feeders,
                     const std::unordered_map<std::string, std::uint32_t>& station_of,
                     std::vector<grid::StationBus>& station_bus, std::vector<bool>& explicit_bus) {
  for (const StationSpec& spec : specs) {
    if (!spec.bus) continue;
    const std::string& text = *spec.bus;
    const auto colon = text.find(':');
    const std::string feeder_name = text.substr(0, colon);
    const std::string bus_id = text.substr(colon + 1);
    std::uint32_t f = 0;
    while (f < feeders.size() && feeders[f].name != feeder_name) ++f;
    if (f == feeders.size()) {
      throw_at(spec.bus_mark, "a feeder of grid.feeders before the ':'", quote(text));
    }
    const auto bus = feeders[f].feeder.find_bus(bus_id);
    if (!bus) {
      throw_at(spec.bus_mark, fmt::format("the id of a bus of feeder {} after the ':'", quote(feeder_name)), quote(text));
    }
    const auto it = station_of.find(spec.name);
    if (it == station_of.end()) continue;  // left out (beyond its keep_within)
    station_bus[it->second] = {f, *bus};
    explicit_bus[it->second] = true;
  }
}

}  // namespace

AttachedGrid attach_feeders(const Scenario& sc, const CityInputs& city, std::string_view plan) {
  AttachedGrid out;
  auto& feeders = out.setup.feeders;
  for (const FeederRefSpec& ref : sc.grid.feeders) {
    files::FeederFile file = files::load_feeder_file(ref.file);
    std::vector<double> profile;
    if (ref.background_profile) profile = files::load_profile_file(*ref.background_profile, ref.profile_mark);
    feeders.push_back({.name = ref.name, .feeder = std::move(file.feeder), .hourly_multiplier = std::move(profile)});
  }
  const auto& stations = city.world.stations;
  out.setup.station_bus.assign(stations.size(), {});
  out.attach_distance_m.assign(stations.size(), std::numeric_limits<double>::quiet_NaN());
  if (feeders.empty()) return out;

  std::unordered_map<std::string, std::uint32_t> station_of;
  for (std::uint32_t s = 0; s < stations.size(); ++s) station_of.emplace(stations[s].name(), s);
  std::vector<bool> explicit_bus(stations.size(), false);
  attach_explicit(sc.stations, feeders, station_of, out.setup.station_bus, explicit_bus);
  if (const PlanSpec* p = find_plan(sc, plan)) {
    attach_explicit(p->stations, feeders, station_of, out.setup.station_bus, explicit_bus);
  }

  const std::vector<BusPoint> points = bus_points(feeders, sc, city);
  if (points.empty()) return out;
  const auto& roads = city.world.roads;
  for (std::uint32_t s = 0; s < stations.size(); ++s) {
    if (explicit_bus[s]) continue;
    const double x = roads.x_m(stations[s].node());
    const double y = roads.y_m(stations[s].node());
    double best = std::numeric_limits<double>::infinity();
    const BusPoint* nearest = nullptr;
    for (const BusPoint& p : points) {
      const double d = std::hypot(p.x_m - x, p.y_m - y);
      if (d < best) {  // ties: the first bus in feeder order, then bus file order
        best = d;
        nearest = &p;
      }
    }
    out.setup.station_bus[s] = {nearest->feeder, nearest->bus};
    out.attach_distance_m[s] = best;
  }
  return out;
}

}  // namespace evsim::scenarios::assembly
