#include "models/geometry/polygon.hpp"

#include <algorithm>
#include <cmath>

namespace evsim::models::geometry {
namespace {

bool on_segment(road::XY a, road::XY b, road::XY p) {
  const double cross = (b.x_m - a.x_m) * (p.y_m - a.y_m) - (b.y_m - a.y_m) * (p.x_m - a.x_m);
  const double scale = std::max({std::fabs(b.x_m - a.x_m), std::fabs(b.y_m - a.y_m), 1.0});
  if (std::fabs(cross) > 1e-9 * scale * scale) return false;
  return p.x_m >= std::min(a.x_m, b.x_m) - 1e-9 && p.x_m <= std::max(a.x_m, b.x_m) + 1e-9 &&
         p.y_m >= std::min(a.y_m, b.y_m) - 1e-9 && p.y_m <= std::max(a.y_m, b.y_m) + 1e-9;
}

}  // namespace

bool contains(std::span<const road::XY> polygon, road::XY p) {
  const std::size_t n = polygon.size();
  if (n < 3) return false;
  bool inside = false;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const road::XY a = polygon[i];
    const road::XY b = polygon[j];
    if (on_segment(a, b, p)) return true;
    if ((a.y_m > p.y_m) != (b.y_m > p.y_m)) {
      const double x_cross = a.x_m + (p.y_m - a.y_m) * (b.x_m - a.x_m) / (b.y_m - a.y_m);
      if (p.x_m < x_cross) inside = !inside;
    }
  }
  return inside;
}

double area_m2(std::span<const road::XY> polygon) {
  const std::size_t n = polygon.size();
  double twice = 0.0;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    twice += polygon[j].x_m * polygon[i].y_m - polygon[i].x_m * polygon[j].y_m;
  }
  return std::fabs(twice) / 2.0;
}

}  // namespace evsim::models::geometry
