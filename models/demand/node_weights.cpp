#include "models/demand/node_weights.hpp"

#include <algorithm>

#include "models/road/csv_reader.hpp"
#include "models/road/point_columns.hpp"

namespace evsim::models::demand {

NodeWeights read_node_weights(const scenarios::DemandFileSpec& spec, std::string_view kind, road::PointLocator& locator) {
  const road::RoadNetwork& network = locator.network();
  const road::CsvTable csv = road::CsvTable::read(spec.file, spec.mark);
  const std::size_t weight = csv.require(spec.weight_column);
  const road::PointColumns points(csv, network, kind, spec.crs);
  NodeWeights out;
  out.per_node.assign(network.graph.node_count(), 0.0);
  out.weight_header = {.file = csv.file_name(), .line = csv.header_line(), .column = csv.header_column(weight),
                       .key_path = spec.weight_column};
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    const double w = csv.number(row, weight, "a demand weight");
    if (w < 0.0) csv.fail(row, weight, "a demand weight of 0 or more");
    out.per_node[points.locate(row, locator)] += w;
    out.report.total_weight += w;
  }
  out.report.points = csv.row_count();
  return out;
}

}  // namespace evsim::models::demand
