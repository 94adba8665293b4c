#include "scenarios/assembly/charging_costs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "scenarios/plans.hpp"

namespace evsim::scenarios::assembly {
namespace {

using models::city::SmartSetting;
namespace charging = models::charging;

std::optional<SmartSetting> smart_setting(const std::optional<scenarios::SmartChargingSpec>& spec) {
  if (!spec) return std::nullopt;
  return SmartSetting{.policy = spec->policy, .cap_kw = spec->cap_kw};
}

std::uint32_t tariff_index(const scenarios::Scenario& sc, const std::string& name) {
  const auto it = std::find_if(sc.tariffs.begin(), sc.tariffs.end(), [&](const auto& t) { return t.name == name; });
  return static_cast<std::uint32_t>(it - sc.tariffs.begin());  // the loader checked every name
}

}  // namespace

models::city::ChargingCostSetup build_charging_costs(const scenarios::Scenario& sc, const CityInputs& city,
                                                     std::string_view plan) {
  models::city::ChargingCostSetup setup;
  for (const scenarios::TariffSpec& t : sc.tariffs) {
    setup.tariffs.emplace_back(t.name, scenarios::to_model_periods(t), t.service_fee_per_kwh);
  }
  std::map<std::string, const scenarios::StationSpec*, std::less<>> spec_of;
  for (const scenarios::StationSpec& s : sc.stations) spec_of.emplace(s.name, &s);
  if (const scenarios::PlanSpec* p = scenarios::find_plan(sc, plan)) {
    for (const scenarios::StationSpec& s : p->stations) spec_of.emplace(s.name, &s);
  }
  std::map<double, std::uint32_t> flat_of;  // price -> tariff index
  std::map<std::string, std::uint32_t, std::less<>> operator_of;
  for (const charging::Station& st : city.world.stations) {
    const auto it = spec_of.find(st.name());
    const scenarios::StationSpec* spec = it == spec_of.end() ? nullptr : it->second;
    if (spec != nullptr && spec->tariff) {
      setup.station_tariff.push_back(tariff_index(sc, spec->tariff->name));
    } else {
      const auto [flat, new_price] = flat_of.emplace(st.price_per_kwh(), static_cast<std::uint32_t>(setup.tariffs.size()));
      if (new_price) setup.tariffs.push_back(charging::Tariff::flat(fmt::format("flat {}", st.price_per_kwh()), st.price_per_kwh()));
      setup.station_tariff.push_back(flat->second);
    }
    const std::string op = spec != nullptr ? spec->operator_name : std::string();
    const auto [o, new_operator] = operator_of.emplace(op, static_cast<std::uint32_t>(setup.operators.size()));
    if (new_operator) setup.operators.push_back(op);
    setup.station_operator.push_back(o->second);
    setup.station_smart.push_back(spec != nullptr ? smart_setting(spec->smart_charging) : std::nullopt);
  }
  for (const scenarios::SegmentSpec& seg : sc.fleet) {
    setup.segment_tariff.push_back(seg.tariff ? tariff_index(sc, seg.tariff->name) : models::city::ChargingCosts::kNoTariff);
    setup.segment_smart.push_back(smart_setting(seg.smart_charging));
  }
  return setup;
}

}  // namespace evsim::scenarios::assembly
