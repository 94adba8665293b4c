#include "models/road/resolve_location.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "models/charging/resolve_stations.hpp"
#include "models/road/grid_generator.hpp"
#include "road_test_util.hpp"

namespace evsim::models::road {
namespace {

using testing::error_of;

class ResolveLocation : public ::testing::Test {
 protected:
  RoadNetwork net = make_grid_network({.rows = 4, .cols = 4, .spacing_m = 100.0, .speed_kmh = 30.0});
  NodeSnapper snapper{net.graph};
  scenarios::SourceMark mark{.file = "t.yaml", .line = 19, .column = 5, .key_path = "fleet[0].demand.depot"};
};

TEST_F(ResolveLocation, NodesAreCheckedAndPointsSnap) {
  const Snap node = resolve_location(scenarios::NodeLocation{15}, mark, "a depot", net, snapper);
  EXPECT_EQ(node.node, 15u);
  EXPECT_EQ(node.distance_m, 0.0);
  const Snap xy = resolve_location(scenarios::XyLocation{130.0, 240.0}, mark, "a depot", net, snapper);
  EXPECT_EQ(xy.node, 9u);  // row 2, col 1
  EXPECT_DOUBLE_EQ(xy.distance_m, std::hypot(30.0, 40.0));
  net.projection = LocalProjection(114.0, 22.5);
  const LonLat ll = net.projection->to_lon_lat(300.0, 100.0);
  EXPECT_EQ(resolve_location(scenarios::LonLatLocation{ll.lon, ll.lat}, mark, "a depot", net, snapper).node, 7u);
}

TEST_F(ResolveLocation, ErrorsNameTheKeyAndTheThingLocated) {
  EXPECT_EQ(error_of([&] { resolve_location(scenarios::NodeLocation{16}, mark, "a depot", net, snapper); }),
            "t.yaml:19:5: fleet[0].demand.depot.node: expected a road node id from 0 to 15, found 16");
  EXPECT_EQ(error_of([&] { resolve_location(scenarios::LonLatLocation{114.0, 22.5}, mark, "a depot", net, snapper); }),
            "t.yaml:19:5: fleet[0].demand.depot.lon: expected a road network with geographic coordinates (osm, or csv "
            "nodes with lon,lat) for a depot given by lon/lat, found a road network in plain metres");
}

TEST_F(ResolveLocation, StationsKeepTheirMessages) {
  const scenarios::StationSpec station{.name = "s", .location = scenarios::NodeLocation{16}, .plugs = {},
                                       .mark = {.file = "t.yaml", .line = 19, .column = 5, .key_path = "stations[0]"}};
  EXPECT_EQ(error_of([&] { charging::ConnectorNames c; charging::resolve_stations({station}, net, snapper, c); }),
            "t.yaml:19:5: stations[0].node: expected a road node id from 0 to 15, found 16");
  scenarios::StationSpec lon_lat = station;
  lon_lat.location = scenarios::LonLatLocation{114.0, 22.5};
  EXPECT_EQ(error_of([&] { charging::ConnectorNames c; charging::resolve_stations({lon_lat}, net, snapper, c); }),
            "t.yaml:19:5: stations[0].lon: expected a road network with geographic coordinates (osm, or csv nodes with "
            "lon,lat) for a station given by lon/lat, found a road network in plain metres");
}

}  // namespace
}  // namespace evsim::models::road
