#pragma once
// Charging-circle coverage of a road network: how far people are, by road, from the nearest public
// charger, and what share of nodes, road length and demand lies within a radius (1 km by default).
// docs/coverage.md defines every output with its formula.
//
// Units: metres, square metres; demand in the caller's unit (people, trips); supply in plugs.
// Distances are by edge length from a place TO the station (drivers go to the charger), computed
// on the reversed graph from all stations at once.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "models/coverage/length_graph.hpp"
#include "models/coverage/uncovered_clusters.hpp"
#include "models/coverage/weighted_stats.hpp"
#include "models/road/road_graph.hpp"

namespace evsim::models::coverage {

struct StationSite {
  road::NodeId node = road::kInvalid;
  std::uint32_t plugs = 1;  // public plugs (connectors usable at once), >= 1
};

struct CoverageInput {
  const road::RoadGraph& graph;
  std::span<const StationSite> stations{};  // several stations may share a node
  std::span<const double> demand{};          // per node, finite and >= 0; empty: 1 per node
  std::span<const std::uint8_t> in_area{};   // per node, non-zero inside; empty: every node inside
  double radius_m = 1000.0;                  // coverage radius R
  double catchment_m = 1000.0;               // 2SFCA catchment d0
  std::uint64_t vehicles = 0;                // EVs in the area, for the vehicles-per-plug ratio
  std::optional<double> area_m2{};           // planning area; absent: bounding box of in-area nodes
  // LengthGraph::reversed(graph) when the caller keeps one per network (it is the largest
  // allocation here: 16 bytes per edge); built on each call when null.
  const LengthGraph* to_station_graph = nullptr;
};

struct CoverageShares {
  double nodes = 0.0;   // share of in-area nodes
  double length = 0.0;  // share of in-area street length (network measure only)
  double demand = 0.0;  // share of in-area demand
};

struct CoverageResult {
  // Per node.
  std::vector<double> distance_m;             // road distance to the nearest station; +inf if none
  std::vector<std::uint32_t> nearest_station;  // index into CoverageInput::stations, or kInvalid
  std::vector<double> accessibility;          // 2SFCA A_i
  // Per station.
  std::vector<double> station_ratio;  // 2SFCA R_j

  // In-area totals and the parts within the radius by road.
  std::uint32_t area_nodes = 0;
  std::uint32_t covered_nodes = 0;
  double area_demand = 0.0;
  double covered_demand = 0.0;
  double area_length_m = 0.0;  // two-way streets counted once
  double covered_length_m = 0.0;
  CoverageShares network{};
  // Straight-line buffer variant (length is not defined for it and stays 0).
  std::uint32_t straight_line_covered_nodes = 0;
  double straight_line_covered_demand = 0.0;
  CoverageShares straight_line{};

  // Distance to the nearest station over in-area nodes.
  DistanceStats distance_by_node{};
  DistanceStats distance_by_demand{};
  std::uint32_t unreachable_nodes = 0;  // in-area nodes that reach no station
  double unreachable_demand = 0.0;

  // Average service radius, both ways.
  double service_radius_network_m = 0.0;      // = distance_by_node.mean_m
  double service_radius_theoretical_m = 0.0;  // sqrt(area_m2 / (pi * area_stations))
  double area_m2 = 0.0;                       // the area used
  std::uint32_t area_stations = 0;            // stations on in-area nodes

  std::uint64_t public_plugs = 0;  // all stations
  double vehicles_per_plug = 0.0;  // vehicles / public_plugs

  double accessibility_mean = 0.0;  // demand-weighted over in-area nodes
  double accessibility_gini = 0.0;  // demand-weighted over in-area nodes

  std::vector<UncoveredCluster> uncovered;  // by demand, descending
};

// Throws std::invalid_argument naming the first bad input: per-node arrays of the wrong size, a
// negative or non-finite demand, a station outside the graph or with 0 plugs, a radius, catchment
// or area that is not finite and > 0, a to_station_graph of another size than the graph.
CoverageResult analyse_coverage(const CoverageInput& input);

}  // namespace evsim::models::coverage
