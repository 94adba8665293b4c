// The `stations`, `station_files` and `plans` sections, and the location forms they share.
#include "scenarios/sections.hpp"

#include <fmt/format.h>

#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/defaults.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios {
namespace {

// The location forms, each as its two keys ("node" is a form of one key).
constexpr std::pair<std::string_view, std::string_view> kLocationForms[] = {{"node", "node"}, {"x", "y"}, {"lon", "lat"}};

PlugSpec read_plug(const NodeRef& ref) {
  constexpr std::string_view kKinds[] = {"ac", "dc"};
  const MapReader map(ref, {"count", "power", "kind", "connector"}, "a plug mapping {count, power, kind, connector}");
  const auto count = map.get("count");
  PlugSpec p{.count = count ? read_uint32(*count, 1) : 1u,
             .power_kw = read_quantity_in(map.need("power"), Quantity::power, kChargingPowerRange),
             .kind = read_choice(map.need("kind"), kKinds) == 0 ? PlugKind::ac : PlugKind::dc};
  const auto connector = map.get("connector");
  p.connector = connector ? read_connector(*connector)
                          : std::string(default_connector(p.kind));
  return p;
}

SharingPolicySpec read_policy(const NodeRef& ref) {
  constexpr std::string_view kPolicies[] = {"equal", "first_come", "proportional"};
  return static_cast<SharingPolicySpec>(read_choice(ref, kPolicies));
}

CabinetSpec read_cabinet(const NodeRef& ref) {
  const MapReader map(ref, {"power", "plugs", "policy"}, "a cabinet mapping {power, plugs, policy}");
  CabinetSpec c{.power_kw = read_quantity_in(map.need("power"), Quantity::power, kSitePowerRange),
                .plugs = read_uint32(map.need("plugs"), 1)};
  if (const auto policy = map.get("policy")) c.policy = read_policy(*policy);
  return c;
}

// The cabinets feed the station's plugs in order: together at most as many as it has.
std::vector<CabinetSpec> read_cabinets(const NodeRef& ref, const std::vector<PlugSpec>& plugs) {
  std::vector<CabinetSpec> cabinets;
  std::uint64_t station_plugs = 0;
  for (const PlugSpec& p : plugs) station_plugs += p.count;
  std::uint64_t fed = 0;
  for (const NodeRef& item : read_list(ref, "a non-empty list of cabinets", true)) {
    cabinets.push_back(read_cabinet(item));
    fed += cabinets.back().plugs;
    if (fed > station_plugs) {
      item.fail(fmt::format("cabinets feeding at most the station's {} plugs", station_plugs),
                fmt::format("{} plugs up to this cabinet", fed));
    }
  }
  return cabinets;
}

// "24/7", or "HH:MM-HH:MM" (times of day as in scenarios/units.hpp) with open != close.
OpeningHoursSpec read_opening_hours(const NodeRef& ref) {
  constexpr std::string_view kExpected = R"(opening hours "24/7" or "HH:MM-HH:MM")";
  if (!ref.node().IsScalar()) ref.fail(kExpected, describe_found(ref.node()));
  const std::string& text = ref.node().Scalar();
  if (text == "24/7") return OpeningHoursSpec{};
  const std::size_t dash = text.find('-');
  if (dash == std::string::npos) ref.fail(kExpected, quote(text));
  OpeningHoursSpec hours{.always_open = false};
  try {
    hours.open = parse_time_of_day(std::string_view(text).substr(0, dash));
    hours.close = parse_time_of_day(std::string_view(text).substr(dash + 1));
  } catch (const UnitError&) {
    ref.fail(kExpected, quote(text));
  }
  if (hours.open == std::chrono::hours(24)) ref.fail("an opening time before 24:00 (00:00 is the same time)", quote(text));
  if (hours.open == hours.close) {
    ref.fail(R"(opening hours with different opening and closing times ("24/7" for always open))", quote(text));
  }
  return hours;
}

StationSpec read_station(const NodeRef& ref, UniqueNames& names) {
  const MapReader map(ref,
                      {"name", "node", "x", "y", "lon", "lat", "crs", "plugs", "public", "price", "hours", "power_limit",
                       "power_policy", "cabinets", "tariff", "operator", "smart_charging", "bus", "pv", "storage"},
                      "a station mapping");
  StationSpec s;
  s.name = names.read(map);
  s.location = read_location(map);
  s.source_crs = read_location_crs(map);
  s.mark = ref.mark();
  for (const NodeRef& plug : read_list(map.need("plugs"), "a non-empty list of plugs", true)) {
    s.plugs.push_back(read_plug(plug));
  }
  if (const auto is_public = map.get("public")) s.is_public = read_bool(*is_public);
  if (const auto price = map.get("price")) s.price_per_kwh = read_quantity(*price, Quantity::energy_price, Bound::non_negative);
  if (const auto hours = map.get("hours")) s.hours = read_opening_hours(*hours);
  if (const auto limit = map.get("power_limit")) s.power_limit_kw = read_quantity_in(*limit, Quantity::power, kSitePowerRange);
  if (const auto policy = map.get("power_policy")) s.power_policy = read_policy(*policy);
  if (const auto cabinets = map.get("cabinets")) s.cabinets = read_cabinets(*cabinets, s.plugs);
  s.tariff = read_tariff_ref(map.get("tariff"));
  if (const auto op = map.get("operator")) s.operator_name = read_string(*op);
  if (const auto smart = map.get("smart_charging")) s.smart_charging = read_smart_charging(*smart);
  if (const auto bus = map.get("bus")) {
    const std::string text = read_string(*bus);
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
      bus->fail(R"(a feeder bus as "feeder:bus")", quote(text));
    }
    s.bus = text;
    s.bus_mark = bus->mark();
  }
  if (const auto pv = map.get("pv")) s.pv = read_pv(*pv);
  if (const auto storage = map.get("storage")) s.storage = read_storage(*storage);
  return s;
}

