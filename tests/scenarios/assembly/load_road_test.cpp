#include "scenarios/assembly/load_road.hpp"

#include <gtest/gtest.h>

#include "tests/models/road/road_test_util.hpp"

namespace evsim::models::road {
namespace {

using namespace ::evsim::scenarios::assembly;

using testing::kRoadData;

TEST(LoadRoad, DispatchesOnTheKindOfRoadSpec) {
  const RoadNetwork grid = load_road(scenarios::GridRoadSpec{.rows = 2, .cols = 3, .spacing_m = 100, .speed_kmh = 30});
  EXPECT_EQ(grid.graph.node_count(), 6u);
  EXPECT_EQ(grid.graph.x_m(5), 200.0) << "row-major ids";

  const RoadNetwork ring = load_road(scenarios::RingRadialRoadSpec{
      .rings = 2, .spokes = 6, .ring_spacing_m = 500, .max_segment_m = 0, .radial_speed_kmh = 50, .ring_speed_kmh = 40});
  EXPECT_EQ(ring.graph.node_count(), 13u);

  const RoadNetwork osm = load_road(scenarios::OsmRoadSpec{.file = kRoadData / "features.osm", .include_service = true, .mark = {}});
  EXPECT_EQ(osm.graph.node_count(), 11u);
  EXPECT_TRUE(osm.projection);

  const RoadNetwork csv = load_road(
      scenarios::CsvRoadSpec{.nodes_file = kRoadData / "csv/nodes_xy.csv", .edges_file = kRoadData / "csv/edges.csv",
                             .nodes_mark = {}, .edges_mark = {}});
  EXPECT_EQ(csv.graph.node_count(), 4u);
}

}  // namespace
}  // namespace evsim::models::road
