#include "models/charging/resolve_stations.hpp"

#include <fmt/format.h>

#include <set>
#include <type_traits>

#include "models/charging/station_file.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::models::charging {
namespace {

scenarios::SourceMark with_key(scenarios::SourceMark mark, const std::string& key) {
  mark.key_path += "." + key;
  return mark;
}

}  // namespace

ResolvedStations resolve_stations(const std::vector<scenarios::StationSpec>& specs, const road::RoadNetwork& network,
                                  const road::NodeSnapper& snapper, ConnectorNames& connectors) {
  const road::RoadGraph& g = network.graph;
  ResolvedStations out;
  std::set<std::string, std::less<>> names;
  for (const scenarios::StationSpec& spec : specs) {
    if (!names.insert(spec.name).second) {
      scenarios::throw_at(with_key(spec.mark, "name"), "a station name used once among the scenario's stations and station files",
                          scenarios::quote(spec.name));
    }
    road::Snap snap{};
    std::visit(
        [&](const auto& at) {
          using L = std::decay_t<decltype(at)>;
          if constexpr (std::is_same_v<L, scenarios::NodeLocation>) {
            if (at.node >= g.node_count()) {
              scenarios::throw_at(with_key(spec.mark, "node"), fmt::format("a road node id from 0 to {}", g.node_count() - 1),
                                  fmt::format("{}", at.node));
            }
            snap = {at.node, 0.0};
          } else if constexpr (std::is_same_v<L, scenarios::XyLocation>) {
            snap = snapper.nearest(at.x_m, at.y_m);
          } else {
            if (!network.projection) {
              scenarios::throw_at(with_key(spec.mark, "lon"),
                                  "a road network with geographic coordinates (osm, or csv nodes with lon,lat) for a "
                                  "station given by lon/lat",
                                  "a road network in plain metres");
            }
            const road::XY xy = network.projection->to_xy(at.lon, at.lat);
            snap = snapper.nearest(xy.x_m, xy.y_m);
          }
        },
        spec.location);
    std::vector<Plug> plugs;
    for (const scenarios::PlugSpec& p : spec.plugs) {
      const bool dc = p.kind == scenarios::PlugKind::dc;
      const std::string_view default_connector = dc ? scenarios::kDefaultDcConnector : scenarios::kDefaultAcConnector;
      const fleet::ConnectorSet connector = connectors.bit(p.connector.empty() ? default_connector : p.connector);
      for (std::uint32_t i = 0; i < p.count; ++i) {
        plugs.push_back({.dc = dc, .power_kw = p.power_kw, .connector = connector});
      }
    }
    const OpeningHours hours = spec.hours.always_open ? OpeningHours{} : OpeningHours{spec.hours.open, spec.hours.close};
    out.stations.emplace_back(spec.name, snap.node, std::move(plugs), spec.is_public, spec.price_per_kwh, hours);
    out.snap_m.push_back(snap.distance_m);
  }
  return out;
}

std::vector<scenarios::StationSpec> collect_station_specs(const std::vector<scenarios::StationSpec>& inline_specs,
                                                          const std::vector<scenarios::StationFileSpec>& files,
                                                          std::uint64_t* rows_without_plugs) {
  std::vector<scenarios::StationSpec> all = inline_specs;
  for (const scenarios::StationFileSpec& file : files) {
    StationFileContents contents = read_station_file(file);
    if (rows_without_plugs != nullptr) *rows_without_plugs += contents.rows_without_plugs;
    for (auto& s : contents.stations) all.push_back(std::move(s));
  }
  return all;
}

}  // namespace evsim::models::charging
