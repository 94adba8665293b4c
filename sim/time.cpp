#include "sim/time.hpp"

#include <fmt/format.h>

namespace evsim::sim {

std::string format_duration(Duration d) {
  std::int64_t ms = d.count();
  const char* sign = "";
  if (ms < 0) {
    sign = "-";
    ms = -ms;
  }
  const std::int64_t days = ms / 86'400'000;
  ms %= 86'400'000;
  const std::int64_t h = ms / 3'600'000;
  ms %= 3'600'000;
  const std::int64_t m = ms / 60'000;
  ms %= 60'000;
  const std::int64_t s = ms / 1000;
  ms %= 1000;
  if (days > 0) return fmt::format("{}{}d {:02}:{:02}:{:02}.{:03}", sign, days, h, m, s, ms);
  return fmt::format("{}{:02}:{:02}:{:02}.{:03}", sign, h, m, s, ms);
}

std::string format_time(Time t) { return format_duration(t.time_since_epoch()); }

}  // namespace evsim::sim
