#pragma once
// Turns a loaded Scenario into a CityWorld: the road network with its routing structures, vehicle
// types, segment policies, the stations of one plan on road nodes, and every vehicle's plan.
//
// Checks that need the road network happen here and throw scenarios::ScenarioError naming the
// scenario key or file row (a station on a node outside the network, a trip file's unknown node).
//
// Random streams: demand/schedule_generator.hpp draws each segment's plans from its own stream;
// stations draw nothing, so adding a station changes no vehicle's plan.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/charging/connectors.hpp"
#include "scenarios/files/station_file.hpp"
#include "models/city/city_world.hpp"
#include "models/road/geo.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/files/snap_log.hpp"
#include "scenarios/scenario.hpp"
#include "sim/random.hpp"

namespace evsim::scenarios::assembly {

namespace road = models::road;
namespace charging = models::charging;

struct CityInputs {
  models::city::CityWorld world;
  std::optional<road::LocalProjection> projection{};
  road::RoadLoadReport road_report{};
  files::SnapLog snapping{};                 // every point put on the road, by kind
  double max_snap_distance_m = 0.0;         // the limit that applied
  std::vector<std::int64_t> source_ids{};   // per road node: its id in the user's network file
  files::SkippedRows station_rows_without_plugs{};  // rows of station files skipped
  std::vector<double> station_snap_m{};  // per station: distance from its x/y to the node it uses
  std::vector<std::optional<Datum>> station_source_crs{};  // per station: datum of its lon/lat
  std::uint64_t station_rows_left_out = 0;  // station-file rows beyond their file's keep_within, not placed
  std::vector<std::string> segment_names{};
  std::string plan_name{};
};

// `plan`: scenarios::kBasePlanName for the scenario's own stations, or the name of one of its plans
// (the scenario's stations plus the plan's). Throws ScenarioError for an unknown plan name.
CityInputs build_city(const scenarios::Scenario& scenario, const sim::RandomStreams& streams,
                      std::string_view plan = scenarios::kBasePlanName);

// The pieces, for tests and tools.
models::fleet::VehicleType make_vehicle_type(const scenarios::VehicleTypeSpec& spec, charging::ConnectorNames& connectors);
models::city::SegmentPolicy make_segment_policy(const scenarios::SegmentSpec& spec);

}  // namespace evsim::scenarios::assembly
