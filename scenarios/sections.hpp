#pragma once
// Readers for the sections of a scenario (internal to the scenario loader; loader.cpp reads the
// top-level mapping and calls these). Each reads one key's value and checks everything that can be
// checked without the road network.
#include <vector>

#include "scenarios/scenario.hpp"
#include "scenarios/yaml_reader.hpp"

namespace evsim::scenarios {

RoadSpec read_road(const NodeRef& ref);
std::vector<VehicleTypeSpec> read_vehicle_types(const NodeRef& ref);
std::vector<StationSpec> read_stations(const NodeRef& ref);
// `types` are the scenario's vehicle types, which each segment must name.
std::vector<SegmentSpec> read_fleet(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types);

}  // namespace evsim::scenarios
