// evsim: command-line entry point. Subcommands live in run_pipeline.cpp; this file only parses
// arguments (CLI11) and maps them to RunOptions.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <string>

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

  std::string validate_path;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario without running it");
  validate_cmd->add_option("scenario", validate_path, "Scenario YAML file")->required();

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
    return evsim::cli::validate_scenario(validate_path, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return evsim::cli::kExitFailure;
  }
}
