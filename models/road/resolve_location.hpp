#pragma once
// Puts one scenario location on a road node: a node id is checked against the network (ids are the
// network's own, 0 to node_count - 1, as every scenario key and file names them), x/y (metres) and
// lon/lat (degrees, through the network's projection) snap to the nearest node.
//
// Errors are scenarios::ScenarioError at `mark` with ".node" or ".lon" added to its key path:
//   expected a road node id from 0 to {N - 1}, found {node}
//   expected a road network with geographic coordinates (osm, or csv nodes with lon,lat) for {what}
//     given by lon/lat, found a road network in plain metres
#include <string_view>

#include "models/road/node_snapper.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::models::road {

// `what` names the thing located, for messages: "a station", "a depot".
Snap resolve_location(const scenarios::LocationSpec& location, const scenarios::SourceMark& mark, std::string_view what,
                      const RoadNetwork& network, const NodeSnapper& snapper);

}  // namespace evsim::models::road
