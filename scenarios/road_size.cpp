#include "scenarios/road_size.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <variant>

namespace evsim::scenarios {

double ring_nodes(const RingRadialRoadSpec& r) {
  if (r.max_segment_m == 0.0) return static_cast<double>(r.rings) * r.spokes;
  double nodes = 0.0;
  for (std::uint32_t ring = 1; ring <= r.rings; ++ring) {
    const double arc_m = 2.0 * std::numbers::pi * ring * r.ring_spacing_m / r.spokes;
    nodes += r.spokes * std::max(1.0, std::ceil(arc_m / r.max_segment_m));
  }
  return nodes;
}

double generated_node_count(const RoadSpec& road) {
  if (const auto* g = std::get_if<GridRoadSpec>(&road)) return static_cast<double>(g->rows) * g->cols;
  if (const auto* r = std::get_if<RingRadialRoadSpec>(&road)) return 1.0 + ring_nodes(*r);
  return 0.0;
}

}  // namespace evsim::scenarios
