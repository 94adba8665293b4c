#include "models/charging/tariff_meter.hpp"

#include <utility>

namespace evsim::models::charging {

TariffMeter::TariffMeter(sim::Simulator& simulator, SessionPool& pool, std::vector<Tariff> tariffs,
                         std::function<std::uint32_t(const PlugInEvent&)> tariff_of)
    : sim_(simulator), pool_(pool), tariffs_(std::move(tariffs)), tariff_of_(std::move(tariff_of)) {
  pool_.plugged_in.connect([this](const PlugInEvent& e) { on_plug_in(e); });
  pool_.unplugged.connect([this](const UnplugEvent& e) { on_unplug(e); });
}

void TariffMeter::on_plug_in(const PlugInEvent& e) {
  if (e.vehicle >= open_.size()) open_.resize(e.vehicle + 1);
  Open& o = open_[e.vehicle];
  o = Open{};
  o.tariff = tariff_of_(e);
  if (o.tariff == kNoTariff) return;
  o.plug_in = e.time;
  o.price = tariffs_[o.tariff].price_at(e.time);
  schedule_boundary(e.vehicle);
}

void TariffMeter::schedule_boundary(VehicleId v) {
  Open& o = open_[v];
  const sim::Time at = tariffs_[o.tariff].next_boundary(sim_.now());
  if (at == sim::kTimeMax) return;
  o.boundary = sim_.schedule_at(at, [this, v] {
    Open& x = open_[v];
    const double energy_kwh = pool_.grid_energy_kwh(v);
    x.energy_cost += (energy_kwh - x.energy_at_boundary_kwh) * x.price;
    x.energy_at_boundary_kwh = energy_kwh;
    x.price = tariffs_[x.tariff].price_at(sim_.now());
    x.boundary = {};
    schedule_boundary(v);
  });
}

void TariffMeter::on_unplug(const UnplugEvent& e) {
  if (e.vehicle >= open_.size() || open_[e.vehicle].tariff == kNoTariff) return;
  Open& o = open_[e.vehicle];
  sim_.cancel(o.boundary);
  const double energy_kwh = e.end.grid_energy_kwh;
  o.energy_cost += (energy_kwh - o.energy_at_boundary_kwh) * o.price;
  costs_.push_back({.vehicle = e.vehicle,
                    .station = e.station,
                    .tariff = o.tariff,
                    .plug_in = o.plug_in,
                    .unplug = e.time,
                    .grid_energy_kwh = energy_kwh,
                    .energy_cost = o.energy_cost,
                    .service_cost = energy_kwh * tariffs_[o.tariff].service_fee_per_kwh()});
  o.tariff = kNoTariff;
}

}  // namespace evsim::models::charging
