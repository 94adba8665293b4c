#pragma once
// /grid/sites_energy, /grid/site_energy_power and /grid/events (PV, storage and demand response, models/grid/site_energy.hpp),
// written only when some station has pv or storage, and their --json headline item.
#include <string>

#include "models/grid/site_energy.hpp"
#include "output/table.hpp"

namespace evsim::output {

// Equivalent full cycles: (energy into storage + energy out of it) / (2 capacity).
double battery_cycles(const models::grid::SiteEnergy& energy, std::uint32_t site);
// (PV - export - curtailed) / PV; 0 without PV energy.
double pv_self_consumption_share(const models::grid::SiteEnergyTotals& totals);

Table sites_energy_table(const models::grid::SiteEnergy& energy);  // /grid/sites_energy
Table grid_events_table(const models::grid::SiteEnergy& energy);   // /grid/events
Table site_energy_power_table(const models::grid::SiteEnergy& energy);  // /grid/site_energy_power
// The run's JSON members "site_energy" (an object: totals over the sites) and "grid_events" (an
// array: requested and delivered reduction per event).
std::string site_energy_json(const models::grid::SiteEnergy& energy);
std::string grid_events_json(const models::grid::SiteEnergy& energy);
// Lines for the printed summary: per site import, export, PV self-consumption, cycles, peak; per event.
std::string site_energy_text(const models::grid::SiteEnergy& energy);

}  // namespace evsim::output
