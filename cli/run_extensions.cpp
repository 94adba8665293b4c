#include <utility>

#include "cli/run_extension.hpp"
#include "cli/session_replay_run.hpp"
#include "models/grid/site_energy_link.hpp"
#include "output/cost_tables.hpp"
#include "output/feeder_tables.hpp"
#include "output/json.hpp"
#include "output/site_energy_tables.hpp"
#include "scenarios/assembly/charging_costs.hpp"

namespace evsim::cli {
namespace {

// PV and storage at the sites, and their answer to grid events.
class SiteEnergyRun final : public RunExtension {
 public:
  SiteEnergyRun(sim::Simulator& simulator, models::city::CityModel& model, scenarios::assembly::SiteEnergyInputs& in)
      : energy_(simulator, std::move(in.sites), std::move(in.events)), site_of_station_(in.site_of_station) {
    models::grid::link_site_energy(model.sessions(), energy_, site_of_station_);
  }
  const models::grid::SiteEnergy& energy() const { return energy_; }
  models::grid::SiteEnergy& energy() { return energy_; }  // demand response links smart charging to it
  const std::vector<std::uint32_t>& site_of_station() const { return site_of_station_; }

  void start() override { energy_.start(); }
  void finish() override { energy_.finish(); }
  void write(output::ResultFile& file) const override {
    file.write_table("/grid/sites_energy", output::sites_energy_table(energy_));
    file.write_table("/grid/site_energy_power", output::site_energy_power_table(energy_));
    file.write_table("/grid/events", output::grid_events_table(energy_));
  }
  std::string json(std::string json) const override {
    json = output::add_json_member(json, "site_energy", output::site_energy_json(energy_));
    return output::add_json_member(json, "grid_events", output::grid_events_json(energy_));
  }
  std::string text() const override { return output::site_energy_text(energy_); }

 private:
  models::grid::SiteEnergy energy_;
  std::vector<std::uint32_t> site_of_station_;
};

// Feeders: a power flow per feeder at every sample; a site's PV and battery at its station's bus.
class FeederRun final : public RunExtension {
 public:
  FeederRun(sim::Simulator& simulator, models::city::CityModel& model, const scenarios::assembly::AttachedGrid& grid,
            const scenarios::assembly::CityInputs& city, const SiteEnergyRun* sites)
      : grid_(grid),
        monitor_(simulator, grid.setup, model.sessions(), city.world.settings.sample_interval, city.world.settings.horizon) {
    if (sites == nullptr) return;
    const auto& site_of = sites->site_of_station();
    for (std::size_t s = 0; s < site_of.size() && s < grid.setup.station_bus.size(); ++s) {
      const models::grid::StationBus at = grid.setup.station_bus[s];
      if (site_of[s] == models::road::kInvalid || at.feeder == models::grid::kNoFeeder) continue;
      const models::grid::SiteEnergy& energy = sites->energy();
      monitor_.add_bus_power(at, [&energy, site = site_of[s]] { return energy.pv_storage_kw(site); });
    }
  }
  void start() override { monitor_.start(); }
  void finish() override { monitor_.finish(); }
  void write(output::ResultFile& file) const override {
    file.write_table("/grid/feeders", output::feeder_samples_table(monitor_));
    file.write_table("/grid/violations", output::grid_violations_table(monitor_));
    file.write_table("/grid/station_buses", output::station_buses_table(monitor_.setup(), grid_.attach_distance_m));
  }
  std::string json(std::string json) const override {
    return output::add_json_member(json, "grid", output::headlines_json(output::feeder_headlines(monitor_)));
  }
  std::string text() const override { return output::headlines_text(output::feeder_headlines(monitor_)); }

 private:
  const scenarios::assembly::AttachedGrid& grid_;
  models::grid::FeederMonitor monitor_;
};

// Tariffs and smart charging: the cost of every session, the load by place, the smart plans.
class CostsRun final : public RunExtension {
 public:
  CostsRun(sim::Simulator& simulator, models::city::CityModel& model, models::city::ChargingCostSetup setup,
           const scenarios::Scenario& sc, const scenarios::assembly::CityInputs& city)
      : sc_(sc), stations_(model.stations().size()), costs_(simulator, model, std::move(setup)) {
    meter_log_.connect(costs_.meter());
    const sim::Duration interval = city.world.settings.sample_interval;
    if (interval.count() > 0) costs_.sample_load(interval, city.world.settings.horizon);
  }
  models::city::ChargingCosts& costs() { return costs_; }
  // The costs go into the run summary, so they are printed and written with it.
  void summarize(output::RunSummary& summary) const override { summary.costs = output::cost_headline(costs_); }
  void write(output::ResultFile& file) const override {
    output::write_cost_tables(file, sc_, costs_, meter_log_, stations_);
  }

 private:
  const scenarios::Scenario& sc_;
  std::size_t stations_;
  models::city::ChargingCosts costs_;
  output::MeterLog meter_log_;
};

// Measured sessions replayed on the stations.
class ReplayPart final : public RunExtension {
 public:
  ReplayPart(sim::Simulator& simulator, models::city::CityModel& model, const scenarios::files::SessionFileContents& in)
      : replay_(simulator, model, in) {}
  void start() override { replay_.start(); }
  void close_sessions() override { replay_.finish(); }
  void write(output::ResultFile& file) const override { replay_.write(file); }
  std::string json(std::string json) const override {
    return output::add_json_member(json, "replay", output::to_json(replay_.summary()));
  }
  std::string text() const override { return output::to_text(replay_.summary()); }

 private:
  ReplayRun replay_;
};

}  // namespace

ExtensionInputs prepare_extensions(const scenarios::Scenario& sc, const scenarios::assembly::CityInputs& city,
                                   std::string_view plan) {
  ExtensionInputs in;
  in.grid = scenarios::assembly::attach_feeders(sc, city, plan);
  in.replay = read_replay_input(sc, city);
  in.sites = scenarios::assembly::site_energy_inputs(sc, city.world.stations, in.grid.setup, plan);
  if (scenarios::uses_tariffs(sc)) in.costs = scenarios::assembly::build_charging_costs(sc, city, plan);
  return in;
}

std::vector<std::unique_ptr<RunExtension>> attach_extensions(sim::Simulator& simulator, models::city::CityModel& model,
                                                             ExtensionInputs& inputs, const scenarios::Scenario& sc,
                                                             const scenarios::assembly::CityInputs& city) {
  std::vector<std::unique_ptr<RunExtension>> parts;
  SiteEnergyRun* sites = nullptr;
  if (!inputs.sites.empty()) {
    auto part = std::make_unique<SiteEnergyRun>(simulator, model, inputs.sites);
    sites = part.get();
    parts.push_back(std::move(part));
  }
  if (!inputs.grid.setup.empty()) parts.push_back(std::make_unique<FeederRun>(simulator, model, inputs.grid, city, sites));
  if (inputs.costs) {
    auto part = std::make_unique<CostsRun>(simulator, model, std::move(*inputs.costs), sc, city);
    // Demand response: grid events curtail the smart sessions at the sites (docs/grid-model.md section 13).
    if (sites != nullptr) models::grid::link_curtailment(simulator, sites->energy(), part->costs().smart());
    parts.push_back(std::move(part));
  }
  if (inputs.replay) parts.push_back(std::make_unique<ReplayPart>(simulator, model, *inputs.replay));
  return parts;
}

}  // namespace evsim::cli
