// evsim: command-line entry point. The commands live in run_pipeline.cpp, coverage_pipeline.cpp,
// powerflow_command.cpp and hosting_command.cpp;
// this file only parses arguments (CLI11), installs the signal handlers and maps options to the
// pipelines' option structs. Numbers are taken as text and checked by the pipelines
// (cli/option_values.hpp), so that "--seed -1" is an error and never a wrapped unsigned number.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <string>

#include "cli/coverage_pipeline.hpp"
#include "cli/grid_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_pipeline.hpp"
#include "scenarios/scenario_error.hpp"

namespace {

std::string join_arguments(int argc, char** argv) {
  std::string text;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) text += ' ';
    text += argv[i];
  }
  return text;
}

constexpr const char* kExitCodes =
    "Exit codes: 0 success; 2 bad input (scenario, option value, or an output path that exists without --force, "
    "is not a regular file, or is one of the run's inputs); 1 internal failure or a failed write (disk full, "
    "permission denied); 130, 143, 129 after SIGINT, SIGTERM, SIGHUP.\n"
    "Output files are written as OUT.partial and renamed to OUT when complete; a failed write removes "
    "OUT.partial. A signal while loading, building or computing ends evsim at once without a file; while "
    "simulating or writing, evsim finishes the file it started, marked status \"interrupted\" in /meta (place "
    "removes its unfinished CSV instead), and exits; a second signal ends it at once and removes OUT.partial.";

