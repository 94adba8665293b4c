#pragma once
// Connector names as bits: the scenario's connector names (plugs' and vehicle types') are numbered
// in order of first appearance; a plug has one bit, a vehicle type a set. At most 64 names.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/fleet/vehicle_type.hpp"

namespace evsim::models::charging {

class ConnectorNames {
 public:
  // The bit of `name`, adding it when new. Throws std::length_error beyond 64 names.
  fleet::ConnectorSet bit(std::string_view name);
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

}  // namespace evsim::models::charging
