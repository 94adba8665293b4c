// The `fleet` section: segments of similar vehicles, each of one kind (private cars, ride-hailing,
// logistics vans, recorded trips) that decides which demand keys it takes.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "scenarios/distribution_reader.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {
namespace {

constexpr sim::Duration kDefaultPatience = std::chrono::minutes(30);
constexpr double kDefaultWalkM = 500.0;

enum SegmentKind : std::size_t { kPrivate, kRideHailing, kLogistics, kTripFile };
constexpr std::string_view kKindNames[] = {"private", "ride_hailing", "logistics", "trip_file"};

// Keys of every kind, then the keys of each kind (indexed by SegmentKind).
constexpr std::string_view kCommonKeys[] = {
    "name",        "kind",     "vehicle_type",      "count",   "initial_soc",   "charge_below_soc", "charge_to_soc",
    "reserve_soc", "patience", "max_station_tries", "dc_only", "value_of_time", "opportunistic",
    "tariff",      "smart_charging"};
constexpr std::string_view kPrivateKeys[] = {"depart_to_work",     "work_dwell",        "errand_probability",
                                             "errand_dwell",       "home_charger_share", "home_charger_power"};
constexpr std::string_view kRideHailingKeys[] = {"shift_start", "shift_length", "idle_between_trips",
                                                 "home_charger_share", "home_charger_power"};
constexpr std::string_view kLogisticsKeys[] = {"depot", "depot_power", "depart", "stops", "stop_dwell"};
constexpr std::string_view kTripFileKeys[] = {"file", "crs"};
constexpr std::span<const std::string_view> kKindKeys[] = {kPrivateKeys, kRideHailingKeys, kLogisticsKeys,
                                                           kTripFileKeys};

bool contains(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Reports a key of another kind of segment as such, rather than as an unknown key.
MapReader::UnknownKeyCheck other_kind_key_check(SegmentKind kind) {
  return [kind](const NodeRef& key, const std::string& name) {
    std::vector<std::string_view> owners;
    for (std::size_t k = 0; k < std::size(kKindNames); ++k) {
      if (k != kind && contains(kKindKeys[k], name)) owners.push_back(kKindNames[k]);
    }
    if (owners.empty()) return;
    key.fail(fmt::format("a key of a {} segment ({})", kKindNames[kind], join_names(kKindKeys[kind])),
             fmt::format("{} (a key of {} segments)", quote(name), fmt::join(owners, " and ")));
  };
}

const VehicleTypeSpec& read_type(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types) {
  const std::string name = read_string(ref);
  std::string known;
  for (const VehicleTypeSpec& t : types) {
    if (t.name == name) return t;
    known += known.empty() ? t.name : ", " + t.name;
  }
  ref.fail(fmt::format("one of the vehicle types {}", known), quote(name));
}

OpportunisticSpec read_opportunistic(const NodeRef& ref) {
  const MapReader map(ref, {"min_stay", "below_soc", "walk"}, "an opportunistic mapping {min_stay, below_soc, walk}");
  OpportunisticSpec o{.min_stay = read_duration(map.need("min_stay"), Bound::positive),
                      .below_soc = read_fraction(map.need("below_soc")),
                      .walk_m = kDefaultWalkM};
  if (const auto walk = map.get("walk")) o.walk_m = read_quantity(*walk, Quantity::length, Bound::positive);
  return o;
}

// home_charger_share and home_charger_power, of private and ride-hailing segments.
template <typename Demand>
void read_home_charger(const MapReader& map, Demand& d) {
  if (const auto share = map.get("home_charger_share")) d.home_charger_share = read_fraction(*share);
  if (const auto power = map.get("home_charger_power")) {
    d.home_charger_power_kw = read_quantity_in(*power, Quantity::power, kChargingPowerRange);
  }
}

PrivateCarDemand read_private(const MapReader& map) {
  PrivateCarDemand d{.depart_to_work = read_distribution(map.need("depart_to_work"), kTimeOfDayDomain),
                     .work_dwell = read_distribution(map.need("work_dwell"), kDurationDomain)};
  if (const auto p = map.get("errand_probability")) d.errand_probability = read_fraction(*p);
  if (const auto dwell = map.get("errand_dwell")) d.errand_dwell = read_distribution(*dwell, kDurationDomain);
  read_home_charger(map, d);
  return d;
}

RideHailingDemand read_ride_hailing(const MapReader& map) {
  RideHailingDemand d{.shift_start = read_distribution(map.need("shift_start"), kTimeOfDayDomain),
                      .shift_length = read_distribution(map.need("shift_length"), kDurationDomain),
                      .idle_between_trips = read_distribution(map.need("idle_between_trips"), kDurationDomain)};
  read_home_charger(map, d);
  return d;
}

LogisticsDemand read_logistics(const MapReader& map) {
  LogisticsDemand d;
  const NodeRef depot = map.need("depot");
  d.depot = read_location(
      MapReader(depot, {"node", "x", "y", "lon", "lat", "crs"}, "a depot mapping with node, x and y, or lon and lat"));
  d.depot_mark = depot.mark();
  if (const auto power = map.get("depot_power")) {
    d.depot_power_kw = read_quantity_in(*power, Quantity::power, kChargingPowerRange);
  }
  if (const auto depart = map.get("depart")) d.depart = read_distribution(*depart, kTimeOfDayDomain);
  if (const auto stops = map.get("stops")) d.stops = read_uint32(*stops, 1);
  if (const auto dwell = map.get("stop_dwell")) d.stop_dwell = read_distribution(*dwell, kDurationDomain);
  return d;
}

TripFileDemand read_trip_file(const MapReader& map, const std::filesystem::path& scenario_file) {
  const NodeRef file = map.need("file");
  const auto crs = map.get("crs");
  return TripFileDemand{.file = read_existing_file(file, scenario_file),
                        .crs = crs ? read_crs(*crs) : Datum::wgs84,
                        .mark = file.mark()};
}

DemandSpec read_demand(const MapReader& map, SegmentKind kind, const std::filesystem::path& scenario_file) {
  if (kind == kPrivate) return read_private(map);
  if (kind == kRideHailing) return read_ride_hailing(map);
  if (kind == kLogistics) return read_logistics(map);
  return read_trip_file(map, scenario_file);
}

// charge_below_soc and charge_to_soc default to the vehicle type's; the pair in effect must have
// below < to. A reserve_soc that is written must lie below the charge_below_soc in effect.
void read_thresholds(const MapReader& map, const VehicleTypeSpec& type, SegmentSpec& s) {
  const auto below = map.get("charge_below_soc");
  const auto to = map.get("charge_to_soc");
  s.charge_below_soc = below ? read_fraction(*below) : type.charge_below_soc;
  s.charge_to_soc = to ? read_fraction(*to) : type.charge_to_soc;
  check_charge_thresholds(map, s.charge_below_soc, s.charge_to_soc);
  if (const auto reserve = map.get("reserve_soc")) {
    s.reserve_soc = read_fraction(*reserve);
    if (!(s.reserve_soc < s.charge_below_soc)) {
      reserve->fail(fmt::format("a fraction below charge_below_soc ({})", s.charge_below_soc),
                    quote(reserve->node().Scalar()));
    }
  }
}

SegmentSpec read_segment(const NodeRef& ref, UniqueNames& names, const std::vector<VehicleTypeSpec>& types,
                         const std::filesystem::path& scenario_file) {
  const std::optional<NodeRef> kind_ref = peek_key(ref, "kind");
  const auto kind = static_cast<SegmentKind>(kind_ref ? read_choice(*kind_ref, kKindNames) : kPrivate);
  std::vector<std::string_view> allowed(std::begin(kCommonKeys), std::end(kCommonKeys));
  allowed.insert(allowed.end(), kKindKeys[kind].begin(), kKindKeys[kind].end());
  const MapReader map(ref, allowed, "a fleet segment mapping", other_kind_key_check(kind));
  SegmentSpec s;
  s.name = names.read(map);
  s.mark = ref.mark();
  const VehicleTypeSpec& type = read_type(map.need("vehicle_type"), types);
  s.vehicle_type = type.name;
  if (kind != kTripFile) {
    s.count = read_uint32(map.need("count"));
  } else if (const auto count = map.get("count")) {
    count->fail("no count in a trip_file segment (its vehicles are the ones its file names)",
                describe_found(count->node()));
  }
  if (const auto soc = map.get("initial_soc")) s.initial_soc = read_distribution(*soc, kFractionDomain);
  read_thresholds(map, type, s);
  const auto patience = map.get("patience");
  s.patience = patience ? read_duration(*patience, Bound::non_negative) : kDefaultPatience;
  if (const auto tries = map.get("max_station_tries")) s.max_station_tries = read_uint32(*tries, 1);
  const auto dc_only = map.get("dc_only");
  s.dc_only = dc_only ? read_bool(*dc_only) : kind == kRideHailing;
  if (const auto value = map.get("value_of_time")) {
    s.value_of_time_per_h = read_quantity(*value, Quantity::value_of_time, Bound::positive);
  }
  if (const auto opportunistic = map.get("opportunistic")) s.opportunistic = read_opportunistic(*opportunistic);
  s.tariff = read_tariff_ref(map.get("tariff"));
  if (const auto smart = map.get("smart_charging")) s.smart_charging = read_smart_charging(*smart);
  s.demand = read_demand(map, kind, scenario_file);
  return s;
}

}  // namespace

std::vector<SegmentSpec> read_fleet(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types,
                                    const std::filesystem::path& scenario_file) {
  UniqueNames names("fleet segment");
  std::vector<SegmentSpec> fleet;
  for (const NodeRef& item : read_list(ref, "a non-empty list of fleet segments", true)) {
    fleet.push_back(read_segment(item, names, types, scenario_file));
  }
  return fleet;
}

}  // namespace evsim::scenarios
