#pragma once
// Puts scenario stations on road nodes through the PointLocator (road/point_locator.hpp: node ids of
// the user's network file, x/y and lon/lat snapped within the scenario's limit and logged), and keeps
// each station's snapping distance for the reports. Errors name the station's scenario key or file row.
#include <vector>

#include "models/charging/connectors.hpp"
#include "models/charging/station.hpp"
#include "models/charging/station_file.hpp"
#include "models/road/point_locator.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::models::charging {

struct ResolvedStations {
  std::vector<Station> stations;
  std::vector<double> snap_m;  // per station: straight-line distance from its given point to its node
};

// Plugs take their connector's bit in `connectors` (the vehicle types' names; plugs without a
// connector get their kind's GB/T default); a connector no vehicle type has gets no bit.
ResolvedStations resolve_stations(const std::vector<scenarios::StationSpec>& specs, road::PointLocator& locator,
                                  const ConnectorNames& connectors);

// Every station a scenario names directly: `stations` followed by the rows of `station_files`
// (rows without plugs are skipped; their count is added to `rows_without_plugs` when given).
std::vector<scenarios::StationSpec> collect_station_specs(const std::vector<scenarios::StationSpec>& inline_specs,
                                                          const std::vector<scenarios::StationFileSpec>& files,
                                                          SkippedRows* rows_without_plugs = nullptr);

}  // namespace evsim::models::charging
