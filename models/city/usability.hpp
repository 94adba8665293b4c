#pragma once
// Who can charge where, checked before a run: public plugs that no vehicle of the fleet can use
// (wrong connector, or AC/DC the fleet does not take), and fleet segments that can use no public
// plug of the plan (every public charging need of theirs would end without a station). Both are
// legal scenarios (a station for other fleets, a fleet that charges only at home), so they are
// warnings, printed by `validate` and `run`, not errors.
#include <string>
#include <vector>

#include "models/city/city_world.hpp"

namespace evsim::models::city {

// `segment_names`: per segment of world.segments.
std::vector<std::string> usability_warnings(const CityWorld& world, const std::vector<std::string>& segment_names);

}  // namespace evsim::models::city
