#pragma once
// Length-weighted coverage: how much road lies within a distance R of a station.
//
// d(u) is the road distance from node u to its nearest station (metres; +infinity when none is
// reachable). A point on an edge can only leave the edge at its ends, in the edge's direction:
//   - one-way edge u -> v of length L: the point at distance t from u reaches a station at cost
//     L - t + d(v), so the covered part is the last clamp(R - d(v), 0, L) metres:
//         covered = clamp(R - d(v), 0, L)
//   - two-way street, u -> v and v -> u of equal length L, counted ONCE with length L: the point
//     may go either way, at cost t + d(u) or L - t + d(v):
//         covered = min(L, clamp(R - d(u), 0, L) + clamp(R - d(v), 0, L))
//   - two-way street whose directions differ in length (L1 for u -> v, L2 for v -> u): counted
//     once with length (L1 + L2) / 2; the point at fraction f from u reaches u at cost f L2 + d(u)
//     and v at cost (1 - f) L1 + d(v), so
//         covered = (L1 + L2) / 2 * min(1, clamp((R - d(u)) / L2, 0, 1) + clamp((R - d(v)) / L1, 0, 1))
//     which is the equal-length rule when L1 = L2.
// Pairing: the edges u -> v and the edges v -> u between one pair of nodes are each sorted by
// length and paired by rank (shortest with shortest); edges left without a partner are one-way.
// A street is in the area when both its end nodes are.
#include <cstdint>
#include <span>

#include "models/road/road_graph.hpp"

namespace evsim::models::coverage {

double covered_length_one_way(double length_m, double distance_head_m, double radius_m);
double covered_length_two_way(double length_uv_m, double length_vu_m, double distance_u_m, double distance_v_m,
                              double radius_m);

struct StreetCoverage {
  double total_length_m = 0.0;    // streets in the area, each two-way street once
  double covered_length_m = 0.0;  // the part of them within radius_m of a station
  std::uint64_t streets = 0;      // streets in the area (one-way edges + two-way pairs)
};

// distance_m: per node, to the nearest station. in_area: per node, non-zero when inside; empty
// means every node is inside.
StreetCoverage street_coverage(const road::RoadGraph& graph, std::span<const double> distance_m,
                               std::span<const std::uint8_t> in_area, double radius_m);

}  // namespace evsim::models::coverage
