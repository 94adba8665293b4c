#include "scenarios/plans.hpp"

#include <fmt/format.h>

#include <string>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios {

const PlanSpec* find_plan(const Scenario& scenario, std::string_view name) {
  if (name == kBasePlanName) return nullptr;
  std::string known(kBasePlanName);
  for (const PlanSpec& p : scenario.plans) {
    if (p.name == name) return &p;
    known += ", " + p.name;
  }
  throw ScenarioError("(command line)", 0, 0, "--plan", fmt::format("one of the plans {}", known),
                      quote(std::string(name)));
}

}  // namespace evsim::scenarios
