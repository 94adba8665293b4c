#pragma once
// Tariffs, operators and smart charging of a scenario, for the stations of one plan and the fleet's
// segments (models/city/charging_costs.hpp runs them). Station tariffs are looked up by station
// name among the scenario's and the plan's own stations; a station without `tariff` (and every row
// of a station file) is metered under a flat tariff at its price, named "flat <price>".
#include <string_view>

#include "models/city/charging_costs.hpp"
#include "scenarios/assembly/build_city.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::assembly {

// Throws nothing: the loader checked every tariff name (scenarios/tariff_section.cpp).
models::city::ChargingCostSetup build_charging_costs(const scenarios::Scenario& scenario, const CityInputs& city,
                                                     std::string_view plan = scenarios::kBasePlanName);

}  // namespace evsim::scenarios::assembly
