#include "models/demand/node_weights.hpp"

#include <algorithm>

#include "models/road/csv_reader.hpp"
#include "models/road/point_columns.hpp"

namespace evsim::models::demand {

NodeWeights read_node_weights(const scenarios::DemandFileSpec& spec, const road::RoadNetwork& network,
                              const road::NodeSnapper& snapper) {
  const road::CsvTable csv = road::CsvTable::read(spec.file, spec.mark);
  const std::size_t weight = csv.require(spec.weight_column);
  const road::PointColumns points(csv, network, spec.crs);
  NodeWeights out;
  out.per_node.assign(network.graph.node_count(), 0.0);
  out.weight_header = {.file = csv.file_name(), .line = csv.header_line(), .column = csv.header_column(weight),
                       .key_path = spec.weight_column};
  double snap_sum = 0.0;
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    const double w = csv.number(row, weight, "a demand weight");
    if (w < 0.0) csv.fail(row, weight, "a demand weight of 0 or more");
    const road::Snap snap = points.snap(row, snapper);
    out.per_node[snap.node] += w;
    snap_sum += snap.distance_m;
    out.report.max_snap_m = std::max(out.report.max_snap_m, snap.distance_m);
    out.report.total_weight += w;
  }
  out.report.points = csv.row_count();
  if (csv.row_count() > 0) out.report.mean_snap_m = snap_sum / static_cast<double>(csv.row_count());
  return out;
}

}  // namespace evsim::models::demand
