#include "models/charging/power_sharing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace evsim::models::charging {
namespace {

// Max-min fair: the level lambda with sum min(d_i, lambda) = C, found over the demands in
// ascending order. Demands below the level get exactly their demand.
void share_equal(double capacity_kw, std::span<const double> demand_kw, std::span<double> share_kw) {
  const std::size_t n = demand_kw.size();
  std::vector<double> sorted(demand_kw.begin(), demand_kw.end());
  std::sort(sorted.begin(), sorted.end());
  double left_kw = capacity_kw;
  double level_kw = 0.0;
  std::size_t i = 0;
  for (; i < n; ++i) {
    const double fair_kw = left_kw / static_cast<double>(n - i);
    if (sorted[i] > fair_kw) break;
    left_kw -= sorted[i];
  }
  level_kw = i < n ? left_kw / static_cast<double>(n - i) : sorted.back();
  for (std::size_t j = 0; j < n; ++j) share_kw[j] = std::min(demand_kw[j], level_kw);
}

void share_first_come(double capacity_kw, std::span<const double> demand_kw, std::span<double> share_kw) {
  double left_kw = capacity_kw;
  for (std::size_t i = 0; i < demand_kw.size(); ++i) {
    share_kw[i] = std::min(demand_kw[i], left_kw);
    left_kw = std::max(0.0, left_kw - share_kw[i]);
  }
}

void share_proportional(double capacity_kw, std::span<const double> demand_kw, std::span<double> share_kw) {
  const double total_kw = std::accumulate(demand_kw.begin(), demand_kw.end(), 0.0);
  const double scale = capacity_kw / total_kw;  // total > capacity >= 0 here
  for (std::size_t i = 0; i < demand_kw.size(); ++i) share_kw[i] = std::min(demand_kw[i], demand_kw[i] * scale);
}

}  // namespace

std::string_view to_string(SharingPolicy policy) {
  switch (policy) {
    case SharingPolicy::equal:
      return "equal";
    case SharingPolicy::first_come:
      return "first_come";
    case SharingPolicy::proportional:
      return "proportional";
  }
  return "?";
}

void check(const SitePower& site, std::size_t plug_count) {
  if (!(site.limit_kw > 0.0)) throw std::invalid_argument(fmt::format("SitePower: limit_kw must be > 0, got {}", site.limit_kw));
  std::size_t next_free = 0;
  for (std::size_t c = 0; c < site.cabinets.size(); ++c) {
    const PowerCabinet& cab = site.cabinets[c];
    if (!(cab.power_kw > 0.0) || std::isinf(cab.power_kw))
      throw std::invalid_argument(fmt::format("SitePower: cabinet {} power_kw must be finite and > 0, got {}", c, cab.power_kw));
    if (cab.plugs == 0) throw std::invalid_argument(fmt::format("SitePower: cabinet {} feeds no plug", c));
    if (cab.first_plug < next_free)
      throw std::invalid_argument(fmt::format("SitePower: cabinet {} starts at plug {}, which an earlier cabinet feeds", c, cab.first_plug));
    const std::size_t end = std::size_t{cab.first_plug} + cab.plugs;
    if (end > plug_count)
      throw std::invalid_argument(
          fmt::format("SitePower: cabinet {} feeds plugs {}..{} but the station has {} plugs", c, cab.first_plug, end - 1, plug_count));
    next_free = end;
  }
}

void share_power(SharingPolicy policy, double capacity_kw, std::span<const double> demand_kw, std::span<double> share_kw) {
  if (share_kw.size() != demand_kw.size()) throw std::invalid_argument("share_power: demand and share sizes differ");
  if (!(capacity_kw >= 0.0)) throw std::invalid_argument(fmt::format("share_power: capacity_kw must be >= 0, got {}", capacity_kw));
  const double total_kw = std::accumulate(demand_kw.begin(), demand_kw.end(), 0.0);
  if (total_kw <= capacity_kw) {
    std::copy(demand_kw.begin(), demand_kw.end(), share_kw.begin());
    return;
  }
  switch (policy) {
    case SharingPolicy::equal:
      share_equal(capacity_kw, demand_kw, share_kw);
      return;
    case SharingPolicy::first_come:
      share_first_come(capacity_kw, demand_kw, share_kw);
      return;
    case SharingPolicy::proportional:
      share_proportional(capacity_kw, demand_kw, share_kw);
      return;
  }
}

}  // namespace evsim::models::charging
