// A station's `pv` and `storage` mappings and the scenario's `grid_events` (docs/grid-model.md,
// "PV and storage", "Demand response").
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "scenarios/plausibility.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"
#include "scenarios/yaml_reader.hpp"

namespace evsim::scenarios {
namespace {

// Battery capacities of sites: a 1 kWh home unit to a 1 GWh grid battery.
constexpr PlausibleRange kStorageEnergyRange{1.0, 1'000'000.0, "a storage capacity", "kWh"};

std::string format_fraction(double x) { return fmt::format("{:g}", x); }

}  // namespace

PvSpec read_pv(const NodeRef& ref) {
  const MapReader map(ref, {"kwp", "profile", "clear_sky", "export"}, "a pv mapping {kwp, profile or clear_sky, export}");
  PvSpec pv;
  pv.kwp = read_quantity_in(map.need("kwp"), Quantity::power, kSitePowerRange);
  const auto profile = map.get("profile");
  const auto clear_sky = map.get("clear_sky");
  if (profile && clear_sky) ref.fail(R"(either key "profile" or key "clear_sky")", "both");
  if (!profile && !clear_sky) ref.fail(R"(key "profile" or key "clear_sky")", "nothing");
  if (profile) {
    pv.profile_file = read_string(*profile);
    pv.profile_mark = profile->mark();
  } else {
    const MapReader sky(*clear_sky, {"latitude", "day_of_year"}, "a clear_sky mapping {latitude, day_of_year}");
    pv.latitude_deg = read_latitude(sky.need("latitude"));
    pv.day_of_year = read_uint32(sky.need("day_of_year"), 1, 366);
  }
  if (const auto exp = map.get("export")) pv.export_allowed = read_bool(*exp);
  return pv;
}

StorageInputSpec read_storage(const NodeRef& ref) {
  const MapReader map(ref, {"kwh", "kw", "efficiency", "min_soc", "max_soc", "initial_soc", "shave_above", "valley"},
                      "a storage mapping {kwh, kw, efficiency, min_soc, max_soc, initial_soc, shave_above, valley}");
  StorageInputSpec s;
  s.capacity_kwh = read_quantity_in(map.need("kwh"), Quantity::energy, kStorageEnergyRange);
  s.power_kw = read_quantity_in(map.need("kw"), Quantity::power, kSitePowerRange);
  if (const auto eff = map.get("efficiency")) {
    s.round_trip_efficiency = read_fraction(*eff);
    if (s.round_trip_efficiency <= 0.0) eff->fail("a round-trip efficiency above 0 and at most 1", format_fraction(0.0));
  }
  if (const auto v = map.get("min_soc")) s.min_soc = read_fraction(*v);
  if (const auto v = map.get("max_soc")) s.max_soc = read_fraction(*v);
  if (s.max_soc <= s.min_soc) {
    const NodeRef at = map.has("max_soc") ? map.need("max_soc") : map.need("min_soc");
    at.fail("min_soc below max_soc",
            fmt::format("min_soc {} and max_soc {}", format_fraction(s.min_soc), format_fraction(s.max_soc)));
  }
  if (const auto v = map.get("initial_soc")) {
    s.initial_soc = read_fraction(*v);
    if (s.initial_soc < s.min_soc || s.initial_soc > s.max_soc) {
      v->fail(fmt::format("an initial_soc from min_soc {} to max_soc {}", format_fraction(s.min_soc),
                          format_fraction(s.max_soc)),
              format_fraction(s.initial_soc));
    }
  } else {
    s.initial_soc = std::clamp(s.initial_soc, s.min_soc, s.max_soc);
  }
  if (const auto v = map.get("shave_above")) s.shave_above_kw = read_quantity(*v, Quantity::power, Bound::non_negative);
  if (const auto v = map.get("valley")) {
    const MapReader valley(*v, {"from", "to"}, "a valley mapping {from, to} of times of day");
    const sim::Duration from = read_time_of_day(valley.need("from"));
    const sim::Duration to = read_time_of_day(valley.need("to"));
    if (from == to) valley.need("to").fail("a valley end other than its start", "the same time as from");
    s.valley = std::pair(from, to);
  }
  return s;
}

std::vector<GridEventInputSpec> read_grid_events(const NodeRef& ref, const std::vector<StationSpec>& stations,
                                                 const std::vector<std::string>& feeders, sim::Duration horizon) {
  std::vector<GridEventInputSpec> events;
  UniqueNames names("grid event");
  for (const NodeRef& item : read_list(ref, "a list of grid events", false)) {
    const MapReader map(item, {"name", "from", "to", "sites", "feeder", "reduce_by"},
                        "a grid event mapping {name, from, to, sites or feeder, reduce_by}");
    constexpr std::string_view kWho[] = {"sites", "feeder"};
    const std::string who = exactly_one_key(map, kWho);
    GridEventInputSpec e{.name = names.read(map),
                         .from = read_duration(map.need("from"), Bound::non_negative),
                         .to = read_duration(map.need("to"), Bound::non_negative),
                         .sites = {},
                         .reduce_by_kw = read_quantity_in(map.need("reduce_by"), Quantity::power, kSitePowerRange),
                         .mark = item.mark()};
    if (e.to <= e.from) {
      map.need("to").fail(fmt::format("an end after from ({})", sim::format_duration(e.from)), sim::format_duration(e.to));
    }
    if (e.to > horizon) {
      map.need("to").fail(fmt::format("an end within the horizon ({})", sim::format_duration(horizon)),
                          sim::format_duration(e.to));
    }
    if (who == "feeder") {
      const NodeRef node = map.need("feeder");
      e.feeder = read_string(node);
      if (std::find(feeders.begin(), feeders.end(), e.feeder) == feeders.end()) {
        node.fail(feeders.empty() ? std::string("a feeder of grid.feeders (the scenario attaches none)")
                                  : fmt::format("a feeder of grid.feeders ({})", fmt::join(feeders, ", ")),
                  fmt::format(R"("{}")", e.feeder));
      }
      events.push_back(std::move(e));
      continue;
    }
    for (const NodeRef& site : read_list(map.need("sites"), "a non-empty list of station names", true)) {
      const std::string name = read_string(site);
      const StationSpec* found = nullptr;
      for (const StationSpec& st : stations) {
        if (st.name == name) found = &st;
      }
      if (found == nullptr) site.fail("the name of a station with storage", fmt::format(R"("{}", no such station)", name));
      if (!found->storage) site.fail("the name of a station with storage", fmt::format(R"("{}", which has none)", name));
      e.sites.push_back(name);
    }
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace evsim::scenarios
