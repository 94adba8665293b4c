#pragma once
// Puts scenario stations on road nodes through the PointLocator (files/point_locator.hpp: node ids of
// the user's network file, x/y and lon/lat snapped within the scenario's limit and logged), and keeps
// each station's snapping distance for the reports. Errors name the station's scenario key or file row.
// A station with keep_within_m (its station file's keep_within) whose point is farther than that
// from the road is left out and counted: rows of a city-wide list beyond the edge of a road extract
// would otherwise all be snapped onto the extract's border (or refused by road.max_snap_distance).
#include <cstdint>
#include <optional>
#include <vector>

#include "models/charging/connectors.hpp"
#include "models/charging/station.hpp"
#include "scenarios/files/station_file.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::assembly {

struct ResolvedStations {
  std::vector<models::charging::Station> stations;
  std::vector<double> snap_m;  // per station: straight-line distance from its given point to its node
  std::vector<std::optional<Datum>> source_crs;  // per station: the datum of its lon/lat (none: node, x/y)
  std::uint64_t left_out = 0;  // stations farther than their keep_within_m from the road, not placed
};

// Plugs take their connector's bit in `connectors` (the vehicle types' names; plugs without a
// connector get their kind's GB/T default); a connector no vehicle type has gets no bit.
ResolvedStations resolve_stations(const std::vector<scenarios::StationSpec>& specs, files::PointLocator& locator,
                                  const models::charging::ConnectorNames& connectors);

// Every station a scenario names directly: `stations` followed by the rows of `station_files`
// (rows without plugs are skipped; their count is added to `rows_without_plugs` when given).
std::vector<scenarios::StationSpec> collect_station_specs(const std::vector<scenarios::StationSpec>& inline_specs,
                                                          const std::vector<scenarios::StationFileSpec>& files,
                                                          files::SkippedRows* rows_without_plugs = nullptr);

}  // namespace evsim::scenarios::assembly
