#include "models/road/ring_radial.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <utility>
#include <vector>

#include "models/road/network_assembly.hpp"

namespace evsim::models::road {

RoadNetwork make_ring_radial(const RingRadialSpec& spec) {
  if (spec.rings < 1 || spec.spokes < 3 || !(spec.ring_spacing_m > 0.0) || !(spec.max_segment_m >= 0.0) ||
      !(spec.radial_speed_kmh > 0.0) || !(spec.ring_speed_kmh > 0.0) || !std::isfinite(spec.ring_spacing_m) ||
      !std::isfinite(spec.max_segment_m)) {
    throw std::invalid_argument(
        "make_ring_radial: needs rings >= 1, spokes >= 3, ring spacing > 0, max segment >= 0 and speeds > 0");
  }
  const double arc_angle = 2.0 * std::numbers::pi / spec.spokes;
  RawNetwork raw;
  raw.x.push_back(0.0);
  raw.y.push_back(0.0);
  // Per ring: the id of the node on spoke 0, and the pieces per arc.
  std::vector<NodeId> spoke0(spec.rings + 1, 0);
  std::vector<std::uint64_t> pieces(spec.rings + 1, 1);
  for (std::uint32_t r = 1; r <= spec.rings; ++r) {
    const double radius = r * spec.ring_spacing_m;
    const double arc_m = radius * arc_angle;
    if (spec.max_segment_m > 0.0) pieces[r] = static_cast<std::uint64_t>(std::max(1.0, std::ceil(arc_m / spec.max_segment_m)));
    const std::uint64_t ring_nodes = pieces[r] * spec.spokes;
    if (raw.x.size() + ring_nodes >= kInvalid) throw std::length_error("make_ring_radial: too many nodes for 32-bit ids");
    spoke0[r] = static_cast<NodeId>(raw.x.size());
    const double piece_m = arc_m / static_cast<double>(pieces[r]);
    for (std::uint64_t j = 0; j < ring_nodes; ++j) {
      const double angle = arc_angle * static_cast<double>(j) / static_cast<double>(pieces[r]);
      raw.x.push_back(radius * std::cos(angle));
      raw.y.push_back(radius * std::sin(angle));
      const auto here = static_cast<NodeId>(spoke0[r] + j);
      const auto next = static_cast<NodeId>(spoke0[r] + (j + 1) % ring_nodes);
      raw.edges.push_back({here, next, piece_m, spec.ring_speed_kmh});
      raw.edges.push_back({next, here, piece_m, spec.ring_speed_kmh});
    }
  }
  for (std::uint32_t k = 0; k < spec.spokes; ++k) {
    NodeId inner = 0;
    for (std::uint32_t r = 1; r <= spec.rings; ++r) {
      const auto outer = static_cast<NodeId>(spoke0[r] + k * pieces[r]);
      raw.edges.push_back({inner, outer, spec.ring_spacing_m, spec.radial_speed_kmh});
      raw.edges.push_back({outer, inner, spec.ring_spacing_m, spec.radial_speed_kmh});
      inner = outer;
    }
  }
  raw.source_ids.resize(raw.x.size());
  for (std::size_t i = 0; i < raw.source_ids.size(); ++i) raw.source_ids[i] = static_cast<std::int64_t>(i);
  raw.report.source = fmt::format("ring-radial town: {} rings x {} spokes, {} m apart", spec.rings, spec.spokes,
                                  spec.ring_spacing_m);
  return assemble_network(std::move(raw), NodeOrder::as_read);
}

}  // namespace evsim::models::road
