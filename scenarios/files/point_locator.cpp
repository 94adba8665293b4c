#include "scenarios/files/point_locator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <type_traits>
#include <variant>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
using namespace ::evsim::models::road;
namespace {

scenarios::SourceMark mark_of(const PointRef& ref, std::string_view key) {
  std::string path(ref.key_path);
  if (ref.scenario_key && !key.empty()) {
    path += '.';
    path += key;
  }
  return {.file = std::string(ref.file), .line = ref.line, .column = ref.column, .key_path = std::move(path)};
}

std::string where_of(const PointRef& ref) {
  std::string where = ref.line > 0 ? fmt::format("{}:{}", ref.file, ref.line) : std::string(ref.file);
  if (ref.scenario_key && !ref.key_path.empty()) where += fmt::format(" ({})", ref.key_path);
  return where;
}

std::string named(const PointRef& ref) {
  return ref.name.empty() ? std::string(ref.kind) : fmt::format("{} \"{}\"", ref.kind, ref.name);
}

}  // namespace

PointRef point_ref(std::string_view kind, std::string_view name, const scenarios::SourceMark& mark) {
  return {.kind = kind, .name = name, .file = mark.file, .line = mark.line, .column = mark.column,
          .key_path = mark.key_path, .scenario_key = true};
}

PointLocator::PointLocator(const RoadNetwork& network, double max_snap_distance_m)
    : network_(network), snapper_(network.graph), max_snap_m_(max_snap_distance_m) {
  by_source_id_.resize(network.graph.node_count());
  std::iota(by_source_id_.begin(), by_source_id_.end(), NodeId{0});
  if (network.source_ids.size() == by_source_id_.size()) {
    std::sort(by_source_id_.begin(), by_source_id_.end(),
              [&](NodeId a, NodeId b) { return network.source_ids[a] < network.source_ids[b]; });
  }
  dropped_ids_ = network.dropped.source_ids;
  std::sort(dropped_ids_.begin(), dropped_ids_.end());
  if (!network.dropped.x_m.empty()) dropped_snapper_.emplace(network.dropped.x_m, network.dropped.y_m);
}

std::optional<NodeId> PointLocator::find_id(std::int64_t id) const {
  if (network_.source_ids.size() != by_source_id_.size()) {  // no source ids: the index is the id
    if (id >= 0 && id < static_cast<std::int64_t>(by_source_id_.size())) return static_cast<NodeId>(id);
    return std::nullopt;
  }
  const auto at = std::lower_bound(by_source_id_.begin(), by_source_id_.end(), id,
                                   [&](NodeId n, std::int64_t v) { return network_.source_ids[n] < v; });
  if (at == by_source_id_.end() || network_.source_ids[*at] != id) return std::nullopt;
  return *at;
}

NodeId PointLocator::node_by_id(std::int64_t id, const PointRef& ref) const {
  if (const auto node = find_id(id)) return *node;
  const std::string source = network_.report.source.empty() ? "the road network" : network_.report.source;
  if (std::binary_search(dropped_ids_.begin(), dropped_ids_.end(), id)) {
    scenarios::throw_at(mark_of(ref, "node"), fmt::format("a node id of the kept road network ({})", source),
                        fmt::format("{}, a node that loading dropped: it is outside the largest strongly connected "
                                    "part of the network (not every other node can be reached from it and back)",
                                    id));
  }
  scenarios::throw_at(mark_of(ref, "node"), fmt::format("a node id of the road network ({})", source),
                      fmt::format("{}, which is not a road node there (ids are those of the network file: the CSV "
                                  "id, the OSM node id of a road junction or way end; generated networks: "
                                  "docs/scenario-format.md)",
                                  id));
}

XY PointLocator::to_xy(double lon, double lat, const PointRef& ref) const {
  if (!network_.projection) {
    scenarios::throw_at(mark_of(ref, "lon"),
                        fmt::format("a road network with geographic coordinates (osm, or csv nodes with lon,lat) for "
                                    "{} given by lon/lat",
                                    named(ref)),
                        "a road network in plain metres");
  }
  return network_.projection->to_xy(lon, lat);
}

