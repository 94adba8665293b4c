#include "output/run_meta.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>

namespace evsim::output {

std::string_view to_string(RunStatus status) {
  switch (status) {
    case RunStatus::complete:
      return "complete";
    case RunStatus::interrupted:
      return "interrupted";
  }
  return "unknown";
}

std::optional<RunStatus> parse_run_status(std::string_view text) {
  if (text == "complete") return RunStatus::complete;
  if (text == "interrupted") return RunStatus::interrupted;
  return std::nullopt;
}

std::string utc_now_iso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

}  // namespace evsim::output
