// The `vehicle_types` section: battery, consumption, charging limits and curve, connectors, the
// driving-energy factors and the default charging thresholds of each type.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "scenarios/defaults.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {
namespace {


std::vector<CurvePointSpec> read_knee(const NodeRef& ref, double max_power_kw) {
  const MapReader map(ref, {"knee", "power_at_full"}, "a knee mapping {knee, power_at_full}");
  double knee = kDefaultKneeSoc;
  if (const auto k = map.get("knee")) {
    knee = read_fraction(*k);
    if (!(knee > 0.0 && knee < 1.0)) k->fail("a fraction > 0 and < 1", quote(k->node().Scalar()));
  }
  const auto at_full = map.get("power_at_full");
  return knee_curve(max_power_kw, knee, at_full ? read_fraction(*at_full) : kDefaultPowerAtFull);
}

// "120kW", or "50%" of max_power_kw.
double read_curve_power(const NodeRef& ref, double max_power_kw) {
  constexpr std::string_view kExpected =
      "a power >= 0 (units kW, MW, W) or a percentage of the larger of max_ac_power and max_dc_power";
  if (!ref.node().IsScalar()) ref.fail(kExpected, describe_found(ref.node()));
  const std::string& text = ref.node().Scalar();
  const std::size_t last = text.find_last_not_of(" \t");
  const bool percent = last != std::string::npos && text[last] == '%';
  double power_kw = 0.0;
  try {
    power_kw = percent ? parse_fraction(text) * max_power_kw : parse_quantity(Quantity::power, text);
  } catch (const UnitError& e) {
    ref.fail(kExpected, e.found());
  }
  if (!(power_kw >= 0.0)) ref.fail(kExpected, quote(text));
  return power_kw;
}

// A list of [soc, power] pairs with socs strictly increasing from 0 to 1.
std::vector<CurvePointSpec> read_curve_points(const NodeRef& ref, double max_power_kw) {
  const std::vector<NodeRef> items = read_list(ref, "a list of [soc, power] pairs", false);
  if (items.size() < 2) {
    ref.fail("a list of at least two [soc, power] pairs", fmt::format("a list of {} pair{}", items.size(),
                                                                       items.size() == 1 ? "" : "s"));
  }
  std::vector<CurvePointSpec> points;
  for (std::size_t i = 0; i < items.size(); ++i) {
    constexpr std::string_view kPair = "a pair [soc, power]";
    const std::vector<NodeRef> pair = read_list(items[i], kPair, false);
    if (pair.size() != 2) items[i].fail(kPair, fmt::format("a list of {} value{}", pair.size(), pair.size() == 1 ? "" : "s"));
    const NodeRef& soc_ref = pair[0];
    const double soc = read_fraction(soc_ref);
    const std::string soc_text = quote(soc_ref.node().Scalar());
    if (i == 0 && soc != 0.0) soc_ref.fail("a state of charge of 0 (the curve starts at empty)", soc_text);
    if (i > 0 && !(soc > points.back().soc)) {
      soc_ref.fail(fmt::format("a state of charge above the previous pair's ({})", points.back().soc), soc_text);
    }
    if (i + 1 == items.size() && soc != 1.0) soc_ref.fail("a state of charge of 1 (the curve ends at full)", soc_text);
    points.push_back({.soc = soc, .power_kw = read_curve_power(pair[1], max_power_kw)});
  }
  return points;
}

std::vector<CurvePointSpec> read_charging_curve(const NodeRef& ref, double max_power_kw) {
  if (ref.node().IsMap()) return read_knee(ref, max_power_kw);
  if (ref.node().IsSequence()) return read_curve_points(ref, max_power_kw);
  ref.fail("a knee mapping {knee, power_at_full} or a list of [soc, power] pairs", describe_found(ref.node()));
}

std::vector<std::string> read_connectors(const NodeRef& ref) {
  std::vector<std::string> connectors;
  for (const NodeRef& item : read_list(ref, "a non-empty list of connector names", true)) {
    std::string name = read_connector(item);
    if (std::find(connectors.begin(), connectors.end(), name) != connectors.end()) {
      item.fail("each connector once", fmt::format("{} a second time", quote(name)));
    }
    connectors.push_back(std::move(name));
  }
  return connectors;
}


VehicleTypeSpec read_vehicle_type(const NodeRef& ref, UniqueNames& names) {
  const MapReader map(ref,
                      {"name", "battery", "consumption", "max_ac_power", "max_dc_power", "charging_curve", "connectors",
                       "aero_share", "reference_speed", "cold_increase_per_degc", "heat_increase_per_degc",
                       "charge_below_soc", "charge_to_soc"},
                      "a vehicle type mapping");
  VehicleTypeSpec t;
  t.name = names.read(map);
  t.mark = ref.mark();
  t.battery_kwh = read_quantity_in(map.need("battery"), Quantity::energy, kBatteryRange);
  t.consumption_kwh_per_km = read_quantity_in(map.need("consumption"), Quantity::consumption, kConsumptionRange);
  // 0: cannot use that kind of plug; otherwise a plausible charging power.
  const auto read_limit = [](const NodeRef& limit) {
    const double kw = read_quantity(limit, Quantity::power, Bound::non_negative);
    if (kw != 0.0 && !is_plausible(kChargingPowerRange, kw)) {
      limit.fail(fmt::format("0 or {}", plausible_phrase(kChargingPowerRange)), quote(limit.node().Scalar()));
    }
    return kw;
  };
  if (const auto ac = map.get("max_ac_power")) t.max_ac_power_kw = read_limit(*ac);
  if (const auto dc = map.get("max_dc_power")) t.max_dc_power_kw = read_limit(*dc);
  if (t.max_ac_power_kw == 0.0 && t.max_dc_power_kw == 0.0) {
    ref.fail("max_ac_power or max_dc_power > 0", "neither");
  }
  const double max_power_kw = std::max(t.max_ac_power_kw, t.max_dc_power_kw);
  const auto curve = map.get("charging_curve");
  t.charging_curve = curve ? read_charging_curve(*curve, max_power_kw)
                           : default_charging_curve(t.max_ac_power_kw, t.max_dc_power_kw);
  const auto connectors = map.get("connectors");
  t.connectors = connectors ? read_connectors(*connectors) : default_connectors(t.max_ac_power_kw, t.max_dc_power_kw);
  if (const auto aero = map.get("aero_share")) t.aero_share = read_fraction(*aero);
  if (const auto speed = map.get("reference_speed")) {
    t.reference_speed_kmh = read_quantity_in(*speed, Quantity::speed, kRoadSpeedRange);
  }
  if (const auto cold = map.get("cold_increase_per_degc")) t.cold_increase_per_degc = read_fraction(*cold);
  if (const auto heat = map.get("heat_increase_per_degc")) t.heat_increase_per_degc = read_fraction(*heat);
  if (const auto below = map.get("charge_below_soc")) t.charge_below_soc = read_fraction(*below);
  if (const auto to = map.get("charge_to_soc")) t.charge_to_soc = read_fraction(*to);
  check_charge_thresholds(map, t.charge_below_soc, t.charge_to_soc);
  return t;
}

}  // namespace

