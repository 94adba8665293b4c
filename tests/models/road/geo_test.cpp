#include "models/road/geo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace evsim::models::road {
namespace {

constexpr double kMetresPerDegree = kEarthRadiusM * std::numbers::pi / 180.0;  // 111195.08 m

TEST(Haversine, KnownDistances) {
  EXPECT_EQ(haversine_m(121.47, 31.23, 121.47, 31.23), 0.0);
  EXPECT_NEAR(haversine_m(10.0, 50.0, 10.0, 51.0), kMetresPerDegree, 1e-6);  // along a meridian
  EXPECT_NEAR(haversine_m(0.0, 0.0, 1.0, 0.0), kMetresPerDegree, 1e-6);      // along the equator
  EXPECT_NEAR(haversine_m(0.0, 0.0, 180.0, 0.0), std::numbers::pi * kEarthRadiusM, 1e-6);  // antipodes
  EXPECT_DOUBLE_EQ(haversine_m(121.47, 31.23, 121.50, 31.25), haversine_m(121.50, 31.25, 121.47, 31.23));
  // Shanghai, People's Square to the Bund: 0.0096 deg north (1067.5 m) and 0.0166 deg east at
  // cos(31.235 deg) = 0.8550 (1578.2 m), 1905.3 m on the flat.
  EXPECT_NEAR(haversine_m(121.4737, 31.2304, 121.4903, 31.2400), 1905.3, 0.5);
}

TEST(LocalProjection, EquirectangularAboutTheReferencePoint) {
  const LocalProjection p(121.47, 31.23);
  const XY origin = p.to_xy(121.47, 31.23);
  EXPECT_EQ(origin.x_m, 0.0);
  EXPECT_EQ(origin.y_m, 0.0);
  const XY east = p.to_xy(121.48, 31.23);
  EXPECT_NEAR(east.x_m, 0.01 * kMetresPerDegree * std::cos(31.23 * std::numbers::pi / 180), 1e-6);
  EXPECT_EQ(east.y_m, 0.0);
  const XY north = p.to_xy(121.47, 31.22);
  EXPECT_NEAR(north.y_m, -0.01 * kMetresPerDegree, 1e-6);
  const LonLat back = p.to_lon_lat(1234.5, -678.9);
  const XY again = p.to_xy(back.lon, back.lat);
  EXPECT_NEAR(again.x_m, 1234.5, 1e-9);
  EXPECT_NEAR(again.y_m, -678.9, 1e-9);
  // Within a few km the projected distance matches the great-circle one to well under 0.1%.
  const XY a = p.to_xy(121.45, 31.21);
  const XY b = p.to_xy(121.49, 31.25);
  const double planar = std::hypot(a.x_m - b.x_m, a.y_m - b.y_m);
  EXPECT_NEAR(planar / haversine_m(121.45, 31.21, 121.49, 31.25), 1.0, 1e-3);
}

}  // namespace
}  // namespace evsim::models::road
