#pragma once
// How many road nodes a generated network will have, from its spec alone: the ring-radial node
// limit is checked with it when the scenario is read, and the run-size estimate uses it.
#include "scenarios/scenario.hpp"

namespace evsim::scenarios {

// Nodes on the rings of a ring-radial network: every spoke crossing, plus the points that split each
// arc between two spokes into pieces no longer than max_segment_m (the centre not counted).
double ring_nodes(const RingRadialRoadSpec& r);
// rows * cols for a grid, 1 + ring_nodes for a ring-radial network, 0 for a network read from files.
double generated_node_count(const RoadSpec& road);

}  // namespace evsim::scenarios
