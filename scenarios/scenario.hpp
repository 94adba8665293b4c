#pragma once
// A scenario, parsed once into plain typed structs (scenarios/loader.hpp fills them).
//
// Canonical units, used in every field name and everywhere inside evsim:
//   energy kWh, power kW, length m, speed km/h, consumption kWh/km, state of charge as a fraction
//   in [0, 1], durations and times of day as sim::Duration (integer milliseconds; a time of day is
//   the Duration since midnight of day 0).
// docs/scenario-format.md documents every key, its unit and its default.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sim/event_list.hpp"
#include "sim/time.hpp"

namespace evsim::scenarios {

// Where a value came from in the scenario file, so that checks made after loading (for example
// "station on a node outside the network") can still name file, line, column and key.
struct SourceMark {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
  std::string key_path;  // e.g. "stations[2].node"
};

// A random quantity, in the unit of the key that holds it.
struct FixedValue { double value; };
struct UniformDistribution { double min; double max; };
// Normal truncated to [min, max]; min/max default to mean -/+ 4 sd.
struct NormalDistribution { double mean; double sd; double min; double max; };
struct ExponentialDistribution { double mean; };
using DistributionSpec =
    std::variant<FixedValue, UniformDistribution, NormalDistribution, ExponentialDistribution>;

struct GridRoadSpec {
  std::uint32_t rows = 0;
  std::uint32_t cols = 0;
  double spacing_m = 0.0;
  double speed_kmh = 0.0;
};
// Rings around a centre crossed by straight spokes: node 0 is the centre; ring r (1..rings) has
// radius r * ring_spacing_m; spokes meet every ring; ring arcs between spokes are split into
// pieces no longer than max_segment_m (0: no split). Radial roads at radial_speed_kmh, rings at
// ring_speed_kmh; all two-way.
struct RingRadialRoadSpec {
  std::uint32_t rings = 0;
  std::uint32_t spokes = 0;
  double ring_spacing_m = 0.0;
  double max_segment_m = 0.0;
  double radial_speed_kmh = 0.0;
  double ring_speed_kmh = 0.0;
};

// An OpenStreetMap extract (.osm, .osm.gz, .osm.bz2, .osm.pbf), read with libosmium.
struct OsmRoadSpec {
  std::filesystem::path file;      // resolved against the scenario's folder
  bool include_service = false;    // keep highway=service ways too
  SourceMark mark{};                 // of the `file` value
};

// Two CSV files: nodes (id and lon,lat or x_m,y_m) and edges (from,to,length_m,speed_kmh,oneway).
struct CsvRoadSpec {
  std::filesystem::path nodes_file;
  std::filesystem::path edges_file;
  SourceMark nodes_mark{};
  SourceMark edges_mark{};
};

using RoadSpec = std::variant<GridRoadSpec, RingRadialRoadSpec, OsmRoadSpec, CsvRoadSpec>;

enum class PlugKind { ac, dc };

struct PlugSpec {
  std::uint32_t count = 0;
  double power_kw = 0.0;
  PlugKind kind = PlugKind::ac;
};

struct NodeLocation { std::uint32_t node; };
struct XyLocation { double x_m; double y_m; };
struct LonLatLocation { double lon; double lat; };  // WGS84 degrees
using LocationSpec = std::variant<NodeLocation, XyLocation, LonLatLocation>;

struct StationSpec {
  std::string name;
  LocationSpec location;
  std::vector<PlugSpec> plugs;
  bool is_public = true;
  SourceMark mark{};  // of the station's mapping, for checks against the road network
};

struct VehicleTypeSpec {
  std::string name;
  double battery_kwh = 0.0;
  double consumption_kwh_per_km = 0.0;
  double max_ac_power_kw = 0.0;
  double max_dc_power_kw = 0.0;
};

// One segment of the fleet. Issue-2 demand model: each vehicle has a home and a work node drawn
// uniformly from the road network, drives home -> work at `depart_to_work`, stays `work_dwell`,
// then drives back home.
struct SegmentSpec {
  std::string name;
  std::string vehicle_type;   // a VehicleTypeSpec::name
  std::uint32_t count = 0;
  DistributionSpec initial_soc;      // fraction
  double charge_below_soc = 0.3;     // seek a charger when SoC falls below this after a trip
  double charge_to_soc = 0.8;        // charge until this SoC
  sim::Duration patience{};          // longest wait in a station queue before giving up
  DistributionSpec depart_to_work;   // time of day, ms since midnight
  DistributionSpec work_dwell;       // duration, ms
  SourceMark mark{};
};

// A CSV file of stations (one row a station). Column names default to evsim's own format,
//   name,lon,lat,dc_plugs,dc_power_kw,ac_plugs,ac_power_kw
// (x_m,y_m or node may replace lon,lat); each can be renamed to read other sources, e.g. the
// Shenzhen data: {name: station_id, lon: longitude, lat: latitude, dc_plugs: fast, ac_plugs: slow}
// with dc_power / ac_power given for the whole file when the file has no power columns.
struct StationFileSpec {
  std::filesystem::path file{};
  std::string name_column = "name";
  std::string lon_column = "lon";
  std::string lat_column = "lat";
  std::string x_column = "x_m";
  std::string y_column = "y_m";
  std::string node_column = "node";
  std::string dc_plugs_column = "dc_plugs";
  std::string ac_plugs_column = "ac_plugs";
  std::string dc_power_column = "dc_power_kw";  // used when present in the header
  std::string ac_power_column = "ac_power_kw";
  std::optional<double> dc_power_kw{};  // for files without a power column
  std::optional<double> ac_power_kw{};
  bool is_public = true;
  SourceMark mark{};
};

// A placement plan: the scenario's stations plus these. The scenario's own stations alone form the
// plan named kBasePlanName, which no PlanSpec may use.
inline constexpr std::string_view kBasePlanName = "base";
struct PlanSpec {
  std::string name;
  std::vector<StationSpec> stations;
  std::vector<StationFileSpec> station_files;
  SourceMark mark{};
};

// A closed polygon in lon/lat (WGS84 degrees): the area a coverage target applies to.
struct AreaSpec {
  std::vector<std::pair<double, double>> lon_lat;  // first != last; closed implicitly
  std::filesystem::path source_file;               // the GeoJSON it came from, empty when inline
  SourceMark mark{};
};

// Demand points: CSV with weight and lon,lat (or x_m,y_m, or node).
struct DemandFileSpec {
  std::filesystem::path file{};
  std::string weight_column = "weight";
  SourceMark mark{};
};

struct CoverageSpec {
  double radius_m = 1000.0;
  double catchment_m = 1000.0;  // 2SFCA catchment; defaults to radius_m
  std::optional<DemandFileSpec> demand;
  std::optional<AreaSpec> area;
};

struct RunSpec {
  std::string name;
  std::uint64_t seed = 1;
  sim::Duration horizon{};
  sim::Duration sample_interval{};
  sim::EventListKind event_list = sim::EventListKind::radix_heap;
};

struct Scenario {
  std::filesystem::path source_file;  // as given on the command line
  std::string source_text;            // the whole YAML text, stored in the results' /meta
  RunSpec run;
  RoadSpec road;
  std::vector<VehicleTypeSpec> vehicle_types;
  std::vector<StationSpec> stations;
  std::vector<StationFileSpec> station_files;
  std::vector<SegmentSpec> fleet;
  std::vector<PlanSpec> plans;
  CoverageSpec coverage;
};

}  // namespace evsim::scenarios
