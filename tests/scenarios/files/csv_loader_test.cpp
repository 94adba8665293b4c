#include "scenarios/files/csv_loader.hpp"

#include <gtest/gtest.h>

#include <set>

#include "models/road/geo.hpp"
#include "tests/models/road/road_test_util.hpp"

namespace evsim::models::road {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

using testing::edge_of;
using testing::error_of;
using testing::kRoadData;
using testing::node_of;
using testing::scratch_dir;
using testing::write_file;

scenarios::CsvRoadSpec spec_for(const std::filesystem::path& nodes, const std::filesystem::path& edges) {
  return {.nodes_file = nodes,
          .edges_file = edges,
          .nodes_mark = {"city.yaml", 4, 12, "road.csv.nodes"},
          .edges_mark = {"city.yaml", 5, 12, "road.csv.edges"}};
}

TEST(CsvLoader, ReadsMetricNodesAndKeepsTheStronglyConnectedPart) {
  const RoadNetwork net = load_csv(spec_for(kRoadData / "csv/nodes_xy.csv", kRoadData / "csv/edges.csv"));
  check(net.graph);
  EXPECT_FALSE(net.projection);
  EXPECT_EQ(std::set<std::int64_t>(net.source_ids.begin(), net.source_ids.end()), (std::set<std::int64_t>{10, 20, 30, 40}));
  EXPECT_EQ(net.graph.edge_count(), 9u);
  EXPECT_TRUE(edge_of(net, 10, 30));
  EXPECT_FALSE(edge_of(net, 30, 10)) << "oneway 1";
  EXPECT_TRUE(edge_of(net, 40, 10) && edge_of(net, 10, 40)) << "oneway FALSE";
  EXPECT_EQ(net.graph.length_m(*edge_of(net, 10, 30)), 150.0);
  EXPECT_EQ(net.graph.speed_kmh(*edge_of(net, 10, 30)), 50.0);
  EXPECT_EQ(net.graph.travel_time_ms(*edge_of(net, 20, 30)), 10'000);
  const NodeId n30 = *node_of(net, 30);
  EXPECT_EQ(net.graph.x_m(n30), 100.0);
  EXPECT_EQ(net.graph.y_m(n30), 100.0);
  const RoadLoadReport& r = net.report;
  EXPECT_EQ(r.nodes_read, 5u);
  EXPECT_EQ(r.edges_read, 9u);
  EXPECT_EQ(r.nodes_dropped, 1u);  // 50 has no edge
  EXPECT_EQ(r.edges_dropped, 0u);
  EXPECT_EQ(r.components, 2u);
  EXPECT_DOUBLE_EQ(r.length_m, 8 * 100.0 + 150.0);
}

TEST(CsvLoader, ProjectsLonLatAboutTheKeptNodesAndKeepsGivenLengths) {
  const RoadNetwork net = load_csv(spec_for(kRoadData / "csv/nodes_lonlat.csv", kRoadData / "csv/edges.csv"));
  check(net.graph);
  ASSERT_TRUE(net.projection);
  EXPECT_NEAR(net.projection->lon0(), 121.4705, 1e-12) << "node 50 was dropped: not in the box";
  EXPECT_NEAR(net.projection->lat0(), 31.2205, 1e-12);
  const NodeId n20 = *node_of(net, 20);
  const XY p = net.projection->to_xy(121.4710, 31.2200);
  EXPECT_DOUBLE_EQ(net.graph.x_m(n20), p.x_m);
  EXPECT_DOUBLE_EQ(net.graph.y_m(n20), p.y_m);
  EXPECT_EQ(net.graph.length_m(*edge_of(net, 10, 20)), 100.0) << "taken from the file, not from the coordinates";
}

class CsvLoaderErrors : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = scratch_dir(); }

  // The error loading these two file texts; the paths are nodes_path() and edges_path().
  std::string error(std::string_view nodes, std::string_view edges) {
    write_file(nodes_path(), nodes);
    write_file(edges_path(), edges);
    return error_of([&] { load_csv(spec_for(nodes_path(), edges_path())); });
  }
  std::string nodes_path() const { return (dir_ / "nodes.csv").string(); }
  std::string edges_path() const { return (dir_ / "edges.csv").string(); }

  static constexpr std::string_view kNodes = "id,x_m,y_m\n1,0,0\n2,100,0\n";
  static constexpr std::string_view kEdges = "from,to,length_m,speed_kmh,oneway\n1,2,100,50,0\n";

 private:
  std::filesystem::path dir_;
};

TEST_F(CsvLoaderErrors, GoodFilesLoad) { EXPECT_EQ(error(kNodes, kEdges), "no error"); }

TEST_F(CsvLoaderErrors, MissingAndEmptyFiles) {
  EXPECT_EQ(error_of([&] { load_csv(spec_for(nodes_path(), edges_path())); }),
            "city.yaml:4:12: road.csv.nodes: expected a readable CSV file, found \"" + nodes_path() + "\": no such file");
  write_file(nodes_path(), kNodes);
  EXPECT_EQ(error_of([&] { load_csv(spec_for(nodes_path(), edges_path())); }),
            "city.yaml:5:12: road.csv.edges: expected a readable CSV file, found \"" + edges_path() + "\": no such file");
  EXPECT_EQ(error("", kEdges), nodes_path() + ":1:1: (header): expected a header line naming the columns, found an empty file");
  EXPECT_EQ(error(kNodes, "\n\n"),
            edges_path() + ":1:1: (header): expected a header line naming the columns, found an empty file");
  EXPECT_EQ(error("id,x_m,y_m\n", kEdges), nodes_path() + ": (file): expected at least one node after the header, found none");
  EXPECT_EQ(error(kNodes, "from,to,length_m,speed_kmh,oneway\r\n"),
            edges_path() + ": (file): expected at least one edge after the header, found none");
}

