#include "models/charging/station.hpp"

#include <algorithm>
#include <utility>

namespace evsim::models::charging {

Station::Station(std::string name, road::NodeId node, std::vector<Plug> plugs, bool is_public)
    : name_(std::move(name)), node_(node), plugs_(std::move(plugs)), is_public_(is_public) {}

double Station::session_power_kw(const Plug& plug, const fleet::VehicleType& type) {
  return std::min(plug.power_kw, plug.dc ? type.max_dc_power_kw : type.max_ac_power_kw);
}

bool Station::can_serve(const fleet::VehicleType& type) const {
  return std::any_of(plugs_.begin(), plugs_.end(), [&](const Plug& p) { return session_power_kw(p, type) > 0.0; });
}

std::optional<std::uint32_t> Station::best_free_plug(const fleet::VehicleType& type) const {
  std::optional<std::uint32_t> best;
  double best_power = 0.0;
  for (std::uint32_t i = 0; i < plugs_.size(); ++i) {
    if (plugs_[i].occupant != road::kInvalid) continue;
    const double p = session_power_kw(plugs_[i], type);
    if (p > best_power) {
      best_power = p;
      best = i;
    }
  }
  return best;
}

std::uint32_t Station::busy_plugs() const {
  return static_cast<std::uint32_t>(
      std::count_if(plugs_.begin(), plugs_.end(), [](const Plug& p) { return p.occupant != road::kInvalid; }));
}

double Station::power_kw() const {
  double total = 0.0;
  for (const Plug& p : plugs_) {
    if (p.occupant != road::kInvalid) total += p.session_power_kw;
  }
  return total;
}

}  // namespace evsim::models::charging
