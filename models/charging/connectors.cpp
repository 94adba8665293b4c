#include "models/charging/connectors.hpp"

#include <stdexcept>

namespace evsim::models::charging {

fleet::ConnectorSet ConnectorNames::find(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return fleet::ConnectorSet{1} << i;
  }
  return 0;
}

fleet::ConnectorSet ConnectorNames::bit(std::string_view name) {
  if (const fleet::ConnectorSet known = find(name)) return known;
  if (names_.size() == 64) throw std::length_error("evsim supports at most 64 connector names in one scenario");
  names_.emplace_back(name);
  return fleet::ConnectorSet{1} << (names_.size() - 1);
}

}  // namespace evsim::models::charging
