// The `road` section: exactly one road source (grid, ring_radial, osm, csv).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "scenarios/road_size.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {
namespace {

constexpr std::uint32_t kMaxGridSide = 10'000;
constexpr std::uint32_t kMaxRings = 10'000;
constexpr std::uint32_t kMinSpokes = 3;
constexpr std::uint32_t kMaxSpokes = 10'000;
// Splitting ring arcs must not make the network larger than the largest grid (10000 x 10000).
constexpr double kMaxRingNodes = 1e8;
constexpr std::string_view kSources[] = {"grid", "ring_radial", "osm", "csv"};

GridRoadSpec read_grid(const NodeRef& ref) {
  const MapReader grid(ref, {"rows", "cols", "spacing", "speed"}, "a grid mapping {rows, cols, spacing, speed}");
  return GridRoadSpec{.rows = read_uint32(grid.need("rows"), 2, kMaxGridSide),
                      .cols = read_uint32(grid.need("cols"), 2, kMaxGridSide),
                      .spacing_m = read_quantity(grid.need("spacing"), Quantity::length, Bound::positive),
                      .speed_kmh = read_quantity_in(grid.need("speed"), Quantity::speed, kRoadSpeedRange)};
}


RingRadialRoadSpec read_ring_radial(const NodeRef& ref) {
  const MapReader map(ref, {"rings", "spokes", "ring_spacing", "max_segment", "radial_speed", "ring_speed"},
                      "a ring_radial mapping {rings, spokes, ring_spacing, max_segment, radial_speed, ring_speed}");
  RingRadialRoadSpec r{.rings = read_uint32(map.need("rings"), 1, kMaxRings),
                       .spokes = read_uint32(map.need("spokes"), kMinSpokes, kMaxSpokes),
                       .ring_spacing_m = read_quantity(map.need("ring_spacing"), Quantity::length, Bound::positive),
                       .max_segment_m = 0.0,
                       .radial_speed_kmh = read_quantity_in(map.need("radial_speed"), Quantity::speed, kRoadSpeedRange),
                       .ring_speed_kmh = read_quantity_in(map.need("ring_speed"), Quantity::speed, kRoadSpeedRange)};
  if (const auto max_segment = map.get("max_segment")) {
    r.max_segment_m = read_quantity(*max_segment, Quantity::length, Bound::non_negative);
    const double nodes = ring_nodes(r);
    if (nodes > kMaxRingNodes) {
      max_segment->fail(fmt::format("a length that splits the rings into at most {:.0f} nodes (0: no split)", kMaxRingNodes),
                        fmt::format("{} ({:.0f} nodes)", quote(max_segment->node().Scalar()), nodes));
    }
  }
  return r;
}

OsmRoadSpec read_osm(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"file", "include_service"}, "an osm mapping {file, include_service}");
  const NodeRef file = map.need("file");
  OsmRoadSpec osm;
  osm.file = read_existing_file(file, scenario_file);
  osm.mark = file.mark();
  if (const auto service = map.get("include_service")) osm.include_service = read_bool(*service);
  return osm;
}

CsvRoadSpec read_csv(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"nodes", "edges"}, "a csv mapping {nodes, edges}");
  const NodeRef nodes = map.need("nodes");
  const NodeRef edges = map.need("edges");
  return CsvRoadSpec{.nodes_file = read_existing_file(nodes, scenario_file),
                     .edges_file = read_existing_file(edges, scenario_file),
                     .nodes_mark = nodes.mark(),
                     .edges_mark = edges.mark()};
}

}  // namespace

RoadSpec read_road(const NodeRef& ref, const std::filesystem::path& scenario_file, SnappingSpec& snapping) {
  const MapReader road(ref, {"grid", "ring_radial", "osm", "csv", "max_snap_distance"},
                       "a road mapping with one of the keys grid, ring_radial, osm, csv (and max_snap_distance)");
  if (const auto limit = road.get("max_snap_distance")) {
    snapping.max_snap_distance_m = read_quantity(*limit, Quantity::length, Bound::positive);
  }
  const std::string source = exactly_one_key(road, kSources);
  const NodeRef spec = road.need(source);
  if (source == "grid") return read_grid(spec);
  if (source == "ring_radial") return read_ring_radial(spec);
  if (source == "osm") return read_osm(spec, scenario_file);
  return read_csv(spec, scenario_file);
}

}  // namespace evsim::scenarios
