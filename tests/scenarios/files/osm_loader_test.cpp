#include "scenarios/files/osm_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <numeric>
#include <set>

#include "models/road/geo.hpp"
#include "models/road/spatial_order.hpp"
#include "tests/models/road/road_test_util.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::models::road {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

using testing::edge_of;
using testing::error_of;
using testing::kRoadData;
using testing::node_of;
using testing::scratch_dir;
using testing::write_file;

// data/features.osm: node id -> grid position; lon = 10 + 0.001 gx, lat = 50 + 0.001 gy.
//
//   51 .  52                   83
//     .      .                 |       ways (see the file): ring 1-2-3-4 and 4-21-5-6-22-1
//      6 ---------- 5 -- 21 -- 4  82    (residential, two-way); 2 -> 31 -> 5 primary one-way
//      |            |       \   .      "30 mph"; 5-3 oneway=-1; roundabout 6-51-52-6;
//     22           31        81  .     3 -> 61 motorway, 61 -> 4 link; 4-81-(999 missing)-82-83;
//      |            |            .     91-92-93 far away; 6-161 maxspeed CN:urban; 1 -> 171
//      1 ---------- 2 ---------- 3 ------ 61   one-way dead end; service 5-131; skipped:
//      |                                       footway, building, stream, area=yes, private.
//     171
const std::map<std::int64_t, std::pair<double, double>> kGrid = {
    {1, {0, 0}},    {2, {2, 0}},      {3, {4, 0}},     {4, {4, 2}},      {5, {2, 2}},     {6, {0, 2}},
    {21, {3, 2.5}}, {22, {-0.5, 1}},  {31, {2.3, 1}},  {51, {-1, 3}},    {52, {0, 3.5}},  {61, {6, 0}},
    {81, {5, 2.5}}, {82, {6, 3}},     {83, {6, 4}},    {91, {10, 10}},   {92, {10.5, 10}}, {93, {11, 10}},
    {131, {2, 3}},  {161, {-1, 1}},   {171, {0, -1}}};

double lon_of(std::int64_t id) { return 10.0 + 0.001 * kGrid.at(id).first; }
double lat_of(std::int64_t id) { return 50.0 + 0.001 * kGrid.at(id).second; }

// Haversine length along a chain of nodes.
double length_along(std::initializer_list<std::int64_t> ids) {
  double total = 0.0;
  for (auto it = ids.begin(); it + 1 != ids.end(); ++it) {
    total += haversine_m(lon_of(*it), lat_of(*it), lon_of(*(it + 1)), lat_of(*(it + 1)));
  }
  return total;
}

scenarios::OsmRoadSpec spec_for(const std::filesystem::path& file, bool include_service = false) {
  return {.file = file, .include_service = include_service, .mark = {"city.yaml", 7, 11, "road.osm.file"}};
}

RoadNetwork load_features(bool include_service = false) {
  return load_osm(spec_for(kRoadData / "features.osm", include_service));
}

TEST(OsmLoader, FeaturesKeepsTheLargestComponentAndReportsTheRest) {
  const RoadNetwork net = load_features();
  check(net.graph);
  std::set<std::int64_t> ids(net.source_ids.begin(), net.source_ids.end());
  EXPECT_EQ(ids, (std::set<std::int64_t>{1, 2, 3, 4, 5, 6, 51, 61, 81, 161}));
  EXPECT_EQ(net.graph.node_count(), 10u);
  EXPECT_EQ(net.graph.edge_count(), 22u);
  const RoadLoadReport& r = net.report;
  EXPECT_EQ(r.source, (kRoadData / "features.osm").string());
  EXPECT_EQ(r.ways_read, 11u);
  EXPECT_EQ(r.ways_skipped, 6u);  // footway, building, stream, service, area=yes, access=private
  EXPECT_EQ(r.ways_incomplete, 1u);
  EXPECT_EQ(r.nodes_read, 15u);  // the 10 kept + 82, 83 (piece after the gap), 91, 93, 171
  EXPECT_EQ(r.edges_read, 27u);
  EXPECT_EQ(r.edges_degenerate, 0u);
  EXPECT_EQ(r.edges_merged, 0u);
  EXPECT_EQ(r.components, 4u);  // the kept one, {82, 83}, {91, 93}, {171}
  EXPECT_EQ(r.nodes, 10u);
  EXPECT_EQ(r.nodes_dropped, 5u);
  EXPECT_EQ(r.edges, 22u);
  EXPECT_EQ(r.edges_dropped, 5u);
  EXPECT_NEAR(r.length_dropped_m, 2 * length_along({82, 83}) + 2 * length_along({91, 92, 93}) + length_along({1, 171}),
              1e-6);
  double total = 0.0;
  for (EdgeId e = 0; e < net.graph.edge_count(); ++e) total += net.graph.length_m(e);
  EXPECT_NEAR(r.length_m, total, 1e-9);
}

