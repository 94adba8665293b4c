#include "scenarios/plausibility.hpp"

#include <fmt/format.h>

#include <string>

namespace evsim::scenarios {

std::string plausible_phrase(const PlausibleRange& range) {
  return fmt::format("{} from {:g} to {:g} {} (evsim's plausibility limit)", range.noun, range.min, range.max, range.unit);
}

bool is_plausible(const PlausibleRange& range, double value) { return value >= range.min && value <= range.max; }

}  // namespace evsim::scenarios
