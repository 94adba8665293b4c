#include "scenarios/defaults.hpp"

#include <algorithm>

namespace evsim::scenarios {

std::vector<CurvePointSpec> knee_curve(double max_power_kw, double knee_soc, double power_at_full) {
  return {{.soc = 0.0, .power_kw = max_power_kw},
          {.soc = knee_soc, .power_kw = max_power_kw},
          {.soc = 1.0, .power_kw = power_at_full * max_power_kw}};
}

std::vector<CurvePointSpec> default_charging_curve(double max_ac_power_kw, double max_dc_power_kw) {
  return knee_curve(std::max(max_ac_power_kw, max_dc_power_kw), kDefaultKneeSoc, kDefaultPowerAtFull);
}

std::vector<std::string> default_connectors(double max_ac_power_kw, double max_dc_power_kw) {
  std::vector<std::string> connectors;
  if (max_ac_power_kw > 0.0) connectors.emplace_back(kDefaultAcConnector);
  if (max_dc_power_kw > 0.0) connectors.emplace_back(kDefaultDcConnector);
  return connectors;
}

std::string_view default_connector(PlugKind kind) {
  return kind == PlugKind::dc ? kDefaultDcConnector : kDefaultAcConnector;
}

}  // namespace evsim::scenarios
