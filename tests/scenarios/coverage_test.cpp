// The coverage section: radius, catchment, demand points and the area, inline or from GeoJSON.
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

using LonLat = std::pair<double, double>;

CoverageSpec parse_coverage(const std::string& coverage) {
  return parse_scenario(scenario_with("coverage", "coverage:\n" + coverage), kScenario).coverage;
}

std::string coverage_error(const std::string& coverage, const fs::path& file = "t.yaml") {
  return error_of(scenario_with("coverage", "coverage:\n" + coverage), file);
}

// A GeoJSON file of the test data, as named in messages.
std::string geojson(const std::string& name) { return (kData / name).string(); }

TEST(Coverage, DefaultsWithoutTheSection) {
  const CoverageSpec c = parse_scenario(scenario_with("", ""), "t.yaml").coverage;
  EXPECT_DOUBLE_EQ(c.radius_m, 1000.0);
  EXPECT_FALSE(c.catchment_m.has_value());
  EXPECT_DOUBLE_EQ(c.catchment_for(c.radius_m), 1000.0);
  EXPECT_FALSE(c.demand.has_value());
  EXPECT_FALSE(c.area.has_value());
  const CoverageSpec empty = parse_scenario(scenario_with("", "coverage: {}\n"), "t.yaml").coverage;
  EXPECT_DOUBLE_EQ(empty.radius_m, 1000.0);
  EXPECT_FALSE(empty.catchment_m.has_value());
}

TEST(Coverage, CatchmentDefaultsToTheRadiusInUse) {
  const CoverageSpec c = parse_coverage("  radius: 2km\n  demand: {file: population.csv}\n");
  EXPECT_DOUBLE_EQ(c.radius_m, 2000.0);
  EXPECT_FALSE(c.catchment_m.has_value());
  EXPECT_DOUBLE_EQ(c.catchment_for(c.radius_m), 2000.0);
  EXPECT_DOUBLE_EQ(c.catchment_for(500.0), 500.0);  // evsim coverage --radius 500m
  const CoverageSpec set = parse_coverage("  radius: 2km\n  catchment: 3km\n");
  EXPECT_DOUBLE_EQ(set.catchment_for(500.0), 3000.0);  // a catchment the scenario sets stays
  ASSERT_TRUE(c.demand.has_value());
  EXPECT_EQ(c.demand->weight_column, "weight");
}

TEST(Coverage, AllKeysWithAnInlineArea) {
  const CoverageSpec c = parse_coverage(
      "  radius: 800m\n"
      "  catchment: 1.5km\n"
      "  demand: {file: population.csv, weight: pop}\n"
      "  area: {lon_lat: [[121.46, 31.22], [121.49, 31.22], [121.49, 31.24], [121.46, 31.24], [121.46, 31.22]]}\n");
  EXPECT_DOUBLE_EQ(c.radius_m, 800.0);
  EXPECT_EQ(c.catchment_m, 1500.0);
  ASSERT_TRUE(c.demand.has_value());
  EXPECT_EQ(c.demand->file, kData / "population.csv");
  EXPECT_EQ(c.demand->weight_column, "pop");
  EXPECT_EQ(c.demand->mark.key_path, "coverage.demand.file");
  EXPECT_EQ(c.demand->mark.line, 4);
  EXPECT_EQ(c.demand->mark.column, 18);
  ASSERT_TRUE(c.area.has_value());
  const std::vector<LonLat> expected = {{121.46, 31.22}, {121.49, 31.22}, {121.49, 31.24}, {121.46, 31.24}};
  EXPECT_EQ(c.area->lon_lat, expected);  // the closing vertex is dropped
  EXPECT_TRUE(c.area->source_file.empty());
  EXPECT_EQ(c.area->mark.key_path, "coverage.area.lon_lat");
  EXPECT_EQ(c.area->mark.line, 5);
  EXPECT_EQ(c.area->mark.column, 19);
}

TEST(Coverage, InlineAreaNeedNotBeClosed) {
  const CoverageSpec c = parse_coverage("  area:\n    lon_lat:\n      - [-0.1, 51.5]\n      - [0.1, 51.5]\n      - [0, 51.6deg]\n");
  const std::vector<LonLat> expected = {{-0.1, 51.5}, {0.1, 51.5}, {0.0, 51.6}};
  EXPECT_EQ(c.area->lon_lat, expected);
}

