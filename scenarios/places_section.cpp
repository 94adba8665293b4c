// The `places` section (where homes, jobs and other destinations are) and the demand-file mapping
// {file, weight} that it shares with `coverage.demand`.
#include "scenarios/sections.hpp"

namespace evsim::scenarios {

DemandFileSpec read_demand_file(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"file", "weight", "crs"}, "a demand mapping {file, weight, crs}");
  const NodeRef file = map.need("file");
  DemandFileSpec d;
  d.file = read_existing_file(file, scenario_file);
  d.mark = file.mark();
  if (const auto weight = map.get("weight")) d.weight_column = read_string(*weight);
  if (const auto crs = map.get("crs")) d.crs = read_crs(*crs);
  return d;
}

PlacesSpec read_places(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"homes", "work", "other"}, "a places mapping {homes, work, other}");
  PlacesSpec p;
  if (const auto homes = map.get("homes")) p.homes = read_demand_file(*homes, scenario_file);
  if (const auto work = map.get("work")) p.work = read_demand_file(*work, scenario_file);
  if (const auto other = map.get("other")) p.other = read_demand_file(*other, scenario_file);
  return p;
}

}  // namespace evsim::scenarios
