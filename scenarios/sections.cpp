#include "scenarios/sections.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>

#include "scenarios/distribution_reader.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios {
namespace {

constexpr std::uint32_t kMaxGridSide = 10'000;
constexpr double kDefaultChargeBelowSoc = 0.3;
constexpr double kDefaultChargeToSoc = 0.8;
constexpr sim::Duration kDefaultPatience = std::chrono::minutes(30);

// Reads the "name" key of list items and checks that no two items share a name.
class UniqueNames {
 public:
  explicit UniqueNames(std::string_view what) : what_(what) {}

  std::string read(const MapReader& map) {
    const NodeRef ref = map.need("name");
    std::string name = read_string(ref);
    for (const auto& [seen, owner] : seen_) {
      if (seen == name) {
        ref.fail(fmt::format("a unique {} name", what_), fmt::format("{}, also used by {}", quote(name), owner));
      }
    }
    seen_.emplace_back(name, map.ref().path());
    return name;
  }

 private:
  std::string_view what_;
  std::vector<std::pair<std::string, std::string>> seen_;  // name, key path of its owner
};

VehicleTypeSpec read_vehicle_type(const NodeRef& ref, UniqueNames& names) {
  const MapReader map(ref, {"name", "battery", "consumption", "max_ac_power", "max_dc_power"},
                      "a vehicle type mapping");
  VehicleTypeSpec t;
  t.name = names.read(map);
  t.battery_kwh = read_quantity(map.need("battery"), Quantity::energy, Bound::positive);
  t.consumption_kwh_per_km = read_quantity(map.need("consumption"), Quantity::consumption, Bound::positive);
  if (const auto ac = map.get("max_ac_power")) {
    t.max_ac_power_kw = read_quantity(*ac, Quantity::power, Bound::non_negative);
  }
  if (const auto dc = map.get("max_dc_power")) {
    t.max_dc_power_kw = read_quantity(*dc, Quantity::power, Bound::non_negative);
  }
  if (t.max_ac_power_kw == 0.0 && t.max_dc_power_kw == 0.0) {
    ref.fail("max_ac_power or max_dc_power > 0", "neither");
  }
  return t;
}

LocationSpec read_location(const MapReader& map) {
  const bool has_xy = map.has("x") || map.has("y");
  if (map.has("node") && has_xy) {
    map.ref().fail(R"(either key "node" or keys "x" and "y")",
                   fmt::format(R"(both "node" and "{}")", map.has("x") ? "x" : "y"));
  }
  if (const auto node = map.get("node")) return NodeLocation{read_uint32(*node)};
  if (!has_xy) map.ref().fail(R"(key "node" or keys "x" and "y")", "nothing");
  return XyLocation{.x_m = read_quantity(map.need("x"), Quantity::length, Bound::any),
                    .y_m = read_quantity(map.need("y"), Quantity::length, Bound::any)};
}

PlugSpec read_plug(const NodeRef& ref) {
  constexpr std::string_view kKinds[] = {"ac", "dc"};
  const MapReader map(ref, {"count", "power", "kind"}, "a plug mapping {count, power, kind}");
  const auto count = map.get("count");
  return {.count = count ? read_uint32(*count, 1) : 1u,
          .power_kw = read_quantity(map.need("power"), Quantity::power, Bound::positive),
          .kind = read_choice(map.need("kind"), kKinds) == 0 ? PlugKind::ac : PlugKind::dc};
}

StationSpec read_station(const NodeRef& ref, UniqueNames& names) {
  const MapReader map(ref, {"name", "node", "x", "y", "plugs", "public"}, "a station mapping");
  StationSpec s;
  s.name = names.read(map);
  s.location = read_location(map);
  s.mark = ref.mark();
  for (const NodeRef& plug : read_list(map.need("plugs"), "a non-empty list of plugs", true)) {
    s.plugs.push_back(read_plug(plug));
  }
  if (const auto is_public = map.get("public")) s.is_public = read_bool(*is_public);
  return s;
}

std::string read_type_name(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types) {
  std::string name = read_string(ref);
  std::string known;
  for (const VehicleTypeSpec& t : types) {
    if (t.name == name) return name;
    known += known.empty() ? t.name : ", " + t.name;
  }
  ref.fail(fmt::format("one of the vehicle types {}", known), quote(name));
}

void check_charge_thresholds(const MapReader& map, const SegmentSpec& s) {
  if (s.charge_to_soc > s.charge_below_soc) return;
  if (const auto to = map.get("charge_to_soc")) {
    to->fail(fmt::format("a fraction above charge_below_soc ({})", s.charge_below_soc), quote(to->node().Scalar()));
  }
  const NodeRef below = map.need("charge_below_soc");
  below.fail(fmt::format("a fraction below charge_to_soc ({})", s.charge_to_soc), quote(below.node().Scalar()));
}

SegmentSpec read_segment(const NodeRef& ref, UniqueNames& names, const std::vector<VehicleTypeSpec>& types) {
  const MapReader map(ref,
                      {"name", "vehicle_type", "count", "initial_soc", "charge_below_soc", "charge_to_soc", "patience",
                       "depart_to_work", "work_dwell"},
                      "a fleet segment mapping");
  SegmentSpec s;
  s.name = names.read(map);
  s.vehicle_type = read_type_name(map.need("vehicle_type"), types);
  s.count = read_uint32(map.need("count"));
  s.initial_soc = read_distribution(map.need("initial_soc"), kFractionDomain);
  const auto below = map.get("charge_below_soc");
  const auto to = map.get("charge_to_soc");
  const auto patience = map.get("patience");
  s.charge_below_soc = below ? read_fraction(*below) : kDefaultChargeBelowSoc;
  s.charge_to_soc = to ? read_fraction(*to) : kDefaultChargeToSoc;
  check_charge_thresholds(map, s);
  s.patience = patience ? read_duration(*patience, Bound::non_negative) : kDefaultPatience;
  s.depart_to_work = read_distribution(map.need("depart_to_work"), kTimeOfDayDomain);
  s.work_dwell = read_distribution(map.need("work_dwell"), kDurationDomain);
  s.mark = ref.mark();
  return s;
}

}  // namespace

