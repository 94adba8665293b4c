#pragma once
// Reading a random quantity (DistributionSpec) from YAML (internal to the scenario loader).
//
// Forms, all parameters in the unit of the key that holds the distribution:
//   v                                   fixed value (same as {fixed: v})
//   {uniform: [min, max]}               min <= max
//   {normal: {mean, sd, min?, max?}}    truncated normal; sd >= 0; min <= mean <= max; min and max
//                                       default to mean -/+ 4 sd, limited to the key's range; when
//                                       sd > 0, [min, max] must hold at least 0.1% of the
//                                       probability (draws are made by rejection)
//   {exponential: {mean}}               mean > 0; only for keys without an upper limit
// Every parameter that is a value of the key is checked against the key's range, so every draw
// stays inside it.
#include <string_view>

#include "scenarios/scenario.hpp"
#include "scenarios/yaml_reader.hpp"

namespace evsim::scenarios {

struct DistributionDomain {
  std::string_view range_text;           // "from 0 to 1", for messages
  double lo;                             // every value drawn lies in [lo, hi]
  double hi;                             // may be +infinity
  double (*read_value)(const NodeRef&);  // one value, range-checked, in the canonical unit
  double (*read_spread)(const NodeRef&); // a standard deviation (>= 0), same unit
};

// Fractions of a battery (SoC), in [0, 1].
extern const DistributionDomain kFractionDomain;
// Durations >= 0, in ms.
extern const DistributionDomain kDurationDomain;
// Times of day from 00:00 to 24:00, in ms since midnight; sd is a duration.
extern const DistributionDomain kTimeOfDayDomain;

DistributionSpec read_distribution(const NodeRef& ref, const DistributionDomain& domain);

}  // namespace evsim::scenarios