TEST(Coverage, GeoJsonPolygon) {
  const CoverageSpec c = parse_coverage("  area: {file: core.geojson}\n");
  ASSERT_TRUE(c.area.has_value());
  const std::vector<LonLat> expected = {{121.46, 31.22}, {121.49, 31.22}, {121.49, 31.24}, {121.46, 31.24}};
  EXPECT_EQ(c.area->lon_lat, expected);
  EXPECT_EQ(c.area->source_file, kData / "core.geojson");
  EXPECT_EQ(c.area->mark.file, kAt);
  EXPECT_EQ(c.area->mark.key_path, "coverage.area.file");
  EXPECT_EQ(c.area->mark.line, 2);
  EXPECT_EQ(c.area->mark.column, 16);
}

TEST(Coverage, GeoJsonFeatureKeepsItsOrientation) {
  const CoverageSpec c = parse_coverage("  area: {file: core_feature.geojson}\n");
  const std::vector<LonLat> expected = {{121.46, 31.22}, {121.46, 31.24}, {121.49, 31.24}, {121.49, 31.22}};
  EXPECT_EQ(c.area->lon_lat, expected);
}

TEST(Coverage, GeoJsonCollectionOfOneMultiPolygonWithAltitudes) {
  const CoverageSpec c = parse_coverage("  area: {file: core_collection.geojson}\n");
  const std::vector<LonLat> expected = {{114.0, 22.5}, {114.1, 22.5}, {114.1, 22.6}};
  EXPECT_EQ(c.area->lon_lat, expected);
}

TEST(CoverageErrors, RadiusAndCatchmentMustBePositive) {
  EXPECT_EQ(coverage_error("  radius: 0\n"), R"(t.yaml:2:11: coverage.radius: expected a length > 0, found "0")");
  EXPECT_EQ(coverage_error("  catchment: -1km\n"), R"(t.yaml:2:14: coverage.catchment: expected a length > 0, found "-1km")");
  EXPECT_EQ(coverage_error("  radius: 1kW\n"),
            R"(t.yaml:2:11: coverage.radius: expected a length (units m, km), found unknown unit "kW" in "1kW")");
  EXPECT_EQ(coverage_error("  radius: 1km\n  reach: 2km\n"),
            R"(t.yaml:3:3: coverage.reach: expected one of the keys radius, catchment, demand, area, found unknown key "reach")");
}

TEST(CoverageErrors, DemandFileMissing) {
  EXPECT_EQ(coverage_error("  demand: {file: people.csv}\n"),
            R"(t.yaml:2:18: coverage.demand.file: expected an existing file, found no such file "people.csv")");
  EXPECT_EQ(coverage_error("  demand: {weight: pop}\n"), R"(t.yaml:2:11: coverage.demand: expected key "file", found nothing)");
}

TEST(CoverageErrors, AreaHasOneForm) {
  EXPECT_EQ(coverage_error("  area: {file: core.geojson, lon_lat: []}\n", kScenario),
            kAt + R"(:2:9: coverage.area: expected exactly one of the keys file, lon_lat, found the keys file, lon_lat)");
  EXPECT_EQ(coverage_error("  area: core.geojson\n"),
            R"(t.yaml:2:9: coverage.area: expected an area mapping with one of the keys file, lon_lat, found "core.geojson")");
}

TEST(CoverageErrors, GeoJsonFileMissing) {
  EXPECT_EQ(coverage_error("  area: {file: missing.geojson}\n", kScenario),
            kAt + R"(:2:16: coverage.area.file: expected an existing file, found no such file ")" + geojson("missing.geojson") +
                R"(")");
}

TEST(CoverageErrors, GeoJsonThatIsNotAPolygon) {
  EXPECT_EQ(coverage_error("  area: {file: point.geojson}\n", kScenario),
            geojson("point.geojson") +
                R"(:4:24: geometry.type: expected a Polygon, or a MultiPolygon of one polygon, found "Point")");
  EXPECT_EQ(coverage_error("  area: {file: two_features.geojson}\n", kScenario),
            geojson("two_features.geojson") +
                R"(:3:15: features: expected a list of exactly one Polygon feature, found 2 features)");
  EXPECT_EQ(coverage_error("  area: {file: population.csv}\n", kScenario),
            geojson("population.csv") + R"(:1:1: (document): expected a GeoJSON object, found "lon,lat,pop 121.465,31.225,1200 121.485,31.235,800")");
}

