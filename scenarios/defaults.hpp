#pragma once
// The defaults of a vehicle type and a plug, in one place. The loader fills them in when a key is
// absent; models given specs written in code (tests, tools) fall back to the same functions, so a
// default is never written twice.
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios {

// The default charging curve's knee: full power up to this SoC ...
inline constexpr double kDefaultKneeSoc = 0.8;
// ... then linearly down to this share of full power at SoC 1.
inline constexpr double kDefaultPowerAtFull = 0.2;

// Full power up to the knee, then linear down to power_at_full * full power at SoC 1.
std::vector<CurvePointSpec> knee_curve(double max_power_kw, double knee_soc, double power_at_full);
// The knee curve with the default knee, at the larger of the AC and DC limits.
std::vector<CurvePointSpec> default_charging_curve(double max_ac_power_kw, double max_dc_power_kw);
// gbt_ac when the type takes AC, gbt_dc when it takes DC.
std::vector<std::string> default_connectors(double max_ac_power_kw, double max_dc_power_kw);
// A plug's connector when its `connector` key is absent.
std::string_view default_connector(PlugKind kind);

}  // namespace evsim::scenarios
