#include "models/road/route_cache.hpp"

#include <gtest/gtest.h>

namespace evsim::models::road {
namespace {

RouteCost cost_of(std::int64_t t) { return {t, static_cast<double>(t), 0.5 * static_cast<double>(t)}; }

TEST(RouteCache, CapacityIsRoundedUpToSetsOfFour) {
  EXPECT_EQ(RouteCache(0).capacity(), 0u);
  EXPECT_EQ(RouteCache(1).capacity(), 4u);
  EXPECT_EQ(RouteCache(4).capacity(), 4u);
  EXPECT_EQ(RouteCache(5).capacity(), 8u);
  EXPECT_EQ(RouteCache(100).capacity(), 128u);
}

TEST(RouteCache, FindsWhatWasInserted) {
  RouteCache cache(1000);
  for (NodeId i = 0; i < 100; ++i) cache.insert(i, i + 1, cost_of(i));
  std::uint32_t found = 0;
  for (NodeId i = 0; i < 100; ++i) {
    if (const auto c = cache.find(i, i + 1)) {
      ++found;
      EXPECT_EQ(c->time_ms, i);
      EXPECT_EQ(c->length_m, i);
      EXPECT_EQ(c->speed_sq_length, 0.5 * i);
    }
    EXPECT_FALSE(cache.find(i + 1, i).has_value());  // direction matters
  }
  EXPECT_GE(found, 90u);  // a few may have been pushed out of a full set
}

TEST(RouteCache, DropsTheLeastRecentlyUsedEntryOfAFullSet) {
  RouteCache cache(4);  // one set: every key lands in it
  for (NodeId i = 1; i <= 4; ++i) cache.insert(i, 0, cost_of(i));
  ASSERT_TRUE(cache.find(1, 0).has_value());  // 1 is now the most recently used
  cache.insert(5, 0, cost_of(5));            // drops 2
  EXPECT_FALSE(cache.find(2, 0).has_value());
  for (NodeId i : {1u, 3u, 4u, 5u}) EXPECT_EQ(cache.find(i, 0)->time_ms, i);
}

TEST(RouteCache, CapacityZeroStoresNothing) {
  RouteCache cache(0);
  cache.insert(1, 2, cost_of(3));
  EXPECT_FALSE(cache.find(1, 2).has_value());
}

}  // namespace
}  // namespace evsim::models::road
