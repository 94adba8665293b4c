#pragma once
// A small network checked by hand (docs/coverage.md works through it):
//
//   0 <-> 1 (400 m), 1 <-> 2 (400 m), 2 -> 3 (500 m), 3 -> 1 (600 m), 1 <-> 4 (300 m, a dead end),
//   5 <-> 6 (400 m, not connected to the rest), 7 -> 3 (200 m)
//
// With one station on the dead end 4, the road distances to it are
//   d = 700, 300, 700, 900, 0, inf, inf, 1100 (nodes 0..7).
#include <limits>
#include <vector>

#include "models/road/road_graph.hpp"

namespace evsim::models::coverage::testing {

inline road::RoadGraph hand_graph() {
  return road::RoadGraph({0, 400, 800, 1200, 400, 1300, 1700, 1200}, {0, 0, 0, 0, 300, 0, 0, 600},
                         {{0, 1, 400, 30}, {1, 0, 400, 30}, {1, 2, 400, 30}, {2, 1, 400, 30}, {2, 3, 500, 30},
                          {3, 1, 600, 30}, {1, 4, 300, 30}, {4, 1, 300, 30}, {5, 6, 400, 30}, {6, 5, 400, 30},
                          {7, 3, 200, 30}});
}

inline const std::vector<double> kHandDistances{700, 300, 700, 900, 0, std::numeric_limits<double>::infinity(),
                                               std::numeric_limits<double>::infinity(), 1100};

}  // namespace evsim::models::coverage::testing
