// The `fleet` section: segments of similar vehicles and the demand each of them drives.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "scenarios/distribution_reader.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {
namespace {

constexpr double kDefaultChargeBelowSoc = 0.3;
constexpr double kDefaultChargeToSoc = 0.8;
constexpr sim::Duration kDefaultPatience = std::chrono::minutes(30);

std::string read_type_name(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types) {
  std::string name = read_string(ref);
  std::string known;
  for (const VehicleTypeSpec& t : types) {
    if (t.name == name) return name;
    known += known.empty() ? t.name : ", " + t.name;
  }
  ref.fail(fmt::format("one of the vehicle types {}", known), quote(name));
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
  check_charge_thresholds(map, s.charge_below_soc, s.charge_to_soc);
  s.patience = patience ? read_duration(*patience, Bound::non_negative) : kDefaultPatience;
  PrivateCarDemand demand;
  demand.depart_to_work = read_distribution(map.need("depart_to_work"), kTimeOfDayDomain);
  demand.work_dwell = read_distribution(map.need("work_dwell"), kDurationDomain);
  s.demand = demand;
  s.mark = ref.mark();
  return s;
}

}  // namespace

std::vector<SegmentSpec> read_fleet(const NodeRef& ref, const std::vector<VehicleTypeSpec>& types) {
  UniqueNames names("fleet segment");
  std::vector<SegmentSpec> fleet;
  for (const NodeRef& item : read_list(ref, "a non-empty list of fleet segments", true)) {
    fleet.push_back(read_segment(item, names, types));
  }
  return fleet;
}

}  // namespace evsim::scenarios