TEST(OsmLoader, HonoursOnewayTagsAndImpliedOneways) {
  const RoadNetwork net = load_features();
  EXPECT_TRUE(edge_of(net, 1, 2) && edge_of(net, 2, 1)) << "no oneway tag: two-way";
  EXPECT_TRUE(edge_of(net, 2, 5) && !edge_of(net, 5, 2)) << "oneway=yes";
  EXPECT_TRUE(edge_of(net, 3, 5) && !edge_of(net, 5, 3)) << "oneway=-1 on way 5 -> 3";
  EXPECT_TRUE(edge_of(net, 3, 61) && !edge_of(net, 61, 3)) << "motorway without oneway tag";
  EXPECT_TRUE(edge_of(net, 61, 4) && !edge_of(net, 4, 61)) << "motorway_link oneway=yes";
  // The closed roundabout way 6-51-52-6 is one-way and split at its middle shape point 51.
  ASSERT_TRUE(edge_of(net, 6, 51) && edge_of(net, 51, 6));
  EXPECT_EQ(net.graph.out_end(*node_of(net, 51)) - net.graph.out_begin(*node_of(net, 51)), 1u);
  EXPECT_FALSE(node_of(net, 52)) << "52 is a shape point";
}

TEST(OsmLoader, EdgeLengthsAddTheShapePointsAndWaysSplitAtSharedNodes) {
  const RoadNetwork net = load_features();
  const RoadGraph& g = net.graph;
  // Way 1-2-3-4 is split at 2 (shared with 2 -> 5) and 3 (shared with 5-3 and 3 -> 61).
  EXPECT_NEAR(g.length_m(*edge_of(net, 1, 2)), length_along({1, 2}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 2, 3)), length_along({2, 3}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 3, 4)), length_along({3, 4}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 4, 5)), length_along({4, 21, 5}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 5, 4)), length_along({4, 21, 5}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 6, 1)), length_along({6, 22, 1}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 2, 5)), length_along({2, 31, 5}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 6, 51)), length_along({6, 51}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 51, 6)), length_along({51, 52, 6}), 1e-6);
  EXPECT_NEAR(g.length_m(*edge_of(net, 4, 81)), length_along({4, 81}), 1e-6) << "way cut at missing node 999";
  EXPECT_NEAR(length_along({1, 2}), 2 * 0.001 * kEarthRadiusM * std::numbers::pi / 180 * std::cos(50 * std::numbers::pi / 180),
              0.01);
}

TEST(OsmLoader, SpeedsComeFromMaxspeedOrTheClassDefault) {
  const RoadNetwork net = load_features();
  const RoadGraph& g = net.graph;
  EXPECT_DOUBLE_EQ(g.speed_kmh(*edge_of(net, 2, 5)), 30 * 1.609344);  // "30 mph"
  EXPECT_DOUBLE_EQ(g.speed_kmh(*edge_of(net, 3, 5)), 50.0);            // "50"
  EXPECT_DOUBLE_EQ(g.speed_kmh(*edge_of(net, 6, 161)), 40.0);          // "CN:urban": tertiary default
  EXPECT_DOUBLE_EQ(g.speed_kmh(*edge_of(net, 1, 2)), 30.0);            // residential
  EXPECT_DOUBLE_EQ(g.speed_kmh(*edge_of(net, 3, 61)), 100.0);          // motorway
  EXPECT_DOUBLE_EQ(g.speed_kmh(*edge_of(net, 61, 4)), 60.0);           // motorway_link
  EXPECT_DOUBLE_EQ(g.speed_kmh(*edge_of(net, 6, 51)), 40.0);           // tertiary roundabout
}

