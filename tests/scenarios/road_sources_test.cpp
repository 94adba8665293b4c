// The road sources besides the grid: ring_radial, osm and csv, and the choice of exactly one.
#include <gtest/gtest.h>

#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with;

namespace fs = std::filesystem;

const fs::path kData = fs::path(EVSIM_SOURCE_DIR) / "tests/scenarios/data";
// A scenario file beside the test data (it need not exist: only the files it names are looked up).
const fs::path kScenario = kData / "t.yaml";
const std::string kAt = kScenario.string();

Scenario parse_road(const std::string& road, const fs::path& file = kScenario) {
  return parse_scenario(scenario_with("road", "road:\n" + road), file);
}

std::string road_error(const std::string& road, const fs::path& file = "t.yaml") {
  return error_of(scenario_with("road", "road:\n" + road), file);
}

TEST(RoadSources, RingRadial) {
  const Scenario sc = parse_road(
      "  ring_radial: {rings: 20, spokes: 16, ring_spacing: 500m, max_segment: 300m, radial_speed: 50km/h, "
      "ring_speed: 40km/h}\n");
  const auto& r = std::get<RingRadialRoadSpec>(sc.road);
  EXPECT_EQ(r.rings, 20u);
  EXPECT_EQ(r.spokes, 16u);
  EXPECT_DOUBLE_EQ(r.ring_spacing_m, 500.0);
  EXPECT_DOUBLE_EQ(r.max_segment_m, 300.0);
  EXPECT_DOUBLE_EQ(r.radial_speed_kmh, 50.0);
  EXPECT_DOUBLE_EQ(r.ring_speed_kmh, 40.0);
}

TEST(RoadSources, RingRadialLimitsAndDefaults) {
  const Scenario sc = parse_road(
      "  ring_radial: {rings: 1, spokes: 3, ring_spacing: 1.5km, radial_speed: 10m/s, ring_speed: 30}\n");
  const auto& r = std::get<RingRadialRoadSpec>(sc.road);
  EXPECT_EQ(r.rings, 1u);
  EXPECT_EQ(r.spokes, 3u);
  EXPECT_DOUBLE_EQ(r.ring_spacing_m, 1500.0);
  EXPECT_DOUBLE_EQ(r.max_segment_m, 0.0);  // no split
  EXPECT_DOUBLE_EQ(r.radial_speed_kmh, 36.0);
  EXPECT_DOUBLE_EQ(r.ring_speed_kmh, 30.0);
  const Scenario largest = parse_road(
      "  ring_radial: {rings: 10000, spokes: 10000, ring_spacing: 10m, max_segment: 0, radial_speed: 50, "
      "ring_speed: 50}\n");
  EXPECT_EQ(std::get<RingRadialRoadSpec>(largest.road).spokes, 10000u);
}

TEST(RoadSources, OsmFileIsResolvedFromTheScenarioFolder) {
  const Scenario sc = parse_road("  osm: {file: town.osm}\n");
  const auto& osm = std::get<OsmRoadSpec>(sc.road);
  EXPECT_EQ(osm.file, kData / "town.osm");
  EXPECT_FALSE(osm.include_service);
  EXPECT_EQ(osm.mark.file, kAt);
  EXPECT_EQ(osm.mark.line, 2);
  EXPECT_EQ(osm.mark.column, 15);
  EXPECT_EQ(osm.mark.key_path, "road.osm.file");

  const fs::path absolute = kData / "town.osm";
  const Scenario elsewhere =
      parse_road("  osm:\n    file: " + absolute.string() + "\n    include_service: true\n", "elsewhere/t.yaml");
  EXPECT_EQ(std::get<OsmRoadSpec>(elsewhere.road).file, absolute);
  EXPECT_TRUE(std::get<OsmRoadSpec>(elsewhere.road).include_service);
  const Scenario nested = parse_road("  osm: {file: ../data/town.osm, include_service: false}\n");
  EXPECT_EQ(std::get<OsmRoadSpec>(nested.road).file, kData / "../data/town.osm");
}

TEST(RoadSources, CsvNodesAndEdges) {
  const Scenario sc = parse_road("  csv:\n    nodes: road/nodes.csv\n    edges: road/edges.csv\n");
  const auto& csv = std::get<CsvRoadSpec>(sc.road);
  EXPECT_EQ(csv.nodes_file, kData / "road/nodes.csv");
  EXPECT_EQ(csv.edges_file, kData / "road/edges.csv");
  EXPECT_EQ(csv.nodes_mark.key_path, "road.csv.nodes");
  EXPECT_EQ(csv.nodes_mark.line, 3);
  EXPECT_EQ(csv.nodes_mark.column, 12);
  EXPECT_EQ(csv.edges_mark.key_path, "road.csv.edges");
  EXPECT_EQ(csv.edges_mark.line, 4);
}

TEST(RoadSourceErrors, TwoRoadSources) {
  EXPECT_EQ(road_error("  grid: {rows: 4, cols: 4, spacing: 100m, speed: 30km/h}\n  osm: {file: town.osm}\n", kScenario),
            kAt + R"(:2:3: road: expected exactly one of the keys grid, ring_radial, osm, csv, found the keys grid, osm)");
}

