#pragma once
// Draws a value from a scenario's DistributionSpec, in the unit of the key that holds it.
#include "scenarios/scenario.hpp"
#include "sim/random.hpp"

namespace evsim::models {

double draw(const scenarios::DistributionSpec& spec, sim::RandomStream& rng);

}  // namespace evsim::models
