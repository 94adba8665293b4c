#pragma once
// The PV, storage and demand-response inputs of a scenario's plan, as models/grid/site_energy.hpp
// takes them: one site per station with `pv` or `storage`, in station order, and the grid events with
// their station names turned into site indices. PV profile files are read here.
#include <cstdint>
#include <string_view>
#include <vector>

#include "models/charging/station.hpp"
#include "models/grid/feeder_monitor.hpp"
#include "models/grid/site_energy.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::assembly {

struct SiteEnergyInputs {
  std::vector<models::grid::SiteEnergySpec> sites;
  std::vector<models::grid::GridEventSpec> events;
  std::vector<std::uint32_t> site_of_station;  // per station: its site, or road::kInvalid
  bool empty() const { return sites.empty(); }
};

// `stations`: the plan's resolved stations (build_city); `grid`: where they are on the feeders
// (attach_feeders). A feeder's event asks its request of the storage sites attached to that feeder,
// each in proportion to its battery power. Throws ScenarioError for an unreadable or malformed
// profile file, an event naming a station the plan does not have, and a feeder's event on a feeder
// without storage sites in the plan.
SiteEnergyInputs site_energy_inputs(const Scenario& scenario, const std::vector<models::charging::Station>& stations,
                                    const models::grid::GridSetup& grid, std::string_view plan);

}  // namespace evsim::scenarios::assembly
