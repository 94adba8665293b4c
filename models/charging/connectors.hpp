#pragma once
// Connector names as bits: the vehicle types' connector names are numbered in order of first
// appearance (at most 64, checked by the scenario loader); a vehicle type has a set of bits, a plug
// one bit, or none when no vehicle type has its connector (then no vehicle can use it).
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
  // The bit of `name`, or 0 when it has not been added.
  fleet::ConnectorSet find(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

}  // namespace evsim::models::charging
