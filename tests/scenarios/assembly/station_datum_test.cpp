// Station files in GCJ-02: converted where they are read, they land where their WGS-84 twins do;
// misread as WGS-84 they land on other streets, and keep_within leaves out those off the map.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenarios/assembly/resolve_stations.hpp"
#include "models/geometry/datum.hpp"
#include "tests/support/futian_grid.hpp"
#include "tests/support/scratch_files.hpp"

namespace evsim::models::charging {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test
using namespace ::evsim::scenarios::assembly;

namespace fs = std::filesystem;
using geometry::Datum;

using test::futian_grid;

// Stations 60-70 m from a crossing (no ties between nodes), two of them near the grid's east edge,
// in WGS-84.
const std::vector<road::LonLat> kStationsWgs{{114.0615, 22.5434}, {114.0534, 22.5486}, {114.0594, 22.5405}};

// These tests are about datums: misread positions must land elsewhere, however far, so the snapping
// limit (tested in tests/scenarios/files/point_locator_test.cpp) is out of the way.
constexpr double kNoSnapLimitM = 1e7;

fs::path station_file(const fs::path& path, Datum written_in) {
  std::string text = "name,lon,lat,dc_plugs\n";
  for (std::size_t i = 0; i < kStationsWgs.size(); ++i) {
    const road::LonLat p = geometry::from_wgs84(kStationsWgs[i], written_in);
    text += fmt::format("s{},{:.9f},{:.9f},2\n", i, p.lon, p.lat);
  }
  return test::write_file(path, text);
}

ResolvedStations resolve(const scenarios::StationFileSpec& spec, const road::RoadNetwork& net) {
  scenarios::files::PointLocator locator(net, kNoSnapLimitM);
  const ConnectorNames connectors;
  return resolve_stations(collect_station_specs({}, {spec}), locator, connectors);
}

TEST(StationDatum, Gcj02AndBd09FilesLandOnTheNodesOfTheirWgs84Twins) {
  const fs::path dir = test::scratch_dir("evsim_");
  const road::RoadNetwork net = futian_grid(dir);
  const ResolvedStations wgs = resolve({.file = station_file(dir / "wgs.csv", Datum::wgs84), .dc_power_kw = 60.0}, net);
  for (const Datum d : {Datum::gcj02, Datum::bd09}) {
    SCOPED_TRACE(std::string(geometry::to_string(d)));
    scenarios::StationFileSpec spec{.file = station_file(dir / "other.csv", d), .dc_power_kw = 60.0};
    spec.crs = d;
    const ResolvedStations other = resolve(spec, net);
    ASSERT_EQ(other.stations.size(), kStationsWgs.size());
    for (std::size_t i = 0; i < kStationsWgs.size(); ++i) {
      EXPECT_EQ(other.stations[i].node(), wgs.stations[i].node());
      EXPECT_NEAR(other.snap_m[i], wgs.snap_m[i], 0.01);  // positions written to 1e-9 degrees
      EXPECT_EQ(other.source_crs[i], d);
    }
    EXPECT_EQ(wgs.source_crs[0], Datum::wgs84);
    EXPECT_EQ(other.left_out, 0u);
  }
}

TEST(StationDatum, MisreadAsWgs84TheyLandElsewhereAndKeepWithinLeavesOutThoseOffTheMap) {
  const fs::path dir = test::scratch_dir("evsim_");
  const road::RoadNetwork net = futian_grid(dir);
  const ResolvedStations wgs = resolve({.file = station_file(dir / "wgs.csv", Datum::wgs84), .dc_power_kw = 60.0}, net);
  scenarios::StationFileSpec misread{.file = station_file(dir / "gcj.csv", Datum::gcj02), .dc_power_kw = 60.0};
  const ResolvedStations wrong = resolve(misread, net);
  ASSERT_EQ(wrong.stations.size(), kStationsWgs.size());
  for (std::size_t i = 0; i < kStationsWgs.size(); ++i) EXPECT_NE(wrong.stations[i].node(), wgs.stations[i].node());

  // The offset (about 530 m east, 300 m south) puts s0 and s2 beyond the grid's east edge.
  double farthest_m = 0.0;
  for (const double d : wrong.snap_m) farthest_m = std::max(farthest_m, d);
  ASSERT_GT(farthest_m, 150.0);
  misread.keep_within_m = 150.0;
  const ResolvedStations kept = resolve(misread, net);
  std::uint64_t beyond = 0;
  for (const double d : wrong.snap_m) beyond += d > 150.0 ? 1 : 0;
  EXPECT_EQ(kept.left_out, beyond);
  EXPECT_EQ(kept.stations.size() + kept.left_out, kStationsWgs.size());
  for (const double d : kept.snap_m) EXPECT_LE(d, 150.0);

  // Read right, every station is within 150 m and none is left out.
  misread.crs = Datum::gcj02;
  EXPECT_EQ(resolve(misread, net).left_out, 0u);
}

TEST(StationDatum, Gcj02RowWithoutWgs84EquivalentIsAnErrorAtItsLonColumn) {
  const fs::path dir = test::scratch_dir("evsim_");
  const fs::path file = test::write_file(dir / "edge.csv", "name,lon,lat,dc_plugs\nok,114.05,22.54,1\nedge,72.006,30,1\n");
  scenarios::StationFileSpec spec{.file = file, .dc_power_kw = 60.0};
  spec.crs = Datum::gcj02;
  EXPECT_EQ(test::error_of([&] { collect_station_specs({}, {spec}); }),
            file.string() +
                ":3:6: lon: expected a gcj02 position that some WGS-84 position converts to (none does in a strip along "
                "the edge of the area where China's offset applies), found \"72.006\"");
}

}  // namespace
}  // namespace evsim::models::charging
