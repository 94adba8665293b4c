#pragma once
// A random quantity, in the unit of the key that holds it (the scenario format's distributions,
// docs/scenario-format.md), and drawing one value of it from a random stream.
#include <variant>

#include "sim/random.hpp"

namespace evsim::models {

struct FixedValue { double value; };
struct UniformDistribution { double min; double max; };
// Normal truncated to [min, max]; min/max default to mean -/+ 4 sd.
struct NormalDistribution { double mean; double sd; double min; double max; };
struct ExponentialDistribution { double mean; };
using Distribution = std::variant<FixedValue, UniformDistribution, NormalDistribution, ExponentialDistribution>;

double draw(const Distribution& distribution, sim::RandomStream& rng);

}  // namespace evsim::models
