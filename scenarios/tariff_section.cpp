// The `tariffs` section and the tariff and smart-charging keys of stations and fleet segments
// (docs/scenario-format.md "Tariffs and smart charging").
#include <fmt/format.h>

#include <algorithm>

#include "models/charging/tariff.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {
namespace {

constexpr std::string_view kKinds[] = {"peak", "flat", "valley"};
constexpr std::string_view kPolicies[] = {"asap", "cheapest", "capped"};
constexpr sim::Duration kDay = std::chrono::hours(24);

TariffPeriodSpec read_period(const NodeRef& ref) {
  const MapReader map(ref, {"from", "to", "price_per_kwh", "kind"},
                      "a tariff period mapping {from, to, price_per_kwh, kind}");
  TariffPeriodSpec p;
  const NodeRef from = map.need("from");
  p.from = read_time_of_day(from);
  if (p.from >= kDay) from.fail("a time of day before 24:00", quote(from.node().Scalar()));
  const NodeRef to = map.need("to");
  p.to = read_time_of_day(to);
  if (p.to == sim::Duration{0}) p.to = kDay;  // "00:00" as an end is midnight
  if (p.to == p.from) to.fail("a time of day other than its period's from", quote(to.node().Scalar()));
  p.price_per_kwh = read_quantity(map.need("price_per_kwh"), Quantity::energy_price, Bound::non_negative);
  p.kind = static_cast<TariffPeriodKind>(read_choice(map.need("kind"), kKinds));
  return p;
}

TariffSpec read_tariff(const NodeRef& ref, UniqueNames& names) {
  const MapReader map(ref, {"name", "service_fee_per_kwh", "periods"},
                      "a tariff mapping {name, service_fee_per_kwh, periods}");
  TariffSpec t;
  t.name = names.read(map);
  t.mark = ref.mark();
  if (const auto fee = map.get("service_fee_per_kwh")) {
    t.service_fee_per_kwh = read_quantity(*fee, Quantity::energy_price, Bound::non_negative);
  }
  const NodeRef periods = map.need("periods");
  for (const NodeRef& item : read_list(periods, "a non-empty list of tariff periods", true)) {
    t.periods.push_back(read_period(item));
  }
  if (const auto problem = models::charging::check_periods(to_model_periods(t))) {
    periods.fail("periods covering 24 h once, without gap or overlap", *problem);
  }
  return t;
}

// A station's or segment's tariff name must be one of `tariffs`.
void check_ref(const std::optional<TariffRef>& ref, const std::vector<TariffSpec>& tariffs) {
  if (!ref) return;
  const bool known = std::any_of(tariffs.begin(), tariffs.end(), [&](const TariffSpec& t) { return t.name == ref->name; });
  if (known) return;
  std::vector<std::string_view> names;
  for (const TariffSpec& t : tariffs) names.push_back(t.name);
  throw_at(ref->mark, tariffs.empty() ? std::string("a tariff named in tariffs (the scenario has none)")
                                      : fmt::format("one of the tariffs {}", join_names(names)),
           quote(ref->name));
}

// cheapest needs prices: a tariff beside it.
void check_smart(const std::optional<SmartChargingSpec>& smart, const std::optional<TariffRef>& tariff) {
  if (smart && smart->policy == SmartPolicySpec::cheapest && !tariff) {
    throw_at(smart->mark, "a tariff key beside smart_charging policy cheapest (its prices decide the hours)", "none");
  }
}

void check_stations(const std::vector<StationSpec>& stations, const std::vector<TariffSpec>& tariffs) {
  for (const StationSpec& s : stations) {
    check_ref(s.tariff, tariffs);
    check_smart(s.smart_charging, s.tariff);
  }
}

}  // namespace

std::vector<models::charging::TariffPeriod> to_model_periods(const TariffSpec& spec) {
  std::vector<models::charging::TariffPeriod> out;
  for (const TariffPeriodSpec& p : spec.periods) {
    out.push_back({.from = p.from, .to = p.to, .price_per_kwh = p.price_per_kwh});
  }
  return out;
}

std::vector<TariffSpec> read_tariffs(const NodeRef& ref) {
  UniqueNames names("tariff");
  std::vector<TariffSpec> tariffs;
  for (const NodeRef& item : read_list(ref, "a non-empty list of tariffs", true)) tariffs.push_back(read_tariff(item, names));
  return tariffs;
}

std::optional<TariffRef> read_tariff_ref(const std::optional<NodeRef>& ref) {
  if (!ref) return std::nullopt;
  return TariffRef{.name = read_string(*ref), .mark = ref->mark()};
}

SmartChargingSpec read_smart_charging(const NodeRef& ref) {
  const MapReader map(ref, {"policy", "cap"}, "a smart_charging mapping {policy, cap}");
  SmartChargingSpec s;
  s.mark = ref.mark();
  s.policy = static_cast<SmartPolicySpec>(read_choice(map.need("policy"), kPolicies));
  const auto cap = map.get("cap");
  if (s.policy == SmartPolicySpec::capped) {
    s.cap_kw = read_quantity_in(map.need("cap"), Quantity::power, kSitePowerRange);
  } else if (cap) {
    cap->fail("no cap unless policy is capped", describe_found(cap->node()));
  }
  return s;
}

void check_tariff_references(const Scenario& sc) {
  check_stations(sc.stations, sc.tariffs);
  for (const PlanSpec& plan : sc.plans) check_stations(plan.stations, sc.tariffs);
  for (const SegmentSpec& seg : sc.fleet) {
    check_ref(seg.tariff, sc.tariffs);
    check_smart(seg.smart_charging, seg.tariff);
  }
}

bool uses_tariffs(const Scenario& sc) {
  if (!sc.tariffs.empty()) return true;
  const auto station_uses = [](const std::vector<StationSpec>& stations) {
    return std::any_of(stations.begin(), stations.end(), [](const StationSpec& s) {
      return s.tariff || s.smart_charging || !s.operator_name.empty();
    });
  };
  if (station_uses(sc.stations)) return true;
  for (const PlanSpec& plan : sc.plans) {
    if (station_uses(plan.stations)) return true;
  }
  return std::any_of(sc.fleet.begin(), sc.fleet.end(), [](const SegmentSpec& s) { return s.tariff || s.smart_charging; });
}

}  // namespace evsim::scenarios