TEST(OsmLoader, ServiceRoadsOnlyWhenAsked) {
  EXPECT_FALSE(node_of(load_features(false), 131));
  const RoadNetwork net = load_features(true);
  EXPECT_TRUE(edge_of(net, 5, 131) && edge_of(net, 131, 5));
  EXPECT_DOUBLE_EQ(net.graph.speed_kmh(*edge_of(net, 5, 131)), 15.0);
  EXPECT_EQ(net.report.ways_read, 12u);
  EXPECT_EQ(net.report.ways_skipped, 5u);
  EXPECT_EQ(net.graph.node_count(), 11u);
  EXPECT_EQ(net.graph.edge_count(), 24u);
}

TEST(OsmLoader, ProjectsAboutTheKeptBoundingBoxCentreAndOrdersNodesAlongTheHilbertCurve) {
  const RoadNetwork net = load_features();
  ASSERT_TRUE(net.projection);
  // Kept nodes span gx -1..6 and gy 0..3.
  EXPECT_NEAR(net.projection->lon0(), 10.0025, 1e-12);
  EXPECT_NEAR(net.projection->lat0(), 50.0015, 1e-12);
  std::vector<double> x;
  std::vector<double> y;
  for (NodeId u = 0; u < net.graph.node_count(); ++u) {
    const XY p = net.projection->to_xy(lon_of(net.source_ids[u]), lat_of(net.source_ids[u]));
    EXPECT_NEAR(net.graph.x_m(u), p.x_m, 1e-6);
    EXPECT_NEAR(net.graph.y_m(u), p.y_m, 1e-6);
    x.push_back(net.graph.x_m(u));
    y.push_back(net.graph.y_m(u));
  }
  std::vector<NodeId> identity(x.size());
  std::iota(identity.begin(), identity.end(), NodeId{0});
  EXPECT_EQ(hilbert_order(x, y), identity);
}

TEST(OsmLoader, ReadsGzipBzip2AndPbfLikeXml) {
  const std::filesystem::path dir = scratch_dir();
  std::filesystem::copy_file(kRoadData / "features.osm", dir / "features.osm");
  const std::string quoted = "'" + (dir / "features.osm").string() + "'";
  ASSERT_EQ(std::system(("gzip -k " + quoted).c_str()), 0);
  ASSERT_EQ(std::system(("bzip2 -k " + quoted).c_str()), 0);
  const RoadNetwork xml = load_features();
  std::vector<std::filesystem::path> files = {dir / "features.osm.gz", dir / "features.osm.bz2"};
  // .pbf needs osmium-tool (scripts/setup-debian.sh installs it) to write one.
  const bool have_osmium = std::system("command -v osmium > /dev/null 2>&1") == 0;
  if (have_osmium) {
    ASSERT_EQ(std::system(("osmium cat -o '" + (dir / "features.osm.pbf").string() + "' " + quoted).c_str()), 0);
    files.push_back(dir / "features.osm.pbf");
  }
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.string());
    const RoadNetwork other = load_osm(spec_for(file));
    EXPECT_EQ(other.source_ids, xml.source_ids);
    ASSERT_EQ(other.graph.edge_count(), xml.graph.edge_count());
    for (EdgeId e = 0; e < xml.graph.edge_count(); ++e) {
      EXPECT_EQ(other.graph.source(e), xml.graph.source(e));
      EXPECT_EQ(other.graph.target(e), xml.graph.target(e));
      EXPECT_EQ(other.graph.length_m(e), xml.graph.length_m(e));
      EXPECT_EQ(other.graph.speed_kmh(e), xml.graph.speed_kmh(e));
    }
  }
  // osmium-tool is a test dependency (scripts/setup-debian.sh): without it .osm.pbf would go untested.
  EXPECT_TRUE(have_osmium) << "osmium-tool not installed: .osm.pbf untested";
}

TEST(OsmLoader, ParsesMaxspeedValues) {
  EXPECT_EQ(parse_maxspeed_kmh("50"), 50.0);
  EXPECT_EQ(parse_maxspeed_kmh(" 60 "), 60.0);
  EXPECT_EQ(parse_maxspeed_kmh("12.5"), 12.5);
  EXPECT_EQ(parse_maxspeed_kmh("50 km/h"), 50.0);
  EXPECT_EQ(parse_maxspeed_kmh("50kmh"), 50.0);
  EXPECT_EQ(parse_maxspeed_kmh("50 kph"), 50.0);
  EXPECT_EQ(parse_maxspeed_kmh("30 mph"), 30 * 1.609344);
  EXPECT_EQ(parse_maxspeed_kmh("30mph"), 30 * 1.609344);
  for (const char* bad : {"", "none", "walk", "signals", "CN:urban", "RU:rural", "50;60", "0", "-5", "1.5.3", ".5", "5.",
                          "50 knots", "mph", "1e3"}) {
    EXPECT_EQ(parse_maxspeed_kmh(bad), std::nullopt) << bad;
  }
}