TEST_F(CsvLoaderErrors, MissingColumns) {
  EXPECT_EQ(error("x_m,y_m\n0,0\n", kEdges), nodes_path() + ":1:1: id: expected a column \"id\" in the header, found \"x_m,y_m\"");
  EXPECT_EQ(error("id,name\n1,a\n", kEdges),
            nodes_path() + ":1:1: lon,lat: expected columns \"lon\",\"lat\" or \"x_m\",\"y_m\" in the header, found \"id,name\"");
  EXPECT_EQ(error("id,lon\n1,10\n", kEdges), nodes_path() + ":1:1: lat: expected a column \"lat\" in the header, found \"id,lon\"");
  EXPECT_EQ(error("id,y_m\n1,10\n", kEdges), nodes_path() + ":1:1: x_m: expected a column \"x_m\" in the header, found \"id,y_m\"");
  EXPECT_EQ(error(kNodes, "from,to,length_m,speed,oneway\n1,2,100,50,0\n"),
            edges_path() + ":1:1: speed_kmh: expected a column \"speed_kmh\" in the header, found \"from,to,length_m,speed,oneway\"");
}

TEST_F(CsvLoaderErrors, BadNodes) {
  EXPECT_EQ(error("id,x_m,y_m\n1,0,0\n2,5,5\n1,9,9\n", kEdges),
            nodes_path() + ":4:1: id: expected a node id not used before (line 2 has it), found \"1\"");
  EXPECT_EQ(error("id,x_m,y_m\nA1,0,0\n", kEdges), nodes_path() + ":2:1: id: expected an integer node id, found \"A1\"");
  EXPECT_EQ(error("id,x_m,y_m\n1,0,0\n2,inf,0\n", kEdges),
            nodes_path() + ":3:3: x_m: expected a finite number of metres, found \"inf\"");
  EXPECT_EQ(error("id,x_m,y_m\n1,0,nan\n", kEdges), nodes_path() + ":2:5: y_m: expected a finite number of metres, found \"nan\"");
  EXPECT_EQ(error("id,lon,lat\n1,181,0\n", kEdges),
            nodes_path() + ":2:3: lon: expected a longitude in degrees from -180 to 180, found \"181\"");
  EXPECT_EQ(error("id,lon,lat\n1,10,-90.5\n", kEdges),
            nodes_path() + ":2:6: lat: expected a latitude in degrees from -90 to 90, found \"-90.5\"");
  EXPECT_EQ(error("id,x_m,y_m\n1,0,0\n2,1\n", kEdges), nodes_path() + ":3:4: y_m: expected 3 fields as in the header, found 2 fields");
}

TEST_F(CsvLoaderErrors, BadEdges) {
  const std::string head = "from,to,length_m,speed_kmh,oneway\n";
  EXPECT_EQ(error(kNodes, head + "1,9,100,50,0\n"),
            edges_path() + ":2:3: to: expected a node id listed in " + nodes_path() + ", found \"9\"");
  EXPECT_EQ(error(kNodes, head + "x,2,100,50,0\n"),
            edges_path() + ":2:1: from: expected a node id listed in " + nodes_path() + ", found \"x\"");
  EXPECT_EQ(error(kNodes, head + "1,1,100,50,0\n"),
            edges_path() + ":2:3: to: expected a node other than the edge's \"from\", found \"1\"");
  EXPECT_EQ(error(kNodes, head + "1,2,-3,50,0\n"), edges_path() + ":2:5: length_m: expected a length in metres > 0, found \"-3\"");
  EXPECT_EQ(error(kNodes, head + "1,2,0,50,0\n"), edges_path() + ":2:5: length_m: expected a length in metres > 0, found \"0\"");
  EXPECT_EQ(error(kNodes, head + "1,2,long,50,0\n"),
            edges_path() + ":2:5: length_m: expected a length in metres > 0, found \"long\"");
  EXPECT_EQ(error(kNodes, head + "1,2,100,0,0\n"), edges_path() + ":2:9: speed_kmh: expected a road speed from 1 to 200 km/h (evsim's plausibility limit), found \"0\"");
  EXPECT_EQ(error(kNodes, head + "1,2,100,fast,0\n"),
            edges_path() + ":2:9: speed_kmh: expected a road speed from 1 to 200 km/h (evsim's plausibility limit), found \"fast\"");
  EXPECT_EQ(error(kNodes, head + "1,2,100,50,yes\n"), edges_path() + ":2:12: oneway: expected 0, 1, true or false, found \"yes\"");
  EXPECT_EQ(error(kNodes, head + "1,2,100,50\n"), edges_path() + ":2:11: oneway: expected 5 fields as in the header, found 4 fields");
  EXPECT_EQ(error(kNodes, head + "1,2,100,50,0,7\n"), edges_path() + ":2:14: (row): expected 5 fields as in the header, found 6 fields");
}

TEST_F(CsvLoaderErrors, NoPairOfNodesReachingEachOther) {
  EXPECT_EQ(error(kNodes, "from,to,length_m,speed_kmh,oneway\n1,2,100,50,1\n"),
            "city.yaml:5:12: road.csv.edges: expected roads that connect at least two nodes both ways (a route there and "
            "back), found \"" + edges_path() + "\": no two of its 2 nodes reach each other both ways");
}

}  // namespace
}  // namespace evsim::models::road
