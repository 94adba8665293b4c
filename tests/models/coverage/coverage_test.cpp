#include "models/coverage/coverage.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "tests/models/coverage/hand_graph.hpp"

namespace evsim::models::coverage {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
using testing::hand_graph;

const std::vector<StationSite> kStation{{.node = 4, .plugs = 4}};
const std::vector<double> kDemand{1, 2, 3, 4, 0, 5, 5, 1};  // 21 in all

std::string error_of(const CoverageInput& in) {
  try {
    analyse_coverage(in);
    return "no error";
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
}

TEST(AnalyseCoverage, HandCheckedNetwork) {
  const road::RoadGraph g = hand_graph();
  const CoverageResult r = analyse_coverage({.graph = g, .stations = kStation, .demand = kDemand, .vehicles = 50});
  EXPECT_EQ(r.distance_m, testing::kHandDistances);
  EXPECT_EQ(r.nearest_station, (std::vector<std::uint32_t>{0, 0, 0, 0, 0, road::kInvalid, road::kInvalid, 0}));

  EXPECT_EQ(r.area_nodes, 8u);
  EXPECT_EQ(r.covered_nodes, 5u);  // 0..4; 7 is 1100 m away, 5 and 6 reach nothing
  EXPECT_EQ(r.area_demand, 21.0);
  EXPECT_EQ(r.covered_demand, 10.0);
  EXPECT_EQ(r.area_length_m, 2800.0);
  EXPECT_EQ(r.covered_length_m, 1900.0);  // street_coverage_test.cpp lists the streets
  EXPECT_DOUBLE_EQ(r.network.nodes, 5.0 / 8.0);
  EXPECT_DOUBLE_EQ(r.network.length, 1900.0 / 2800.0);
  EXPECT_DOUBLE_EQ(r.network.demand, 10.0 / 21.0);

  // Straight line from (400, 300): node 5 (948.7 m) and 7 (854.4 m) are inside; 6 (1334 m) is not.
  EXPECT_EQ(r.straight_line_covered_nodes, 7u);
  EXPECT_EQ(r.straight_line_covered_demand, 16.0);
  EXPECT_DOUBLE_EQ(r.straight_line.nodes, 7.0 / 8.0);
  EXPECT_DOUBLE_EQ(r.straight_line.demand, 16.0 / 21.0);

  // Sorted distances 0, 300, 700, 700, 900, 1100, inf, inf.
  EXPECT_DOUBLE_EQ(r.distance_by_node.mean_m, 3700.0 / 6.0);
  EXPECT_EQ(r.distance_by_node.p50_m, 700.0);
  EXPECT_EQ(r.distance_by_node.p90_m, inf);
  EXPECT_EQ(r.distance_by_node.p95_m, inf);
  EXPECT_EQ(r.distance_by_node.max_m, inf);
  // Demand weights along them 0, 2, 1, 3, 4, 1, 5, 5: half of 21 is reached at 1100 m.
  EXPECT_DOUBLE_EQ(r.distance_by_demand.mean_m, 8100.0 / 11.0);
  EXPECT_EQ(r.distance_by_demand.p50_m, 1100.0);
  EXPECT_EQ(r.distance_by_demand.p90_m, inf);
  EXPECT_EQ(r.unreachable_nodes, 2u);
  EXPECT_EQ(r.unreachable_demand, 10.0);

  EXPECT_DOUBLE_EQ(r.service_radius_network_m, 3700.0 / 6.0);
  EXPECT_EQ(r.area_m2, 1700.0 * 600.0);  // bounding box of the nodes
  EXPECT_EQ(r.area_stations, 1u);
  EXPECT_DOUBLE_EQ(r.service_radius_theoretical_m, std::sqrt(1700.0 * 600.0 / std::numbers::pi));
  EXPECT_EQ(r.public_plugs, 4u);
  EXPECT_EQ(r.vehicles_per_plug, 12.5);

  // 2SFCA, d0 = 1000: the station serves nodes 0..4 (demand 10): R = 4 / 10.
  ASSERT_EQ(r.station_ratio.size(), 1u);
  EXPECT_DOUBLE_EQ(r.station_ratio[0], 0.4);
  EXPECT_EQ(r.accessibility, (std::vector<double>{0.4, 0.4, 0.4, 0.4, 0.4, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(r.accessibility_mean, 4.0 / 21.0);
  // Demand 10 at 0.4, 11 at 0: G = 2 * 10 * 11 * 0.4 / (2 * 21^2 * 4/21) = 11/21.
  EXPECT_DOUBLE_EQ(r.accessibility_gini, 11.0 / 21.0);

  ASSERT_EQ(r.uncovered.size(), 2u);
  EXPECT_EQ(r.uncovered[0].nodes, 2u);
  EXPECT_EQ(r.uncovered[0].demand, 10.0);
  EXPECT_EQ(r.uncovered[0].centroid_x_m, 1500.0);
  EXPECT_EQ(r.uncovered[0].centroid_y_m, 0.0);
  EXPECT_EQ(r.uncovered[0].max_distance_m, inf);
  EXPECT_EQ(r.uncovered[0].farthest_node, 5u);
  EXPECT_EQ(r.uncovered[1].nodes, 1u);
  EXPECT_EQ(r.uncovered[1].demand, 1.0);
  EXPECT_EQ(r.uncovered[1].max_distance_m, 1100.0);
  EXPECT_EQ(r.uncovered[1].farthest_node, 7u);
}

TEST(AnalyseCoverage, AreaMaskRestrictsEveryShareButNot2sfcaDemand) {
  const road::RoadGraph g = hand_graph();
  const std::vector<std::uint8_t> area{1, 1, 1, 1, 1, 0, 0, 0};
  const CoverageResult r = analyse_coverage({.graph = g, .stations = kStation, .demand = kDemand, .in_area = area,
                                             .area_m2 = 1e6});
  EXPECT_EQ(r.area_nodes, 5u);
  EXPECT_EQ(r.network.nodes, 1.0);
  EXPECT_EQ(r.network.demand, 1.0);
  EXPECT_EQ(r.area_length_m, 2200.0);
  EXPECT_DOUBLE_EQ(r.network.length, 1800.0 / 2200.0);
  EXPECT_EQ(r.unreachable_nodes, 0u);
  EXPECT_TRUE(r.uncovered.empty());
  EXPECT_DOUBLE_EQ(r.service_radius_theoretical_m, std::sqrt(1e6 / std::numbers::pi));
  EXPECT_DOUBLE_EQ(r.accessibility_mean, 0.4);
  EXPECT_EQ(r.accessibility_gini, 0.0);
  EXPECT_EQ(r.vehicles_per_plug, 0.0);  // no vehicles given
}

TEST(AnalyseCoverage, DefaultsAreOneDemandPerNodeAndEveryNodeInside) {
  const road::RoadGraph g = hand_graph();
  const CoverageResult r = analyse_coverage({.graph = g, .stations = kStation, .radius_m = 800.0});
  EXPECT_EQ(r.covered_nodes, 4u);  // 0, 1, 2, 4
  EXPECT_EQ(r.network.demand, 0.5);
  EXPECT_EQ(r.covered_length_m, 1600.0);
}

TEST(AnalyseCoverage, NoStationsMeansNothingIsCovered) {
  const road::RoadGraph g = hand_graph();
  const CoverageResult r = analyse_coverage({.graph = g, .vehicles = 10});
  EXPECT_EQ(r.covered_nodes, 0u);
  EXPECT_EQ(r.unreachable_nodes, 8u);
  EXPECT_TRUE(std::isnan(r.distance_by_node.mean_m));
  EXPECT_EQ(r.service_radius_theoretical_m, inf);
  EXPECT_EQ(r.vehicles_per_plug, inf);
  // Directions ignored, 7 -> 3 joins 7 to the main part: {0, 1, 2, 3, 4, 7} and {5, 6}.
  ASSERT_EQ(r.uncovered.size(), 2u);
  EXPECT_EQ(r.uncovered[0].nodes, 6u);
  EXPECT_EQ(r.uncovered[0].demand, 6.0);
  EXPECT_EQ(r.uncovered[0].farthest_node, 0u);  // all at +inf: the lowest id
  EXPECT_EQ(r.uncovered[1].nodes, 2u);
}

TEST(AnalyseCoverage, RejectsBadInputSayingWhich) {
  const road::RoadGraph g = hand_graph();
  const std::vector<double> short_demand{1, 2};
  EXPECT_EQ(error_of({.graph = g, .demand = short_demand}),
            "analyse_coverage: demand has 2 entries, the graph 8 nodes (or give none)");
  const std::vector<double> negative{1, 1, 1, -2, 1, 1, 1, 1};
  EXPECT_EQ(error_of({.graph = g, .demand = negative}), "analyse_coverage: demand of node 3 is -2 (must be finite and >= 0)");
  const std::vector<StationSite> outside{{.node = 4, .plugs = 1}, {.node = 8, .plugs = 1}};
  EXPECT_EQ(error_of({.graph = g, .stations = outside}), "analyse_coverage: station 1 is on node 8, outside the graph (0..7)");
  const std::vector<StationSite> no_plugs{{.node = 4, .plugs = 0}};
  EXPECT_EQ(error_of({.graph = g, .stations = no_plugs}), "analyse_coverage: station 0 has 0 plugs (must be >= 1)");
  EXPECT_EQ(error_of({.graph = g, .radius_m = 0.0}), "analyse_coverage: radius_m is 0 (must be finite and > 0)");
  EXPECT_EQ(error_of({.graph = g, .catchment_m = inf}), "analyse_coverage: catchment_m is inf (must be finite and > 0)");
  EXPECT_EQ(error_of({.graph = g, .area_m2 = -1.0}), "analyse_coverage: area_m2 is -1 (must be finite and > 0)");
  const std::vector<std::uint8_t> short_area{1};
  EXPECT_EQ(error_of({.graph = g, .in_area = short_area}),
            "analyse_coverage: in_area has 1 entries, the graph 8 nodes (or give none)");
}

}  // namespace
}  // namespace evsim::models::coverage
