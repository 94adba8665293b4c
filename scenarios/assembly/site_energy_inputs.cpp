#include "scenarios/assembly/site_energy_inputs.hpp"

#include <fmt/format.h>

#include <string>

#include "scenarios/files/pv_profile_file.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/plans.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::assembly {
namespace {

constexpr std::uint32_t kNone = models::road::kInvalid;

models::grid::SiteEnergySpec site_spec(const Scenario& sc, const StationSpec& spec, std::uint32_t station) {
  models::grid::SiteEnergySpec site;
  site.station = station;
  if (spec.pv) {
    const PvSpec& pv = *spec.pv;
    site.pv_kwp = pv.kwp;
    site.export_allowed = pv.export_allowed;
    site.pv_profile = pv.profile_file.empty()
                          ? models::grid::clear_sky_profile(pv.latitude_deg, static_cast<int>(pv.day_of_year))
                          : files::load_pv_profile(resolve_relative(sc.source_file, pv.profile_file), pv.profile_mark);
  }
  if (spec.storage) {
    const StorageInputSpec& st = *spec.storage;
    site.storage = models::grid::StorageSpec{};
    site.storage->capacity_kwh = st.capacity_kwh;
    site.storage->power_kw = st.power_kw;
    site.storage->round_trip_efficiency = st.round_trip_efficiency;
    site.storage->min_soc = st.min_soc;
    site.storage->max_soc = st.max_soc;
    site.storage->initial_soc = st.initial_soc;
    if (st.shave_above_kw) site.storage->shave_above_kw = *st.shave_above_kw;
    if (st.valley) site.valley = models::grid::ValleyHours{.from = st.valley->first, .to = st.valley->second};
  }
  return site;
}

// The storage sites on `e.feeder`, each asked reduce_by x its battery power / the sum of theirs.
void add_feeder_sites(models::grid::GridEventSpec& ev, const GridEventInputSpec& e, const SiteEnergyInputs& in,
                      const models::grid::GridSetup& grid, std::string_view plan) {
  std::uint32_t feeder = models::grid::kNoFeeder;
  for (std::uint32_t f = 0; f < grid.feeders.size(); ++f) {
    if (grid.feeders[f].name == e.feeder) feeder = f;
  }
  double total_kw = 0.0;
  for (std::uint32_t s = 0; s < in.site_of_station.size() && s < grid.station_bus.size(); ++s) {
    const std::uint32_t site = in.site_of_station[s];
    if (site == kNone || grid.station_bus[s].feeder != feeder || !in.sites[site].storage) continue;
    ev.sites.push_back(site);
    ev.site_reduce_kw.push_back(in.sites[site].storage->power_kw);
    total_kw += in.sites[site].storage->power_kw;
  }
  if (ev.sites.empty()) {
    throw_at(e.mark, fmt::format("a feeder with a station with storage attached to it in plan \"{}\"", plan),
             fmt::format(R"(feeder "{}" without one)", e.feeder));
  }
  for (double& kw : ev.site_reduce_kw) kw = e.reduce_by_kw * kw / total_kw;
}

}  // namespace

SiteEnergyInputs site_energy_inputs(const Scenario& sc, const std::vector<models::charging::Station>& stations,
                                    const models::grid::GridSetup& grid, std::string_view plan) {
  std::vector<const StationSpec*> specs;
  for (const StationSpec& s : sc.stations) specs.push_back(&s);
  if (const PlanSpec* p = find_plan(sc, plan)) {
    for (const StationSpec& s : p->stations) specs.push_back(&s);
  }
  SiteEnergyInputs in;
  in.site_of_station.assign(stations.size(), kNone);
  std::vector<std::string> site_names;
  for (std::uint32_t s = 0; s < stations.size(); ++s) {
    for (const StationSpec* spec : specs) {
      if (spec->name != stations[s].name() || (!spec->pv && !spec->storage)) continue;
      in.site_of_station[s] = static_cast<std::uint32_t>(in.sites.size());
      in.sites.push_back(site_spec(sc, *spec, s));
      site_names.push_back(spec->name);
    }
  }
  for (const GridEventInputSpec& e : sc.grid_events) {
    models::grid::GridEventSpec ev{.name = e.name,
                                   .from = sim::kTimeZero + e.from,
                                   .to = sim::kTimeZero + e.to,
                                   .sites = {},
                                   .reduce_by_kw = e.reduce_by_kw};
    if (!e.feeder.empty()) {
      add_feeder_sites(ev, e, in, grid, plan);
      in.events.push_back(std::move(ev));
      continue;
    }
    for (const std::string& name : e.sites) {
      std::uint32_t site = kNone;
      for (std::uint32_t i = 0; i < site_names.size(); ++i) {
        if (site_names[i] == name) site = i;
      }
      if (site == kNone) {
        throw_at(e.mark, fmt::format("stations of plan \"{}\"", plan), fmt::format(R"("{}", not in the plan)", name));
      }
      ev.sites.push_back(site);
    }
    in.events.push_back(std::move(ev));
  }
  return in;
}

}  // namespace evsim::scenarios::assembly
