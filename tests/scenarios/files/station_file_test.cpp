#include "scenarios/files/station_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenarios/scenario_error.hpp"

namespace evsim::models::charging {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

namespace fs = std::filesystem;

fs::path write(const std::string& name, const std::string& text) {
  const fs::path p = fs::path(EVSIM_BINARY_DIR) / "tests" / "station_files" / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p;
}

std::string error_of(const scenarios::StationFileSpec& spec) {
  try {
    read_station_file(spec);
    return "no error";
  } catch (const scenarios::ScenarioError& e) {
    return e.what();
  }
}

TEST(StationFile, ReadsEvsimFormatWithPowersPerRow) {
  const auto file = write("own.csv",
                          "name,lon,lat,dc_plugs,dc_power_kw,ac_plugs,ac_power_kw\n"
                          "hub,121.47,31.23,4,120,2,7\n"
                          "slow,121.48,31.24,0,60,6,11\n");
  const StationFileContents c = read_station_file({.file = file});
  ASSERT_EQ(c.stations.size(), 2u);
  const auto& hub = c.stations[0];
  EXPECT_EQ(hub.name, "hub");
  const auto& at = std::get<scenarios::LonLatLocation>(hub.location);
  EXPECT_DOUBLE_EQ(at.lon, 121.47);
  EXPECT_DOUBLE_EQ(at.lat, 31.23);
  ASSERT_EQ(hub.plugs.size(), 2u);
  EXPECT_EQ(hub.plugs[0].kind, scenarios::PlugKind::dc);
  EXPECT_EQ(hub.plugs[0].count, 4u);
  EXPECT_DOUBLE_EQ(hub.plugs[0].power_kw, 120.0);
  EXPECT_DOUBLE_EQ(hub.plugs[1].power_kw, 7.0);
  ASSERT_EQ(c.stations[1].plugs.size(), 1u);  // no DC plugs: only the AC group
  EXPECT_EQ(c.stations[1].plugs[0].kind, scenarios::PlugKind::ac);
  EXPECT_EQ(hub.mark.line, 2);
}

TEST(StationFile, RenamedColumnsReadTheShenzhenLayoutAndSkipRowsWithoutPlugs) {
  const auto file = write("shenzhen.csv",
                          "station_id,latitude,longitude,fast,slow,count\n"
                          "1,22.716272,113.826349,5,5,10\n"
                          "199,22.573805,113.946385,0,0,0\n"
                          "3,22.509541,114.05851,0,8,8\n");
  scenarios::StationFileSpec spec{.file = file, .name_column = "station_id", .lon_column = "longitude",
                                  .lat_column = "latitude", .dc_plugs_column = "fast", .ac_plugs_column = "slow"};
  spec.dc_power_kw = 60.0;
  spec.ac_power_kw = 7.0;
  const StationFileContents c = read_station_file(spec);
  ASSERT_EQ(c.stations.size(), 2u);
  EXPECT_EQ(c.rows_without_plugs.count, 1u);
  EXPECT_EQ(c.rows_without_plugs.examples, std::vector<std::string>{"199 (" + file.string() + ":3)"});
  EXPECT_EQ(c.stations[1].name, "3");
  EXPECT_DOUBLE_EQ(std::get<scenarios::LonLatLocation>(c.stations[0].location).lat, 22.716272);
  EXPECT_DOUBLE_EQ(c.stations[0].plugs[0].power_kw, 60.0);
}

TEST(StationFile, ReadsTheRealShenzhenFile) {
  const fs::path file = fs::path(EVSIM_SHARED_DIR) / "data" / "stations" / "shenzhen_stations.csv";
  if (!fs::exists(file)) GTEST_SKIP() << "no shared data at " << file;
  scenarios::StationFileSpec spec{.file = file, .name_column = "station_id", .lon_column = "longitude",
                                  .lat_column = "latitude", .dc_plugs_column = "fast", .ac_plugs_column = "slow"};
  spec.dc_power_kw = 60.0;
  spec.ac_power_kw = 7.0;
  const StationFileContents c = read_station_file(spec);
  EXPECT_EQ(c.stations.size() + c.rows_without_plugs.count, 1706u);  // every row is a station or skipped
  EXPECT_GT(c.stations.size(), 1500u);
}

TEST(StationFile, PricesComeFromTheColumnOrTheFileDefault) {
  const auto priced = write("priced.csv",
                            "name,x_m,y_m,dc_plugs,dc_power_kw,price_per_kwh\n"
                            "a,0,0,2,60,1.35\n"
                            "b,10,0,2,60,0.9\n");
  const StationFileContents c = read_station_file({.file = priced});
  ASSERT_EQ(c.stations.size(), 2u);
  EXPECT_DOUBLE_EQ(c.stations[0].price_per_kwh, 1.35);
  EXPECT_DOUBLE_EQ(c.stations[1].price_per_kwh, 0.9);
  const auto unpriced = write("unpriced.csv", "name,x_m,y_m,dc_plugs,dc_power_kw\na,0,0,2,60\n");
  EXPECT_DOUBLE_EQ(read_station_file({.file = unpriced, .price_per_kwh = 1.1}).stations[0].price_per_kwh, 1.1);
  const auto negative = write("negative.csv", "name,x_m,y_m,dc_plugs,dc_power_kw,price_per_kwh\na,0,0,2,60,-1\n");
  EXPECT_EQ(error_of({.file = negative}),
            negative.string() + ":2:12: price_per_kwh: expected a price per kWh >= 0, found \"-1\"");
}

TEST(StationFile, ErrorsNameFileLineAndColumn) {
  const auto no_power = write("no_power.csv", "name,x_m,y_m,dc_plugs\na,0,0,2\n");
  EXPECT_EQ(error_of({.file = no_power}),
            no_power.string() + ":2:7: dc_plugs: expected a DC power for these plugs (a power column in the file, or the "
                                "file's dc_power in the scenario), found \"2\"");
  const auto negative = write("negative.csv", "name,x_m,y_m,ac_plugs,ac_power_kw\na,0,0,-1,7\n");
  EXPECT_EQ(error_of({.file = negative}),
            negative.string() + ":2:7: ac_plugs: expected a number of AC plugs from 0 to 100000, found \"-1\"");
  const auto twice = write("twice.csv", "name,node,ac_plugs,ac_power_kw\na,1,1,7\na,2,1,7\n");
  EXPECT_EQ(error_of({.file = twice}), twice.string() + ":3:1: name: expected a station name not used before in this file, found \"a\"");
  const auto bad_lat = write("bad_lat.csv", "name,lon,lat,ac_plugs,ac_power_kw\na,10,95,1,7\n");
  EXPECT_EQ(error_of({.file = bad_lat}), bad_lat.string() + ":2:6: lat: expected a latitude from -90 to 90 degrees, found \"95\"");
  const auto no_plug_column = write("no_plug_column.csv", "name,node\na,1\n");
  EXPECT_EQ(error_of({.file = no_plug_column}),
            no_plug_column.string() + ":1:1: dc_plugs: expected a column \"dc_plugs\" in the header, found \"name,node\"");
}

}  // namespace
}  // namespace evsim::models::charging