Snap PointLocator::accept(Snap snap, double x_m, double y_m, const PointRef& ref, std::string_view key) {
  if (snap.node == kInvalid) {
    scenarios::throw_at(mark_of(ref, key), fmt::format("a road network with nodes for {}", named(ref)),
                        "an empty road network");
  }
  if (snap.distance_m > max_snap_m_) {
    scenarios::throw_at(mark_of(ref, key),
                        fmt::format("a point within {:.0f} m of a road node (road.max_snap_distance)", max_snap_m_),
                        fmt::format("{} {:.1f} m from the nearest road node", named(ref), snap.distance_m));
  }
  if (!logging_) return snap;
  bool nearest_dropped = false;
  if (dropped_snapper_) nearest_dropped = dropped_snapper_->nearest(x_m, y_m).distance_m < snap.distance_m;
  log_.add(ref.kind, snap.distance_m, nearest_dropped, [&] {
    return SnappedPoint{.kind = std::string(ref.kind), .name = std::string(ref.name), .where = where_of(ref)};
  });
  return snap;
}

double PointLocator::distance_to_road(const scenarios::LocationSpec& location) const {
  if (const auto* xy = std::get_if<scenarios::XyLocation>(&location)) return snapper_.nearest(xy->x_m, xy->y_m).distance_m;
  if (const auto* ll = std::get_if<scenarios::LonLatLocation>(&location)) {
    if (!network_.projection) return std::numeric_limits<double>::infinity();
    const XY p = network_.projection->to_xy(ll->lon, ll->lat);
    return snapper_.nearest(p.x_m, p.y_m).distance_m;
  }
  return 0.0;
}

Snap PointLocator::snap_xy(double x_m, double y_m, const PointRef& ref) {
  return accept(snapper_.nearest(x_m, y_m), x_m, y_m, ref, "x");
}

Snap PointLocator::snap_lon_lat(double lon, double lat, const PointRef& ref) {
  const XY p = to_xy(lon, lat, ref);
  return accept(snapper_.nearest(p.x_m, p.y_m), p.x_m, p.y_m, ref, "lon");
}

Snap PointLocator::locate(const scenarios::LocationSpec& location, const PointRef& ref) {
  return std::visit(
      [&](const auto& at) -> Snap {
        using L = std::decay_t<decltype(at)>;
        if constexpr (std::is_same_v<L, scenarios::NodeLocation>) {
          const NodeId node = node_by_id(at.id, ref);
          if (!at.also_at) return Snap{node, 0.0};
          // Both a node and a point: they must agree, and the node is the user's choice.
          const bool lon_lat = std::holds_alternative<scenarios::LonLatLocation>(*at.also_at);
          XY p{};
          if (lon_lat) {
            const auto& ll = std::get<scenarios::LonLatLocation>(*at.also_at);
            p = to_xy(ll.lon, ll.lat, ref);
          } else {
            const auto& xy = std::get<scenarios::XyLocation>(*at.also_at);
            p = {xy.x_m, xy.y_m};
          }
          const double d = std::hypot(p.x_m - network_.graph.x_m(node), p.y_m - network_.graph.y_m(node));
          if (d > max_snap_m_) {
            scenarios::throw_at(mark_of(ref, "node"),
                                fmt::format("a node and a point that agree within {:.0f} m (road.max_snap_distance)",
                                            max_snap_m_),
                                fmt::format("{}: node {} lies {:.1f} m from its {} (give one of them, or both in "
                                            "agreement)",
                                            named(ref), at.id, d, lon_lat ? "lon/lat" : "x/y"));
          }
          return accept(Snap{node, d}, p.x_m, p.y_m, ref, "node");
        } else if constexpr (std::is_same_v<L, scenarios::XyLocation>) {
          return snap_xy(at.x_m, at.y_m, ref);
        } else {
          return snap_lon_lat(at.lon, at.lat, ref);
        }
      },
      location);
}

}  // namespace evsim::scenarios::files
