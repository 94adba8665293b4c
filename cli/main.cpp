// evsim: command-line entry point. Subcommands live in run_pipeline.cpp; this file only parses
// arguments (CLI11) and maps them to RunOptions.
#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/coverage_pipeline.hpp"
#include "cli/run_pipeline.hpp"

namespace {

extern "C" void on_signal(int) { evsim::cli::request_interrupt(); }

std::string join_arguments(int argc, char** argv) {
  std::string text;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) text += ' ';
    text += argv[i];
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"evsim: discrete-event simulation of electric-vehicle charging infrastructure"};
  app.set_version_flag("--version", std::string("evsim ") + EVSIM_VERSION);
  app.require_subcommand(1);

  evsim::cli::RunOptions run;
  std::uint64_t seed = 0;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write its results to HDF5");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  run_cmd->add_option("-o,--output", run.output, "Result file (default: <scenario name>.h5 in the current folder)");
  auto* seed_opt = run_cmd->add_option("--seed", seed, "Random seed (overrides the scenario's seed)");
  run_cmd->add_flag("--json", run.json, "Print the run summary as one JSON object on stdout");
  run_cmd->add_option("--plan", run.plan, "Station plan to simulate (default: base, the scenario's own stations)");

  std::string validate_path;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario without running it");
  validate_cmd->add_option("scenario", validate_path, "Scenario YAML file")->required();

  evsim::cli::CoverageOptions coverage;
  std::string coverage_radius;
  auto* coverage_cmd = app.add_subcommand("coverage", "Charging-circle coverage of the scenario's stations and plans");
  coverage_cmd->add_option("scenario", coverage.scenario, "Scenario YAML file")->required();
  auto* coverage_radius_opt = coverage_cmd->add_option("--radius", coverage_radius, "Coverage radius (default: the scenario's, 1km): 1000, 1km");
  coverage_cmd->add_option("-o,--output", coverage.output, "Also write the results to this HDF5 file");
  coverage_cmd->add_flag("--json", coverage.json, "Print the results as one JSON object on stdout");

  evsim::cli::PlaceOptions place;
  std::string place_radius;
  std::uint32_t max_sites = 0;
  std::filesystem::path candidates;
  auto* place_cmd = app.add_subcommand("place", "Fewest new sites that lift demand-weighted coverage to a target");
  place_cmd->add_option("scenario", place.scenario, "Scenario YAML file")->required();
  place_cmd->add_option("--target", place.target, "Coverage share to reach, in (0, 1] (default 0.99)");
  auto* candidates_opt = place_cmd->add_option("--candidates", candidates, "CSV of allowed sites (node, lon/lat or x_m/y_m); default: every road node");
  place_cmd->add_option("--crs", place.candidates_crs,
                        "Datum of the candidates' lon,lat: wgs84 (default), gcj02 (AMap, Tencent) or bd09 (Baidu)");
  auto* max_sites_opt = place_cmd->add_option("--max-sites", max_sites, "Add at most this many sites");
  place_cmd->add_option("--plan", place.plan, "Plan whose stations exist already (default: base)");
  auto* place_radius_opt = place_cmd->add_option("--radius", place_radius, "Coverage radius (default: the scenario's): 1000, 1km");
  place_cmd->add_option("--sites", place.sites_csv, "Where to write the chosen sites (default: <scenario>-sites.csv)");
  place_cmd->add_option("--dc-plugs", place.dc_plugs, "DC plugs written for each new site (default 4)");
  place_cmd->add_option("--dc-power", place.dc_power, "Their power (default 60kW)");
  place_cmd->add_option("--ac-plugs", place.ac_plugs, "AC plugs written for each new site (default 0)");
  place_cmd->add_option("--ac-power", place.ac_power, "Their power (default 7kW)");
  bool no_swaps = false;
  place_cmd->add_flag("--no-swaps", no_swaps, "Skip the swap improvement after the greedy choice");
  place_cmd->add_flag("--json", place.json, "Print the result as one JSON object on stdout");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? evsim::cli::kExitOk : evsim::cli::kExitBadInput;
  }

  try {
    if (*run_cmd) {
      if (*seed_opt) run.seed = seed;
      run.command_line = join_arguments(argc, argv);
      std::signal(SIGINT, on_signal);
      std::signal(SIGTERM, on_signal);
      return evsim::cli::run_scenario(run, std::cout, std::cerr);
    }
    if (*coverage_cmd) {
      if (*coverage_radius_opt) coverage.radius = coverage_radius;
      coverage.command_line = join_arguments(argc, argv);
      return evsim::cli::run_coverage(coverage, std::cout, std::cerr);
    }
    if (*place_cmd) {
      if (*place_radius_opt) place.radius = place_radius;
      if (*max_sites_opt) place.max_sites = max_sites;
      if (*candidates_opt) place.candidates = candidates;
      place.improve = !no_swaps;
      return evsim::cli::run_place(place, std::cout, std::cerr);
    }
    return evsim::cli::validate_scenario(validate_path, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return evsim::cli::kExitFailure;
  }
}
