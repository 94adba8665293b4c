#pragma once
// A charging station's run-time state: plugs, who is on them, who waits. Power in kW.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "models/fleet/vehicle.hpp"
#include "models/records.hpp"
#include "models/road/road_graph.hpp"

namespace evsim::models::charging {

struct Plug {
  bool dc;
  double power_kw;
  VehicleId occupant = road::kInvalid;
  sim::Time since{};
  double session_power_kw = 0.0;  // power of the session on this plug
};

class Station {
 public:
  Station(std::string name, road::NodeId node, std::vector<Plug> plugs, bool is_public);

  const std::string& name() const { return name_; }
  road::NodeId node() const { return node_; }
  bool is_public() const { return is_public_; }
  std::vector<Plug>& plugs() { return plugs_; }
  const std::vector<Plug>& plugs() const { return plugs_; }
  std::deque<VehicleId>& queue() { return queue_; }
  const std::deque<VehicleId>& queue() const { return queue_; }

  // Power a vehicle of this type draws from `plug`: the lower of the plug's and the vehicle's
  // limit for that current; 0 when the vehicle cannot use the plug.
  static double session_power_kw(const Plug& plug, const fleet::VehicleType& type);
  bool can_serve(const fleet::VehicleType& type) const;
  // The free plug giving this vehicle the most power, if any.
  std::optional<std::uint32_t> best_free_plug(const fleet::VehicleType& type) const;
  std::uint32_t busy_plugs() const;
  double power_kw() const;

 private:
  std::string name_;
  road::NodeId node_;
  std::vector<Plug> plugs_;
  bool is_public_;
  std::deque<VehicleId> queue_;
};

}  // namespace evsim::models::charging
