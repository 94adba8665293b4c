#include "models/road/point_columns.hpp"

#include <fmt/format.h>

#include "scenarios/scenario_error.hpp"

namespace evsim::models::road {

PointColumns::PointColumns(const CsvTable& csv, const RoadNetwork& network, geometry::Datum crs, std::string_view prefix)
    : csv_(csv), network_(network), crs_(crs) {
  const auto name = [prefix](std::string_view column) { return fmt::format("{}{}", prefix, column); };
  node_ = csv.find(name("node"));
  if (node_) return;
  lon_ = csv.find(name("lon"));
  lat_ = csv.find(name("lat"));
  if (lon_ && lat_) {
    if (!network.projection) {
      throw scenarios::ScenarioError(csv.file_name(), csv.header_line(), 1, name("lon"),
                                     fmt::format("{} or {},{} columns for a road network in plain metres ({},{} need an "
                                                 "osm network or csv nodes with lon,lat)",
                                                 name("node"), name("x_m"), name("y_m"), name("lon"), name("lat")),
                                     scenarios::quote(csv.header_text()));
    }
    return;
  }
  x_ = csv.require(name("x_m"));
  y_ = csv.require(name("y_m"));
}

Snap PointColumns::snap(std::size_t row, const NodeSnapper& snapper) const {
  if (node_) {
    const std::int64_t n = csv_.integer(row, *node_, "a road node id");
    const std::uint32_t count = network_.graph.node_count();
    if (n < 0 || n >= static_cast<std::int64_t>(count)) csv_.fail(row, *node_, fmt::format("a road node id from 0 to {}", count - 1));
    return {static_cast<NodeId>(n), 0.0};
  }
  if (lon_) {
    const double lon = csv_.number(row, *lon_, "a longitude in degrees");
    const double lat = csv_.number(row, *lat_, "a latitude in degrees");
    if (lon < -180.0 || lon > 180.0) csv_.fail(row, *lon_, "a longitude from -180 to 180 degrees");
    if (lat < -90.0 || lat > 90.0) csv_.fail(row, *lat_, "a latitude from -90 to 90 degrees");
    const std::optional<LonLat> wgs = geometry::to_wgs84({lon, lat}, crs_);
    if (!wgs) csv_.fail(row, *lon_, scenarios::expected_convertible_position(crs_));
    const XY p = network_.projection->to_xy(wgs->lon, wgs->lat);
    return snapper.nearest(p.x_m, p.y_m);
  }
  return snapper.nearest(csv_.number(row, *x_, "an x coordinate in metres"), csv_.number(row, *y_, "a y coordinate in metres"));
}

}  // namespace evsim::models::road
