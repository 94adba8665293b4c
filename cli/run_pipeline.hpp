#pragma once
// `evsim run` and `evsim validate` as functions, so that tests can call them in-process.
//
// Exit codes: 0 success, 2 bad input (the message names file, line, key), 1 internal failure.
// A run that is interrupted (SIGINT/SIGTERM) or fails inside the simulation still writes what it
// computed, with /meta status "interrupted".
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace evsim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

struct RunOptions {
  std::filesystem::path scenario;
  std::filesystem::path output;          // empty: <scenario stem>.h5 in the current folder
  std::optional<std::uint64_t> seed;     // overrides the scenario's seed
  bool json = false;
  std::string plan = "base";             // scenarios::kBasePlanName or one of the scenario's plans
  std::string command_line;
  // Refuse up front a run whose memory estimate (models/run_size.hpp) exceeds this; 0: 80 % of the
  // machine's physical memory.
  double max_memory_bytes = 0;
};


int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err);
// Loads the scenario, estimates its size (refusing, as `run` does, what exceeds max_memory_bytes or
// the default limit), builds the base plan's city and checks every plan's stations, every place and
// demand file and the area; prints the input report, warnings and size estimate (cli/validate.cpp).
int validate_scenario(const std::filesystem::path& scenario, std::ostream& out, std::ostream& err,
                      double max_memory_bytes = 0);

// Set by the signal handler that main() installs; the run stops at the next check.
void request_interrupt();

}  // namespace evsim::cli
