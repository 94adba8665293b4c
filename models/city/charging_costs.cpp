#include "models/city/charging_costs.hpp"

#include <utility>

namespace evsim::models::city {

ChargingCosts::ChargingCosts(sim::Simulator& simulator, CityModel& model, ChargingCostSetup setup)
    : sim_(simulator),
      model_(model),
      setup_(std::move(setup)),
      meter_(simulator, model.sessions(), setup_.tariffs,
             [this](const charging::PlugInEvent& e) { return tariff_of(e); }),
      smart_(simulator, model.sessions(), [this](const charging::PlugInEvent& e) { return plan_of(e); }) {}

std::uint32_t ChargingCosts::tariff_of(const charging::PlugInEvent& e) const {
  if (e.station != road::kInvalid) return setup_.station_tariff[e.station];
  return setup_.segment_tariff[model_.vehicles()[e.vehicle].segment];
}

std::optional<charging::SmartPlan> ChargingCosts::plan_of(const charging::PlugInEvent& e) const {
  const Vehicle& veh = model_.vehicles()[e.vehicle];
  std::optional<SmartSetting> setting;
  if (e.station == road::kInvalid) {
    setting = setup_.segment_smart[veh.segment];
  } else if (veh.ends_at_departure && !model_.stations()[e.station].plugs()[e.plug].dc) {
    setting = setup_.station_smart[e.station];
  }
  if (!setting || veh.departure_at == sim::kTimeMax) return std::nullopt;
  const std::uint32_t tariff = tariff_of(e);
  if (setting->policy == charging::SmartPolicy::cheapest && tariff == kNoTariff) return std::nullopt;
  return charging::SmartPlan{.policy = setting->policy,
                             .tariff = tariff == kNoTariff ? nullptr : &meter_.tariffs()[tariff],
                             .cap_kw = setting->cap_kw,
                             .departure = veh.departure_at};
}

void ChargingCosts::sample_load(sim::Duration interval, sim::Time horizon) {
  sim_.schedule_at(sim_.now(), [this, interval, horizon] { take_sample(interval, horizon); });
}

void ChargingCosts::take_sample(sim::Duration interval, sim::Time horizon) {
  ChargingLoadSample sample{.time = sim_.now(), .public_kw = 0.0, .home_depot_kw = 0.0};
  const charging::SessionPool& pool = model_.sessions();
  const std::vector<Vehicle>& vehicles = model_.vehicles();
  for (VehicleId v = 0; v < vehicles.size(); ++v) {
    if (!pool.charging(v)) continue;
    (vehicles[v].place == ChargePlace::public_station ? sample.public_kw : sample.home_depot_kw) += pool.power_kw(v);
  }
  load_.push_back(sample);
  if (sim_.now() + interval <= horizon) {
    sim_.schedule(interval, [this, interval, horizon] { take_sample(interval, horizon); });
  }
}

}  // namespace evsim::models::city
