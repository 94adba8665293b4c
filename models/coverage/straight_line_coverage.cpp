#include "models/coverage/straight_line_coverage.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace evsim::models::coverage {
namespace {

struct CellPoint {
  std::int64_t cell_y;
  std::int64_t cell_x;
  double x_m;
  double y_m;
};

bool cell_less(const CellPoint& a, std::int64_t cy, std::int64_t cx) {
  return std::tie(a.cell_y, a.cell_x) < std::tie(cy, cx);
}

}  // namespace

std::vector<std::uint8_t> within_straight_line(const road::RoadGraph& graph, std::span<const road::NodeId> station_nodes,
                                               double radius_m) {
  if (!(radius_m > 0.0) || !std::isfinite(radius_m)) throw std::invalid_argument("within_straight_line: radius must be finite and > 0");
  const std::uint32_t n = graph.node_count();
  std::vector<std::uint8_t> covered(n, 0);
  if (station_nodes.empty() || n == 0) return covered;
  double x0 = graph.x_m(0);
  double y0 = graph.y_m(0);
  for (road::NodeId v = 1; v < n; ++v) {
    x0 = std::min(x0, graph.x_m(v));
    y0 = std::min(y0, graph.y_m(v));
  }
  const auto cell = [&](double coordinate, double origin) { return static_cast<std::int64_t>(std::floor((coordinate - origin) / radius_m)); };
  std::vector<CellPoint> stations;
  stations.reserve(station_nodes.size());
  for (const road::NodeId s : station_nodes) {
    if (s >= n) throw std::out_of_range("within_straight_line: station node outside the graph");
    stations.push_back({cell(graph.y_m(s), y0), cell(graph.x_m(s), x0), graph.x_m(s), graph.y_m(s)});
  }
  std::sort(stations.begin(), stations.end(), [](const CellPoint& a, const CellPoint& b) {
    return std::tie(a.cell_y, a.cell_x) < std::tie(b.cell_y, b.cell_x);
  });
  const double r2 = radius_m * radius_m;
  for (road::NodeId v = 0; v < n; ++v) {
    const double x = graph.x_m(v);
    const double y = graph.y_m(v);
    const std::int64_t cx = cell(x, x0);
    const std::int64_t cy = cell(y, y0);
    bool hit = false;
    for (std::int64_t dy = -1; dy <= 1 && !hit; ++dy) {
      auto it = std::lower_bound(stations.begin(), stations.end(), std::pair{cy + dy, cx - 1},
                                 [](const CellPoint& a, const std::pair<std::int64_t, std::int64_t>& key) {
                                   return cell_less(a, key.first, key.second);
                                 });
      for (; it != stations.end() && it->cell_y == cy + dy && it->cell_x <= cx + 1; ++it) {
        const double ex = it->x_m - x;
        const double ey = it->y_m - y;
        if (ex * ex + ey * ey <= r2) {
          hit = true;
          break;
        }
      }
    }
    covered[v] = hit ? 1 : 0;
  }
  return covered;
}

}  // namespace evsim::models::coverage
