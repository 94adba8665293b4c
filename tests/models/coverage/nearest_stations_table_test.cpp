#include "models/coverage/nearest_stations_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "models/coverage/boost_length_dijkstra.hpp"
#include "models/coverage/distance_key.hpp"
#include "sim/random.hpp"
#include "tests/models/coverage/random_road.hpp"

namespace evsim::models::coverage {
namespace {

// Brute force: one Boost Dijkstra per station, then each node's stations sorted by
// (distance, station index), the first k kept.
NearestStationsTable brute_force(const road::RoadGraph& g, const std::vector<NodeId>& stations, std::uint32_t k) {
  const road::RoadGraph rg = g.reversed();
  std::vector<std::vector<double>> dist;
  for (const NodeId s : stations) dist.push_back(boost_distances_m(rg, std::vector<NodeId>{s}));
  NearestStationsTable t;
  t.k = k;
  t.station.assign(static_cast<std::size_t>(g.node_count()) * k, kInvalid);
  t.distance_m.assign(static_cast<std::size_t>(g.node_count()) * k, kUnreachable);
  for (NodeId v = 0; v < g.node_count(); ++v) {
    std::vector<std::pair<double, std::uint32_t>> row;
    for (std::uint32_t j = 0; j < stations.size(); ++j) {
      if (dist[j][v] != kUnreachable) row.push_back({dist[j][v], j});
    }
    std::sort(row.begin(), row.end());
    for (std::uint32_t i = 0; i < k && i < row.size(); ++i) {
      t.station[v * k + i] = row[i].second;
      t.distance_m[v * k + i] = row[i].first;
    }
  }
  return t;
}

TEST(NearestStationsTable, MatchesOneDijkstraPerStation) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const road::RoadGraph g = testing::random_road({.nodes = 250, .neighbours = 3, .seed = seed});
    sim::RandomStream rng(seed, 0, "tests/coverage/stations");
    std::vector<NodeId> stations(seed % 2 == 0 ? 5 : 30);
    for (auto& s : stations) s = static_cast<NodeId>(rng.uniform_index(g.node_count()));
    stations.push_back(stations.front());  // two stations on one node are distinct stations
    for (const std::uint32_t k : {1u, 3u, 8u}) {
      const NearestStationsTable got = nearest_stations_table(LengthGraph::reversed(g), stations, k);
      const NearestStationsTable want = brute_force(g, stations, k);
      ASSERT_EQ(got.k, k);
      ASSERT_EQ(got.station, want.station) << "seed " << seed << " k " << k;
      ASSERT_EQ(got.distance_m, want.distance_m) << "seed " << seed << " k " << k;
    }
  }
}

// With an arc of 1e-11 m the heap keys are bit patterns (distance_key.hpp): still exact.
TEST(NearestStationsTable, MatchesOneDijkstraPerStationWithBitPatternKeys) {
  const road::RoadGraph base = testing::random_road({.nodes = 200, .neighbours = 3, .seed = 5});
  std::vector<double> x, y;
  std::vector<road::EdgeInput> edges;
  for (NodeId v = 0; v < base.node_count(); ++v) {
    x.push_back(base.x_m(v));
    y.push_back(base.y_m(v));
  }
  for (road::EdgeId e = 0; e < base.edge_count(); ++e) edges.push_back({base.source(e), base.target(e), base.length_m(e), 30.0});
  edges.push_back({3, 4, 1e-11, 30.0});
  const road::RoadGraph g(std::move(x), std::move(y), std::move(edges));
  ASSERT_FALSE(DistanceKey(LengthGraph::reversed(g)).bucketed());
  const std::vector<NodeId> stations{4, 3, 10, 50, 51, 120, 199, 4};
  const NearestStationsTable got = nearest_stations_table(LengthGraph::reversed(g), stations, 5);
  const NearestStationsTable want = brute_force(g, stations, 5);
  EXPECT_EQ(got.station, want.station);
  EXPECT_EQ(got.distance_m, want.distance_m);
}

TEST(NearestStationsTable, PadsRowsWithFewerReachableStations) {
  // 0 -> 1 one-way; stations on 1 and 0. Node 1 reaches only the station on itself.
  const road::RoadGraph g({0, 100}, {0, 0}, {{0, 1, 100.0, 30.0}});
  const std::vector<NodeId> stations{1, 0};
  const NearestStationsTable t = nearest_stations_table(LengthGraph::reversed(g), stations, 3);
  EXPECT_EQ(std::vector<std::uint32_t>(t.stations_of(0).begin(), t.stations_of(0).end()),
            (std::vector<std::uint32_t>{1, 0, kInvalid}));
  EXPECT_EQ(std::vector<double>(t.distances_of(0).begin(), t.distances_of(0).end()),
            (std::vector<double>{0.0, 100.0, kUnreachable}));
  EXPECT_EQ(std::vector<std::uint32_t>(t.stations_of(1).begin(), t.stations_of(1).end()),
            (std::vector<std::uint32_t>{0, kInvalid, kInvalid}));
}

TEST(NearestStationsTable, RejectsZeroKAndStationsOutsideTheGraph) {
  const road::RoadGraph g({0, 100}, {0, 0}, {{0, 1, 100.0, 30.0}});
  const std::vector<NodeId> ok{0};
  try {
    nearest_stations_table(LengthGraph::reversed(g), ok, 0);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "nearest_stations_table: k must be at least 1");
  }
  const std::vector<NodeId> bad{0, 2};
  try {
    nearest_stations_table(LengthGraph::reversed(g), bad, 2);
    FAIL() << "no exception";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "nearest_stations_table: station 1 on node 2, outside the graph (0..1)");
  }
}

}  // namespace
}  // namespace evsim::models::coverage
