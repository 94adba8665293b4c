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

}  // namespace

SiteEnergyInputs site_energy_inputs(const Scenario& sc, const std::vector<models::charging::Station>& stations,
                                    std::string_view plan) {
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