TEST(RoadSourceErrors, UnknownRoadSource) {
  EXPECT_EQ(road_error("  tram: {lines: 3}\n"),
            R"(t.yaml:2:3: road.tram: expected one of the keys grid, ring_radial, osm, csv, max_snap_distance, found unknown key "tram")");
  EXPECT_EQ(road_error("  osm: {file: town.osm, highway: all}\n", kScenario),
            kAt + R"(:2:25: road.osm.highway: expected one of the keys file, include_service, found unknown key "highway")");
}

TEST(RoadSourceErrors, MissingOsmFile) {
  EXPECT_EQ(road_error("  osm: {file: missing.osm.pbf}\n"),
            R"(t.yaml:2:15: road.osm.file: expected an existing file, found no such file "missing.osm.pbf")");
  EXPECT_EQ(road_error("  osm: {file: maps/missing.osm.pbf}\n", kScenario),
            kAt + R"(:2:15: road.osm.file: expected an existing file, found no such file ")" + (kData / "maps/missing.osm.pbf").string() + R"(")");
  EXPECT_EQ(road_error("  osm: {include_service: true}\n"), R"(t.yaml:2:8: road.osm: expected key "file", found nothing)");
  EXPECT_EQ(road_error("  osm: {file: ''}\n"), R"(t.yaml:2:15: road.osm.file: expected a non-empty string, found "")");
}

TEST(RoadSourceErrors, OsmFileThatIsNotARegularFile) {
  EXPECT_EQ(road_error("  osm: {file: road}\n", kScenario),
            kAt + R"(:2:15: road.osm.file: expected an existing file, found a directory ")" + (kData / "road").string() + R"(")");
  EXPECT_EQ(road_error("  osm: {file: /dev/null}\n"),
            R"(t.yaml:2:15: road.osm.file: expected an existing file, found "/dev/null", which is not a regular file)");
}

TEST(RoadSourceErrors, OsmIncludeServiceIsABoolean) {
  EXPECT_EQ(road_error("  osm: {file: town.osm, include_service: some}\n", kScenario),
            kAt + R"(:2:42: road.osm.include_service: expected true or false, found "some")");
}

TEST(RoadSourceErrors, CsvFiles) {
  EXPECT_EQ(road_error("  csv: {nodes: road/nodes.csv, edges: road/links.csv}\n", kScenario),
            kAt + R"(:2:39: road.csv.edges: expected an existing file, found no such file ")" +
                (kData / "road/links.csv").string() + R"(")");
  EXPECT_EQ(road_error("  csv: {nodes: road/nodes.csv}\n", kScenario), kAt + R"(:2:8: road.csv: expected key "edges", found nothing)");
}

TEST(RoadSourceErrors, RingRadialRanges) {
  const auto ring = [](const std::string& keys) {
    return road_error("  ring_radial: {" + keys + "}\n");
  };
  constexpr const char* kSpeeds = "radial_speed: 50km/h, ring_speed: 40km/h";
  EXPECT_EQ(ring(std::string("rings: 0, spokes: 8, ring_spacing: 1km, ") + kSpeeds),
            R"(t.yaml:2:24: road.ring_radial.rings: expected an integer from 1 to 10000, found "0")");
  EXPECT_EQ(ring(std::string("rings: 10001, spokes: 8, ring_spacing: 1km, ") + kSpeeds),
            R"(t.yaml:2:24: road.ring_radial.rings: expected an integer from 1 to 10000, found "10001")");
  EXPECT_EQ(ring(std::string("rings: 5, spokes: 2, ring_spacing: 1km, ") + kSpeeds),
            R"(t.yaml:2:35: road.ring_radial.spokes: expected an integer from 3 to 10000, found "2")");
  EXPECT_EQ(ring(std::string("rings: 5, spokes: 8, ring_spacing: 0m, ") + kSpeeds),
            R"(t.yaml:2:52: road.ring_radial.ring_spacing: expected a length > 0, found "0m")");
  EXPECT_EQ(ring(std::string("rings: 5, spokes: 8, ring_spacing: 1km, max_segment: -1m, ") + kSpeeds),
            R"(t.yaml:2:70: road.ring_radial.max_segment: expected a length >= 0, found "-1m")");
  EXPECT_EQ(ring("rings: 5, spokes: 8, ring_spacing: 1km, radial_speed: 0, ring_speed: 40km/h"),
            R"(t.yaml:2:71: road.ring_radial.radial_speed: expected a road speed from 1 to 200 km/h (evsim's plausibility limit), found "0")");
  EXPECT_EQ(ring("rings: 5, spokes: 8, ring_spacing: 1km, radial_speed: 50km/h"),
            R"(t.yaml:2:16: road.ring_radial: expected key "ring_speed", found nothing)");
}

TEST(RoadSourceErrors, RingRadialSplitIntoTooManyNodes) {
  // 1000 rings 1 km apart split every metre: about 2 pi * 1000 * (1 + 2 + ... + 1000) nodes.
  EXPECT_EQ(road_error("  ring_radial: {rings: 1000, spokes: 3, ring_spacing: 1km, max_segment: 1m, "
                       "radial_speed: 50km/h, ring_speed: 40km/h}\n"),
            R"(t.yaml:2:73: road.ring_radial.max_segment: expected a length that splits the rings into at most )"
            R"(100000000 nodes (0: no split), found "1m" (3144735744 nodes))");
}

}  // namespace
}  // namespace evsim::scenarios
