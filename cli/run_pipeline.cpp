#include "cli/run_pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <limits>
#include <optional>
#include <ostream>

#include "cli/interrupt.hpp"
#include "cli/option_values.hpp"
#include "cli/output_path.hpp"
#include "scenarios/assembly/attach_feeders.hpp"
#include "scenarios/assembly/build_city.hpp"
#include "scenarios/assembly/charging_costs.hpp"
#include "models/city/charging_costs.hpp"
#include "output/cost_tables.hpp"
#include "scenarios/assembly/site_energy_inputs.hpp"
#include "models/grid/site_energy_link.hpp"
#include "output/site_energy_tables.hpp"
#include "models/city/city_model.hpp"
#include "scenarios/assembly/run_size.hpp"
#include "cli/run_reports.hpp"
#include "output/feeder_tables.hpp"
#include "cli/session_replay_run.hpp"
#include "output/input_report.hpp"
#include "output/json.hpp"
#include "output/result_file.hpp"
#include "output/run_recorder.hpp"
#include "output/summary.hpp"
#include "scenarios/input_files.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "sim/simulator.hpp"

#ifndef EVSIM_VERSION
#error "EVSIM_VERSION must be defined by the build"
#endif

namespace evsim::cli {
namespace {

void write_results(output::ResultFile& file, const output::RunMeta& meta, const scenarios::assembly::CityInputs& city,
                   const models::city::CityModel& model, const output::RunRecorder& recorder,
                   const output::RunSummary& summary, sim::Time end, const models::grid::FeederMonitor* grid,
                   const std::vector<double>& attach_distance_m,
                   const models::grid::SiteEnergy* site_energy) {
  file.write_meta(meta);
  file.write_table("/trips", output::trips_table(recorder, city.world.schedule));
  file.write_table("/needs", output::needs_table(recorder, model));
  file.write_table("/sessions", output::sessions_table(recorder));
  file.write_table("/stations", output::stations_table(city, model, end));
  file.write_table("/stations/samples", output::station_samples_table(recorder));
  file.write_table("/vehicles", output::vehicles_table(city, model, recorder));
  file.write_table("/segments", output::segments_table(summary));
  if (output::has_shared_sites(model)) {
    file.write_table("/grid/sites", output::sites_table(model));
    file.write_table("/grid/cabinets", output::cabinets_table(model));
    file.write_table("/grid/session_power", output::site_power_table(recorder));
  }
  if (grid != nullptr) {
    file.write_table("/grid/feeders", output::feeder_samples_table(*grid));
    file.write_table("/grid/violations", output::grid_violations_table(*grid));
    file.write_table("/grid/station_buses", output::station_buses_table(grid->setup(), attach_distance_m));
  }
  if (site_energy != nullptr) {
    file.write_table("/grid/sites_energy", output::sites_energy_table(*site_energy));
    file.write_table("/grid/site_energy_power", output::site_energy_power_table(*site_energy));
    file.write_table("/grid/events", output::grid_events_table(*site_energy));
  }
  output::write_kpi(file, summary);
  output::write_input_report(file, input_report(city));
  output::write_road_nodes(file, city.world.roads, city.source_ids);
}

// Runs the simulation to the horizon or until a signal. With the test hook's "simulate@<time>", the
// signals are raised once the clock reached that time (run_until(t) then run_until(horizon) runs
// exactly the events of run_until(horizon)).
void simulate(sim::Simulator& simulator, sim::Time horizon) {
  if (const auto at = test_raise_time()) {
    simulator.run_until(std::min(sim::kTimeZero + *at, horizon));
    raise_test_signals();
  }
  simulator.run_until(horizon);
}

// What the user reads after a signal: agrees with the file's /meta status.
void report_signal(std::ostream& err, const std::filesystem::path& out_path, output::RunStatus status,
                   sim::Time reached) {
  const int sig = interrupt_signal();
  if (status == output::RunStatus::complete) {
    err << fmt::format("evsim: {} arrived after the results were complete; {} holds the whole run (status complete)\n",
                       signal_name(sig), out_path.string());
    return;
  }
  err << fmt::format("evsim: interrupted by {} while {} at t={}; results up to that time are in {} (status interrupted)\n",
                     signal_name(sig), describe(interrupt_phase()), sim::format_time(reached), out_path.string());
}

}  // namespace

std::filesystem::path default_result_path(const std::filesystem::path& scenario, std::string_view plan) {
  if (plan == scenarios::kBasePlanName) return scenario.stem().string() + ".h5";
  return fmt::format("{}-{}.h5", scenario.stem().string(), plan);
}



int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err) {
  scenarios::Scenario sc;
  scenarios::assembly::CityInputs city;
  scenarios::assembly::AttachedGrid grid;
  std::optional<scenarios::files::SessionFileContents> replay_input;
  scenarios::assembly::SiteEnergyInputs site_inputs;
  std::filesystem::path out_path = options.output.empty() ? default_result_path(options.scenario, options.plan)
                                                          : options.output;
  try {
    enter_phase(Phase::load);
    sc = scenarios::load_scenario_file(options.scenario);
    if (options.seed) {
      sc.run.seed = parse_count_option("--seed", *options.seed, 0, std::numeric_limits<std::uint64_t>::max());
    }
    const std::vector<scenarios::InputFile> inputs = scenarios::input_files(sc);
    check_output_path(out_path, "-o", options.force, inputs);
    const scenarios::assembly::RunSizeEstimate size = scenarios::assembly::estimate_run_size(sc);
    const bool limit_given = !options.max_memory.empty();
    const double limit = limit_given ? parse_memory_option("--max-memory", options.max_memory) : default_memory_limit_bytes();
    const std::string refusal = memory_refusal(options.scenario.string(), size, limit, limit_given);
    if (!refusal.empty()) {
      err << "error: " << refusal << "\n";
      return kExitBadInput;
    }
    enter_phase(Phase::build);
    city = scenarios::assembly::build_city(sc, sim::RandomStreams(sc.run.seed, 0), options.plan);
    grid = scenarios::assembly::attach_feeders(sc, city, options.plan);
    replay_input = read_replay_input(sc, city);
    site_inputs = scenarios::assembly::site_energy_inputs(sc, city.world.stations, options.plan);
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    err << "internal error while preparing the run: " << e.what() << "\n";
    return kExitFailure;
  }

  output::RunMeta meta{.scenario_text = sc.source_text,
                       .scenario_file = options.scenario.string(),
                       .evsim_version = EVSIM_VERSION,
                       .seed = sc.run.seed,
                       .replication = 0,
                       .start_wall_clock = output::utc_now_iso8601(),
                       .command_line = options.command_line};
  std::optional<output::ResultFile> file;
  try {
    register_partial_file(partial_path_of(out_path));
    file.emplace(output::ResultFile::create(out_path));
  } catch (const output::OutputError& e) {
    clear_partial_file();
    err << "error: " << e.what() << "\n";
    return kExitFailure;
  }

  const auto wall_start = std::chrono::steady_clock::now();
  sim::Simulator simulator(sc.run.event_list);
  simulator.set_stop_flag(&stop_flag());
  output::RunRecorder recorder;
  models::city::CityModel model(simulator, city.world, recorder);
  output::record_site_power(recorder, model);
  std::optional<models::grid::FeederMonitor> monitor;
  if (!grid.setup.empty()) {
    monitor.emplace(simulator, grid.setup, model.sessions(), city.world.settings.sample_interval,
                    city.world.settings.horizon);
  }
  std::optional<ReplayRun> replay;
  if (replay_input) replay.emplace(simulator, model, *replay_input);
  // PV, storage and demand response: a site-level subscriber of the session powers (none configured:
  // nothing is scheduled and the run is unchanged).
  std::optional<models::grid::SiteEnergy> site_energy;
  if (!site_inputs.empty()) {
    site_energy.emplace(simulator, std::move(site_inputs.sites), std::move(site_inputs.events));
    models::grid::link_site_energy(model.sessions(), *site_energy, std::move(site_inputs.site_of_station));
  }
  const sim::Time horizon = city.world.settings.horizon;
  // Tariffs and smart charging subscribe to the session pool, only when the scenario has them.
  std::optional<models::city::ChargingCosts> costs;
  output::MeterLog meter_log;
  if (scenarios::uses_tariffs(sc)) {
    costs.emplace(simulator, model, scenarios::assembly::build_charging_costs(sc, city, options.plan));
    meter_log.connect(costs->meter());
    if (site_energy) models::grid::link_curtailment(simulator, *site_energy, costs->smart());  // demand response
    if (city.world.settings.sample_interval.count() > 0) costs->sample_load(city.world.settings.sample_interval, horizon);
  }
  std::string failure;
  enter_phase(Phase::simulate);
  try {
    model.start();
    if (monitor) monitor->start();
    if (replay) replay->start();
    if (site_energy) site_energy->start();
    simulate(simulator, horizon);
    if (replay) replay->finish();
    model.finish();
    if (monitor) monitor->finish();
    if (site_energy) site_energy->finish();
  } catch (const std::exception& e) {
    failure = e.what();
  }

  enter_phase(Phase::write);
  const sim::Time reached = simulator.now();
  output::RunStatus status = output::RunStatus::interrupted;
  output::RunSummary summary;
  try {
    summary = output::summarize(city, model, recorder);
    summary.scenario = sc.run.name;
    summary.seed = sc.run.seed;
    summary.horizon_h = sim::to_hours(sc.run.horizon);
    summary.simulated_h = sim::to_hours(reached);
    summary.events = simulator.executed_count();
    meta.simulated_until_ms = sim::to_ms(reached);
    if (costs) summary.costs = output::cost_headline(*costs);
    write_results(*file, meta, city, model, recorder, summary, reached, monitor ? &*monitor : nullptr,
                  grid.attach_distance_m,
                  site_energy ? &*site_energy : nullptr);
    if (costs) output::write_cost_tables(*file, sc, *costs, meter_log, model.stations().size());
    if (replay) replay->write(*file);
    // Decided as late as possible, so that a signal during writing marks the file too.
    status = failure.empty() && interrupt_signal() == 0 ? output::RunStatus::complete : output::RunStatus::interrupted;
    file->finish(status);
    clear_partial_file();
  } catch (const std::exception& e) {
    file->discard();
    clear_partial_file();
    err << "error: writing " << out_path.string() << ": " << e.what() << "\n(" << partial_path_of(out_path).string()
        << " removed; no result file written)\n";
    return kExitFailure;
  }
  enter_phase(Phase::done);
  summary.status = std::string(output::to_string(status));
  summary.wall_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  if (options.json) {
    std::string json = output::to_json(summary);
    if (monitor) json = output::add_json_member(json, "grid", output::headlines_json(output::feeder_headlines(*monitor)));
    if (replay) json = output::add_json_member(json, "replay", output::to_json(replay->summary()));
    if (site_energy) json.insert(json.size() - 1, ", " + output::site_energy_json(*site_energy));
    output::check_finite_json(json);
    out << json << "\n";
  } else {
    out << output::to_text(input_report(city)) << warnings_text(city) << output::to_text(summary)
        << (monitor ? output::headlines_text(output::feeder_headlines(*monitor)) : std::string())
        << (replay ? output::to_text(replay->summary()) : std::string())
        << (site_energy ? output::site_energy_text(*site_energy) : std::string()) << "results: " << out_path.string() << "\n";
  }
  out.flush();
  if (!failure.empty()) {
    err << "internal error during the simulation at t=" << sim::format_time(reached) << ": " << failure
        << "\n(results up to that time are in " << out_path.string() << ", status interrupted)\n";
    return kExitFailure;
  }
  if (interrupt_signal() != 0) {
    report_signal(err, out_path, status, reached);
    return exit_code(interrupt_signal());
  }
  return kExitOk;
}

}  // namespace evsim::cli