constexpr const char* kForceHelp =
    "Replace OUT when it exists (it must be a regular file; an input of the run is never replaced)";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"evsim: discrete-event simulation of electric-vehicle charging infrastructure"};
  app.set_version_flag("--version", std::string("evsim ") + EVSIM_VERSION);
  app.require_subcommand(1);
  app.footer(kExitCodes);

  evsim::cli::RunOptions run;
  std::string seed;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write its results to HDF5");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  run_cmd->add_option("-o,--output", run.output,
                      "Result file OUT (default, in the current folder: <scenario stem>.h5 for the base plan, "
                      "<scenario stem>-<plan>.h5 for another plan). An existing OUT is refused without --force");
  run_cmd->add_flag("--force", run.force, kForceHelp);
  auto* seed_opt = run_cmd->add_option("--seed", seed, "Random seed, a whole number from 0 to 18446744073709551615 (overrides the scenario's seed)");
  run_cmd->add_flag("--json", run.json, "Print the run summary as one JSON object on stdout");
  run_cmd->add_option("--plan", run.plan, "Station plan to simulate (default: base, the scenario's own stations)");
  run_cmd->add_option("--max-memory", run.max_memory,
                      "Refuse the run up front when its memory estimate exceeds this size, e.g. 8GiB, 512MiB "
                      "(default: 80% of the machine's physical memory)");

  std::string validate_path;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario without running it (writes nothing)");
  validate_cmd->add_option("scenario", validate_path, "Scenario YAML file")->required();
  std::string validate_max_memory;
  validate_cmd->add_option("--max-memory", validate_max_memory,
                           "Memory limit the size estimate is checked against, as for run (default: 80% of memory)");

  evsim::cli::CoverageOptions coverage;
  std::string coverage_radius;
  auto* coverage_cmd = app.add_subcommand("coverage", "Charging-circle coverage of the scenario's stations and plans");
  coverage_cmd->add_option("scenario", coverage.scenario, "Scenario YAML file")->required();
  auto* coverage_radius_opt = coverage_cmd->add_option(
      "--radius", coverage_radius,
      "Coverage radius above 0: a length with its unit (1km, 800m) or a bare number of metres (default: the "
      "scenario's coverage.radius, 1km). Also the 2SFCA catchment when the scenario sets no coverage.catchment");
  coverage_cmd->add_option("-o,--output", coverage.output,
                           "Also write the results to the HDF5 file OUT (default: no file). An existing OUT is "
                           "refused without --force");
  coverage_cmd->add_flag("--force", coverage.force, kForceHelp);
  coverage_cmd->add_flag("--json", coverage.json, "Print the results as one JSON object on stdout");

  evsim::cli::PlaceOptions place;
  std::string place_radius;
  std::string max_sites;
  std::filesystem::path candidates;
  auto* place_cmd = app.add_subcommand("place", "Fewest new sites that lift demand-weighted coverage to a target");
  place_cmd->add_option("scenario", place.scenario, "Scenario YAML file")->required();
  place_cmd->add_option("--target", place.target, "Coverage share to reach, above 0 and at most 1: 0.99 or 99% (default 0.99)");
  auto* candidates_opt = place_cmd->add_option("--candidates", candidates, "CSV of allowed sites (node, lon/lat or x_m/y_m); default: every road node");
  place_cmd->add_option("--crs", place.candidates_crs,
                        "Datum of the candidates' lon,lat: wgs84 (default), gcj02 (AMap, Tencent) or bd09 (Baidu)");
  auto* max_sites_opt = place_cmd->add_option("--max-sites", max_sites, "Add at most this many sites, a whole number from 1 (default: no limit)");
  place_cmd->add_option("--plan", place.plan, "Plan whose stations exist already (default: base)");
  auto* place_radius_opt = place_cmd->add_option(
      "--radius", place_radius,
      "Coverage radius above 0: a length with its unit (1km, 800m) or a bare number of metres (default: the "
      "scenario's coverage.radius)");
  place_cmd->add_option("--sites", place.sites_csv,
                        "Station CSV OUT to write the chosen sites to (default, in the current folder: <scenario "
                        "stem>-sites.csv for the base plan, <scenario stem>-<plan>-sites.csv for another plan). An "
                        "existing OUT is refused without --force");
  place_cmd->add_flag("--force", place.force, kForceHelp);
  place_cmd->add_option("--dc-plugs", place.dc_plugs, "DC plugs written for each new site, a whole number (default 4; DC and AC plugs together at least 1)");
  place_cmd->add_option("--dc-power", place.dc_power, "Their power above 0, e.g. 60kW (a bare number is kW; default 60kW)");
  place_cmd->add_option("--ac-plugs", place.ac_plugs, "AC plugs written for each new site, a whole number (default 0)");
  place_cmd->add_option("--ac-power", place.ac_power, "Their power above 0, e.g. 7kW (a bare number is kW; default 7kW)");
  bool no_swaps = false;
  place_cmd->add_flag("--no-swaps", no_swaps, "Skip the swap improvement after the greedy choice");
  place_cmd->add_flag("--json", place.json, "Print the result as one JSON object on stdout");

  evsim::cli::PowerflowOptions powerflow;
  auto* powerflow_cmd = app.add_subcommand("powerflow", "One AC power flow snapshot of a feeder (docs/grid-model.md)");
  powerflow_cmd->add_option("feeder", powerflow.feeder, "Feeder YAML file (docs/feeder-format.md)")->required();
  powerflow_cmd->add_option("--load-scale", powerflow.load_scale,
                            "Factor on every bus's background load, a number from 0 to 100 (default 1)");
  powerflow_cmd->add_option("--add", powerflow.add,
                            "BUS:POWER, load added at a bus at unity power factor, e.g. 18:500kW (a bare number is "
                            "kW; negative for generation); may be repeated");
  powerflow_cmd->add_flag("--json", powerflow.json, "Print the headline as one JSON object on stdout");

  evsim::cli::HostingOptions hosting;
  auto* hosting_cmd = app.add_subcommand(
      "hosting", "Per bus, the largest load that can be added before a voltage or thermal limit is reached");
  hosting_cmd->add_option("feeder", hosting.feeder, "Feeder YAML file (docs/feeder-format.md)")->required();
  hosting_cmd->add_option("--load-scale", hosting.load_scale,
                          "Factor on every bus's background load, a number from 0 to 100 (default 1)");
  hosting_cmd->add_flag("--json", hosting.json, "Print the results as one JSON object on stdout");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? evsim::cli::kExitOk : evsim::cli::kExitBadInput;
  }

  try {
    evsim::cli::install_interrupt_handlers();
  } catch (const evsim::scenarios::ScenarioError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return evsim::cli::kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return evsim::cli::kExitFailure;
  }

  int code = evsim::cli::kExitFailure;
  try {
    if (*run_cmd) {
      if (*seed_opt) run.seed = seed;
      run.command_line = join_arguments(argc, argv);
      code = evsim::cli::run_scenario(run, std::cout, std::cerr);
    } else if (*coverage_cmd) {
      if (*coverage_radius_opt) coverage.radius = coverage_radius;
      coverage.command_line = join_arguments(argc, argv);
      code = evsim::cli::run_coverage(coverage, std::cout, std::cerr);
    } else if (*place_cmd) {
      if (*place_radius_opt) place.radius = place_radius;
      if (*max_sites_opt) place.max_sites = max_sites;
      if (*candidates_opt) place.candidates = candidates;
      place.improve = !no_swaps;
      code = evsim::cli::run_place(place, std::cout, std::cerr);
    } else if (*powerflow_cmd) {
      code = evsim::cli::run_powerflow(powerflow, std::cout, std::cerr);
    } else if (*hosting_cmd) {
      code = evsim::cli::run_hosting(hosting, std::cout, std::cerr);
    } else {
      code = evsim::cli::validate_scenario(validate_path, std::cout, std::cerr, validate_max_memory);
    }
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return evsim::cli::kExitFailure;
  }
  // What was printed is part of the answer: a summary lost to a full disk or a closed pipe is a
  // failed write too (stdout redirected to /dev/full, for example).
  std::cout.flush();
  if (!std::cout && code == evsim::cli::kExitOk) {
    std::cerr << "error: cannot write to standard output\n";
    return evsim::cli::kExitFailure;
  }
  return code;
}
