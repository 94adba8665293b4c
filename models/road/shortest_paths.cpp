#include "models/road/shortest_paths.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/property_map.hpp>

#include <stdexcept>

namespace evsim::models::road {
namespace {

// Records, as Dijkstra relaxes an edge, the path length and the originating source of its target.
struct TreeRecorder : boost::default_dijkstra_visitor {
  const RoadGraph* graph;
  std::vector<double>* length_m;
  std::vector<std::uint32_t>* source;
  template <typename Edge, typename G>
  void edge_relaxed(const Edge& e, const G& g) const {
    const EdgeId id = boost::get(boost::edge_index, g, e);
    const NodeId u = boost::source(e, g);
    const NodeId v = boost::target(e, g);
    (*length_m)[v] = (*length_m)[u] + graph->length_m(id);
    (*source)[v] = (*source)[u];
  }
};

}  // namespace

TimeTree fastest_from(const RoadGraph& graph, std::span<const NodeId> sources) {
  const std::uint32_t n = graph.node_count();
  TimeTree tree{std::vector<std::int64_t>(n, kUnreachableMs), std::vector<double>(n, std::numeric_limits<double>::infinity()),
                std::vector<std::uint32_t>(n, kInvalid)};
  if (sources.empty() || n == 0) return tree;
  // Every source starts at distance 0; a node named twice keeps its first index and is searched
  // from once (Boost's heap must not hold a vertex twice).
  std::vector<NodeId> starts;
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    const NodeId s = sources[i];
    if (s >= n) throw std::out_of_range("fastest_from: source node outside the graph");
    if (tree.source[s] == kInvalid) {
      tree.time_ms[s] = 0;
      tree.length_m[s] = 0.0;
      tree.source[s] = i;
      starts.push_back(s);
    }
  }
  const auto& g = graph.csr();
  const auto weight = boost::make_iterator_property_map(graph.travel_times_ms().begin(), boost::get(boost::edge_index, g));
  const auto dist = boost::make_iterator_property_map(tree.time_ms.begin(), boost::get(boost::vertex_index, g));
  std::vector<NodeId> pred(n);
  const auto pred_map = boost::make_iterator_property_map(pred.begin(), boost::get(boost::vertex_index, g));
  TreeRecorder recorder;
  recorder.graph = &graph;
  recorder.length_m = &tree.length_m;
  recorder.source = &tree.source;
  boost::dijkstra_shortest_paths_no_init(
      g, starts.begin(), starts.end(), pred_map, dist, weight, boost::get(boost::vertex_index, g), std::less<std::int64_t>(),
      boost::closed_plus<std::int64_t>(kUnreachableMs), std::int64_t{0}, recorder);
  return tree;
}

}  // namespace evsim::models::road
