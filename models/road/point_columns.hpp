#pragma once
// Points in a CSV file (demand, candidate sites) put on road nodes. A row's point is, by the first
// group of columns present in the header: node (an id of the network), lon and lat (degrees,
// projected with the network's projection), x_m and y_m (metres). lon/lat on a network without
// geographic coordinates is an error at the header. Every column name may carry a prefix, for
// files with more than one point per row (a trip's origin_node, destination_lon, ...).
// lon/lat are written in `crs` (the file's `crs:` in the scenario) and converted to WGS-84 before
// projection; a gcj02 or bd09 position without a WGS-84 equivalent fails at its lon column.
#include <optional>
#include <string>
#include <string_view>

#include "models/geometry/datum.hpp"
#include "models/road/csv_reader.hpp"
#include "models/road/node_snapper.hpp"
#include "models/road/road_network.hpp"

namespace evsim::models::road {

class PointColumns {
 public:
  PointColumns(const CsvTable& csv, const RoadNetwork& network, geometry::Datum crs, std::string_view prefix = "");
  // The row's node and the straight-line distance from its point (0 for a node column).
  Snap snap(std::size_t row, const NodeSnapper& snapper) const;

 private:
  const CsvTable& csv_;
  const RoadNetwork& network_;
  geometry::Datum crs_;
  std::optional<std::size_t> node_, lon_, lat_, x_, y_;
};

}  // namespace evsim::models::road
