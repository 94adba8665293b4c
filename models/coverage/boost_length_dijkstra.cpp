#include "models/coverage/boost_length_dijkstra.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include <fmt/format.h>

#include <functional>
#include <limits>
#include <stdexcept>

namespace evsim::models::coverage {

std::vector<double> boost_distances_m(const road::RoadGraph& graph, std::span<const road::NodeId> sources) {
  const std::uint32_t n = graph.node_count();
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> dist(n, inf);
  for (const road::NodeId s : sources) {
    if (s >= n) throw std::out_of_range(fmt::format("boost_distances_m: source node {} outside the graph", s));
  }
  if (sources.empty()) return dist;
  const auto& g = graph.csr();
  const auto index = boost::get(boost::vertex_index, g);
  const auto weight = boost::make_iterator_property_map(graph.lengths_m().begin(), boost::get(boost::edge_index, g));
  std::vector<road::NodeId> pred(n);
  std::vector<boost::default_color_type> color(n);
  boost::dijkstra_shortest_paths(g, sources.begin(), sources.end(), boost::make_iterator_property_map(pred.begin(), index),
                                 boost::make_iterator_property_map(dist.begin(), index), weight, index, std::less<double>(),
                                 boost::closed_plus<double>(inf), inf, 0.0, boost::default_dijkstra_visitor(),
                                 boost::make_iterator_property_map(color.begin(), index));
  return dist;
}

}  // namespace evsim::models::coverage
