#pragma once
// Turns a loaded Scenario into the city model's inputs: the road graph, vehicle types, segment
// policies, stations on road nodes and every vehicle's drawn plan.
//
// Checks that need the road network happen here and throw scenarios::ScenarioError naming the
// scenario key (a station on a node outside the network, say).
//
// Random streams: each segment draws its vehicles' plans from its own stream "fleet/<segment>",
// in vehicle order; stations draw nothing, so adding a station changes no vehicle's plan.
#include <cstdint>
#include <optional>
#include <vector>

#include "models/charging/station.hpp"
#include "models/city_model.hpp"
#include "models/fleet/vehicle.hpp"
#include "models/road/road_graph.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/scenario.hpp"
#include "sim/random.hpp"

namespace evsim::models {

struct CityInputs {
  road::RoadGraph roads{};
  std::optional<road::LocalProjection> projection{};
  road::RoadLoadReport road_report{};
  std::uint64_t station_rows_without_plugs = 0;  // rows of station files skipped
  std::vector<fleet::VehicleType> types{};
  std::vector<SegmentPolicy> segments{};
  std::vector<charging::Station> stations{};
  std::vector<double> station_snap_m{};  // per station: distance from its x/y to the node it uses
  std::vector<VehiclePlan> plans{};
};

CityInputs build_city(const scenarios::Scenario& scenario, const sim::RandomStreams& streams);

}  // namespace evsim::models
