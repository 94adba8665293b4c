#include "models/geometry/polygon.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace evsim::models::geometry {
namespace {

using road::XY;

const std::vector<XY> kSquare{{0, 0}, {100, 0}, {100, 100}, {0, 100}};
// An L: the square minus its upper-right quarter, listed clockwise.
const std::vector<XY> kEll{{0, 0}, {0, 100}, {50, 100}, {50, 50}, {100, 50}, {100, 0}};

TEST(Polygon, AreaByShoelaceEitherOrientation) {
  EXPECT_DOUBLE_EQ(area_m2(kSquare), 10'000.0);
  EXPECT_DOUBLE_EQ(area_m2(kEll), 7'500.0);
}

TEST(Polygon, ContainsInteriorAndBorderButNotOutside) {
  EXPECT_TRUE(contains(kSquare, {50, 50}));
  EXPECT_TRUE(contains(kSquare, {0, 50}));     // on an edge
  EXPECT_TRUE(contains(kSquare, {100, 100}));  // a vertex
  EXPECT_FALSE(contains(kSquare, {100.001, 50}));
  EXPECT_FALSE(contains(kEll, {75, 75}));  // the missing quarter
  EXPECT_TRUE(contains(kEll, {75, 25}));
  EXPECT_TRUE(contains(kEll, {25, 75}));
  EXPECT_FALSE(contains(std::vector<XY>{{0, 0}, {1, 1}}, {0.5, 0.5}));  // not a polygon
}

TEST(Polygon, ContainsMatchesAreaOnAGridOfPoints) {
  // Independent check: the share of grid points inside approximates the area.
  int inside = 0;
  for (int i = 0; i < 200; ++i) {
    for (int j = 0; j < 200; ++j) inside += contains(kEll, {0.25 + i * 0.5, 0.25 + j * 0.5}) ? 1 : 0;
  }
  EXPECT_EQ(inside, 30'000);  // 7,500 m2 / 0.25 m2 per point
}

}  // namespace
}  // namespace evsim::models::geometry
