#pragma once
// Internal to output/: names inside /meta, shared by the writer and the reader. The documented list
// is in docs/output-format.md; keep both in step.
#include <cstdint>

namespace evsim::output::meta {

inline constexpr const char* kGroup = "/meta";
inline constexpr const char* kScenarioText = "scenario_text";  // dataset
inline constexpr const char* kScenarioTextPath = "/meta/scenario_text";
inline constexpr const char* kFormatVersion = "format_version";
inline constexpr const char* kScenarioFile = "scenario_file";
inline constexpr const char* kEvsimVersion = "evsim_version";
inline constexpr const char* kSeed = "seed";
inline constexpr const char* kReplication = "replication";
inline constexpr const char* kStartWallClock = "start_wall_clock";
inline constexpr const char* kCommandLine = "command_line";
inline constexpr const char* kSimulatedUntilMs = "simulated_until_ms";
inline constexpr const char* kEndWallClock = "end_wall_clock";
inline constexpr const char* kStatus = "status";

// Raised when the layout changes in a way readers must know about.
inline constexpr std::uint64_t kCurrentFormatVersion = 2;

}  // namespace evsim::output::meta