TEST(OsmLoader, ClassDefaultSpeeds) {
  EXPECT_EQ(default_speed_kmh("motorway"), 100.0);
  EXPECT_EQ(default_speed_kmh("trunk"), 80.0);
  EXPECT_EQ(default_speed_kmh("primary"), 60.0);
  EXPECT_EQ(default_speed_kmh("secondary"), 50.0);
  EXPECT_EQ(default_speed_kmh("tertiary"), 40.0);
  EXPECT_EQ(default_speed_kmh("unclassified"), 30.0);
  EXPECT_EQ(default_speed_kmh("residential"), 30.0);
  EXPECT_EQ(default_speed_kmh("living_street"), 10.0);
  EXPECT_EQ(default_speed_kmh("service"), 15.0);
  EXPECT_EQ(default_speed_kmh("trunk_link"), 50.0);
  EXPECT_EQ(default_speed_kmh("footway"), std::nullopt);
  EXPECT_EQ(default_speed_kmh("residential_link"), std::nullopt);
}

// A small file: nodes 1, 2, 3 on a line about 70 m apart, node 4 where node 3 is, plus `ways`.
std::string osm_text(std::string_view ways) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  <node id="1" lon="10.000" lat="50"/>
  <node id="2" lon="10.001" lat="50"/>
  <node id="3" lon="10.002" lat="50"/>
  <node id="4" lon="10.002" lat="50"/>
)") + std::string(ways) + "</osm>\n";
}

constexpr std::string_view kExpectedFile =
    "expected a readable OpenStreetMap file (.osm, .osm.gz, .osm.bz2, .osm.pbf)";

TEST(OsmLoaderErrors, MissingFileOrFolder) {
  const std::filesystem::path dir = scratch_dir();
  const std::string missing = (dir / "nowhere.osm").string();
  EXPECT_EQ(error_of([&] { load_osm(spec_for(missing)); }),
            "city.yaml:7:11: road.osm.file: " + std::string(kExpectedFile) + ", found \"" + missing + "\": no such file");
  EXPECT_EQ(error_of([&] { load_osm(spec_for(dir)); }),
            "city.yaml:7:11: road.osm.file: " + std::string(kExpectedFile) + ", found \"" + dir.string() + "\": a directory");
}

TEST(OsmLoaderErrors, CorruptFilesGiveLibosmiumsMessage) {
  const std::filesystem::path dir = scratch_dir();
  auto message = [&](std::string_view name, std::string_view text) {
    const std::filesystem::path file = write_file(dir / name, text);
    return error_of([&] { load_osm(spec_for(file)); });
  };
  const std::string at = "city.yaml:7:11: road.osm.file: " + std::string(kExpectedFile) + ", found \"" + dir.string();
  EXPECT_EQ(message("garbage.osm", "this is not XML\n"),
            at + "/garbage.osm\": XML parsing error at line 1, column 0: syntax error");
  EXPECT_EQ(message("truncated.osm", osm_text("").substr(0, 150)),
            at + "/truncated.osm\": XML parsing error at line 5, column 2: unclosed token");
  EXPECT_EQ(message("broken_tag.osm", "<osm version=\"0.6\">\n  <node id=\"1\" lon=\"10\" lat=\"50\">\n</osm>\n"),
            at + "/broken_tag.osm\": XML parsing error at line 3, column 2: mismatched tag");
  EXPECT_EQ(message("other.osm", "<gpx version=\"1.1\"/>\n"), at + "/other.osm\": Unknown top-level element: gpx");
  EXPECT_EQ(message("garbage.osm.pbf", "this is not a pbf\n"),
            at + "/garbage.osm.pbf\": PBF error: invalid BlobHeader size (> max_blob_header_size)");
  EXPECT_EQ(message("roads.txt", osm_text("")),
            at + "/roads.txt\": Could not detect file format for filename '" + dir.string() + "/roads.txt'.");
  EXPECT_EQ(message("bad.osm.bz2", "this is not bzip2\n"), at + "/bad.osm.bz2\": bzip2 error: read failed: -5");

  // Compressed files cut short. (zlib reads data without a gzip header as it is: garbage in a
  // .osm.gz file is reported by the XML parser.)
  const std::string features = (dir / "features.osm").string();
  std::filesystem::copy_file(kRoadData / "features.osm", features);
  ASSERT_EQ(std::system(("gzip -c '" + features + "' | head -c 300 > '" + features + ".gz'").c_str()), 0);
  ASSERT_EQ(std::system(("bzip2 -c '" + features + "' | head -c 300 > '" + features + ".bz2'").c_str()), 0);
  EXPECT_EQ(error_of([&] { load_osm(spec_for(features + ".gz")); }), at + "/features.osm.gz\": gzip error: read close failed");
  EXPECT_EQ(error_of([&] { load_osm(spec_for(features + ".bz2")); }), at + "/features.osm.bz2\": bzip2 error: read failed: -7");
}

