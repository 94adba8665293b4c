#include "scenarios/files/trip_file.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

#include "tests/models/demand/demand_test_util.hpp"
#include "models/road/geo.hpp"

namespace evsim::models::demand {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

using testing::error_of;
using testing::kDayMs;
using testing::kHourMs;
using testing::scratch_dir;
using testing::write_file;

sim::Time at_ms(std::int64_t ms) { return sim::time_at_ms(ms); }

TEST(TripTime, ParsesClockTimesDayPrefixesAndDurations) {
  EXPECT_EQ(parse_trip_time("07:30"), sim::Duration{7 * kHourMs + 30 * 60'000});
  EXPECT_EQ(parse_trip_time(" 07:30:15 "), sim::Duration{7 * kHourMs + 30 * 60'000 + 15'000});
  EXPECT_EQ(parse_trip_time("1d 07:30"), sim::Duration{kDayMs + 7 * kHourMs + 30 * 60'000});
  EXPECT_EQ(parse_trip_time("2d07:00:01"), sim::Duration{2 * kDayMs + 7 * kHourMs + 1000});
  EXPECT_EQ(parse_trip_time("31h"), sim::Duration{31 * kHourMs});
  EXPECT_EQ(parse_trip_time("90min"), sim::Duration{90 * 60'000});
  EXPECT_EQ(parse_trip_time("1d 2h"), sim::Duration{26 * kHourMs});
  EXPECT_EQ(parse_trip_time("0"), sim::Duration{0});
  EXPECT_EQ(parse_trip_time("-1h"), sim::Duration{-kHourMs});
  EXPECT_EQ(parse_trip_time("7.30"), std::nullopt);
  EXPECT_EQ(parse_trip_time("25:00"), std::nullopt);
  EXPECT_EQ(parse_trip_time("1d"), sim::Duration{kDayMs}) << "a duration";
  EXPECT_EQ(parse_trip_time("1d 7h:00"), std::nullopt);
  EXPECT_EQ(parse_trip_time("xd 07:00"), std::nullopt);
}

TEST(TripTime, FormatsAsTheFileWritesTimes) {
  EXPECT_EQ(format_trip_time(sim::Duration{7 * kDayMs}), "7d");
  EXPECT_EQ(format_trip_time(sim::Duration{kDayMs + 7 * kHourMs + 30 * 60'000}), "1d 07:30");
  EXPECT_EQ(format_trip_time(sim::Duration{7 * kHourMs + 15'000}), "07:00:15");
  EXPECT_EQ(format_trip_time(sim::Duration{250}), "00:00:00.250");
  EXPECT_EQ(format_trip_time(sim::Duration{0}), "00:00");
}

const std::string kNotANode =
    ", which is not a road node there (ids are those of the network file: the CSV id, the OSM node id of a road "
    "junction or way end; generated networks: docs/scenario-format.md)";

class TripFile : public ::testing::Test {
 protected:
  road::RoadNetwork net = testing::grid_town();  // 10 x 10, 100 m
  scenarios::files::PointLocator locator{net, 500.0};
  sim::Duration horizon{7 * kDayMs};

  std::filesystem::path file;

  void SetUp() override { file = scratch_dir() / "trips.csv"; }
  TripFileSchedules read(const std::string& text) {
    return read_trip_file({.file = write_file(file, text)}, horizon, locator);
  }
  std::string error(const std::string& text) {
    write_file(file, text);
    return error_of([&] { read_trip_file({.file = file}, horizon, locator); });
  }
};

TEST_F(TripFile, GroupsTripsPerVehicleSortsThemAndAddsRepositioningLegs) {
  const TripFileSchedules t = read(
      "vehicle,depart,origin_node,destination_node\n"
      "taxi-7,1d 07:30,5,17\n"
      "bus,08:00,1,2\n"
      "taxi-7,06:00,3,5\n"     // earlier: becomes the first trip, so the start is node 3
      "taxi-7,1d 07:30,40,41\n"  // same time as the first row: stays after it; starts off 17
      "bus,31h,2,1\n");
  ASSERT_EQ(t.vehicle_ids, (std::vector<std::string>{"taxi-7", "bus"}));
  ASSERT_EQ(t.schedule.vehicles.size(), 2u);
  EXPECT_EQ(t.report.trips, 5u);
  EXPECT_EQ(t.report.vehicles, 2u);
  EXPECT_EQ(t.report.repositioning_legs, 1u);

  const VehicleSchedule& taxi = t.schedule.vehicles[0];
  EXPECT_EQ(taxi.start, 3u);
  EXPECT_EQ(taxi.charger_node, road::kInvalid);
  EXPECT_EQ(taxi.charger_power_kw, 0.0);
  const auto legs = t.schedule.legs_of(0);
  ASSERT_EQ(legs.size(), 4u);
  const sim::Time day1_0730 = at_ms(kDayMs + 7 * kHourMs + 30 * 60'000);
  EXPECT_EQ(legs[0].not_before, at_ms(6 * kHourMs));
  EXPECT_EQ(legs[0].destination, 5u);
  EXPECT_EQ(legs[1].not_before, day1_0730);
  EXPECT_EQ(legs[1].destination, 17u);
  EXPECT_EQ(legs[2].not_before, day1_0730) << "repositioning to the next trip's origin";
  EXPECT_EQ(legs[2].destination, 40u);
  EXPECT_EQ(legs[3].destination, 41u);
  for (const Leg& leg : legs) {
    EXPECT_EQ(leg.activity, Activity::recorded);
    EXPECT_EQ(leg.min_stay, sim::Duration{0});
    EXPECT_EQ(leg.skip_after, kNoSkip);
  }

  const VehicleSchedule& bus = t.schedule.vehicles[1];
  EXPECT_EQ(bus.start, 1u);
  const auto bus_legs = t.schedule.legs_of(1);
  ASSERT_EQ(bus_legs.size(), 2u);
  EXPECT_EQ(bus_legs[0].not_before, at_ms(8 * kHourMs));
  EXPECT_EQ(bus_legs[1].not_before, at_ms(31 * kHourMs));
  EXPECT_EQ(bus_legs[1].destination, 1u);
}

TEST_F(TripFile, NamesEveryTripByItsTripColumnOrFileAndLine) {
  // Without a `trip` column every trip is "trips.csv:<line>"; a repositioning leg has no name.
  const TripFileSchedules unnamed = read(
      "vehicle,depart,origin_node,destination_node\n"
      "taxi-7,07:00,5,17\n"
      "taxi-7,09:00,40,41\n");
  EXPECT_EQ(unnamed.schedule.leg_names, (std::vector<std::string>{"trips.csv:2", "", "trips.csv:3"}));
  // With one, its field (trimmed) names the trip; an empty field falls back to file:line. Names follow
  // the legs after sorting by departure.
  const TripFileSchedules named = read(
      "vehicle,trip,depart,origin_node,destination_node\n"
      "taxi-7, order-2 ,09:00,17,5\n"
      "taxi-7,order-1,07:00,5,17\n"
      "bus,,08:00,1,2\n");
  EXPECT_EQ(named.schedule.leg_names, (std::vector<std::string>{"order-1", "order-2", "trips.csv:4"}));
}

TEST_F(TripFile, SnapsXyPoints) {
  const TripFileSchedules t = read(
      "vehicle,depart,origin_x_m,origin_y_m,destination_x_m,destination_y_m\n"
      "a,00:10,10,-5,290,410\n");  // node 0 -> row 4, col 3 = 43
  ASSERT_EQ(t.schedule.vehicles.size(), 1u);
  EXPECT_EQ(t.schedule.vehicles[0].start, 0u);
  EXPECT_EQ(t.schedule.legs_of(0)[0].destination, 43u);
  ASSERT_EQ(locator.log().kinds().size(), 2u);
  EXPECT_EQ(locator.log().kinds()[0].kind, "trip origin");
  EXPECT_NEAR(locator.log().kinds()[0].max_m, std::hypot(10.0, 5.0), 1e-9);
  EXPECT_EQ(locator.log().kinds()[1].kind, "trip destination");
  EXPECT_NEAR(locator.log().kinds()[1].max_m, std::hypot(10.0, 10.0), 1e-9);
  EXPECT_EQ(locator.log().kinds()[1].farthest.at(0).name, "a");
  EXPECT_EQ(locator.log().kinds()[1].farthest.at(0).where, file.string() + ":2");
}

TEST_F(TripFile, SnapsLonLatPointsThroughTheNetworksProjection) {
  net.projection = road::LocalProjection(114.05, 22.54);
  const road::LonLat from = net.projection->to_lon_lat(300.0, 200.0);  // node 23
  const road::LonLat to = net.projection->to_lon_lat(900.0, 900.0);    // node 99
  const TripFileSchedules t = read(fmt::format(
      "vehicle,depart,origin_lon,origin_lat,destination_lon,destination_lat\n"
      "a,12:00,{:.9f},{:.9f},{:.9f},{:.9f}\n",
      from.lon, from.lat, to.lon, to.lat));
  EXPECT_EQ(t.schedule.vehicles[0].start, 23u);
  EXPECT_EQ(t.schedule.legs_of(0)[0].destination, 99u);
  EXPECT_EQ(t.schedule.legs_of(0)[0].not_before, at_ms(12 * kHourMs));
}

TEST_F(TripFile, ErrorsNameFileLineColumnAndColumnName) {
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\na,08:00,99999,2\n"),
            file.string() + ":2:9: origin_node: expected a node id of the road network (grid town: 10 x 10 nodes, 100 m "
                            "apart), found 99999" + kNotANode);
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\na,08:00,1,-1\n"),
            file.string() + ":2:11: destination_node: expected a node id of the road network (grid town: 10 x 10 nodes, "
                            "100 m apart), found -1" + kNotANode);
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\na,8d 01:00,1,2\n"),
            file.string() + ":2:3: depart: expected a time within the horizon (at least 00:00 and before 7d), "
                            "found \"8d 01:00\"");
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\na,7d,1,2\n"),
            file.string() + ":2:3: depart: expected a time within the horizon (at least 00:00 and before 7d), "
                            "found \"7d\"");
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\na,-1h,1,2\n"),
            file.string() + ":2:3: depart: expected a time within the horizon (at least 00:00 and before 7d), "
                            "found \"-1h\"");
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\na,7.30,1,2\n"),
            file.string() +
                ":2:3: depart: expected a departure time (\"HH:MM\" or \"HH:MM:SS\" on day 0, \"1d 07:30\", or a duration "
                "such as \"31h\"), found \"7.30\"");
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\n ,08:00,1,2\n"),
            file.string() + ":2:1: vehicle: expected a vehicle id, found \" \"");
  EXPECT_EQ(error("vehicle,origin_node,destination_node\na,1,2\n"),
            file.string() + ":1:1: depart: expected a column \"depart\" in the header, found \"vehicle,origin_node,destination_node\"");
  EXPECT_EQ(error("depart,origin_node,destination_node\n08:00,1,2\n"),
            file.string() + ":1:1: vehicle: expected a column \"vehicle\" in the header, found \"depart,origin_node,destination_node\"");
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_y_m\na,08:00,1,2\n"),
            file.string() +
                ":1:1: destination_x_m: expected a column \"destination_x_m\" in the header, found "
                "\"vehicle,depart,origin_node,destination_y_m\"");
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_x_m,destination_y_m\na,08:00,1,2,abc\n"),
            file.string() + ":2:13: destination_y_m: expected a y coordinate in metres, found \"abc\"");
  EXPECT_EQ(error("vehicle,depart,origin_lon,origin_lat,destination_node\na,08:00,114,22,1\n"),
            file.string() +
                ":1:1: origin_lon: expected origin_node or origin_x_m,origin_y_m columns for a road network in plain "
                "metres (origin_lon,origin_lat need an osm network or csv nodes with lon,lat), found "
                "\"vehicle,depart,origin_lon,origin_lat,destination_node\"");
  EXPECT_EQ(error("vehicle,depart,origin_node,destination_node\n"),
            file.string() + ":1:1: (header): expected at least one trip, found a header without rows");
  EXPECT_EQ(error(""), file.string() + ":1:1: (header): expected a header line naming the columns, found an empty file");
}

TEST_F(TripFile, AMissingFileIsReportedAtTheScenarioKey) {
  const scenarios::TripFileDemand spec{.file = scratch_dir() / "absent.csv",
                                       .mark = {.file = "town.yaml", .line = 12, .column = 11, .key_path = "fleet[1].demand.file"}};
  EXPECT_EQ(error_of([&] { read_trip_file(spec, horizon, locator); }),
            "town.yaml:12:11: fleet[1].demand.file: expected a readable CSV file, found \"" + spec.file.string() +
                "\": no such file");
}

}  // namespace
}  // namespace evsim::models::demand
