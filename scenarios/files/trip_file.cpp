#include "scenarios/files/trip_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unordered_map>

#include "scenarios/files/csv_reader.hpp"
#include "scenarios/files/point_columns.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/units.hpp"

namespace evsim::scenarios::files {
namespace road = models::road;
using namespace ::evsim::models::demand;
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::string_view kTimeExpected =
    "a departure time (\"HH:MM\" or \"HH:MM:SS\" on day 0, \"1d 07:30\", or a duration such as \"31h\")";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Trip {
  sim::Time depart;
  road::NodeId origin;
  road::NodeId destination;
  std::string name;
};

}  // namespace

std::optional<sim::Duration> parse_trip_time(std::string_view text) {
  std::string_view t = trim(text);
  try {
    if (t.find(':') == std::string_view::npos) return scenarios::parse_duration(t);
    std::int64_t days = 0;
    if (const std::size_t d = t.find('d'); d != std::string_view::npos) {
      const std::string_view digits = t.substr(0, d);
      if (digits.empty() || digits.size() > 6 ||
          !std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
        return std::nullopt;
      }
      days = std::strtoll(std::string(digits).c_str(), nullptr, 10);
      t = trim(t.substr(d + 1));
      if (t.find(':') == std::string_view::npos) return std::nullopt;  // "1d 07:30" needs its clock time
    }
    return sim::Duration{days * kDayMs} + scenarios::parse_time_of_day(t);
  } catch (const scenarios::UnitError&) {
    return std::nullopt;
  }
}

std::string format_trip_time(sim::Duration d) {
  std::int64_t ms = d.count();
  std::string out = ms < 0 ? "-" : "";
  if (ms < 0) ms = -ms;
  const std::int64_t days = ms / kDayMs;
  ms %= kDayMs;
  if (ms == 0) return out + (days > 0 ? fmt::format("{}d", days) : std::string("00:00"));
  if (days > 0) out += fmt::format("{}d ", days);
  out += fmt::format("{:02}:{:02}", ms / 3'600'000, ms / 60'000 % 60);
  if (ms % 60'000 != 0) out += fmt::format(":{:02}", ms / 1000 % 60);
  if (ms % 1000 != 0) out += fmt::format(".{:03}", ms % 1000);
  return out;
}

TripFileSchedules read_trip_file(const scenarios::TripFileDemand& spec, sim::Duration horizon, PointLocator& locator) {
  const road::RoadNetwork& network = locator.network();
  const CsvTable csv = CsvTable::read(spec.file, spec.mark);
  const std::size_t vehicle_column = csv.require("vehicle");
  const std::size_t depart_column = csv.require("depart");
  const std::optional<std::size_t> trip_column = csv.find("trip");
  const std::string file_label = std::filesystem::path(csv.file_name()).filename().string();
  const PointColumns origin(csv, network, "trip origin", spec.crs, "origin_");
  const PointColumns destination(csv, network, "trip destination", spec.crs, "destination_");
  if (csv.row_count() == 0) {
    throw scenarios::ScenarioError(csv.file_name(), csv.header_line(), 1, std::string(kCsvHeaderKey),
                                   "at least one trip", "a header without rows");
  }
  // Departures lie in [0, horizon): a trip departing at the horizon would never start.
  const std::string range =
      fmt::format("a time within the horizon (at least 00:00 and before {})", format_trip_time(horizon));

  TripFileSchedules out;
  std::unordered_map<std::string, std::uint32_t> index_of;
  std::vector<std::vector<Trip>> trips;  // per vehicle, in file order
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    const std::string id(trim(csv.field(row, vehicle_column)));
    if (id.empty()) csv.fail(row, vehicle_column, "a vehicle id");
    const std::optional<sim::Duration> depart = parse_trip_time(csv.field(row, depart_column));
    if (!depart) csv.fail(row, depart_column, kTimeExpected);
    if (depart->count() < 0 || *depart >= horizon) csv.fail(row, depart_column, range);
    const road::NodeId from = origin.locate(row, locator, id);
    const road::NodeId to = destination.locate(row, locator, id);
    const auto [it, added] = index_of.try_emplace(id, static_cast<std::uint32_t>(trips.size()));
    if (added) {
      trips.emplace_back();
      out.vehicle_ids.push_back(id);
    }
    std::string name = trip_column ? std::string(trim(csv.field(row, *trip_column))) : std::string{};
    if (name.empty()) name = fmt::format("{}:{}", file_label, csv.line(row));
    trips[it->second].push_back({sim::kTimeZero + *depart, from, to, std::move(name)});
  }

  for (std::vector<Trip>& list : trips) {
    std::stable_sort(list.begin(), list.end(), [](const Trip& a, const Trip& b) { return a.depart < b.depart; });
    VehicleSchedule v{.start = list.front().origin, .first_leg = static_cast<std::uint32_t>(out.schedule.legs.size())};
    road::NodeId at = v.start;
    for (const Trip& trip : list) {
      if (trip.origin != at) {
        out.schedule.legs.push_back({.not_before = trip.depart, .destination = trip.origin, .activity = Activity::recorded});
        out.schedule.leg_names.emplace_back();
        ++out.report.repositioning_legs;
      }
      out.schedule.legs.push_back({.not_before = trip.depart, .destination = trip.destination, .activity = Activity::recorded});
      out.schedule.leg_names.push_back(trip.name);
      at = trip.destination;
    }
    v.leg_count = static_cast<std::uint32_t>(out.schedule.legs.size()) - v.first_leg;
    out.schedule.vehicles.push_back(v);
  }
  out.report.trips = csv.row_count();
  out.report.vehicles = static_cast<std::uint32_t>(out.schedule.vehicles.size());
  return out;
}

}  // namespace evsim::scenarios::files
