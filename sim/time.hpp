#pragma once
// Simulation time: integer milliseconds since the start of the run (t = 0).
//
// Time never accumulates in floating point. Models convert physical quantities to a Duration once,
// at the moment they schedule an event (for example "the battery reaches its target in
// energy_kwh / power_kw hours"), with `from_hours` / `from_seconds`, which round to the nearest
// millisecond.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace evsim::sim {

using Duration = std::chrono::duration<std::int64_t, std::milli>;

struct SimClock {
  using rep = std::int64_t;
  using period = std::milli;
  using duration = Duration;
  using time_point = std::chrono::time_point<SimClock, Duration>;
  static constexpr bool is_steady = true;
};

using Time = SimClock::time_point;

inline constexpr Time kTimeZero{Duration{0}};
inline constexpr Time kTimeMax{Duration{std::numeric_limits<std::int64_t>::max()}};

constexpr std::int64_t to_ms(Duration d) { return d.count(); }
constexpr std::int64_t to_ms(Time t) { return t.time_since_epoch().count(); }
constexpr Time time_at_ms(std::int64_t ms) { return Time{Duration{ms}}; }
constexpr double to_seconds(Duration d) { return static_cast<double>(d.count()) / 1000.0; }
constexpr double to_hours(Duration d) { return static_cast<double>(d.count()) / 3'600'000.0; }
constexpr double to_hours(Time t) { return to_hours(t.time_since_epoch()); }

// Rounds to the nearest millisecond. The caller must pass a finite value; the result saturates at
// the int64 range so that "never" (an infinite charging time at zero power) stays representable.
inline Duration from_seconds(double seconds) {
  const double ms = std::round(seconds * 1000.0);
  if (!(ms < 9.2e18)) return Duration{std::numeric_limits<std::int64_t>::max()};
  if (!(ms > -9.2e18)) return Duration{std::numeric_limits<std::int64_t>::min()};
  return Duration{static_cast<std::int64_t>(ms)};
}
inline Duration from_hours(double hours) { return from_seconds(hours * 3600.0); }

// "1d 02:03:04.005" style text for messages and reports.
std::string format_time(Time t);
std::string format_duration(Duration d);

}  // namespace evsim::sim
