#include "scenarios/files/session_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <unordered_map>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
namespace {

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t n) {
  int value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Columns {
  std::size_t site, arrival, departure;
  std::optional<std::size_t> plug, energy;
};

}  // namespace

std::optional<std::int64_t> parse_timestamp_ms(std::string_view text) {
  text = trimmed(text);
  if (text.size() != 19 || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T') ||
      text[13] != ':' || text[16] != ':')
    return std::nullopt;
  const auto y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
  const auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!y || !mo || !d || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*mo)},
                                         std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days{date}.time_since_epoch().count();
  return ((days * 24 + *h) * 60 + *mi) * 60'000 + std::int64_t{*s} * 1000;
}

SessionFileContents read_session_file(const scenarios::SessionsSpec& spec, std::span<const SessionSite> sites,
                                      sim::Duration horizon) {
  return parse_sessions(CsvTable::read(spec.file, spec.mark), spec, sites, horizon);
}

SessionFileContents parse_sessions(const CsvTable& table, const scenarios::SessionsSpec& spec,
                                   std::span<const SessionSite> sites, sim::Duration horizon) {
  Columns c{.site = table.require(spec.site_column),
            .arrival = table.require(spec.arrival_column),
            .departure = table.require(spec.departure_column),
            .plug = std::nullopt,
            .energy = std::nullopt};
  if (spec.plug_column) c.plug = table.require(*spec.plug_column);
  if (spec.energy_column) c.energy = table.require(*spec.energy_column);

  if (!c.energy && !spec.energy_when_missing) {
    throw_at(spec.mark, "key \"energy_when_missing\" when the file has no energy column", "nothing");
  }
  std::optional<std::int64_t> start_ms;
  if (spec.start) {
    start_ms = parse_timestamp_ms(*spec.start);
    if (!start_ms) throw_at(spec.mark, kTimestampExpected, quote(*spec.start));
  }
  std::unordered_map<std::string_view, models::StationId> by_name;
  for (std::size_t s = 0; s < sites.size(); ++s) by_name.emplace(sites[s].name, static_cast<models::StationId>(s));
  std::vector<std::vector<std::string>> plug_ids(sites.size());  // per site, in order of first appearance

  // A time in ms since the run's start.
  const auto time_ms = [&](std::size_t row, std::size_t col) -> std::int64_t {
    if (start_ms) {
      const auto t = parse_timestamp_ms(table.field(row, col));
      if (!t) table.fail(row, col, kTimestampExpected);
      return *t - *start_ms;
    }
    return sim::to_ms(sim::from_seconds(table.number(row, col, "a time in seconds since the run's start")));
  };

  SessionFileContents out;
  out.rows = table.row_count();
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    const std::string_view site_text = trimmed(table.field(row, c.site));
    const auto site = by_name.find(site_text);
    if (site == by_name.end()) {
      table.fail(row, c.site, fmt::format("a station name of the scenario ({} stations)", sites.size()));
    }
    const std::int64_t arrival = time_ms(row, c.arrival);
    const std::int64_t departure = time_ms(row, c.departure);
    if (departure <= arrival) {
      table.fail(row, c.departure, fmt::format("a departure after the arrival {}", quote(trimmed(table.field(row, c.arrival)))));
    }
    std::optional<double> energy;
    if (c.energy) {
      energy = table.number(row, *c.energy, "an energy in kWh >= 0");
      if (!(*energy >= 0.0)) table.fail(row, *c.energy, "an energy in kWh >= 0");
    }
    if (arrival < 0 || departure > sim::to_ms(horizon)) {
      out.outside_run.add(fmt::format("{} ({}:{})", site_text, table.file_name(), table.line(row)));
      continue;
    }
    const SessionSite& where = sites[site->second];
    if (where.plug_kw.empty()) table.fail(row, c.site, "a station with plugs");
    std::uint32_t plug = models::charging::kAnyPlug;
    if (c.plug) {
      std::vector<std::string>& ids = plug_ids[site->second];
      const std::string_view id = trimmed(table.field(row, *c.plug));
      const auto known = std::find(ids.begin(), ids.end(), id);
      if (known == ids.end()) {
        if (ids.size() >= where.plug_kw.size()) {
          table.fail(row, *c.plug,
                     fmt::format("at most {} distinct plug ids at station {} (its plugs; {} seen before)",
                                 where.plug_kw.size(), quote(where.name), ids.size()));
        }
        ids.emplace_back(id);
        plug = static_cast<std::uint32_t>(ids.size() - 1);
      } else {
        plug = static_cast<std::uint32_t>(known - ids.begin());
      }
    }
    if (!energy) {
      const double plug_kw = plug == models::charging::kAnyPlug
                                 ? *std::max_element(where.plug_kw.begin(), where.plug_kw.end())
                                 : where.plug_kw[plug];
      const double hours = static_cast<double>(departure - arrival) / 3'600'000.0;
      energy = std::min(spec.energy_when_missing->battery_kwh, plug_kw * hours * spec.energy_when_missing->power_fraction);
      ++out.energy_from_rule;
    }
    out.sessions.push_back({.station = site->second,
                            .plug = plug,
                            .arrival = sim::time_at_ms(arrival),
                            .departure = sim::time_at_ms(departure),
                            .energy_kwh = *energy});
    out.lines.push_back(table.line(row));
  }
  return out;
}

}  // namespace evsim::scenarios::files