TEST(CoverageErrors, GeoJsonPolygonWithHoles) {
  EXPECT_EQ(coverage_error("  area: {file: polygon_with_hole.geojson}\n", kScenario),
            geojson("polygon_with_hole.geojson") +
                R"(:3:18: coordinates: expected a polygon without holes (one linear ring; holes are not supported), )"
                R"(found 2 rings)");
}

TEST(CoverageErrors, GeoJsonErrorsNameTheGeoJsonFile) {
  EXPECT_EQ(coverage_error("  area: {file: short_position.geojson}\n", kScenario),
            geojson("short_position.geojson") +
                R"(:8:60: features[0].geometry.coordinates[0][2]: expected a position [lon, lat] or [lon, lat, altitude], )"
                R"(found a list of 1 value)");
  EXPECT_EQ(coverage_error("  area: {file: broken.geojson}\n", kScenario),
            geojson("broken.geojson") + R"(:4:1: (document): expected valid JSON, found illegal flow end)");
}

TEST(CoverageErrors, PolygonWithTwoVertices) {
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[121.46, 31.22], [121.49, 31.22]]\n"),
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a polygon of at least 3 distinct vertices, found 2)");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[121.46, 31.22], [121.49, 31.22], [121.46, 31.22]]\n"),
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a polygon of at least 3 distinct vertices, found 2)");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: []\n"),
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a polygon of at least 3 distinct vertices, found 0)");
}

TEST(CoverageErrors, InlineAreaWithANonNumericCoordinate) {
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[121.46, 31.22], [121.49, north], [121.49, 31.24]]\n"),
            R"(t.yaml:3:41: coverage.area.lon_lat[1][1]: expected a latitude from -90 to 90 (degrees), found "north")");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[181, 31.22], [121.49, 31.22], [121.49, 31.24]]\n"),
            R"(t.yaml:3:16: coverage.area.lon_lat[0][0]: expected a longitude from -180 to 180 (degrees), found "181")");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[0, 0, 0], [1, 0], [1, 1]]\n"),
            R"(t.yaml:3:15: coverage.area.lon_lat[0]: expected a [lon, lat] pair, found a list of 3 values)");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [0, 0]\n"),
            R"(t.yaml:3:15: coverage.area.lon_lat[0]: expected a [lon, lat] pair, found "0")");
}

TEST(CoverageErrors, PolygonOfZeroArea) {
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[0, 0], [1, 1], [2, 2]]\n"),
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a polygon with non-zero area, found all vertices on one line)");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[0, 0], [1, 1], [1, 0], [0, 1]]\n"),  // a bow tie of two equal halves
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a polygon with non-zero area, found zero area)");
}

TEST(CoverageErrors, PolygonThatIsNotSimple) {
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[0, 0], [2, 2], [2, 0], [0, 1]]\n"),
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a simple polygon (edges that meet only at their shared )"
            R"(vertices), found the edge from vertex 0 to 1 meeting the edge from vertex 2 to 3)");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[0, 0], [2, 0], [1, 0], [1, 1]]\n"),
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a simple polygon (edges that meet only at their shared )"
            R"(vertices), found the edge from vertex 0 to 1 overlapping the edge from vertex 1 to 2)");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[0, 0], [2, 0], [2, 2], [1, 0], [0, 2]]\n"),  // vertex 3 on edge 0
            R"(t.yaml:3:14: coverage.area.lon_lat: expected a simple polygon (edges that meet only at their shared )"
            R"(vertices), found the edge from vertex 0 to 1 meeting the edge from vertex 3 to 4)");
  EXPECT_EQ(coverage_error("  area:\n    lon_lat: [[0, 0], [1, 0], [1, 0], [0, 1]]\n"),
            R"(t.yaml:3:31: coverage.area.lon_lat[2]: expected a vertex different from its neighbours, )"
            R"(found the same [lon, lat] as vertex 1)");
}

}  // namespace
}  // namespace evsim::scenarios
