#pragma once
// The road network a scenario asks for, whichever kind it is: grid (make_grid_network), ring-radial
// (make_ring_radial), OpenStreetMap (load_osm) or CSV files (load_csv). Errors as those functions
// throw them.
#include "models/road/road_network.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::assembly {


models::road::RoadNetwork load_road(const RoadSpec& spec);

}  // namespace evsim::scenarios::assembly