TEST(OsmLoaderErrors, NoDrivableRoad) {
  const std::filesystem::path dir = scratch_dir();
  const std::filesystem::path paths = write_file(dir / "paths.osm", osm_text(R"(
  <way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
  <way id="2"><nd ref="2"/><nd ref="3"/><tag k="highway" v="service"/></way>
)"));
  EXPECT_EQ(error_of([&] { load_osm(spec_for(paths)); }),
            "city.yaml:7:11: road.osm.file: expected an OpenStreetMap file with drivable roads (highway=motorway, "
            "trunk, primary, secondary, tertiary, unclassified, residential, living_street, their _link roads), "
            "found \"" + paths.string() + "\": no drivable road among its 2 ways");
  EXPECT_NO_THROW(load_osm(spec_for(paths, true))) << "with service roads it has one";

  const std::filesystem::path cut = write_file(dir / "cut.osm", osm_text(R"(
  <way id="1"><nd ref="1"/><nd ref="9"/><nd ref="3"/><tag k="highway" v="primary"/></way>
)"));
  EXPECT_EQ(error_of([&] { load_osm(spec_for(cut, true)); }),
            "city.yaml:7:11: road.osm.file: expected an OpenStreetMap file with drivable roads (highway=motorway, "
            "trunk, primary, secondary, tertiary, unclassified, residential, living_street, their _link roads, "
            "service), found \"" + cut.string() + "\": 1 drivable way, none with two of its nodes in the file");

  const std::filesystem::path one_way = write_file(dir / "one_way.osm", osm_text(R"(
  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="oneway" v="yes"/></way>
)"));
  EXPECT_EQ(error_of([&] { load_osm(spec_for(one_way)); }),
            "city.yaml:7:11: road.osm.file: expected roads that connect at least two nodes both ways (a route there "
            "and back), found \"" + one_way.string() + "\": no two of its 2 road nodes reach each other both ways");
}

TEST(OsmLoader, DropsZeroLengthEdgesAndMergesParallelOnes) {
  // Nodes 3 and 4 share a position; ways 1 and 2 both join 1 and 2, way 2 through a detour.
  const std::filesystem::path dir = scratch_dir();
  const std::filesystem::path file = write_file(dir / "dups.osm", osm_text(R"(
  <node id="5" lon="10.0005" lat="50.001"/>
  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/></way>
  <way id="2"><nd ref="1"/><nd ref="5"/><nd ref="2"/><tag k="highway" v="primary"/></way>
  <way id="3"><nd ref="3"/><nd ref="3"/><nd ref="2"/><tag k="highway" v="primary"/></way>
)"));
  const RoadNetwork net = load_osm(spec_for(file));
  check(net.graph);
  EXPECT_EQ(net.report.edges_read, 10u);       // two-way: 1-2, 2-3, 3-4 (way 1), 1-2 (way 2), 2-3 (way 3)
  EXPECT_EQ(net.report.edges_degenerate, 2u);  // 3-4 both ways: zero length
  EXPECT_EQ(net.report.edges_merged, 4u);      // a copy of 1-2 and of 2-3, each way
  EXPECT_EQ(net.graph.edge_count(), 4u);
  EXPECT_DOUBLE_EQ(net.graph.speed_kmh(*edge_of(net, 1, 2)), 30.0) << "the shorter (residential) stays";
  EXPECT_DOUBLE_EQ(net.graph.speed_kmh(*edge_of(net, 3, 2)), 60.0) << "equal lengths: the faster (primary) stays";
  EXPECT_EQ(net.report.nodes_dropped, 1u);  // 4: reachable only over the dropped zero-length edge
}

}  // namespace
}  // namespace evsim::models::road
