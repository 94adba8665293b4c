#include "scenarios/files/point_locator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include "scenarios/assembly/resolve_stations.hpp"
#include "scenarios/files/csv_loader.hpp"
#include "models/road/grid_generator.hpp"
#include "scenarios/files/osm_loader.hpp"
#include "tests/models/road/road_test_util.hpp"

namespace evsim::models::road {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

using testing::error_of;

constexpr double kLimitM = 500.0;

class PointLocatorOnGrid : public ::testing::Test {
 protected:
  RoadNetwork net = make_grid_network({.rows = 4, .cols = 4, .spacing_m = 100.0, .speed_kmh = 30.0});
  scenarios::SourceMark mark{.file = "t.yaml", .line = 19, .column = 5, .key_path = "fleet[0].demand.depot"};
};

TEST_F(PointLocatorOnGrid, GridIdsAreRowMajorAndPointsSnap) {
  PointLocator locator(net, kLimitM);
  const Snap node = locator.locate(scenarios::NodeLocation{.id = 15}, point_ref("depot", "vans", mark));
  EXPECT_EQ(node.node, 15u);
  EXPECT_EQ(node.distance_m, 0.0);
  const Snap xy = locator.locate(scenarios::XyLocation{130.0, 240.0}, point_ref("depot", "vans", mark));
  EXPECT_EQ(xy.node, 9u);  // row 2, col 1
  EXPECT_DOUBLE_EQ(xy.distance_m, std::hypot(30.0, 40.0));
  net.projection = LocalProjection(114.0, 22.5);
  PointLocator geo(net, kLimitM);
  const LonLat ll = net.projection->to_lon_lat(300.0, 100.0);
  EXPECT_EQ(geo.locate(scenarios::LonLatLocation{ll.lon, ll.lat}, point_ref("depot", "vans", mark)).node, 7u);
  // Only moved points are logged: one x/y point at 50 m.
  ASSERT_EQ(locator.log().kinds().size(), 1u);
  EXPECT_EQ(locator.log().kinds()[0].count, 1u);
  EXPECT_DOUBLE_EQ(locator.log().kinds()[0].max_m, 50.0);
  EXPECT_EQ(locator.log().kinds()[0].farthest.at(0).where, "t.yaml:19 (fleet[0].demand.depot)");
}

TEST_F(PointLocatorOnGrid, ErrorsNameTheKeyAndThePoint) {
  PointLocator locator(net, kLimitM);
  EXPECT_EQ(error_of([&] { locator.locate(scenarios::NodeLocation{.id = 16}, point_ref("depot", "vans", mark)); }),
            "t.yaml:19:5: fleet[0].demand.depot.node: expected a node id of the road network (grid town: 4 x 4 nodes, 100 m apart), found 16, "
            "which is not a road node there (ids are those of the network file: the CSV id, the OSM node id of a road "
            "junction or way end; generated networks: docs/scenario-format.md)");
  EXPECT_EQ(error_of([&] { locator.locate(scenarios::LonLatLocation{114.0, 22.5}, point_ref("depot", "vans", mark)); }),
            "t.yaml:19:5: fleet[0].demand.depot.lon: expected a road network with geographic coordinates (osm, or csv "
            "nodes with lon,lat) for depot \"vans\" given by lon/lat, found a road network in plain metres");
}

TEST_F(PointLocatorOnGrid, AFarPointIsRefusedWithItsDistance) {
  PointLocator locator(net, 120.0);
  EXPECT_EQ(error_of([&] { locator.locate(scenarios::XyLocation{300.0, 450.0}, point_ref("station", "far", mark)); }),
            "t.yaml:19:5: fleet[0].demand.depot.x: expected a point within 120 m of a road node "
            "(road.max_snap_distance), found station \"far\" 150.0 m from the nearest road node");
  EXPECT_NO_THROW(locator.locate(scenarios::XyLocation{300.0, 419.0}, point_ref("station", "near", mark)));
}

TEST_F(PointLocatorOnGrid, ANodeAndAPointMustAgree) {
  PointLocator locator(net, 120.0);
  // Node 5 is row 1, col 1: (100, 100).
  const Snap agree = locator.locate(scenarios::NodeLocation{.id = 5, .also_at = scenarios::XyLocation{160.0, 180.0}},
                                    point_ref("station", "s", mark));
  EXPECT_EQ(agree.node, 5u);
  EXPECT_DOUBLE_EQ(agree.distance_m, 100.0);
  EXPECT_EQ(error_of([&] {
              locator.locate(scenarios::NodeLocation{.id = 5, .also_at = scenarios::XyLocation{300.0, 100.0}},
                             point_ref("station", "moved", mark));
            }),
            "t.yaml:19:5: fleet[0].demand.depot.node: expected a node and a point that agree within 120 m "
            "(road.max_snap_distance), found station \"moved\": node 5 lies 200.0 m from its x/y (give one of them, or "
            "both in agreement)");
}

TEST_F(PointLocatorOnGrid, StationsUseTheLocator) {
  const scenarios::StationSpec station{.name = "s", .location = scenarios::NodeLocation{.id = 16}, .plugs = {},
                                       .mark = {.file = "t.yaml", .line = 19, .column = 5, .key_path = "stations[0]"}};
  PointLocator locator(net, kLimitM);
  const charging::ConnectorNames c;
  EXPECT_EQ(error_of([&] { scenarios::assembly::resolve_stations({station}, locator, c); }),
            "t.yaml:19:5: stations[0].node: expected a node id of the road network (grid town: 4 x 4 nodes, 100 m apart), found 16, which is "
            "not a road node there (ids are those of the network file: the CSV id, the OSM node id of a road junction "
            "or way end; generated networks: docs/scenario-format.md)");
}

// The case: a CSV network whose ids are 1..6, renumbered inside evsim. `node: 5` must be the
// CSV's node 5 (at its coordinates), and `node: 6` must be accepted.
TEST(PointLocatorOnCsv, NodeIdsAreTheFilesIds) {
  const auto dir = testing::scratch_dir();
  const auto nodes = testing::write_file(dir / "nodes.csv",
                                         "id,x_m,y_m\n"
                                         "1,0,0\n2,1000,0\n3,1000,1000\n4,0,1000\n5,500,500\n6,2000,2000\n7,5000,5000\n");
  // 1-2-3-4 ring with 5 in the middle, 6 hanging off 3 both ways; 7 reachable only one way (dropped).
  const auto edges = testing::write_file(dir / "edges.csv",
                                         "from,to,length_m,speed_kmh,oneway\n"
                                         "1,2,1000,30,0\n2,3,1000,30,0\n3,4,1000,30,0\n4,1,1000,30,0\n"
                                         "1,5,710,30,0\n3,6,1420,30,0\n6,7,4300,30,1\n");
  const RoadNetwork net = load_csv({.nodes_file = nodes, .edges_file = edges});
  ASSERT_EQ(net.graph.node_count(), 6u);
  PointLocator locator(net, kLimitM);
  const scenarios::SourceMark mark{.file = "s.yaml", .line = 3, .column = 5, .key_path = "stations[0]"};
  for (const std::int64_t id : {1, 2, 3, 4, 5, 6}) {
    const NodeId n = locator.locate(scenarios::NodeLocation{.id = id}, point_ref("station", "", mark)).node;
    EXPECT_EQ(net.source_ids[n], id);
  }
  const NodeId five = locator.locate(scenarios::NodeLocation{.id = 5}, point_ref("station", "", mark)).node;
  EXPECT_EQ(net.graph.x_m(five), 500.0);
  EXPECT_EQ(net.graph.y_m(five), 500.0);
  EXPECT_EQ(error_of([&] { locator.locate(scenarios::NodeLocation{.id = 7}, point_ref("station", "", mark)); }),
            "s.yaml:3:5: stations[0].node: expected a node id of the kept road network (" + net.report.source +
                "), found 7, a node that loading dropped: it is outside the largest strongly connected part of the "
                "network (not every other node can be reached from it and back)");
  // A point nearest the dropped node 7 but within reach of node 6 is logged as such.
  locator.locate(scenarios::XyLocation{2300.0, 2300.0}, point_ref("home", "", mark));
  EXPECT_EQ(locator.log().kinds().back().nearest_dropped, 0u);
  PointLocator wide(net, 5000.0);
  wide.locate(scenarios::XyLocation{4000.0, 4000.0}, point_ref("home", "", mark));
  EXPECT_EQ(wide.log().kinds().back().nearest_dropped, 1u);
  EXPECT_EQ(wide.log().dropped_examples().size(), 1u);
}

// A station given by a real OSM node id lands on that node's coordinates as the OSM file gives them
// (read here with a regular expression, independently of the loader).
TEST(PointLocatorOnOsm, NodeIdsAreOsmIds) {
  const auto file = testing::kSharedOsm / "shanghai_central.osm";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no shared data at " << file;
  const RoadNetwork net = load_osm({.file = file});
  PointLocator locator(net, kLimitM);
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string xml = text.str();
  const scenarios::SourceMark mark{.file = "s.yaml", .line = 3, .column = 5, .key_path = "stations[0]"};
  int checked = 0;
  for (const NodeId u : {NodeId{0}, NodeId{100}, static_cast<NodeId>(net.graph.node_count() - 1)}) {
    const std::int64_t id = net.source_ids[u];
    // This file (an OSMnx export) writes lon, ..., lat, id in that order.
    const std::regex node_re("<node lon=\"([-0-9.]+)\"[^>]*lat=\"([-0-9.]+)\" id=\"" + std::to_string(id) + "\"");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(xml, m, node_re)) << id;
    const double lon = std::stod(m[1]);
    const double lat = std::stod(m[2]);
    const NodeId n = locator.locate(scenarios::NodeLocation{.id = id}, point_ref("station", "", mark)).node;
    const LonLat at = net.projection->to_lon_lat(net.graph.x_m(n), net.graph.y_m(n));
    EXPECT_NEAR(at.lon, lon, 1e-9);
    EXPECT_NEAR(at.lat, lat, 1e-9);
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace evsim::models::road
