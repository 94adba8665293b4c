#pragma once
// A loaded road network: the graph, how its x/y relate to lon/lat, and what loading dropped.
//
// Every loader keeps the largest strongly connected component of what it read (see
// largest_component.hpp) and reports the rest. The counts add up:
//   nodes_read = nodes + nodes_dropped
//   edges_read = edges + edges_dropped + edges_merged + edges_degenerate
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/road/geo.hpp"
#include "models/road/road_graph.hpp"

namespace evsim::models::road {

struct RoadLoadReport {
  std::string source;                 // file name(s) or generator
  std::uint64_t nodes_read = 0;       // candidate road nodes before pruning
  std::uint64_t edges_read = 0;       // directed edges before pruning
  std::uint64_t ways_read = 0;        // OSM: drivable ways kept by the filter
  std::uint64_t ways_skipped = 0;     // OSM: ways that are not drivable roads
  std::uint64_t ways_incomplete = 0;  // OSM: ways naming nodes absent from the file (cut at the gap)
  std::uint64_t edges_degenerate = 0; // self-loops and zero-length edges, dropped
  std::uint64_t edges_merged = 0;     // parallel duplicates (same from, to) dropped; the shortest stays
  std::uint64_t components = 0;       // strongly connected components found
  std::uint64_t nodes_dropped = 0;    // outside the largest strongly connected component
  std::uint64_t edges_dropped = 0;
  std::uint64_t nodes = 0;            // kept
  std::uint64_t edges = 0;            // kept (directed)
  double length_m = 0.0;              // sum of the kept directed edges' lengths
  double length_dropped_m = 0.0;      // sum of the lengths of the edges_dropped
};

// The nodes a loader read but did not keep (outside the largest strongly connected component): their
// source ids and positions in the graph's plane (metres), so that an id or a point that falls there is
// named rather than silently moved to the kept part.
struct DroppedNodes {
  std::vector<std::int64_t> source_ids{};
  std::vector<double> x_m{};
  std::vector<double> y_m{};
};

struct RoadNetwork {
  RoadGraph graph{};
  // Present when the source had lon/lat: graph x/y are this projection of the node coordinates.
  std::optional<LocalProjection> projection{};
  // Per kept node: its id in the source (OSM node id, CSV id) or, for generators, its own index.
  std::vector<std::int64_t> source_ids{};
  DroppedNodes dropped{};
  RoadLoadReport report{};
};

}  // namespace evsim::models::road
