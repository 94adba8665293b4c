#pragma once
// Driving energy from path length, speed and ambient temperature.
//
// Units: lengths in m (km where named), speeds in km/h, temperatures in degC, energy in kWh.
//
// At the reference speed v_ref in mild weather a vehicle uses base_kwh_per_km. A share `aero` of
// that is air drag, which scales with the square of speed; the rest (rolling resistance, drivetrain,
// auxiliaries) scales with distance alone. Cold and heat raise consumption linearly outside the mild
// band [kMildLowC, kMildHighC]:
//
//   f(T) = 1 + cold_increase_per_degc * max(0, kMildLowC - T) + heat_increase_per_degc * max(0, T - kMildHighC)
//   E    = base_kwh_per_km * f(T) * [(1 - aero) * L_km + aero * sum_e(L_e_m * v_e^2) / (1000 * v_ref^2)]
//
// E is linear in the path's length and in its speed_sq_length = sum_e L_e_m * v_e^2 over its edges,
// so a path's energy is the sum of its edges' energies, and a path driven at v_ref uses
// base * f(T) * L_km. Not modelled: acceleration and regenerative braking, slope, payload, wind,
// and the energy drawn while parked.

namespace evsim::models::fleet {

inline constexpr double kMildLowC = 15.0;
inline constexpr double kMildHighC = 25.0;

struct ConsumptionModel {
  double base_kwh_per_km;                 // at the reference speed in mild weather
  double aero_share = 0.0;                // share of base consumption that scales with speed^2 at the reference speed
  double reference_speed_kmh = 50.0;
  double cold_increase_per_degc = 0.015;  // relative increase per degC below kMildLowC
  double heat_increase_per_degc = 0.005;  // relative increase per degC above kMildHighC
};

// Throws std::invalid_argument naming the first field out of range: base_kwh_per_km >= 0,
// aero_share in [0, 1], reference_speed_kmh > 0, both increases >= 0.
void check(const ConsumptionModel& model);

// f(T) above.
double temperature_factor(const ConsumptionModel& model, double ambient_c);

// E above. length_m: the path's length; speed_sq_length: sum over its edges of length_m * speed_kmh^2.
double trip_energy_kwh(const ConsumptionModel& model, double length_m, double speed_sq_length, double ambient_c);

}  // namespace evsim::models::fleet
