#include "models/charging/station.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace evsim::models::charging {

Station::Station(std::string name, road::NodeId node, std::vector<Plug> plugs, bool is_public, double price_per_kwh,
                 OpeningHours hours)
    : name_(std::move(name)),
      node_(node),
      plugs_(std::move(plugs)),
      is_public_(is_public),
      price_per_kwh_(price_per_kwh),
      hours_(hours) {}

double Station::power_limit_kw(const Plug& plug, Usage usage) {
  if ((plug.connector & usage.type->connectors) == 0) return 0.0;
  if (usage.dc_only && !plug.dc) return 0.0;
  return std::min(plug.power_kw, plug.dc ? usage.type->max_dc_power_kw : usage.type->max_ac_power_kw);
}

void Station::set_power(SitePower power) {
  check(power, plugs_.size());
  power_ = std::move(power);
}

bool Station::can_serve(Usage usage) const { return best_power_limit_kw(usage) > 0.0; }

double Station::best_power_limit_kw(Usage usage) const {
  double best = 0.0;
  for (const Plug& p : plugs_) best = std::max(best, power_limit_kw(p, usage));
  return best;
}

std::uint32_t Station::usable_plugs(Usage usage) const {
  return static_cast<std::uint32_t>(
      std::count_if(plugs_.begin(), plugs_.end(), [&](const Plug& p) { return power_limit_kw(p, usage) > 0.0; }));
}

std::uint32_t Station::free_usable_plugs(Usage usage) const {
  return static_cast<std::uint32_t>(std::count_if(plugs_.begin(), plugs_.end(), [&](const Plug& p) {
    return p.occupant == road::kInvalid && power_limit_kw(p, usage) > 0.0;
  }));
}

std::optional<std::uint32_t> Station::best_free_plug(Usage usage) const {
  std::optional<std::uint32_t> best;
  double best_power = 0.0;
  for (std::uint32_t i = 0; i < plugs_.size(); ++i) {
    if (plugs_[i].occupant != road::kInvalid) continue;
    const double p = power_limit_kw(plugs_[i], usage);
    if (p > best_power) {
      best_power = p;
      best = i;
    }
  }
  return best;
}

void Station::plug_in(sim::Time now, std::uint32_t plug, VehicleId vehicle) {
  if (plugs_.at(plug).occupant != road::kInvalid) throw std::logic_error("Station::plug_in: plug is busy");
  stats_.advance(now, busy_, queue_length());
  plugs_[plug].occupant = vehicle;
  ++busy_;
  ++stats_.sessions_started;
}

void Station::unplug(sim::Time now, std::uint32_t plug) {
  if (plugs_.at(plug).occupant == road::kInvalid) throw std::logic_error("Station::unplug: plug is free");
  stats_.advance(now, busy_, queue_length());
  plugs_[plug].occupant = road::kInvalid;
  --busy_;
}

void Station::enqueue(sim::Time now, VehicleId vehicle) {
  stats_.advance(now, busy_, queue_length());
  queue_.push_back(vehicle);
  stats_.max_queue = std::max(stats_.max_queue, queue_length());
}

void Station::dequeue(sim::Time now, VehicleId vehicle) {
  const auto it = std::find(queue_.begin(), queue_.end(), vehicle);
  if (it == queue_.end()) throw std::logic_error("Station::dequeue: vehicle is not queued");
  stats_.advance(now, busy_, queue_length());
  queue_.erase(it);
}

}  // namespace evsim::models::charging
