#include "scenarios/assembly/resolve_stations.hpp"

#include <fmt/format.h>

#include <set>

#include "scenarios/files/station_file.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/defaults.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::assembly {
namespace road = models::road;
namespace fleet = models::fleet;
using namespace ::evsim::models::charging;
namespace {

scenarios::SourceMark with_key(scenarios::SourceMark mark, const std::string& key) {
  mark.key_path += "." + key;
  return mark;
}

// The station's site limit and cabinets; cabinets take its plugs in order.
SitePower site_power(const scenarios::StationSpec& spec) {
  SitePower power{.limit_kw = spec.power_limit_kw.value_or(SitePower::kNoLimit),
                  .policy = spec.power_policy,
                  .cabinets = {}};
  std::uint32_t next_plug = 0;
  for (const scenarios::CabinetSpec& c : spec.cabinets) {
    power.cabinets.push_back(
        {.power_kw = c.power_kw, .first_plug = next_plug, .plugs = c.plugs, .policy = c.policy});
    next_plug += c.plugs;
  }
  return power;
}

}  // namespace

ResolvedStations resolve_stations(const std::vector<scenarios::StationSpec>& specs, files::PointLocator& locator,
                                  const ConnectorNames& connectors) {
  ResolvedStations out;
  std::set<std::string, std::less<>> names;
  for (const scenarios::StationSpec& spec : specs) {
    if (!names.insert(spec.name).second) {
      scenarios::throw_at(with_key(spec.mark, "name"), "a station name used once among the scenario's stations and station files",
                          scenarios::quote(spec.name));
    }
    // Rows of a file with keep_within farther from the road are left out (counted), not errors.
    if (spec.keep_within_m && locator.distance_to_road(spec.location) > *spec.keep_within_m) {
      ++out.left_out;
      continue;
    }
    const road::Snap snap = locator.locate(spec.location, files::point_ref("station", spec.name, spec.mark));
    std::vector<Plug> plugs;
    for (const scenarios::PlugSpec& p : spec.plugs) {
      const bool dc = p.kind == scenarios::PlugKind::dc;
      const fleet::ConnectorSet connector = connectors.find(p.connector.empty() ? scenarios::default_connector(p.kind) : p.connector);
      for (std::uint32_t i = 0; i < p.count; ++i) {
        plugs.push_back({.dc = dc, .power_kw = p.power_kw, .connector = connector});
      }
    }
    const OpeningHours hours = spec.hours.always_open ? OpeningHours{} : OpeningHours{spec.hours.open, spec.hours.close};
    out.stations.emplace_back(spec.name, snap.node, std::move(plugs), spec.is_public, spec.price_per_kwh, hours);
    out.stations.back().set_power(site_power(spec));
    out.snap_m.push_back(snap.distance_m);
    out.source_crs.push_back(spec.source_crs);
  }
  return out;
}

std::vector<scenarios::StationSpec> collect_station_specs(const std::vector<scenarios::StationSpec>& inline_specs,
                                                          const std::vector<scenarios::StationFileSpec>& files,
                                                          files::SkippedRows* rows_without_plugs) {
  std::vector<scenarios::StationSpec> all = inline_specs;
  for (const scenarios::StationFileSpec& file : files) {
    files::StationFileContents contents = files::read_station_file(file);
    if (rows_without_plugs != nullptr) rows_without_plugs->add(contents.rows_without_plugs);
    for (auto& s : contents.stations) all.push_back(std::move(s));
  }
  return all;
}

}  // namespace evsim::scenarios::assembly
