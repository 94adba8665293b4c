#include "models/city/usability.hpp"

#include <fmt/format.h>

#include <set>
#include <utility>

namespace evsim::models::city {

std::vector<std::string> usability_warnings(const CityWorld& world, const std::vector<std::string>& segment_names) {
  // The (type, segment) pairs that occur in the fleet.
  std::set<std::pair<std::uint32_t, std::uint32_t>> users;
  for (const auto& v : world.schedule.vehicles) users.emplace(v.type, v.segment);
  std::vector<std::string> out;
  std::vector<bool> segment_can_charge(world.segments.size(), false);
  for (const charging::Station& s : world.stations) {
    if (!s.is_public()) continue;
    std::uint32_t unusable = 0;
    for (const charging::Plug& plug : s.plugs()) {
      bool anyone = false;
      for (const auto& [type, segment] : users) {
        const charging::Usage usage{&world.types[type], world.segments[segment].dc_only};
        if (charging::Station::power_limit_kw(plug, usage) > 0.0) {
          anyone = true;
          segment_can_charge[segment] = true;
        }
      }
      if (!anyone) ++unusable;
    }
    if (unusable > 0) {
      out.push_back(fmt::format("station \"{}\": {} of its {} plugs can be used by no vehicle of the fleet (connector "
                                "or AC/DC that no vehicle type and segment takes)",
                                s.name(), unusable, s.plugs().size()));
    }
  }
  std::set<std::uint32_t> segments_present;
  for (const auto& [type, segment] : users) segments_present.insert(segment);
  for (const std::uint32_t seg : segments_present) {
    if (segment_can_charge[seg]) continue;
    out.push_back(fmt::format("segment \"{}\" can use no public plug of this plan: its public charging needs will end "
                              "without a station",
                              seg < segment_names.size() ? segment_names[seg] : std::to_string(seg)));
  }
  return out;
}

}  // namespace evsim::models::city
