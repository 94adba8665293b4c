#pragma once
// Geographic helpers. Units: degrees (WGS84 lon/lat), metres.
//
// Lengths of roads read from lon/lat data are great-circle (haversine) distances on a sphere of
// radius kEarthRadiusM, the mean Earth radius (IUGG). Node positions for spatial queries (snapping,
// Euclidean buffers) use a local equirectangular projection about a reference point: within a
// city (tens of km) its distance error is below 0.1%; lengths never come from it.
//
// LocalProjection: x = (lon - lon0) * R * pi/180 * cos(lat0), y = (lat - lat0) * R * pi/180, with
// R = kEarthRadiusM: x grows east, y north, (lon0, lat0) is (0, 0). Longitudes are not wrapped, so
// an area across the +-180 degree meridian is not supported.
namespace evsim::models::road {

inline constexpr double kEarthRadiusM = 6'371'008.8;

double haversine_m(double lon1, double lat1, double lon2, double lat2);

struct XY {
  double x_m;
  double y_m;
};

struct LonLat {
  double lon;
  double lat;
};

class LocalProjection {
 public:
  LocalProjection(double lon0, double lat0);
  XY to_xy(double lon, double lat) const;
  LonLat to_lon_lat(double x_m, double y_m) const;
  double lon0() const { return lon0_; }
  double lat0() const { return lat0_; }

 private:
  double lon0_;
  double lat0_;
  double metres_per_degree_lon_;
  double metres_per_degree_lat_;
};

}  // namespace evsim::models::road
