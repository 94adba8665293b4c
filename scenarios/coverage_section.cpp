// The `coverage` section: service radius, 2SFCA catchment, demand points and the target area.
#include "scenarios/files/area_reader.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {

CoverageSpec read_coverage(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"radius", "catchment", "demand", "area"}, "a coverage mapping");
  CoverageSpec c;
  if (const auto radius = map.get("radius")) c.radius_m = read_quantity(*radius, Quantity::length, Bound::positive);
  if (const auto catchment = map.get("catchment")) c.catchment_m = read_quantity(*catchment, Quantity::length, Bound::positive);
  if (const auto demand = map.get("demand")) c.demand = read_demand_file(*demand, scenario_file);
  if (const auto area = map.get("area")) c.area = files::read_area(*area, scenario_file);
  return c;
}

}  // namespace evsim::scenarios
