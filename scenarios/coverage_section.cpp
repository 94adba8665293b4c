// The `coverage` section: service radius, 2SFCA catchment, demand points and the target area.
#include "scenarios/area_reader.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {
namespace {

DemandFileSpec read_demand(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"file", "weight"}, "a demand mapping {file, weight}");
  const NodeRef file = map.need("file");
  DemandFileSpec d;
  d.file = read_existing_file(file, scenario_file);
  d.mark = file.mark();
  if (const auto weight = map.get("weight")) d.weight_column = read_string(*weight);
  return d;
}

}  // namespace

CoverageSpec read_coverage(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"radius", "catchment", "demand", "area"}, "a coverage mapping");
  CoverageSpec c;
  if (const auto radius = map.get("radius")) c.radius_m = read_quantity(*radius, Quantity::length, Bound::positive);
  const auto catchment = map.get("catchment");
  c.catchment_m = catchment ? read_quantity(*catchment, Quantity::length, Bound::positive) : c.radius_m;
  if (const auto demand = map.get("demand")) c.demand = read_demand(*demand, scenario_file);
  if (const auto area = map.get("area")) c.area = read_area(*area, scenario_file);
  return c;
}

}  // namespace evsim::scenarios
