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

#include "models/distribution.hpp"
#include "models/charging/power_sharing.hpp"
#include "models/charging/smart_charging.hpp"
#include "models/demand/demand_kinds.hpp"
#include "models/geometry/datum.hpp"
#include "models/road/grid_generator.hpp"
#include "models/road/ring_radial.hpp"
#include "sim/event_list.hpp"
#include "sim/time.hpp"

namespace evsim::scenarios {

// The datum a position was written in (`crs:` in the scenario): wgs84, gcj02 (AMap, Tencent) or
// bd09 (Baidu). Every lon/lat the loader and the file readers hand on is WGS-84: positions are
// converted where they are read (models/geometry/datum.hpp).
using Datum = models::geometry::Datum;

// Where a value came from in the scenario file, so that checks made after loading (for example
// "station on a node outside the network") can still name file, line, column and key.
struct SourceMark {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
  std::string key_path;  // e.g. "stations[2].node"
};

// A random quantity, in the unit of the key that holds it (models/distribution.hpp).
using models::FixedValue;
using models::UniformDistribution;
using models::NormalDistribution;
using models::ExponentialDistribution;
using DistributionSpec = models::Distribution;

// Generated road networks: their parameters are the generators' own (models/road/grid_generator.hpp,
// models/road/ring_radial.hpp).
using GridRoadSpec = models::road::GridSpec;
using RingRadialRoadSpec = models::road::RingRadialSpec;

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

// Connector standards. GB/T 20234.2 (AC) and 20234.3 (DC) are the defaults; a scenario may declare
// any other name (e.g. "ccs2", "chademo", "tesla"). A vehicle uses a plug only when the plug's
// connector is one of the vehicle type's connectors and the vehicle accepts that kind of current.
inline constexpr std::string_view kDefaultAcConnector = "gbt_ac";
inline constexpr std::string_view kDefaultDcConnector = "gbt_dc";
// Distinct connector names over all vehicle types (a type's connectors are a 64-bit set). Plugs may
// name any connector; one no vehicle type has is usable by no vehicle.
inline constexpr std::size_t kMaxConnectorNames = 64;

struct PlugSpec {
  std::uint32_t count = 0;
  double power_kw = 0.0;
  PlugKind kind = PlugKind::ac;
  std::string connector{};  // the loader fills the kind's default when the key is absent
};

struct XyLocation { double x_m; double y_m; };
struct LonLatLocation { double lon; double lat; };  // WGS84 degrees
// A road node by the id the user's network file gives it: the CSV `id`, the OSM node id; generated
// networks document theirs (grid: row * cols + col; ring_radial: docs/scenario-format.md). Never
// evsim's internal index. `also_at` is a point the same source gives as well (a station file with both
// a node and coordinates columns): it must lie within the scenario's max_snap_distance of that node.
struct NodeLocation {
  std::int64_t id = 0;
  std::optional<std::variant<XyLocation, LonLatLocation>> also_at{};
};
using LocationSpec = std::variant<NodeLocation, XyLocation, LonLatLocation>;

// Daily opening hours. Open all day unless `always_open` is false; then open from `open` to
// `close` (times of day); close < open means the window runs past midnight.
struct OpeningHoursSpec {
  bool always_open = true;
  sim::Duration open{};
  sim::Duration close{};
};

// How a capacity is shared among the sessions drawing on it (models/charging/power_sharing.hpp).
using SharingPolicySpec = models::charging::SharingPolicy;  // models/charging/power_sharing.hpp

// A power cabinet (split-power super-charging) feeding the next `plugs` plugs of its station, in the
// order the station lists them (counts expanded).
struct CabinetSpec {
  double power_kw = 0.0;
  std::uint32_t plugs = 0;
  SharingPolicySpec policy = SharingPolicySpec::equal;
};

// Tariffs and smart charging (docs/scenario-format.md "Tariffs and smart charging").
// A time-of-use tariff (峰谷平): daily periods [from, to) covering 24 h once, each with an energy
// price and a kind (a label for reports), plus a service fee per kWh.
enum class TariffPeriodKind : std::uint8_t { peak = 0, flat = 1, valley = 2 };
struct TariffPeriodSpec {
  sim::Duration from{};  // time of day
  sim::Duration to{};    // time of day, up to 24:00; to < from: past midnight
  double price_per_kwh = 0.0;
  TariffPeriodKind kind = TariffPeriodKind::flat;
};
struct TariffSpec {
  std::string name;
  double service_fee_per_kwh = 0.0;
  std::vector<TariffPeriodSpec> periods;
  SourceMark mark{};
};
// A tariff named by a station or a segment, with where the name was written.
struct TariffRef {
  std::string name;
  SourceMark mark{};
};
using SmartPolicySpec = models::charging::SmartPolicy;
struct SmartChargingSpec {
  SmartPolicySpec policy = SmartPolicySpec::asap;
  double cap_kw = 0.0;  // capped only
  SourceMark mark{};
};

// A station's PV (stations[].pv): kWp and a normalised daily profile, from a CSV (time, generation)
// or the clear-sky profile of a latitude and day of the year (docs/grid-model.md).
struct PvSpec {
  double kwp = 0.0;
  std::string profile_file;  // as written, resolved against the scenario file when read; "" with clear_sky
  SourceMark profile_mark{};
  double latitude_deg = 0.0;
  std::uint32_t day_of_year = 0;  // 1..366 with clear_sky
  bool export_allowed = true;     // false: surplus not taken by the battery is curtailed
};

// A station's battery (stations[].storage); valley: grid charging hours (times of day, may wrap).
struct StorageInputSpec {
  double capacity_kwh = 0.0;
  double power_kw = 0.0;
  double round_trip_efficiency = 0.9;
  double min_soc = 0.1;
  double max_soc = 0.9;
  double initial_soc = 0.5;
  std::optional<double> shave_above_kw{};
  std::optional<std::pair<sim::Duration, sim::Duration>> valley{};
};

// A demand-response event (grid_events[]): from `from` to `to` (since the start of the run), each
// named station is asked to cut its import by reduce_by_kw; or, with `feeder`, the storage sites on
// that feeder (grid.feeders) are asked for reduce_by_kw together, split in proportion to their
// battery power (docs/grid-model.md section 13).
struct GridEventInputSpec {
  std::string name;
  sim::Duration from{};
  sim::Duration to{};
  std::vector<std::string> sites;  // empty with `feeder`
  std::string feeder{};            // a name of grid.feeders, or empty with `sites`
  double reduce_by_kw = 0.0;
  SourceMark mark{};
};

struct StationSpec {
  std::string name;
  LocationSpec location;
  std::vector<PlugSpec> plugs;
  bool is_public = true;
  double price_per_kwh = 0.0;  // in the scenario's currency, per kWh drawn from the grid
  OpeningHoursSpec hours{};
  SourceMark mark{};  // of the station's mapping, for checks against the road network
  // The datum its lon/lat were written in (`location` holds them converted to WGS-84); empty for a
  // station given by node or x/y.
  std::optional<Datum> source_crs{};
  // Left out (and counted) instead of placed when its point is farther than this from the nearest
  // road node: a station file's keep_within.
  std::optional<double> keep_within_m{};
  // The site's connection limit (none: every plug at its own power) and how it is shared.
  std::optional<double> power_limit_kw{};
  SharingPolicySpec power_policy = SharingPolicySpec::equal;
  std::vector<CabinetSpec> cabinets{};
  // The feeder bus it is attached to, "feeder:bus" (grid.feeders); none: the nearest bus.
  std::optional<std::string> bus{};
  SourceMark bus_mark{};
  // Tariffs: the station's tariff (none: flat at price_per_kwh), its operator (for cost totals) and
  // the smart charging of its AC sessions with a known departure (opportunistic charging).
  std::optional<TariffRef> tariff{};
  std::string operator_name{};
  std::optional<SmartChargingSpec> smart_charging{};
  std::optional<PvSpec> pv{};
  std::optional<StorageInputSpec> storage{};
};

// One point of a charging curve: the power the battery accepts at a state of charge.
struct CurvePointSpec {
  double soc;       // fraction
  double power_kw;
};

struct VehicleTypeSpec {
  std::string name;
  double battery_kwh = 0.0;
  double consumption_kwh_per_km = 0.0;  // at the reference speed in mild weather
  double max_ac_power_kw = 0.0;         // 0: cannot use AC plugs
  double max_dc_power_kw = 0.0;         // 0: cannot use DC plugs
  // Battery acceptance versus SoC, piecewise linear from SoC 0 to 1. The loader fills the default
  // knee curve when the key is absent: full power (the larger of the AC and DC limits) up to 80%,
  // falling linearly to 20% of it at 100%.
  std::vector<CurvePointSpec> charging_curve{};
  std::vector<std::string> connectors{};  // default: gbt_ac if max_ac_power > 0, gbt_dc if max_dc_power > 0
  // Driving-energy factors (models/fleet/consumption.hpp): share of consumption that grows with the
  // square of speed at the reference speed, and the relative increase per degC outside 15-25 degC.
  double aero_share = 0.0;
  double reference_speed_kmh = 50.0;
  double cold_increase_per_degc = 0.015;
  double heat_increase_per_degc = 0.005;
  // When to look for a charger and how far to charge; segments may override both.
  double charge_below_soc = 0.3;
  double charge_to_soc = 0.8;
  SourceMark mark{};
};

// Where activities happen: a CSV of weighted points (a `weight` column and lon,lat, x_m,y_m or
// node), or uniform over the road nodes when absent.
struct DemandFileSpec {
  std::filesystem::path file{};
  std::string weight_column = "weight";
  Datum crs = Datum::wgs84;  // of its lon,lat columns
  SourceMark mark{};
};

struct PlacesSpec {
  std::optional<DemandFileSpec> homes;  // population
  std::optional<DemandFileSpec> work;   // jobs
  std::optional<DemandFileSpec> other;  // points of interest: errands, ride-hailing destinations, delivery stops
};

// The generated demand kinds are the schedule generator's own (models/demand/demand_kinds.hpp):
// private cars, ride-hailing, and logistics vans, whose depot the scenario gives as a point.
using models::demand::PrivateCarDemand;
using models::demand::RideHailingDemand;
struct LogisticsDemand : models::demand::LogisticsDays {
  LocationSpec depot{NodeLocation{}};  // required by the loader
  SourceMark depot_mark{};
};

// Recorded trips replayed from a CSV: columns vehicle, depart (time since the start of the run:
// "HH:MM[:SS]" on day 0, "1d 07:30", or a duration such as "31h"), and origin / destination as
// node ids (origin_node, destination_node), lon/lat (origin_lon, origin_lat, destination_lon,
// destination_lat) or x/y (origin_x_m, ...). The segment's count is the number of distinct
// vehicles; each starts at its first trip's origin.
struct TripFileDemand {
  std::filesystem::path file{};
  Datum crs = Datum::wgs84;  // of its *_lon, *_lat columns
  SourceMark mark{};
};

using DemandSpec = std::variant<PrivateCarDemand, RideHailingDemand, LogisticsDemand, TripFileDemand>;

// Charging at a destination while the vehicle stays there anyway: when the stay is at least
// min_stay and SoC is below below_soc, the vehicle parks at a public station within walk_m (by
// road) that has a free plug for it, and unplugs when it leaves.
struct OpportunisticSpec {
  sim::Duration min_stay{};
  double below_soc = 0.0;
  double walk_m = 0.0;
};

// One segment of the fleet.
struct SegmentSpec {
  std::string name;
  std::string vehicle_type;   // a VehicleTypeSpec::name
  std::uint32_t count = 0;    // for a trip file: the number of vehicles it names (set when it is read)
  DistributionSpec initial_soc = FixedValue{0.8};  // fraction
  DemandSpec demand = PrivateCarDemand{};
  double charge_below_soc = 0.3;     // the vehicle type's unless the segment sets it
  double charge_to_soc = 0.8;
  double reserve_soc = 0.05;         // a trip is feasible when SoC after it stays >= this
  sim::Duration patience{};          // longest wait in a station queue before trying the next
  std::uint32_t max_station_tries = 3;
  bool dc_only = false;              // public charging on DC plugs only (default for ride-hailing)
  double value_of_time_per_h = 30.0; // currency per hour: weighs price against time in station choice
  std::optional<OpportunisticSpec> opportunistic{};
  SourceMark mark{};
  // Home and depot charging: the tariff its sessions pay (none: not metered) and smart charging.
  std::optional<TariffRef> tariff{};
  std::optional<SmartChargingSpec> smart_charging{};
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
  std::string price_column = "price_per_kwh";  // used when present in the header
  std::optional<double> price_per_kwh{};       // for the whole file otherwise (default 0)
  bool is_public = true;
  Datum crs = Datum::wgs84;  // of the lon and lat columns
  // Rows whose point is farther than this from the nearest road node are left out and counted
  // (stations beyond the edge of a road extract); unset: every row is placed.
  std::optional<double> keep_within_m{};
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
  std::vector<std::pair<double, double>> lon_lat;  // first != last; closed implicitly; converted from `crs`
  std::filesystem::path source_file;               // the GeoJSON it came from, empty when inline
  SourceMark mark{};
};

struct CoverageSpec {
  double radius_m = 1000.0;
  // 2SFCA catchment; unset: the radius in use (radius_m, or the command line's --radius).
  std::optional<double> catchment_m{};
  double catchment_for(double radius_in_use_m) const { return catchment_m.value_or(radius_in_use_m); }
  std::optional<DemandFileSpec> demand;
  std::optional<AreaSpec> area;
};

struct RunSpec {
  std::string name;
  std::uint64_t seed = 1;
  sim::Duration horizon{};
  sim::Duration sample_interval{};
  sim::EventListKind event_list = sim::EventListKind::radix_heap;
  double ambient_temperature_c = 20.0;
};

// How charging works city-wide.
struct ChargingSpec {
  double ac_efficiency = 0.92;  // battery energy / grid energy on AC plugs (and home and depot chargers)
  double dc_efficiency = 0.95;  // on DC plugs
  std::uint32_t nearest_stations = 16;  // stations per road node in the precomputed choice table
  double availability_radius_m = 1000.0;  // "free plug within" radius of the effective availability
};

// How points given by coordinates are put on the road network (scenarios/files/point_locator.hpp).
// A point farther than max_snap_distance_m from its nearest road node is an error naming it: it is
// almost surely outside the road extract or written in another datum. 500 m is half the 1-km circle
// and more than the distance from any point of a city block of up to 700 m x 700 m to its nearest
// corner, so only points off the streets of the map trip it.
inline constexpr double kDefaultMaxSnapDistanceM = 500.0;
struct SnappingSpec {
  double max_snap_distance_m = kDefaultMaxSnapDistanceM;
};

// A feeder attached to the run (`grid: feeders:`, docs/scenario-format.md): its feeder file
// (docs/feeder-format.md) and an optional CSV of hourly multipliers of its background load.
struct FeederRefSpec {
  std::string name;
  std::filesystem::path file;
  std::optional<std::filesystem::path> background_profile{};
  SourceMark mark{};          // of the feeder's mapping
  SourceMark file_mark{};
  SourceMark profile_mark{};
};

struct GridSpec {
  std::vector<FeederRefSpec> feeders{};
  SourceMark mark{};
};

// Measured sessions replayed on the stations instead of (or beside) simulated drivers
// (models/charging/session_replay.hpp; docs/scenario-format.md "sessions"; rows are read by
// scenarios/files/session_file.hpp). Each column names the file's header; plug and energy_kwh are
// optional. Times are "YYYY-MM-DD HH:MM:SS" wall-clock timestamps counted from `start` when it is
// given, else seconds since the run's start.
struct SessionEnergyRule {
  // Energy wanted when the file has none: min(battery_kwh, plug power x connected hours x power_fraction).
  double power_fraction = 1.0;  // (0, 1]
  double battery_kwh = 0.0;     // > 0
};
struct SessionsSpec {
  std::filesystem::path file{};
  std::string site_column = "site";      // a station's name
  std::optional<std::string> plug_column{};  // chargers -> the site's plugs, in order of first appearance
  std::string arrival_column = "arrival";
  std::string departure_column = "departure";
  std::optional<std::string> energy_column{};  // kWh wanted (or delivered) per session
  std::optional<std::string> start{};          // "YYYY-MM-DD HH:MM:SS": the run's time 0
  std::optional<SessionEnergyRule> energy_when_missing{};  // required without energy_column
  SourceMark mark{};
};

struct Scenario {
  std::filesystem::path source_file;  // as given on the command line
  std::string source_text;            // the whole YAML text, stored in the results' /meta
  RunSpec run;
  RoadSpec road;
  SnappingSpec snapping{};  // the road section's max_snap_distance
  std::vector<VehicleTypeSpec> vehicle_types;
  std::vector<StationSpec> stations;
  std::vector<StationFileSpec> station_files;
  std::vector<SegmentSpec> fleet;
  std::vector<PlanSpec> plans;
  CoverageSpec coverage;
  PlacesSpec places;
  ChargingSpec charging;
  GridSpec grid{};
  std::vector<TariffSpec> tariffs;  // names unique; stations and segments name them
  std::optional<SessionsSpec> sessions{};
  std::vector<GridEventInputSpec> grid_events{};
};

// The model's daily periods of a tariff (tariff_section.cpp).
std::vector<models::charging::TariffPeriod> to_model_periods(const TariffSpec& spec);
// Whether the scenario configures tariffs, operators or smart charging anywhere: only then does a run
// meter costs and write the cost tables (so results of scenarios without them stay as they were).
bool uses_tariffs(const Scenario& sc);

}  // namespace evsim::scenarios
