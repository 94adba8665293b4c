#pragma once
// Points in a CSV file (demand, places, candidate sites, trip ends) put on road nodes through a
// PointLocator (point_locator.hpp). A row's point is given by the columns present in the header:
// node (an id of the user's network file), lon and lat (WGS-84 degrees), or x_m and y_m (metres).
// A file with a node column and coordinates columns gives both: they must agree within the
// locator's max snap distance, and the node is used. lon/lat on a network without geographic
// coordinates is an error at the header. Every column name may carry a prefix, for files with more
// than one point per row (a trip's origin_node, destination_lon, ...).
// lon/lat are written in `crs` (the file's `crs:` in the scenario) and converted to WGS-84 before
// projection; a gcj02 or bd09 position without a WGS-84 equivalent fails at its lon column.
#include <optional>
#include <string>
#include <string_view>

#include "models/geometry/datum.hpp"
#include "scenarios/files/csv_reader.hpp"
#include "scenarios/files/point_locator.hpp"

namespace evsim::scenarios::files {

namespace road = models::road;


class PointColumns {
 public:
  // `kind` names the points in the snapping report and in errors ("home", "trip origin").
  PointColumns(const CsvTable& csv, const road::RoadNetwork& network, std::string_view kind, models::geometry::Datum crs,
               std::string_view prefix = "");
  // The row's road node; `name` (may be empty) names the point in reports and errors.
  road::NodeId locate(std::size_t row, PointLocator& locator, std::string_view name = "") const;

 private:
  PointRef ref(std::size_t row, std::size_t column, std::string_view name) const;

  const CsvTable& csv_;
  std::string kind_;
  models::geometry::Datum crs_;
  std::optional<std::size_t> node_, lon_, lat_, x_, y_;
};

}  // namespace evsim::scenarios::files
