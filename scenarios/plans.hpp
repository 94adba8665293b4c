#pragma once
// Plan names, resolved in one place: kBasePlanName is the scenario's own stations, any other name
// must be one of its `plans` (the station plans that add to the base; not a vehicle's day plan,
// which is models/demand's VehicleSchedule).
#include <string_view>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios {

// nullptr for the base plan; the plan of that name otherwise. Anything else is a ScenarioError:
//   (command line): --plan: expected one of the plans base, more-hubs, found "typo"
const PlanSpec* find_plan(const Scenario& scenario, std::string_view name);

}  // namespace evsim::scenarios
