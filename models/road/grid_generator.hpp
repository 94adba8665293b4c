#pragma once
// Synthetic grid town: rows x cols intersections `spacing_m` apart, two-way streets between
// horizontal and vertical neighbours, all at one speed. Node id = row * cols + col; node (0, 0) is
// at x = 0, y = 0, columns grow along x, rows along y. These row-major ids are kept as they are
// (not put in Hilbert order): scenarios and tests name grid nodes by them.
#include "models/road/road_graph.hpp"
#include "models/road/road_network.hpp"

#include <cstdint>

namespace evsim::models::road {

struct GridSpec {
  std::uint32_t rows = 0;
  std::uint32_t cols = 0;
  double spacing_m = 0.0;
  double speed_kmh = 0.0;
};

RoadGraph make_grid(const GridSpec& spec);

// The same grid as a RoadNetwork: no projection, source_ids = node ids, report filled in (a grid
// is one strongly connected component; nothing is dropped).
RoadNetwork make_grid_network(const GridSpec& spec);

}  // namespace evsim::models::road
