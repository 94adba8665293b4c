// Demand points and recorded trips written in GCJ-02 or BD-09 land on the nodes of their WGS-84
// twins (PointColumns converts them before snapping).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenarios/files/node_weights.hpp"
#include "scenarios/files/trip_file.hpp"
#include "models/geometry/datum.hpp"
#include "tests/support/futian_grid.hpp"

namespace evsim::models::demand {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

using geometry::Datum;

// Points 40-85 m from a crossing of the grid and clearly nearer one node than any other, WGS-84.
const std::vector<road::LonLat> kPointsWgs{{114.0507, 22.5434}, {114.0594, 22.5405}, {114.0558, 22.5523}};

std::string lon_lat(road::LonLat wgs, Datum d) {
  const road::LonLat p = geometry::from_wgs84(wgs, d);
  return fmt::format("{:.9f},{:.9f}", p.lon, p.lat);
}

TEST(DemandDatum, WeightsInBd09AndGcj02GoToTheNodesOfTheirWgs84Twins) {
  const auto dir = test::scratch_dir("evsim_");
  const road::RoadNetwork net = test::futian_grid(dir);
  scenarios::files::PointLocator locator(net, 1e7);  // datums, not the snapping limit, are under test
  std::vector<std::vector<double>> per_node;
  for (const Datum d : geometry::kAllDatums) {
    std::string text = "lon,lat,weight\n";
    for (std::size_t i = 0; i < kPointsWgs.size(); ++i) text += fmt::format("{},{}\n", lon_lat(kPointsWgs[i], d), i + 1);
    scenarios::DemandFileSpec spec{.file = test::write_file(dir / "points.csv", text)};
    spec.crs = d;
    per_node.push_back(read_node_weights(spec, "demand point", locator).per_node);
  }
  EXPECT_EQ(per_node[1], per_node[0]);
  EXPECT_EQ(per_node[2], per_node[0]);
  // Misread, the GCJ-02 file puts its weights elsewhere.
  std::string gcj = "lon,lat,weight\n";
  for (std::size_t i = 0; i < kPointsWgs.size(); ++i) gcj += fmt::format("{},{}\n", lon_lat(kPointsWgs[i], Datum::gcj02), i + 1);
  EXPECT_NE(read_node_weights({.file = test::write_file(dir / "misread.csv", gcj)}, "demand point", locator).per_node, per_node[0]);
}

TEST(DemandDatum, TripFileInGcj02ReplaysTheTripsOfItsWgs84Twin) {
  const auto dir = test::scratch_dir("evsim_");
  const road::RoadNetwork net = test::futian_grid(dir);
  scenarios::files::PointLocator locator(net, 1e7);  // datums, not the snapping limit, are under test
  const auto trips = [&](Datum d) {
    const std::string text = fmt::format(
        "vehicle,depart,origin_lon,origin_lat,destination_lon,destination_lat\n"
        "taxi,07:30,{},{}\ntaxi,09:00,{},{}\n",
        lon_lat(kPointsWgs[0], d), lon_lat(kPointsWgs[1], d), lon_lat(kPointsWgs[1], d), lon_lat(kPointsWgs[2], d));
    scenarios::TripFileDemand spec{.file = test::write_file(dir / "trips.csv", text)};
    spec.crs = d;
    return read_trip_file(spec, std::chrono::hours(24), locator);
  };
  const TripFileSchedules wgs = trips(Datum::wgs84);
  const TripFileSchedules gcj = trips(Datum::gcj02);
  ASSERT_EQ(gcj.schedule.vehicles.size(), 1u);
  EXPECT_EQ(gcj.schedule.vehicles[0].start, wgs.schedule.vehicles[0].start);
  ASSERT_EQ(gcj.schedule.legs.size(), wgs.schedule.legs.size());
  for (std::size_t i = 0; i < wgs.schedule.legs.size(); ++i) EXPECT_EQ(gcj.schedule.legs[i].destination, wgs.schedule.legs[i].destination);
  EXPECT_EQ(gcj.report.repositioning_legs, 0u);
}

}  // namespace
}  // namespace evsim::models::demand