std::vector<StationSpec> read_station_list(const NodeRef& ref, UniqueNames& names) {
  std::vector<StationSpec> stations;
  for (const NodeRef& item : read_list(ref, "a list of stations", false)) stations.push_back(read_station(item, names));
  return stations;
}

// The keys of a station file's `columns` mapping and the column names they set.
struct ColumnKey {
  std::string_view key;
  std::string StationFileSpec::*column;
};
constexpr ColumnKey kColumnKeys[] = {
    {"name", &StationFileSpec::name_column},         {"lon", &StationFileSpec::lon_column},
    {"lat", &StationFileSpec::lat_column},           {"x", &StationFileSpec::x_column},
    {"y", &StationFileSpec::y_column},               {"node", &StationFileSpec::node_column},
    {"dc_plugs", &StationFileSpec::dc_plugs_column}, {"ac_plugs", &StationFileSpec::ac_plugs_column},
    {"dc_power", &StationFileSpec::dc_power_column}, {"ac_power", &StationFileSpec::ac_power_column},
    {"price", &StationFileSpec::price_column},
};

// Renames columns of `f`; no two keys may end up reading the same column (renamed or by default).
void read_columns(const NodeRef& ref, StationFileSpec& f) {
  const MapReader map(ref,
                      {"name", "lon", "lat", "x", "y", "node", "dc_plugs", "ac_plugs", "dc_power", "ac_power", "price"},
                      "a mapping of column names");
  for (const ColumnKey& c : kColumnKeys) {
    if (const auto name = map.get(c.key)) f.*c.column = read_string(*name);
  }
  // A clash between two renamed keys is reported at the later one in kColumnKeys.
  for (std::size_t i = 0; i < std::size(kColumnKeys); ++i) {
    const std::optional<NodeRef> renamed = map.get(kColumnKeys[i].key);
    if (!renamed) continue;
    for (std::size_t j = 0; j < std::size(kColumnKeys); ++j) {
      const bool other_renamed = map.has(kColumnKeys[j].key);
      if (j == i || f.*kColumnKeys[j].column != f.*kColumnKeys[i].column || (other_renamed && j > i)) continue;
      renamed->fail("a column name that no other key reads",
                    fmt::format("{}, also read for {}{}", quote(f.*kColumnKeys[i].column), kColumnKeys[j].key,
                                other_renamed ? "" : " (by default)"));
    }
  }
}

StationFileSpec read_station_file(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"file", "columns", "dc_power", "ac_power", "price", "public", "crs", "keep_within"},
                      "a station file mapping");
  StationFileSpec f;
  const NodeRef file = map.need("file");
  f.file = read_existing_file(file, scenario_file);
  f.mark = file.mark();
  if (const auto columns = map.get("columns")) read_columns(*columns, f);
  if (const auto dc = map.get("dc_power")) f.dc_power_kw = read_quantity_in(*dc, Quantity::power, kChargingPowerRange);
  if (const auto ac = map.get("ac_power")) f.ac_power_kw = read_quantity_in(*ac, Quantity::power, kChargingPowerRange);
  if (const auto price = map.get("price")) {
    f.price_per_kwh = read_quantity(*price, Quantity::energy_price, Bound::non_negative);
  }
  if (const auto is_public = map.get("public")) f.is_public = read_bool(*is_public);
  if (const auto crs = map.get("crs")) f.crs = read_crs(*crs);
  if (const auto keep = map.get("keep_within")) f.keep_within_m = read_quantity(*keep, Quantity::length, Bound::positive);
  return f;
}

