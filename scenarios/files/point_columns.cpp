#include "scenarios/files/point_columns.hpp"

#include <fmt/format.h>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
using namespace ::evsim::models::road;

PointColumns::PointColumns(const CsvTable& csv, const RoadNetwork& network, std::string_view kind,
                           models::geometry::Datum crs, std::string_view prefix)
    : csv_(csv), kind_(kind), crs_(crs) {
  const auto name = [prefix](std::string_view column) { return fmt::format("{}{}", prefix, column); };
  node_ = csv.find(name("node"));
  lon_ = csv.find(name("lon"));
  lat_ = csv.find(name("lat"));
  if (lon_.has_value() != lat_.has_value()) csv.require(name(lon_ ? "lat" : "lon"));
  if (lon_ && !network.projection) {
    throw scenarios::ScenarioError(csv.file_name(), csv.header_line(), 1, name("lon"),
                                   fmt::format("{} or {},{} columns for a road network in plain metres ({},{} need an "
                                               "osm network or csv nodes with lon,lat)",
                                               name("node"), name("x_m"), name("y_m"), name("lon"), name("lat")),
                                   scenarios::quote(csv.header_text()));
  }
  if (!lon_) {
    x_ = csv.find(name("x_m"));
    y_ = csv.find(name("y_m"));
    if (x_.has_value() != y_.has_value()) csv.require(name(x_ ? "y_m" : "x_m"));
  }
  if (!node_ && !lon_ && !x_) {
    throw scenarios::ScenarioError(csv.file_name(), csv.header_line(), 1, name("node"),
                                   fmt::format("a column \"{}\", columns \"{}\" and \"{}\", or columns \"{}\" and \"{}\" "
                                               "in the header",
                                               name("node"), name("lon"), name("lat"), name("x_m"), name("y_m")),
                                   scenarios::quote(csv.header_text()));
  }
}

PointRef PointColumns::ref(std::size_t row, std::size_t column, std::string_view name) const {
  return {.kind = kind_, .name = name, .file = csv_.file_name(), .line = csv_.line(row),
          .column = csv_.column_of(row, column), .key_path = csv_.header()[column], .scenario_key = false};
}

NodeId PointColumns::locate(std::size_t row, PointLocator& locator, std::string_view name) const {
  std::optional<std::variant<scenarios::XyLocation, scenarios::LonLatLocation>> point;
  if (lon_) {
    const double lon = csv_.number(row, *lon_, "a longitude in degrees");
    const double lat = csv_.number(row, *lat_, "a latitude in degrees");
    if (lon < -180.0 || lon > 180.0) csv_.fail(row, *lon_, "a longitude from -180 to 180 degrees");
    if (lat < -90.0 || lat > 90.0) csv_.fail(row, *lat_, "a latitude from -90 to 90 degrees");
    const std::optional<LonLat> wgs = models::geometry::to_wgs84({lon, lat}, crs_);
    if (!wgs) csv_.fail(row, *lon_, scenarios::expected_convertible_position(crs_));
    point = scenarios::LonLatLocation{wgs->lon, wgs->lat};
  } else if (x_) {
    point = scenarios::XyLocation{csv_.number(row, *x_, "an x coordinate in metres"),
                                  csv_.number(row, *y_, "a y coordinate in metres")};
  }
  if (node_) {
    const std::int64_t id = csv_.integer(row, *node_, "a road node id");
    return locator.locate(scenarios::NodeLocation{.id = id, .also_at = point}, ref(row, *node_, name)).node;
  }
  if (lon_) {
    const auto& ll = std::get<scenarios::LonLatLocation>(*point);
    return locator.snap_lon_lat(ll.lon, ll.lat, ref(row, *lon_, name)).node;
  }
  const auto& xy = std::get<scenarios::XyLocation>(*point);
  return locator.snap_xy(xy.x_m, xy.y_m, ref(row, *x_, name)).node;
}

}  // namespace evsim::scenarios::files
