#include "cli/run_pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <ostream>

#include "models/city/build_city.hpp"
#include "models/city/city_model.hpp"
#include "models/run_size.hpp"
#include "cli/run_reports.hpp"
#include "output/input_report.hpp"
#include "output/result_file.hpp"
#include "output/run_recorder.hpp"
#include "output/summary.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "sim/simulator.hpp"

#ifndef EVSIM_VERSION
#error "EVSIM_VERSION must be defined by the build"
#endif

namespace evsim::cli {
namespace {

std::atomic<bool> g_interrupt{false};

// How often (in simulated time) the run checks for an interrupt request.
constexpr sim::Duration kInterruptCheck = std::chrono::minutes(1);

// An event that stops the simulator once an interrupt was requested (signal handlers may only set
// a flag; the check runs as an ordinary event between model events).
void watch_for_interrupt(sim::Simulator& simulator, sim::Time horizon) {
  if (g_interrupt) {
    simulator.stop();
    return;
  }
  if (simulator.now() + kInterruptCheck < horizon) {
    simulator.schedule(kInterruptCheck, [&simulator, horizon] { watch_for_interrupt(simulator, horizon); });
  }
}

void write_results(output::ResultFile& file, const output::RunMeta& meta, const models::city::CityInputs& city,
                   const models::city::CityModel& model, const output::RunRecorder& recorder,
                   const output::RunSummary& summary, sim::Time end) {
  file.write_meta(meta);
  file.write_table("/trips", output::trips_table(recorder));
  file.write_table("/needs", output::needs_table(recorder, model));
  file.write_table("/sessions", output::sessions_table(recorder));
  file.write_table("/stations", output::stations_table(city, model, end));
  file.write_table("/stations/samples", output::station_samples_table(recorder));
  file.write_table("/vehicles", output::vehicles_table(city, model, recorder));
  file.write_table("/segments", output::segments_table(summary));
  output::write_kpi(file, summary);
  output::write_input_report(file, input_report(city));
  output::write_road_nodes(file, city.world.roads, city.source_ids);
}

}  // namespace

void request_interrupt() { g_interrupt = true; }



int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err) {
  g_interrupt = false;
  scenarios::Scenario sc;
  models::city::CityInputs city;
  try {
    sc = scenarios::load_scenario_file(options.scenario);
    if (options.seed) sc.run.seed = *options.seed;
    const models::RunSizeEstimate size = models::estimate_run_size(sc);
    const bool limit_given = options.max_memory_bytes > 0;
    const std::string refusal = memory_refusal(options.scenario.string(), size,
                                               limit_given ? options.max_memory_bytes : default_memory_limit_bytes(),
                                               limit_given);
    if (!refusal.empty()) {
      err << "error: " << refusal << "\n";
      return kExitBadInput;
    }
    city = models::city::build_city(sc, sim::RandomStreams(sc.run.seed, 0), options.plan);
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    err << "internal error while preparing the run: " << e.what() << "\n";
    return kExitFailure;
  }
  std::filesystem::path out_path = options.output;
  if (out_path.empty()) out_path = options.scenario.stem().string() + ".h5";

  output::RunMeta meta{.scenario_text = sc.source_text,
                       .scenario_file = options.scenario.string(),
                       .evsim_version = EVSIM_VERSION,
                       .seed = sc.run.seed,
                       .replication = 0,
                       .start_wall_clock = output::utc_now_iso8601(),
                       .command_line = options.command_line};
  std::optional<output::ResultFile> file;
  try {
    file.emplace(output::ResultFile::create(out_path));
  } catch (const output::OutputError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }

  const auto wall_start = std::chrono::steady_clock::now();
  sim::Simulator simulator(sc.run.event_list);
  output::RunRecorder recorder;
  models::city::CityModel model(simulator, city.world, recorder);
  const sim::Time horizon = city.world.settings.horizon;
  std::string failure;
  try {
    model.start();
    watch_for_interrupt(simulator, horizon);
    simulator.run_until(horizon);
    model.finish();
  } catch (const std::exception& e) {
    failure = e.what();
  }
  const bool complete = failure.empty() && !g_interrupt;

  output::RunSummary summary = output::summarize(city, model, recorder);
  summary.scenario = sc.run.name;
  summary.seed = sc.run.seed;
  summary.status = complete ? "complete" : "interrupted";
  summary.horizon_h = sim::to_hours(sc.run.horizon);
  summary.simulated_h = sim::to_hours(simulator.now());
  summary.events = simulator.executed_count();
  try {
    write_results(*file, meta, city, model, recorder, summary, simulator.now());
    file->finish(complete ? output::RunStatus::complete : output::RunStatus::interrupted);
  } catch (const std::exception& e) {
    err << "error: writing " << out_path.string() << ": " << e.what() << "\n";
    return kExitFailure;
  }
  summary.wall_time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  if (options.json) {
    out << output::to_json(summary) << "\n";
  } else {
    out << output::to_text(input_report(city)) << warnings_text(city) << output::to_text(summary) << "results: " << out_path.string() << "\n";
  }
  if (!failure.empty()) {
    err << "internal error during the simulation at t=" << sim::format_time(simulator.now()) << ": " << failure
        << "\n(results up to that time are in " << out_path.string() << ", status interrupted)\n";
    return kExitFailure;
  }
  if (g_interrupt) {
    err << "interrupted at t=" << sim::format_time(simulator.now()) << "; partial results in " << out_path.string()
        << " (status interrupted)\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace evsim::cli
