#pragma once
// The road network: a directed graph in Boost's compressed_sparse_row_graph, with attributes in
// parallel arrays indexed by NodeId and EdgeId (structure of arrays).
//
// Units: coordinates x_m, y_m in metres in a local plane; edge length in metres; speed in km/h;
// travel time in integer milliseconds. Node ids are 0..node_count()-1; the out-edges of node u are
// the edge ids out_begin(u)..out_end(u)-1 (CSR order: sorted by source, then by target).
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace evsim::models::road {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;
inline constexpr std::uint32_t kInvalid = std::numeric_limits<std::uint32_t>::max();

using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                    boost::no_property, NodeId, EdgeId>;

struct EdgeInput {
  NodeId from;
  NodeId to;
  double length_m;
  double speed_kmh;
};

class RoadGraph {
 public:
  RoadGraph() = default;
  // Builds the graph; edges may come in any order. Runs check() before returning.
  RoadGraph(std::vector<double> x_m, std::vector<double> y_m, std::vector<EdgeInput> edges);

  std::uint32_t node_count() const { return static_cast<std::uint32_t>(x_m_.size()); }
  std::uint32_t edge_count() const { return static_cast<std::uint32_t>(target_.size()); }
  const CsrGraph& csr() const { return csr_; }

  double x_m(NodeId n) const { return x_m_[n]; }
  double y_m(NodeId n) const { return y_m_[n]; }
  EdgeId out_begin(NodeId n) const { return offsets_[n]; }
  EdgeId out_end(NodeId n) const { return offsets_[n + 1]; }
  NodeId source(EdgeId e) const { return source_[e]; }
  NodeId target(EdgeId e) const { return target_[e]; }
  double length_m(EdgeId e) const { return length_m_[e]; }
  double speed_kmh(EdgeId e) const { return speed_kmh_[e]; }
  std::int64_t travel_time_ms(EdgeId e) const { return travel_time_ms_[e]; }

  std::span<const double> lengths_m() const { return length_m_; }
  std::span<const std::int64_t> travel_times_ms() const { return travel_time_ms_; }

  // The same network with every edge reversed (for "distance to" searches from many targets).
  RoadGraph reversed() const;

 private:
  std::vector<double> x_m_;
  std::vector<double> y_m_;
  std::vector<EdgeId> offsets_;  // node_count + 1 entries
  std::vector<NodeId> source_;
  std::vector<NodeId> target_;
  std::vector<double> length_m_;
  std::vector<double> speed_kmh_;
  std::vector<std::int64_t> travel_time_ms_;
  CsrGraph csr_;
};

// Throws std::logic_error naming the first broken invariant: coordinate arrays of node_count
// entries, finite; CSR offsets monotone and consistent with the Boost graph; every edge's ends
// valid, no self-loop, length > 0 and finite, speed > 0, travel time >= 1 ms.
void check(const RoadGraph& graph);

}  // namespace evsim::models::road
