#include "models/geometry/datum.hpp"

#include <cmath>
#include <numbers>

namespace evsim::models::geometry {
namespace {

using road::LonLat;
using std::numbers::pi;

constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyEe = 0.00669342162296594323;
constexpr double kXPi = pi * 3000.0 / 180.0;

double offset_lat_m(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
  return r;
}

double offset_lon_m(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
  return r;
}

// Solves forward(w) = target for w by w <- w + (target - forward(w)), starting at `start`.
template <typename Forward>
std::optional<LonLat> invert(LonLat target, LonLat start, Forward forward) {
  LonLat w = start;
  for (int i = 0; i < kMaxInverseIterations; ++i) {
    const LonLat f = forward(w);
    const double d_lon = target.lon - f.lon;
    const double d_lat = target.lat - f.lat;
    w = {w.lon + d_lon, w.lat + d_lat};
    if (std::abs(d_lon) < kInverseToleranceDeg && std::abs(d_lat) < kInverseToleranceDeg) return w;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Datum d) {
  switch (d) {
    case Datum::wgs84: return "wgs84";
    case Datum::gcj02: return "gcj02";
    case Datum::bd09: return "bd09";
  }
  return "?";
}

std::optional<Datum> parse_datum(std::string_view name) {
  for (const Datum d : kAllDatums) {
    if (to_string(d) == name) return d;
  }
  return std::nullopt;
}

bool outside_china(LonLat p) { return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271; }

LonLat wgs84_to_gcj02(LonLat wgs) {
  if (outside_china(wgs)) return wgs;
  const double x = wgs.lon - 105.0;
  const double y = wgs.lat - 35.0;
  const double phi = wgs.lat / 180.0 * pi;
  const double w = 1.0 - kKrasovskyEe * std::sin(phi) * std::sin(phi);
  const double sqrt_w = std::sqrt(w);
  const double d_lat = offset_lat_m(x, y) * 180.0 / ((kKrasovskyA * (1.0 - kKrasovskyEe)) / (w * sqrt_w) * pi);
  const double d_lon = offset_lon_m(x, y) * 180.0 / (kKrasovskyA / sqrt_w * std::cos(phi) * pi);
  return {wgs.lon + d_lon, wgs.lat + d_lat};
}

LonLat gcj02_to_bd09(LonLat gcj) {
  const double x = gcj.lon;
  const double y = gcj.lat;
  const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kXPi);
  const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kXPi);
  return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

LonLat wgs84_to_bd09(LonLat wgs) { return gcj02_to_bd09(wgs84_to_gcj02(wgs)); }

std::optional<LonLat> gcj02_to_wgs84(LonLat gcj) {
  // Outside the box the first step is 0: the point is its own preimage.
  return invert(gcj, gcj, wgs84_to_gcj02);
}

std::optional<LonLat> bd09_to_gcj02(LonLat bd) {
  const double x = bd.lon - 0.0065;
  const double y = bd.lat - 0.006;
  const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
  const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
  return invert(bd, {z * std::cos(theta), z * std::sin(theta)}, gcj02_to_bd09);
}

std::optional<LonLat> bd09_to_wgs84(LonLat bd) {
  const std::optional<LonLat> gcj = bd09_to_gcj02(bd);
  return gcj ? gcj02_to_wgs84(*gcj) : std::nullopt;
}

std::optional<LonLat> to_wgs84(LonLat p, Datum from) {
  switch (from) {
    case Datum::wgs84: return p;
    case Datum::gcj02: return gcj02_to_wgs84(p);
    case Datum::bd09: return bd09_to_wgs84(p);
  }
  return std::nullopt;
}

LonLat from_wgs84(LonLat wgs, Datum to) {
  switch (to) {
    case Datum::wgs84: return wgs;
    case Datum::gcj02: return wgs84_to_gcj02(wgs);
    case Datum::bd09: return wgs84_to_bd09(wgs);
  }
  return wgs;
}

}  // namespace evsim::models::geometry
