#include "models/road/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace evsim::models::road {
namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

}  // namespace

double haversine_m(double lon1, double lat1, double lon2, double lat2) {
  const double phi1 = lat1 * kRadiansPerDegree;
  const double phi2 = lat2 * kRadiansPerDegree;
  const double sin_dphi = std::sin((phi2 - phi1) / 2.0);
  const double sin_dlambda = std::sin((lon2 - lon1) * kRadiansPerDegree / 2.0);
  const double a = sin_dphi * sin_dphi + std::cos(phi1) * std::cos(phi2) * sin_dlambda * sin_dlambda;
  // a can exceed 1 by rounding for antipodal points.
  return 2.0 * kEarthRadiusM * std::asin(std::sqrt(std::min(1.0, a)));
}

LocalProjection::LocalProjection(double lon0, double lat0)
    : lon0_(lon0),
      lat0_(lat0),
      metres_per_degree_lon_(kEarthRadiusM * kRadiansPerDegree * std::cos(lat0 * kRadiansPerDegree)),
      metres_per_degree_lat_(kEarthRadiusM * kRadiansPerDegree) {}

XY LocalProjection::to_xy(double lon, double lat) const {
  return {(lon - lon0_) * metres_per_degree_lon_, (lat - lat0_) * metres_per_degree_lat_};
}

LonLat LocalProjection::to_lon_lat(double x_m, double y_m) const {
  return {lon0_ + x_m / metres_per_degree_lon_, lat0_ + y_m / metres_per_degree_lat_};
}

}  // namespace evsim::models::road
