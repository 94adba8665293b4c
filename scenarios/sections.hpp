#pragma once
// Readers for the sections of a scenario (internal to the scenario loader; loader.cpp reads the
// top-level mapping and calls these). Each reads one key's value and checks everything that can be
// checked without the road network. Files named by a value are resolved against `scenario_file`
// (resolve_relative in scenarios/loader.hpp) and must exist; only GeoJSON areas are read here, the
// other files (OSM, CSV) are read by the model code.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"
#include "scenarios/yaml_reader.hpp"

namespace evsim::scenarios {

// road_section.cpp
// Also reads the road mapping's max_snap_distance into `snapping`.
RoadSpec read_road(const NodeRef& ref, const std::filesystem::path& scenario_file, SnappingSpec& snapping);

// vehicle_type_section.cpp
std::vector<VehicleTypeSpec> read_vehicle_types(const NodeRef& ref);
// A connector name (vehicle types' connectors, plugs' connector): [a-z0-9_]+.
std::string read_connector(const NodeRef& ref);
// Fails unless charge_below_soc < charge_to_soc: at `map`'s charge_to_soc when it sets one, else at
// its charge_below_soc (one of them must be set in `map` when the pair is wrong).
void check_charge_thresholds(const MapReader& map, double charge_below_soc, double charge_to_soc);

// station_section.cpp
std::vector<StationSpec> read_stations(const NodeRef& ref);
// The location in `map`: exactly one of the forms node, x and y, or lon and lat (other keys of
// `map` are left alone). Used by stations and depots. lon and lat are in the datum of the key
// "crs" (default wgs84) and returned in WGS-84; "crs" beside node or x and y is an error.
LocationSpec read_location(const MapReader& map);
// The datum of the mapping's lon and lat ("crs", wgs84 when absent); nullopt for node or x and y.
std::optional<Datum> read_location_crs(const MapReader& map);
std::vector<StationFileSpec> read_station_files(const NodeRef& ref, const std::filesystem::path& scenario_file);
// `stations` are the scenario's own, whose names a plan's stations must not reuse.
std::vector<PlanSpec> read_plans(const NodeRef& ref, const std::filesystem::path& scenario_file,
                                 const std::vector<StationSpec>& stations);

// fleet_section.cpp
// `types` are the scenario's vehicle types, which each segment must name.
std::vector<SegmentSpec> read_fleet(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types,
                                    const std::filesystem::path& scenario_file);

// coverage_section.cpp
CoverageSpec read_coverage(const NodeRef& ref, const std::filesystem::path& scenario_file);

// places_section.cpp
// A mapping {file, weight}: a CSV of weighted points (coverage demand, homes, work places, ...).
DemandFileSpec read_demand_file(const NodeRef& ref, const std::filesystem::path& scenario_file);
PlacesSpec read_places(const NodeRef& ref, const std::filesystem::path& scenario_file);

// site_energy_section.cpp
PvSpec read_pv(const NodeRef& ref);
StorageInputSpec read_storage(const NodeRef& ref);
// `stations`: the scenario's and its plans' stations, which events name; each must have storage.
// Every event ends within `horizon` and after it starts.
// `feeders`: the names of grid.feeders (an event's `feeder` must be one of them).
std::vector<GridEventInputSpec> read_grid_events(const NodeRef& ref, const std::vector<StationSpec>& stations,
                                                 const std::vector<std::string>& feeders, sim::Duration horizon);

// charging_section.cpp
ChargingSpec read_charging(const NodeRef& ref);

// grid_section.cpp
GridSpec read_grid(const NodeRef& ref, const std::filesystem::path& scenario_file);
// tariff_section.cpp
std::vector<TariffSpec> read_tariffs(const NodeRef& ref);
// A station's or segment's `tariff: NAME` (checked against the tariffs by check_tariff_references).
std::optional<TariffRef> read_tariff_ref(const std::optional<NodeRef>& ref);
SmartChargingSpec read_smart_charging(const NodeRef& ref);
// After the whole scenario is read: every tariff a station (also a plan's) or segment names exists,
// and smart_charging policy cheapest has a tariff beside it.
void check_tariff_references(const Scenario& sc);
// sessions_section.cpp
SessionsSpec read_sessions(const NodeRef& ref, const std::filesystem::path& scenario_file);

}  // namespace evsim::scenarios