PlanSpec read_plan(const NodeRef& ref, UniqueNames& plan_names, const std::filesystem::path& scenario_file,
                   const std::vector<StationSpec>& base) {
  const MapReader map(ref, {"name", "stations", "station_files"}, "a plan mapping");
  PlanSpec p;
  p.name = plan_names.read(map);
  if (p.name == kBasePlanName) {
    map.need("name").fail(fmt::format(R"(a plan name other than "{}" (the scenario's own stations))", kBasePlanName),
                          quote(p.name));
  }
  if (!map.has("stations") && !map.has("station_files")) ref.fail(R"(key "stations" or "station_files")", "nothing");
  UniqueNames station_names("station");
  for (const StationSpec& s : base) station_names.add(s.name, s.mark.key_path);
  if (const auto stations = map.get("stations")) p.stations = read_station_list(*stations, station_names);
  if (const auto files = map.get("station_files")) p.station_files = read_station_files(*files, scenario_file);
  p.mark = ref.mark();
  return p;
}

}  // namespace

LocationSpec read_location(const MapReader& map) {
  constexpr std::string_view kForms = R"(key "node", keys "x" and "y" or keys "lon" and "lat")";
  std::vector<std::string_view> given;  // the first key present of each form
  for (const auto& [first, second] : kLocationForms) {
    if (map.has(first)) {
      given.push_back(first);
    } else if (map.has(second)) {
      given.push_back(second);
    }
  }
  if (given.empty()) map.ref().fail(kForms, "nothing");
  if (given.size() > 1) {
    const std::string found = given.size() == 2 ? fmt::format(R"(both "{}" and "{}")", given[0], given[1])
                                                : fmt::format(R"("{}", "{}" and "{}")", given[0], given[1], given[2]);
    map.ref().fail(fmt::format("either {}", kForms), found);
  }
  const std::optional<Datum> crs = read_location_crs(map);  // checked for every form
  if (const auto node = map.get("node")) return NodeLocation{.id = read_int64(*node)};
  if (given.front() == "x" || given.front() == "y") {
    return XyLocation{.x_m = read_quantity(map.need("x"), Quantity::length, Bound::any),
                      .y_m = read_quantity(map.need("y"), Quantity::length, Bound::any)};
  }
  const NodeRef lon = map.need("lon");
  const auto [wgs_lon, wgs_lat] =
      to_wgs84_at(lon, read_longitude(lon), read_latitude(map.need("lat")), crs.value_or(Datum::wgs84));
  return LonLatLocation{.lon = wgs_lon, .lat = wgs_lat};
}

std::optional<Datum> read_location_crs(const MapReader& map) {
  const std::optional<NodeRef> crs = map.get("crs");
  const bool lon_lat = map.has("lon") || map.has("lat");
  if (crs && !lon_lat) {
    crs->fail(R"(key "crs" only beside "lon" and "lat" (a node or x and y have no datum))",
              map.has("node") ? R"(key "crs" beside "node")" : R"(key "crs" beside "x" and "y")");
  }
  if (!lon_lat) return std::nullopt;
  return crs ? read_crs(*crs) : Datum::wgs84;
}

std::vector<StationSpec> read_stations(const NodeRef& ref) {
  UniqueNames names("station");
  return read_station_list(ref, names);
}

std::vector<StationFileSpec> read_station_files(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  std::vector<StationFileSpec> files;
  for (const NodeRef& item : read_list(ref, "a list of station files", false)) {
    files.push_back(read_station_file(item, scenario_file));
  }
  return files;
}

std::vector<PlanSpec> read_plans(const NodeRef& ref, const std::filesystem::path& scenario_file,
                                 const std::vector<StationSpec>& stations) {
  UniqueNames names("plan");
  std::vector<PlanSpec> plans;
  for (const NodeRef& item : read_list(ref, "a list of plans", false)) {
    plans.push_back(read_plan(item, names, scenario_file, stations));
  }
  return plans;
}

}  // namespace evsim::scenarios
