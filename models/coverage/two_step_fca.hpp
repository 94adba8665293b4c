#pragma once
// Two-step floating catchment area accessibility (2SFCA; Luo and Wang 2003).
//
//   step 1, per station j:  R_j = S_j / sum_{i : d_ij <= d0} P_i
//   step 2, per node i:     A_i = sum_{j : d_ij <= d0} R_j
//
// d_ij is the road distance (metres) from demand node i TO station j, found by one bounded
// search from each station on the reversed graph; S_j is the station's supply (plugs); P_i the
// node's demand; d0 the catchment. Every node's demand counts in step 1, inside the planning area
// or not (people outside it use the same chargers). A station whose catchment holds no demand
// gets R_j = 0. Distance decay inside the catchment (the "enhanced" 2SFCA) is not modelled.
#include <span>
#include <vector>

#include "models/coverage/length_graph.hpp"

namespace evsim::models::coverage {

struct TwoStepFca {
  std::vector<double> station_ratio;  // R_j per station: supply per unit of demand in its catchment
  std::vector<double> accessibility;  // A_i per node
};

// to_station_graph: LengthGraph::reversed(road). supply: per station, > 0. demand: per node, or
// empty for 1 per node. Stations on the same node are separate stations.
TwoStepFca two_step_fca(const LengthGraph& to_station_graph, std::span<const NodeId> station_nodes,
                        std::span<const double> supply, std::span<const double> demand, double catchment_m);

}  // namespace evsim::models::coverage
