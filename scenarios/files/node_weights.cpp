#include "scenarios/files/node_weights.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "scenarios/files/csv_reader.hpp"
#include "scenarios/files/point_columns.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
namespace road = models::road;
using namespace ::evsim::models::demand;

NodeWeights read_node_weights(const scenarios::DemandFileSpec& spec, std::string_view kind, PointLocator& locator) {
  const road::RoadNetwork& network = locator.network();
  const CsvTable csv = CsvTable::read(spec.file, spec.mark);
  const std::size_t weight = csv.require(spec.weight_column);
  const PointColumns points(csv, network, kind, spec.crs);
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

models::demand::PlaceSampler read_place_sampler(const std::optional<DemandFileSpec>& spec, std::string_view kind,
                                                PointLocator& locator) {
  using models::demand::PlaceSampler;
  if (!spec) return PlaceSampler::uniform(locator.network().graph.node_count());
  const NodeWeights w = read_node_weights(*spec, kind, locator);
  if (!(w.report.total_weight > 0.0)) {
    throw_at(w.weight_header, "at least one weight above 0",
             w.report.points == 0 ? std::string("no rows")
                                  : fmt::format("{} row{}, all 0", w.report.points, w.report.points == 1 ? "" : "s"));
  }
  if (!std::isfinite(w.report.total_weight)) {
    throw_at(w.weight_header, "weights with a finite sum", "a sum too large for a double");
  }
  return PlaceSampler::weighted(w.per_node);
}

}  // namespace evsim::scenarios::files
