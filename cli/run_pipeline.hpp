#pragma once
// `evsim run` and `evsim validate` as functions, so that tests can call them in-process.
//
// Exit codes: 0 success, 2 bad input (the message names file, line, key; also an output path that
// is taken, not a regular file, or one of the run's inputs), 1 internal failure or a failed write,
// 128 + N after signal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP; cli/interrupt.hpp).
//
// The result file is written as OUT.partial and renamed to OUT once finished. A run interrupted
// while simulating or writing finishes its file with /meta status "interrupted" and
// simulated_until_ms; a run interrupted while loading or building writes nothing. A write that
// fails removes OUT.partial, so OUT never holds a half-written file.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace evsim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

struct RunOptions {
  std::filesystem::path scenario;
  std::filesystem::path output;          // empty: default_result_path(scenario, plan)
  std::optional<std::string> seed;       // --seed as typed: a whole number, overrides the scenario's
  bool json = false;
  bool force = false;                    // replace an existing output file (never an input)
  std::string plan = "base";             // scenarios::kBasePlanName or one of the scenario's plans
  std::string command_line;
  // Refuse up front a run whose memory estimate (scenarios/assembly/run_size.hpp) exceeds this size ("8GiB");
  // empty: 80 % of the machine's physical memory.
  std::string max_memory{};
};

// <scenario stem>.h5 for the base plan, <scenario stem>-<plan>.h5 for any other, in the current
// folder.
std::filesystem::path default_result_path(const std::filesystem::path& scenario, std::string_view plan);

// Both expect install_interrupt_handlers() to have run (main() does it; tests in-process may skip
// it, and then signals keep their default action).
int run_scenario(const RunOptions& options, std::ostream& out, std::ostream& err);
// Loads the scenario, estimates its size (refusing, as `run` does, what exceeds max_memory or
// the default limit), builds the base plan's city and checks every plan's stations, every place and
// demand file and the area; prints the input report, warnings and size estimate (cli/validate.cpp).
int validate_scenario(const std::filesystem::path& scenario, std::ostream& out, std::ostream& err,
                      const std::string& max_memory = "");

}  // namespace evsim::cli
