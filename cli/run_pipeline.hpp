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
};

int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err);
int validate_scenario(const std::filesystem::path& scenario, std::ostream& out, std::ostream& err);

// Set by the signal handler that main() installs; the run stops at the next check.
void request_interrupt();

}  // namespace evsim::cli