RoadSpec read_road(const NodeRef& ref) {
  constexpr std::string_view kSources[] = {"grid"};
  const MapReader road(ref, {"grid"}, "a road mapping with one of the keys grid");
  exactly_one_key(road, kSources);
  const MapReader grid(road.need("grid"), {"rows", "cols", "spacing", "speed"},
                       "a grid mapping {rows, cols, spacing, speed}");
  return GridRoadSpec{.rows = read_uint32(grid.need("rows"), 2, kMaxGridSide),
                      .cols = read_uint32(grid.need("cols"), 2, kMaxGridSide),
                      .spacing_m = read_quantity(grid.need("spacing"), Quantity::length, Bound::positive),
                      .speed_kmh = read_quantity(grid.need("speed"), Quantity::speed, Bound::positive)};
}

std::vector<VehicleTypeSpec> read_vehicle_types(const NodeRef& ref) {
  UniqueNames names("vehicle type");
  std::vector<VehicleTypeSpec> types;
  for (const NodeRef& item : read_list(ref, "a non-empty list of vehicle types", true)) {
    types.push_back(read_vehicle_type(item, names));
  }
  return types;
}

std::vector<StationSpec> read_stations(const NodeRef& ref) {
  UniqueNames names("station");
  std::vector<StationSpec> stations;
  for (const NodeRef& item : read_list(ref, "a list of stations", false)) stations.push_back(read_station(item, names));
  return stations;
}

std::vector<SegmentSpec> read_fleet(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types) {
  UniqueNames names("fleet segment");
  std::vector<SegmentSpec> fleet;
  for (const NodeRef& item : read_list(ref, "a non-empty list of fleet segments", true)) {
    fleet.push_back(read_segment(item, names, types));
  }
  return fleet;
}

}  // namespace evsim::scenarios