std::string read_connector(const NodeRef& ref) {
  constexpr std::string_view kExpected =
      "a connector name of lower-case letters, digits and underscores (such as gbt_ac, gbt_dc, ccs2)";
  if (!ref.node().IsScalar()) ref.fail(kExpected, describe_found(ref.node()));
  const std::string& text = ref.node().Scalar();
  const bool valid = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!valid) ref.fail(kExpected, quote(text));
  return text;
}

void check_charge_thresholds(const MapReader& map, double charge_below_soc, double charge_to_soc) {
  if (charge_to_soc > charge_below_soc) return;
  if (const auto to = map.get("charge_to_soc")) {
    to->fail(fmt::format("a fraction above charge_below_soc ({})", charge_below_soc), quote(to->node().Scalar()));
  }
  const NodeRef below = map.need("charge_below_soc");
  below.fail(fmt::format("a fraction below charge_to_soc ({})", charge_to_soc), quote(below.node().Scalar()));
}

std::vector<VehicleTypeSpec> read_vehicle_types(const NodeRef& ref) {
  UniqueNames names("vehicle type");
  std::vector<VehicleTypeSpec> types;
  std::vector<std::string> connector_names;  // distinct, over all types
  for (const NodeRef& item : read_list(ref, "a non-empty list of vehicle types", true)) {
    types.push_back(read_vehicle_type(item, names));
    for (const std::string& c : types.back().connectors) {
      if (std::find(connector_names.begin(), connector_names.end(), c) != connector_names.end()) continue;
      if (connector_names.size() == kMaxConnectorNames) {
        const auto key = peek_key(item, "connectors");
        (key ? *key : item)
            .fail(fmt::format("at most {} distinct connector names over all vehicle types", kMaxConnectorNames),
                  fmt::format("{} as the {}th", quote(c), kMaxConnectorNames + 1));
      }
      connector_names.push_back(c);
    }
  }
  return types;
}

}  // namespace evsim::scenarios
