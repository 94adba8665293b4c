#pragma once
// Synthetic ring-radial town (RingRadialSpec): a centre, `rings` concentric rings
// of radius r * ring_spacing_m (r = 1..rings) and `spokes` straight radial roads at angles
// 2*pi*k/spokes from the +x axis (k = 0..spokes-1), counterclockwise. Units: metres, km/h.
//
// Nodes: the centre at (0, 0), every spoke/ring crossing, and the points that split each ring
// arc between two spokes into p equal pieces, p = ceil(arc length / max_segment_m) (p = 1 when
// max_segment_m is 0). Arc length = radius * angle, so a piece is (radius * 2*pi/spokes) / p long;
// a radial piece is ring_spacing_m long. Every road is two-way: radial ones at radial_speed_kmh,
// ring ones at ring_speed_kmh.
//
// Node ids are NOT in Hilbert order: node 0 is the centre, then ring 1, ring 2, ... outwards;
// within a ring counterclockwise from the spoke on the +x axis (spoke, its arc's points, next
// spoke...). Scenarios may name the centre as node 0.
//
// Requires rings >= 1, spokes >= 3, ring_spacing_m > 0, max_segment_m >= 0, both speeds > 0
// (std::invalid_argument otherwise; the scenario loader checks these for users).
#include "models/road/road_network.hpp"

#include <cstdint>

namespace evsim::models::road {

struct RingRadialSpec {
  std::uint32_t rings = 0;
  std::uint32_t spokes = 0;
  double ring_spacing_m = 0.0;
  double max_segment_m = 0.0;
  double radial_speed_kmh = 0.0;
  double ring_speed_kmh = 0.0;
};

RoadNetwork make_ring_radial(const RingRadialSpec& spec);

}  // namespace evsim::models::road
