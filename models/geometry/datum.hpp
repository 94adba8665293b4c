#pragma once
// Geodetic datums of Chinese map services, and their conversion to and from WGS-84.
//
// OpenStreetMap, GPS and evsim's road networks use WGS-84. Positions taken from Chinese map
// services are not: AMap (Gaode) and Tencent publish GCJ-02, Baidu publishes BD-09. Read as WGS-84
// such a position lands several hundred metres off (about 600 m in Shenzhen: 526 m east, 302 m
// south), more than half of a 1-km coverage circle. Scenario inputs name their datum (`crs:`) and
// are converted to WGS-84 once, where they are read; everything after that sees WGS-84 only.
//
// Units: degrees of longitude and latitude (east and north positive).
//
// GCJ-02 ("Mars coordinates") is WGS-84 plus an obfuscating offset that depends on the position.
// The public formulas are the ones reverse-engineered around 2010 and spread as "eviltransform"
// (github.com/googollee/eviltransform, MIT) and its ports (wandergis/coordtransform,
// hujiulong/gcoord). With x = lon - 105, y = lat - 35 (degrees),
//   T_lat(x, y) = -100 + 2x + 3y + 0.2y^2 + 0.1xy + 0.2 sqrt|x|
//                 + 2/3 (20 sin 6pi x + 20 sin 2pi x) + 2/3 (20 sin pi y + 40 sin(pi y / 3))
//                 + 2/3 (160 sin(pi y / 12) + 320 sin(pi y / 30))
//   T_lon(x, y) = 300 + x + 2y + 0.1x^2 + 0.1xy + 0.1 sqrt|x|
//                 + 2/3 (20 sin 6pi x + 20 sin 2pi x) + 2/3 (20 sin pi x + 40 sin(pi x / 3))
//                 + 2/3 (150 sin(pi x / 12) + 300 sin(pi x / 30))
// are offsets in metres on the Krasovsky 1940 ellipsoid (a = 6378245.0 m, e^2 =
// 0.00669342162296594323); with phi = lat in radians and W = 1 - e^2 sin^2 phi,
//   lat_gcj = lat + T_lat * 180 / (pi a (1 - e^2) / W^1.5)      (meridian radius of curvature)
//   lon_gcj = lon + T_lon * 180 / (pi a cos phi / sqrt W)        (parallel radius)
// "Outside China" is the usual bounding box: lon < 72.004 or lon > 137.8347 or lat < 0.8293 or
// lat > 55.8271; there GCJ-02 equals WGS-84. (The box is coarser than the border: the official
// shift also covers Taiwan, Hong Kong and Macau, and parts of neighbouring countries in the box
// get shifted too. This is what every public implementation does, and what the test vectors use.)
// Accuracy (tests/models/geometry/datum_test.cpp): against the published city-centre triples of
// hujiulong/gcoord (test/fixtures/china-cities.json, rounded to 1e-7 degrees) WGS-84 -> GCJ-02
// lands within 0.69 m (about 0.68 m at each of the four cities tested: a small systematic
// difference between that source and these formulas) and GCJ-02 -> BD-09 within 0.006 m; the
// wandergis/coordtransform Beijing vectors are met to 1e-12 degrees.
//
// GCJ-02 -> WGS-84 has no closed form. It is found by fixed-point iteration from w = g:
//   w <- w + (g - gcj(w))
// which contracts quickly because the offset varies slowly. It stops when a step is below
// kInverseToleranceDeg (1e-9 degrees, about 0.1 mm) in both coordinates (after 3 to 5 steps over a
// 0.1-degree grid of China) and gives up after kMaxInverseIterations steps. It does not converge
// near the edge of the "outside China" box, where the offset jumps from 100-400 m to 0: some GCJ-02
// points there have no WGS-84 point at all. Then the result is nullopt and the caller reports the
// point as bad input. The often-seen one-step inverse (w = 2g - gcj(g)) errs by 0.21 m in Beijing
// and up to 4.9 m in the north-east (same grid); it is not used.
//
// BD-09 is Baidu's further offset of GCJ-02, with x_pi = pi * 3000 / 180:
//   z = sqrt(x^2 + y^2) + 0.00002 sin(y x_pi),  theta = atan2(y, x) + 0.000003 cos(x x_pi)
//   lon_bd = z cos theta + 0.0065,  lat_bd = z sin theta + 0.006       (x, y = GCJ-02 lon, lat)
// applied everywhere (no "outside China" rule: outside the box BD-09 is WGS-84 plus this offset).
// BD-09 -> GCJ-02 starts from Baidu's published approximate inverse (the same formula with the
// signs turned and the 0.0065/0.006 shift taken off first) and refines it by the same fixed-point
// iteration, so that a round trip returns the point to 1e-9 degrees.
// BD-09 -> WGS-84 goes through GCJ-02.
//
// Left out: the ellipsoid itself (WGS-84, GCJ-02 and BD-09 positions are all taken as WGS-84
// ellipsoid coordinates, as the services do), heights, BD-09 Mercator metres (BD09MC), and
// CGCS2000 (equal to WGS-84 well within a metre for this use).
#include <optional>
#include <string_view>

#include "models/road/geo.hpp"

namespace evsim::models::geometry {

enum class Datum { wgs84, gcj02, bd09 };

inline constexpr Datum kAllDatums[] = {Datum::wgs84, Datum::gcj02, Datum::bd09};
// For messages: the names as a scenario writes them.
inline constexpr std::string_view kDatumNames = "wgs84, gcj02 or bd09";

// "wgs84", "gcj02", "bd09".
std::string_view to_string(Datum d);
// The datum of that exact (lower-case) name; nullopt for any other text.
std::optional<Datum> parse_datum(std::string_view name);

inline constexpr double kInverseToleranceDeg = 1e-9;
inline constexpr int kMaxInverseIterations = 50;

// True when GCJ-02 leaves the point unchanged (the "outside China" box above).
bool outside_china(road::LonLat p);

road::LonLat wgs84_to_gcj02(road::LonLat wgs);
road::LonLat gcj02_to_bd09(road::LonLat gcj);
road::LonLat wgs84_to_bd09(road::LonLat wgs);
// Iterative inverses; nullopt when the iteration does not converge (no preimage near the point).
std::optional<road::LonLat> gcj02_to_wgs84(road::LonLat gcj);
std::optional<road::LonLat> bd09_to_gcj02(road::LonLat bd);
std::optional<road::LonLat> bd09_to_wgs84(road::LonLat bd);

// A position written in `from`, in WGS-84 (nullopt as the inverses above).
std::optional<road::LonLat> to_wgs84(road::LonLat p, Datum from);
// A WGS-84 position written in `to`.
road::LonLat from_wgs84(road::LonLat wgs, Datum to);

}  // namespace evsim::models::geometry
