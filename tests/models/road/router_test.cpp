#include "models/road/router.hpp"

#include <gtest/gtest.h>

#include "road_test_util.hpp"
#include "route_test_graphs.hpp"
#include "sim/random.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::road {
namespace {

using testing::error_of;

std::shared_ptr<const ContractionHierarchy> hierarchy_of(const RoadGraph& g) {
  return std::make_shared<const ContractionHierarchy>(g);
}

TEST(Router, CountsHitsAndMisses) {
  const RoadGraph g = testing::jittered_grid(10, 10, 1);
  Router router(hierarchy_of(g), 64);
  EXPECT_EQ(router.cache_capacity(), 64u);
  const RouteCost first = router.route(0, 99);
  EXPECT_EQ(router.cache_misses(), 1u);
  EXPECT_EQ(router.cache_hits(), 0u);
  const RouteCost again = router.route(0, 99);
  EXPECT_EQ(router.cache_misses(), 1u);
  EXPECT_EQ(router.cache_hits(), 1u);
  EXPECT_EQ(again.time_ms, first.time_ms);
  EXPECT_EQ(again.length_m, first.length_m);
  EXPECT_EQ(again.speed_sq_length, first.speed_sq_length);
  router.route(99, 0);  // the other direction is another route
  EXPECT_EQ(router.cache_misses(), 2u);
  const RouteCost self = router.route(5, 5);  // neither a hit nor a miss
  EXPECT_EQ(self.time_ms, 0);
  EXPECT_EQ(self.length_m, 0.0);
  EXPECT_EQ(self.speed_sq_length, 0.0);
  EXPECT_EQ(router.cache_hits() + router.cache_misses(), 3u);
}

TEST(Router, AnswersAsTheQueryDoesWhateverTheCacheHolds) {
  const RoadGraph g = testing::tie_road(25, 0.25, 3);
  const auto ch = hierarchy_of(g);
  Router small(ch, 8);  // entries are pushed out all the time
  RouteQuery query(*ch);
  sim::RandomStream rng(1, 0, "tests/road/router_pairs");
  for (int i = 0; i < 3000; ++i) {
    const auto s = static_cast<NodeId>(rng.uniform_index(30));  // few pairs, so some repeat
    const auto t = static_cast<NodeId>(rng.uniform_index(30));
    const RouteCost a = small.route(s, t);
    const RouteCost b = query.route(s, t);
    ASSERT_EQ(a.time_ms, b.time_ms) << s << "->" << t;
    ASSERT_EQ(a.length_m, b.length_m) << s << "->" << t;
    ASSERT_EQ(a.speed_sq_length, b.speed_sq_length) << s << "->" << t;
  }
  EXPECT_GT(small.cache_hits(), 0u);
  EXPECT_GT(small.cache_misses(), 0u);
}

TEST(Router, WithoutCacheEveryCallMisses) {
  const RoadGraph g = testing::jittered_grid(5, 5, 1);
  Router router(hierarchy_of(g), 0);
  for (int i = 0; i < 3; ++i) router.route(0, 24);
  EXPECT_EQ(router.cache_hits(), 0u);
  EXPECT_EQ(router.cache_misses(), 3u);
}

TEST(Router, RejectsNodesOutsideTheGraph) {
  const RoadGraph g = testing::jittered_grid(2, 3, 1);
  Router router(hierarchy_of(g), 16);
  EXPECT_THROW_MSG(router.route(0, 6), std::out_of_range, "Router::route: node 6 is outside the graph of 6 nodes");
  EXPECT_EQ(error_of([&] { router.route(9, 9); }), "Router::route: node 9 is outside the graph of 6 nodes");
  EXPECT_EQ(router.cache_hits() + router.cache_misses(), 0u);
  EXPECT_EQ(error_of([] { Router(nullptr, 4); }), "Router: no contraction hierarchy given");
}

}  // namespace
}  // namespace evsim::models::road
