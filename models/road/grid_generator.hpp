#pragma once
// Synthetic grid town: rows x cols intersections `spacing_m` apart, two-way streets between
// horizontal and vertical neighbours, all at one speed. Node id = row * cols + col; node (0, 0) is
// at x = 0, y = 0, columns grow along x, rows along y.
#include "models/road/road_graph.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::models::road {

RoadGraph make_grid(const scenarios::GridRoadSpec& spec);

}  // namespace evsim::models::road
