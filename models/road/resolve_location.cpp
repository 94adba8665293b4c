#include "models/road/resolve_location.hpp"

#include <fmt/format.h>

#include <type_traits>
#include <variant>

#include "scenarios/scenario_error.hpp"

namespace evsim::models::road {
namespace {

scenarios::SourceMark with_key(scenarios::SourceMark mark, std::string_view key) {
  mark.key_path += ".";
  mark.key_path += key;
  return mark;
}

}  // namespace

Snap resolve_location(const scenarios::LocationSpec& location, const scenarios::SourceMark& mark, std::string_view what,
                      const RoadNetwork& network, const NodeSnapper& snapper) {
  const RoadGraph& g = network.graph;
  return std::visit(
      [&](const auto& at) -> Snap {
        using L = std::decay_t<decltype(at)>;
        if constexpr (std::is_same_v<L, scenarios::NodeLocation>) {
          if (at.node >= g.node_count()) {
            scenarios::throw_at(with_key(mark, "node"), fmt::format("a road node id from 0 to {}", g.node_count() - 1),
                                fmt::format("{}", at.node));
          }
          return {at.node, 0.0};
        } else if constexpr (std::is_same_v<L, scenarios::XyLocation>) {
          return snapper.nearest(at.x_m, at.y_m);
        } else {
          if (!network.projection) {
            scenarios::throw_at(with_key(mark, "lon"),
                                fmt::format("a road network with geographic coordinates (osm, or csv nodes with "
                                            "lon,lat) for {} given by lon/lat",
                                            what),
                                "a road network in plain metres");
          }
          const XY xy = network.projection->to_xy(at.lon, at.lat);
          return snapper.nearest(xy.x_m, xy.y_m);
        }
      },
      location);
}

}  // namespace evsim::models::road
