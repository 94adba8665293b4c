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
using RoadSpec = std::variant<GridRoadSpec>;

enum class PlugKind { ac, dc };

struct PlugSpec {
  std::uint32_t count = 0;
  double power_kw = 0.0;
  PlugKind kind = PlugKind::ac;
};

struct NodeLocation { std::uint32_t node; };
struct XyLocation { double x_m; double y_m; };
using LocationSpec = std::variant<NodeLocation, XyLocation>;

struct StationSpec {
  std::string name;
  LocationSpec location;
  std::vector<PlugSpec> plugs;
  bool is_public = true;
  SourceMark mark;  // of the station's mapping, for checks against the road network
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
  SourceMark mark;
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
  std::vector<SegmentSpec> fleet;
};

}  // namespace evsim::scenarios
