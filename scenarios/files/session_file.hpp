#pragma once
// A file of measured charging sessions (scenarios::SessionsSpec), read into the sessions that
// models/charging/session_replay.hpp replays on the stations.
//
// Rows. Each row is one session: its site (a station's name), optionally its plug (any id: the
// site's distinct plug ids take the site's plugs 0, 1, ... in order of first appearance among the
// rows kept; more distinct ids than plugs is an error at the row of the first id too many; without
// a plug column a session takes the lowest free plug on arrival), its arrival and departure, and
// optionally its energy in kWh.
// Times. With spec.start, "YYYY-MM-DD HH:MM:SS" (or with a T) wall-clock timestamps, read as a
// uniform clock: daylight saving shifts are not corrected (a session across one is off by an hour).
// Without it, seconds since the run's start (decimals allowed). Arrival and departure become ms.
// Window. A session is kept only when start <= arrival and departure <= start + horizon; other
// rows are left out and counted (outside_run) with the first few named, never clipped: a clipped
// session would not show the file's own connected time and energy.
// Energy. The energy column when given (>= 0); otherwise spec.energy_when_missing:
//   E = min(battery_kwh, P x (departure - arrival) in h x power_fraction)
// with P the plug's power (the site's highest plug power without a plug column), counted as
// energy_from_rule. With power_fraction <= 1 every such session can get its energy at full plug
// power within its stay.
// Errors throw scenarios::ScenarioError at the file's line and column: an unknown site, a time
// that does not parse, a departure not after its arrival, a negative energy, too many plug ids.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/charging/session_replay.hpp"
#include "scenarios/files/csv_reader.hpp"
#include "scenarios/files/station_file.hpp"
#include "scenarios/scenario.hpp"
#include "sim/time.hpp"

namespace evsim::scenarios::files {

// A station as the sessions file sees it: its name and its plugs' powers, by station id.
struct SessionSite {
  std::string name;
  std::vector<double> plug_kw;
};

struct SessionFileContents {
  std::vector<models::charging::ReplaySession> sessions;
  std::vector<int> lines;        // per session: its line in the file
  std::uint64_t rows = 0;        // rows read
  SkippedRows outside_run{};     // left out: not wholly within [start, start + horizon]
  std::uint64_t energy_from_rule = 0;
};

// ms since 1970-01-01 00:00:00 as a naive, zone-less count; nullopt unless `text` is
// exactly "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SS" with a valid date and time.
std::optional<std::int64_t> parse_timestamp_ms(std::string_view text);
inline constexpr std::string_view kTimestampExpected = R"(a time "YYYY-MM-DD HH:MM:SS")";

SessionFileContents read_session_file(const scenarios::SessionsSpec& spec, std::span<const SessionSite> sites,
                                      sim::Duration horizon);
// The same from a table already read (tests).
SessionFileContents parse_sessions(const CsvTable& table, const scenarios::SessionsSpec& spec,
                                   std::span<const SessionSite> sites, sim::Duration horizon);

}  // namespace evsim::scenarios::files
