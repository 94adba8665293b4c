// The `crs` keys: every place a scenario writes lon/lat may name its datum; the loader converts
// inline positions to WGS-84 and hands the datum of files on to their readers.
#include <gtest/gtest.h>

#include "models/geometry/datum.hpp"
#include "scenarios/loader.hpp"
#include "tests/scenarios/scenario_text.hpp"

namespace evsim::scenarios {
namespace {

using testing::error_of;
using testing::scenario_with;
using testing::scenario_with_segment;

namespace fs = std::filesystem;

const fs::path kData = fs::path(EVSIM_SOURCE_DIR) / "tests/scenarios/data";
const fs::path kScenario = kData / "t.yaml";

// (114.05, 22.54) in Futian, in WGS-84: the conversion functions are tested against published
// vectors in tests/models/geometry/datum_test.cpp; here only that the loader applies them.
models::road::LonLat wgs_of(models::road::LonLat p, Datum d) { return *models::geometry::to_wgs84(p, d); }

std::string station_with(const std::string& keys) {
  return scenario_with("stations", "stations:\n  - name: a\n" + keys + "    plugs: [{power: 50kW, kind: dc}]\n");
}

TEST(DatumKeys, InlineStationsAreConvertedAndKeepTheirSourceDatum) {
  const Scenario sc = parse_scenario(
      scenario_with("stations", "stations:\n"
                                "  - {name: a, lon: 114.05, lat: 22.54, crs: gcj02, plugs: [{power: 50kW, kind: dc}]}\n"
                                "  - {name: b, lon: 114.05, lat: 22.54, crs: bd09, plugs: [{power: 50kW, kind: dc}]}\n"
                                "  - {name: c, lon: 114.05, lat: 22.54, plugs: [{power: 50kW, kind: dc}]}\n"
                                "  - {name: d, node: 1, plugs: [{power: 50kW, kind: dc}]}\n"),
      "t.yaml");
  ASSERT_EQ(sc.stations.size(), 4u);
  constexpr Datum kWritten[] = {Datum::gcj02, Datum::bd09, Datum::wgs84};
  for (std::size_t i = 0; i < 3; ++i) {
    const Datum d = kWritten[i];
    SCOPED_TRACE(sc.stations[i].name);
    const auto& at = std::get<LonLatLocation>(sc.stations[i].location);
    const models::road::LonLat expected = wgs_of({114.05, 22.54}, d);
    EXPECT_DOUBLE_EQ(at.lon, expected.lon);
    EXPECT_DOUBLE_EQ(at.lat, expected.lat);
    EXPECT_EQ(sc.stations[i].source_crs, d);
  }
  EXPECT_LT(std::get<LonLatLocation>(sc.stations[0].location).lon, 114.05 - 0.004);  // ~500 m west
  EXPECT_FALSE(sc.stations[3].source_crs.has_value());
}

TEST(DatumKeys, UnknownDatumIsAnExactError) {
  EXPECT_EQ(error_of(station_with("    lon: 114.05\n    lat: 22.54\n    crs: WGS84\n")),
            R"(t.yaml:5:10: stations[0].crs: expected wgs84, gcj02 or bd09, found "WGS84")");
  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - file: stations.csv\n    crs: gcj-02\n"), kScenario),
            kScenario.string() + R"(:3:10: station_files[0].crs: expected wgs84, gcj02 or bd09, found "gcj-02")");
  EXPECT_EQ(error_of(scenario_with_segment("    kind: trip_file\n    vehicle_type: car\n    file: trips.csv\n    crs: baidu\n"),
                     kScenario),
            kScenario.string() + R"(:6:10: fleet[0].crs: expected wgs84, gcj02 or bd09, found "baidu")");
}

TEST(DatumKeys, DatumBesideANodeOrXyIsAnError) {
  EXPECT_EQ(error_of(station_with("    node: 1\n    crs: gcj02\n")),
            R"(t.yaml:4:10: stations[0].crs: expected key "crs" only beside "lon" and "lat" (a node or x and y have no datum), found key "crs" beside "node")");
  EXPECT_EQ(error_of(station_with("    x: 10m\n    y: 20m\n    crs: bd09\n")),
            R"(t.yaml:5:10: stations[0].crs: expected key "crs" only beside "lon" and "lat" (a node or x and y have no datum), found key "crs" beside "x" and "y")");
}

TEST(DatumKeys, DepotDatumBesideANodeIsAnError) {
  EXPECT_EQ(error_of(scenario_with_segment("    kind: logistics\n    vehicle_type: car\n    count: 2\n"
                                           "    depot: {node: 5, crs: gcj02}\n")),
            R"(t.yaml:6:27: fleet[0].depot.crs: expected key "crs" only beside "lon" and "lat" (a node or x and y have no datum), found key "crs" beside "node")");
}

TEST(DatumKeys, Gcj02PositionWithoutWgs84EquivalentIsAnError) {
  EXPECT_EQ(error_of(station_with("    lon: 72.006\n    lat: 30\n    crs: gcj02\n")),
            "t.yaml:3:10: stations[0].lon: expected a gcj02 position that some WGS-84 position converts to (none does in "
            "a strip along the edge of the area where China's offset applies), found lon 72.006, lat 30");
}

TEST(DatumKeys, FilesCarryTheirDatumAndStationFilesTheirKeepWithin) {
  const Scenario sc = parse_scenario(
      scenario_with("station_files",
                    "station_files:\n"
                    "  - {file: stations.csv, crs: gcj02, keep_within: 0.3km}\n"
                    "  - {file: stations.csv}\n"
                    "places:\n"
                    "  homes: {file: population.csv, crs: bd09}\n"
                    "coverage:\n"
                    "  demand: {file: population.csv, crs: gcj02}\n"),
      kScenario);
  ASSERT_EQ(sc.station_files.size(), 2u);
  EXPECT_EQ(sc.station_files[0].crs, Datum::gcj02);
  EXPECT_EQ(sc.station_files[0].keep_within_m, 300.0);
  EXPECT_EQ(sc.station_files[1].crs, Datum::wgs84);
  EXPECT_FALSE(sc.station_files[1].keep_within_m.has_value());
  EXPECT_EQ(sc.places.homes->crs, Datum::bd09);
  EXPECT_EQ(sc.coverage.demand->crs, Datum::gcj02);

  const Scenario trips = parse_scenario(
      scenario_with_segment("    kind: trip_file\n    vehicle_type: car\n    file: trips.csv\n    crs: gcj02\n"), kScenario);
  EXPECT_EQ(std::get<TripFileDemand>(trips.fleet[0].demand).crs, Datum::gcj02);

  EXPECT_EQ(error_of(scenario_with("station_files", "station_files:\n  - {file: stations.csv, keep_within: 0m}\n"), kScenario),
            kScenario.string() + R"(:2:39: station_files[0].keep_within: expected a length > 0, found "0m")");
}

TEST(DatumKeys, DepotsAndAreasAreConverted) {
  const Scenario sc = parse_scenario(
      scenario_with_segment("    kind: logistics\n    vehicle_type: car\n    count: 2\n"
                            "    depot: {lon: 114.05, lat: 22.54, crs: gcj02}\n") +
          "coverage:\n"
          "  area: {crs: bd09, lon_lat: [[114.04, 22.53], [114.07, 22.53], [114.07, 22.55], [114.04, 22.55]]}\n",
      "t.yaml");
  const auto& depot = std::get<LonLatLocation>(std::get<LogisticsDemand>(sc.fleet[0].demand).depot);
  EXPECT_DOUBLE_EQ(depot.lon, wgs_of({114.05, 22.54}, Datum::gcj02).lon);
  EXPECT_DOUBLE_EQ(depot.lat, wgs_of({114.05, 22.54}, Datum::gcj02).lat);
  ASSERT_TRUE(sc.coverage.area.has_value());
  ASSERT_EQ(sc.coverage.area->lon_lat.size(), 4u);
  const models::road::LonLat corner = wgs_of({114.07, 22.55}, Datum::bd09);
  EXPECT_DOUBLE_EQ(sc.coverage.area->lon_lat[2].first, corner.lon);
  EXPECT_DOUBLE_EQ(sc.coverage.area->lon_lat[2].second, corner.lat);
}

}  // namespace
}  // namespace evsim::scenarios
