#include "models/coverage/two_step_fca.hpp"

#include <stdexcept>

#include "models/coverage/distance_search.hpp"

namespace evsim::models::coverage {

TwoStepFca two_step_fca(const LengthGraph& to_station_graph, std::span<const NodeId> station_nodes,
                        std::span<const double> supply, std::span<const double> demand, double catchment_m) {
  const std::uint32_t n = to_station_graph.node_count();
  if (supply.size() != station_nodes.size()) throw std::invalid_argument("two_step_fca: supply and stations differ in length");
  if (!demand.empty() && demand.size() != n) throw std::invalid_argument("two_step_fca: demand must be empty or one per node");
  const auto demand_of = [&](NodeId i) { return demand.empty() ? 1.0 : demand[i]; };

  TwoStepFca out{std::vector<double>(station_nodes.size(), 0.0), std::vector<double>(n, 0.0)};
  // Step 1 keeps each catchment (node ids, flat) for step 2 rather than searching twice.
  std::vector<NodeId> catchment_nodes;
  std::vector<std::size_t> catchment_begin{0};
  catchment_begin.reserve(station_nodes.size() + 1);
  DistanceSearch search(n);
  for (std::size_t j = 0; j < station_nodes.size(); ++j) {
    double catchment_demand = 0.0;
    for (const Reached& r : search.run(to_station_graph, station_nodes[j], catchment_m)) {
      catchment_demand += demand_of(r.node);
      catchment_nodes.push_back(r.node);
    }
    catchment_begin.push_back(catchment_nodes.size());
    out.station_ratio[j] = catchment_demand > 0.0 ? supply[j] / catchment_demand : 0.0;
  }
  for (std::size_t j = 0; j < station_nodes.size(); ++j) {
    const double ratio = out.station_ratio[j];
    for (std::size_t k = catchment_begin[j]; k < catchment_begin[j + 1]; ++k) out.accessibility[catchment_nodes[k]] += ratio;
  }
  return out;
}

}  // namespace evsim::models::coverage
