#include "models/coverage/nearest_stations_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "models/coverage/distance_key.hpp"
#include "models/coverage/radix_heap.hpp"

namespace evsim::models::coverage {
namespace {

struct Label {
  double distance_m;
  std::uint32_t station;
  NodeId node;
};

// Labels sharing a heap key cannot create one another (distance_key.hpp), so only the order of
// each node's own labels matters: by distance, then station index (ties to the lower index).
// Grouping them by node visits each node's row and arcs once per key, in id order, which is what
// makes the pass fast: it is bound by memory latency.
struct ByNodeThenDistanceThenStation {
  bool operator()(const Label& a, const Label& b) const {
    if (a.node != b.node) return a.node < b.node;
    return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.station < b.station);
  }
};

}  // namespace

NearestStationsTable nearest_stations_table(const LengthGraph& to_station_graph, std::span<const NodeId> stations,
                                            std::uint32_t k) {
  if (k == 0) throw std::invalid_argument("nearest_stations_table: k must be at least 1");
  const std::uint32_t n = to_station_graph.node_count();
  NearestStationsTable table;
  table.k = k;
  table.station.assign(static_cast<std::size_t>(n) * k, kInvalid);
  table.distance_m.assign(static_cast<std::size_t>(n) * k, kUnreachable);
  std::vector<std::uint32_t> count(n, 0);

  const auto has_station = [&](NodeId v, std::uint32_t s) {
    const std::uint32_t* row = table.station.data() + static_cast<std::size_t>(v) * k;
    return std::find(row, row + count[v], s) != row + count[v];
  };

  const DistanceKey key(to_station_graph);
  RadixHeap<Label, ByNodeThenDistanceThenStation> heap;
  for (std::uint32_t i = 0; i < stations.size(); ++i) {
    if (stations[i] >= n) {
      throw std::out_of_range(
          fmt::format("nearest_stations_table: station {} on node {}, outside the graph (0..{})", i, stations[i],
                      static_cast<std::int64_t>(n) - 1));
    }
    heap.push(key(0.0), {0.0, i, stations[i]});
  }
  while (!heap.empty()) {
    const Label label = heap.top();
    heap.pop();
    const double distance = label.distance_m;
    const NodeId v = label.node;
    if (count[v] == k || has_station(v, label.station)) continue;
    const std::size_t slot = static_cast<std::size_t>(v) * k + count[v]++;
    table.station[slot] = label.station;
    table.distance_m[slot] = distance;
    for (const LengthArc& arc : to_station_graph.arcs(v)) {
      if (count[arc.head] == k || has_station(arc.head, label.station)) continue;
      const double nd = distance + arc.length_m;
      heap.push(key(nd), {nd, label.station, arc.head});
    }
  }
  return table;
}

}  // namespace evsim::models::coverage
