// The `charging` section: efficiencies and the station-choice settings that apply city-wide.
#include "scenarios/sections.hpp"

namespace evsim::scenarios {
namespace {

constexpr std::uint32_t kMaxNearestStations = 64;

}  // namespace

ChargingSpec read_charging(const NodeRef& ref) {
  const MapReader map(ref, {"ac_efficiency", "dc_efficiency", "nearest_stations", "availability_radius"},
                      "a charging mapping");
  ChargingSpec c;
  if (const auto ac = map.get("ac_efficiency")) c.ac_efficiency = read_quantity(*ac, Quantity::fraction, Bound::positive);
  if (const auto dc = map.get("dc_efficiency")) c.dc_efficiency = read_quantity(*dc, Quantity::fraction, Bound::positive);
  if (const auto nearest = map.get("nearest_stations")) c.nearest_stations = read_uint32(*nearest, 1, kMaxNearestStations);
  if (const auto radius = map.get("availability_radius")) {
    c.availability_radius_m = read_quantity(*radius, Quantity::length, Bound::positive);
  }
  return c;
}

}  // namespace evsim::scenarios
