#pragma once
// Plane polygons in metres (x_m, y_m), e.g. a planning area projected with road::LocalProjection.
// A polygon is its vertex list, closed implicitly (last vertex connects to the first); vertices may
// run either way round. Self-intersecting polygons follow the even-odd rule.
#include <span>

#include "models/road/geo.hpp"

namespace evsim::models::geometry {

// Even-odd rule. Points exactly on an edge count as inside, so that a node on the area's border is
// in the area.
bool contains(std::span<const road::XY> polygon, road::XY point);

// Absolute area by the shoelace formula.
double area_m2(std::span<const road::XY> polygon);

}  // namespace evsim::models::geometry
