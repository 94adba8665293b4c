#include "models/fleet/consumption.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace evsim::models::fleet {

void check(const ConsumptionModel& model) {
  const auto refuse = [](const char* field, const char* rule, double value) {
    throw std::invalid_argument(fmt::format("ConsumptionModel: {} must be {}, got {}", field, rule, value));
  };
  if (!(model.base_kwh_per_km >= 0.0)) refuse("base_kwh_per_km", ">= 0", model.base_kwh_per_km);
  if (!(model.aero_share >= 0.0 && model.aero_share <= 1.0)) refuse("aero_share", "in [0, 1]", model.aero_share);
  if (!(model.reference_speed_kmh > 0.0)) refuse("reference_speed_kmh", "> 0", model.reference_speed_kmh);
  if (!(model.cold_increase_per_degc >= 0.0)) refuse("cold_increase_per_degc", ">= 0", model.cold_increase_per_degc);
  if (!(model.heat_increase_per_degc >= 0.0)) refuse("heat_increase_per_degc", ">= 0", model.heat_increase_per_degc);
}

double temperature_factor(const ConsumptionModel& model, double ambient_c) {
  return 1.0 + model.cold_increase_per_degc * std::max(0.0, kMildLowC - ambient_c) +
         model.heat_increase_per_degc * std::max(0.0, ambient_c - kMildHighC);
}

double trip_energy_kwh(const ConsumptionModel& model, double length_m, double speed_sq_length, double ambient_c) {
  const double v_ref_kmh = model.reference_speed_kmh;
  const double equivalent_km = (1.0 - model.aero_share) * length_m / 1000.0 +
                               model.aero_share * speed_sq_length / (1000.0 * v_ref_kmh * v_ref_kmh);
  return model.base_kwh_per_km * temperature_factor(model, ambient_c) * equivalent_km;
}

}  // namespace evsim::models::fleet
