#pragma once
// What a result file records about the run that produced it, under /meta (docs/output-format.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace evsim::output {

// How a run ended. A file whose run never reached ResultFile::finish() keeps its ".partial" name
// and has no status at all.
enum class RunStatus { complete, interrupted };

std::string_view to_string(RunStatus status);
// Inverse of to_string; nullopt for any other text.
std::optional<RunStatus> parse_run_status(std::string_view text);

struct RunMeta {
  std::string scenario_text{};  // the whole scenario YAML, byte for byte
  std::string scenario_file{};  // path as given on the command line
  std::string evsim_version{};
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::string start_wall_clock{};  // ISO-8601 UTC, as utc_now_iso8601() gives
  std::string command_line{};      // arguments joined by spaces
  // How far the simulation got (ms since the start of the run): the horizon when it ran to the end,
  // less when it was interrupted. Absent for files without a simulation (evsim coverage).
  std::optional<std::int64_t> simulated_until_ms{};
};

// Wall-clock time now, ISO-8601 UTC to the second: "2025-03-01T14:05:09Z".
std::string utc_now_iso8601();

}  // namespace evsim::output
