#include "models/geometry/datum.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace evsim::models::geometry {
namespace {

using road::LonLat;

double metres_between(LonLat a, LonLat b) { return road::haversine_m(a.lon, a.lat, b.lon, b.lat); }

// One point in all three datums, as published by a library other than evsim.
struct Vector {
  const char* where;
  LonLat wgs84;
  LonLat gcj02;
  LonLat bd09;
};

// hujiulong/gcoord, test/fixtures/china-cities.json (commit fedbaa10): city centres in WGS-84,
// GCJ-02 and BD-09, rounded to 1e-7 degrees (about 1 cm). Shanwei is the entry nearest Shenzhen.
constexpr Vector kGcoordCities[] = {
    {"Shanwei", {115.3702248, 22.7888255}, {115.3751647, 22.7861903}, {115.3817179, 22.7918527}},
    {"Zhengzhou", {113.6192856, 34.7478004}, {113.6253334, 34.7466173}, {113.6317519, 34.7528605}},
    {"Shenyang", {123.4253306, 41.8032629}, {123.4314787, 41.8057023}, {123.438095, 41.8114013}},
    {"Jiuquan", {98.4937175, 39.7319946}, {98.4943595, 39.7328234}, {98.5008441, 39.7388949}},
};

TEST(Datum, NamesReadBackAndOthersAreRefused) {
  for (const Datum d : kAllDatums) EXPECT_EQ(parse_datum(to_string(d)), d);
  EXPECT_EQ(to_string(Datum::gcj02), "gcj02");
  EXPECT_FALSE(parse_datum("WGS84").has_value());
  EXPECT_FALSE(parse_datum("gcj-02").has_value());
  EXPECT_FALSE(parse_datum("").has_value());
}

TEST(Datum, ForwardConversionsMatchPublishedCityVectorsWithinOneMetre) {
  double worst_m = 0.0;
  for (const Vector& v : kGcoordCities) {
    SCOPED_TRACE(v.where);
    const double gcj_m = metres_between(wgs84_to_gcj02(v.wgs84), v.gcj02);
    const double bd_m = metres_between(gcj02_to_bd09(v.gcj02), v.bd09);
    const double wgs_bd_m = metres_between(wgs84_to_bd09(v.wgs84), v.bd09);
    EXPECT_LT(gcj_m, 1.0);
    EXPECT_LT(bd_m, 0.05);  // BD-09 is Baidu's own formula: only rounding is left
    EXPECT_LT(wgs_bd_m, 1.0);
    worst_m = std::max({worst_m, gcj_m, bd_m, wgs_bd_m});
  }
  RecordProperty("worst_m", std::to_string(worst_m));
}

TEST(Datum, InverseConversionsMatchPublishedCityVectorsWithinOneMetre) {
  for (const Vector& v : kGcoordCities) {
    SCOPED_TRACE(v.where);
    const auto wgs = gcj02_to_wgs84(v.gcj02);
    ASSERT_TRUE(wgs.has_value());
    EXPECT_LT(metres_between(*wgs, v.wgs84), 1.0);
    const auto gcj = bd09_to_gcj02(v.bd09);
    ASSERT_TRUE(gcj.has_value());
    EXPECT_LT(metres_between(*gcj, v.gcj02), 0.05);
    const auto wgs_from_bd = to_wgs84(v.bd09, Datum::bd09);
    ASSERT_TRUE(wgs_from_bd.has_value());
    EXPECT_LT(metres_between(*wgs_from_bd, v.wgs84), 1.0);
  }
}

// wandergis/coordtransform, test/app.js: conversions of the point (116.404, 39.915) in Beijing
// (Tiananmen), printed to full double precision by that library. Its bd09togcj02 is Baidu's
// one-step approximate inverse and its gcj02towgs84 a one-step inverse, so only the forward
// results can be compared exactly; the inverses are checked against the forward ones.
TEST(Datum, BeijingVectorsOfCoordtransform) {
  const LonLat p{116.404, 39.915};
  const LonLat gcj = wgs84_to_gcj02(p);
  EXPECT_NEAR(gcj.lon, 116.41024449916938, 1e-12);
  EXPECT_NEAR(gcj.lat, 39.91640428150164, 1e-12);
  const LonLat bd = gcj02_to_bd09(p);
  EXPECT_NEAR(bd.lon, 116.41036949371029, 1e-12);
  EXPECT_NEAR(bd.lat, 39.92133699351021, 1e-12);
  // bd09togcj02(116.404, 39.915) = (116.39762729119315, 39.90865673957631): the exact inverse lies
  // within a metre of Baidu's approximate one.
  const auto gcj_of_bd = bd09_to_gcj02(p);
  ASSERT_TRUE(gcj_of_bd.has_value());
  EXPECT_LT(metres_between(*gcj_of_bd, {116.39762729119315, 39.90865673957631}), 1.0);
  // The iterative GCJ-02 inverse of the published forward result is the starting point again.
  const auto back = gcj02_to_wgs84({116.41024449916938, 39.91640428150164});
  ASSERT_TRUE(back.has_value());
  EXPECT_LT(metres_between(*back, p), 1e-4);
}

// Round trips over a grid across China: the inverses undo the forward conversions to within
// 1e-4 m (0.1 mm; the iteration stops at steps below 1e-9 degrees).
TEST(Datum, RoundTripsAcrossChinaReturnThePoint) {
  double worst_gcj_m = 0.0;
  double worst_bd_m = 0.0;
  for (double lon = 73.0; lon <= 135.0; lon += 0.77) {
    for (double lat = 18.0; lat <= 53.5; lat += 0.53) {
      const LonLat p{lon, lat};
      const auto from_gcj = gcj02_to_wgs84(wgs84_to_gcj02(p));
      const auto from_bd = to_wgs84(from_wgs84(p, Datum::bd09), Datum::bd09);
      ASSERT_TRUE(from_gcj.has_value()) << lon << " " << lat;
      ASSERT_TRUE(from_bd.has_value()) << lon << " " << lat;
      worst_gcj_m = std::max(worst_gcj_m, metres_between(*from_gcj, p));
      worst_bd_m = std::max(worst_bd_m, metres_between(*from_bd, p));
    }
  }
  EXPECT_LT(worst_gcj_m, 1e-4);
  EXPECT_LT(worst_bd_m, 1e-4);
}

TEST(Datum, OffsetInShenzhenIsAboutSixHundredMetres) {
  // Futian CBD. The shared data's README measures dx +526 m, dy -302 m between GCJ-02 station
  // positions and OSM in Shenzhen; the formulas give the same offset here to within 20 m.
  const LonLat wgs{114.0579, 22.5431};
  const LonLat gcj = wgs84_to_gcj02(wgs);
  const double dx_m = metres_between(wgs, {gcj.lon, wgs.lat}) * (gcj.lon > wgs.lon ? 1 : -1);
  const double dy_m = metres_between(wgs, {wgs.lon, gcj.lat}) * (gcj.lat > wgs.lat ? 1 : -1);
  EXPECT_NEAR(dx_m, 526.0, 20.0);
  EXPECT_NEAR(dy_m, -302.0, 20.0);
}

TEST(Datum, OutsideChinaGcj02IsWgs84) {
  for (const LonLat p : {LonLat{139.6917, 35.6895}, LonLat{-74.006, 40.7128}, LonLat{13.405, 52.52},
                         LonLat{100.0, 0.5}, LonLat{100.0, 56.0}}) {
    EXPECT_TRUE(outside_china(p));
    const LonLat gcj = wgs84_to_gcj02(p);
    EXPECT_EQ(gcj.lon, p.lon);
    EXPECT_EQ(gcj.lat, p.lat);
    const auto back = gcj02_to_wgs84(p);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->lon, p.lon);
    EXPECT_EQ(back->lat, p.lat);
    EXPECT_EQ(to_wgs84(p, Datum::wgs84)->lon, p.lon);
  }
  EXPECT_FALSE(outside_china({114.0579, 22.5431}));
}

// Along the edge of the box the offset jumps from 0 to some hundred metres north-east: a WGS-84
// point just inside moves 0.0009 degrees north (at lon 100) and 0.0039 degrees east (at lat 30),
// one just outside stays. GCJ-02 points in the strip between have no WGS-84 point, and the
// inverse says so instead of returning a point that does not map back.
TEST(Datum, GcjPointsWithoutPreimageAtTheEdgeOfTheBoxAreRefused) {
  const LonLat inside_south{100.0, 0.8294};
  ASSERT_GT(wgs84_to_gcj02(inside_south).lat - inside_south.lat, 0.0008);
  EXPECT_FALSE(gcj02_to_wgs84({100.0, 0.8298}).has_value());
  EXPECT_FALSE(gcj02_to_wgs84({72.006, 30.0}).has_value());
  EXPECT_FALSE(to_wgs84({72.006, 30.0}, Datum::gcj02).has_value());
  // A little further in, points have a preimage again.
  EXPECT_TRUE(gcj02_to_wgs84({72.2, 30.0}).has_value());
}

}  // namespace
}  // namespace evsim::models::geometry
