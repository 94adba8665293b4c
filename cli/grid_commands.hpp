#pragma once
// `evsim powerflow` and `evsim hosting` (docs/grid-model.md): one feeder file
// (docs/feeder-format.md), one snapshot. Exit codes as in run_pipeline.hpp: 0 done, 2 bad input
// (the feeder file, an option, or a power flow that does not converge: a load beyond what the
// feeder can carry), 1 internal failure. Nothing is written but stdout and stderr.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "models/grid/feeder.hpp"

namespace evsim::cli {

// Option values as typed; the commands check them (cli/option_values.hpp style messages).
struct PowerflowOptions {
  std::filesystem::path feeder;
  std::string load_scale = "1";    // factor on every bus's background load, 0 to 100
  std::vector<std::string> add{};  // "BUS:KW": kW added at that bus (unity power factor)
  bool json = false;
};

struct HostingOptions {
  std::filesystem::path feeder;
  std::string load_scale = "1";
  bool json = false;
};

int run_powerflow(const PowerflowOptions& options, std::ostream& out, std::ostream& err);
int run_hosting(const HostingOptions& options, std::ostream& out, std::ostream& err);

// Shared by the two commands (powerflow_command.cpp).
double parse_load_scale_option(const std::string& text);
// "18" for a bus; "3-4" (its from and to as written) for a line.
std::string line_name(const models::grid::Feeder& feeder, models::grid::LineIndex l);
// One line about the feeder: name, file, buses, lines, transformer.
std::string feeder_headline(const models::grid::Feeder& feeder, const std::filesystem::path& file);

}  // namespace evsim::cli
