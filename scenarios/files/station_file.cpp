#include "scenarios/files/station_file.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "models/geometry/datum.hpp"
#include "scenarios/files/csv_reader.hpp"
#include "scenarios/plausibility.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
namespace road = models::road;
namespace {



struct PlugColumns {
  std::optional<std::size_t> count;
  std::optional<std::size_t> power;
  std::optional<double> file_power_kw;
  const char* label;         // "DC" or "AC"
  const char* scenario_key;  // where the scenario gives a power for the whole file
};

// Plugs of one kind on one row; nullopt when the row has none of that kind.
std::optional<scenarios::PlugSpec> read_plugs(const CsvTable& csv, std::size_t row, const PlugColumns& cols,
                                              scenarios::PlugKind kind) {
  if (!cols.count) return std::nullopt;
  const std::int64_t count = csv.integer(row, *cols.count, fmt::format("a whole number of {} plugs", cols.label));
  if (count < 0 || count > 100'000) csv.fail(row, *cols.count, fmt::format("a number of {} plugs from 0 to 100000", cols.label));
  if (count == 0) return std::nullopt;
  double power_kw = 0.0;
  if (cols.power) {
    power_kw = csv.number(row, *cols.power, fmt::format("a {} plug power in kW", cols.label));
    if (!scenarios::is_plausible(scenarios::kChargingPowerRange, power_kw)) {
      csv.fail(row, *cols.power, fmt::format("a {} plug power: {}", cols.label, scenarios::plausible_phrase(scenarios::kChargingPowerRange)));
    }
  } else if (cols.file_power_kw) {
    power_kw = *cols.file_power_kw;
  } else {
    csv.fail(row, *cols.count,
             fmt::format("a {} power for these plugs (a power column in the file, or the file's {} in the scenario)",
                         cols.label, cols.scenario_key));
  }
  return scenarios::PlugSpec{.count = static_cast<std::uint32_t>(count), .power_kw = power_kw, .kind = kind};
}

// The row's point (lon/lat, else x/y), if the file has coordinates columns.
std::optional<scenarios::LocationSpec> read_point(const CsvTable& csv, std::size_t row,
                                                  const scenarios::StationFileSpec& spec) {
  const auto lon = csv.find(spec.lon_column);
  const auto lat = csv.find(spec.lat_column);
  if (lon && lat) {
    const double x = csv.number(row, *lon, "a longitude in degrees");
    const double y = csv.number(row, *lat, "a latitude in degrees");
    if (x < -180.0 || x > 180.0) csv.fail(row, *lon, "a longitude from -180 to 180 degrees");
    if (y < -90.0 || y > 90.0) csv.fail(row, *lat, "a latitude from -90 to 90 degrees");
    const std::optional<road::LonLat> wgs = models::geometry::to_wgs84({x, y}, spec.crs);
    if (!wgs) {
      csv.fail(row, *lon, scenarios::expected_convertible_position(spec.crs));
    }
    return scenarios::LonLatLocation{wgs->lon, wgs->lat};
  }
  const auto x = csv.find(spec.x_column);
  const auto y = csv.find(spec.y_column);
  if (x && y) {
    return scenarios::XyLocation{csv.number(row, *x, "an x coordinate in metres"),
                                 csv.number(row, *y, "a y coordinate in metres")};
  }
  return std::nullopt;
}

// A node column (an id of the user's network file) wins over coordinates, which must then agree
// with it (checked when the station is put on the road: scenarios/files/point_locator.hpp).
scenarios::LocationSpec read_location(const CsvTable& csv, std::size_t row, const scenarios::StationFileSpec& spec) {
  std::optional<scenarios::LocationSpec> point = read_point(csv, row, spec);
  if (const auto node = csv.find(spec.node_column)) {
    scenarios::NodeLocation at{.id = csv.integer(row, *node, "a road node id")};
    if (point) {
      if (const auto* ll = std::get_if<scenarios::LonLatLocation>(&*point)) {
        at.also_at = *ll;
      } else {
        at.also_at = std::get<scenarios::XyLocation>(*point);
      }
    }
    return at;
  }
  if (point) return *point;
  csv.require(spec.x_column);  // reported at the header: no location columns
  csv.require(spec.y_column);
  return scenarios::XyLocation{};  // not reached
}

}  // namespace

StationFileContents read_station_file(const scenarios::StationFileSpec& spec) {
  const CsvTable csv = CsvTable::read(spec.file, spec.mark);
  const std::size_t name = csv.require(spec.name_column);
  const PlugColumns dc{csv.find(spec.dc_plugs_column), csv.find(spec.dc_power_column), spec.dc_power_kw, "DC", "dc_power"};
  const PlugColumns ac{csv.find(spec.ac_plugs_column), csv.find(spec.ac_power_column), spec.ac_power_kw, "AC", "ac_power"};
  const std::optional<std::size_t> price = csv.find(spec.price_column);
  if (!dc.count && !ac.count) {
    // Reported at the header: the file has no plug column under either name.
    csv.require(spec.dc_plugs_column);
  }
  StationFileContents out;
  std::set<std::string, std::less<>> names;
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    const std::string station_name(csv.field(row, name));
    if (station_name.empty()) csv.fail(row, name, "a station name");
    if (!names.insert(station_name).second) csv.fail(row, name, "a station name not used before in this file");
    scenarios::StationSpec station{.name = station_name,
                                   .location = read_location(csv, row, spec),
                                   .plugs = {},
                                   .is_public = spec.is_public,
                                   .price_per_kwh = spec.price_per_kwh.value_or(0.0),
                                   .mark = {.file = csv.file_name(), .line = csv.line(row), .column = 1,
                                            .key_path = fmt::format("row {}", row + 1)},
                                   .source_crs = std::nullopt,
                                   .keep_within_m = spec.keep_within_m};
    if (std::holds_alternative<scenarios::LonLatLocation>(station.location)) station.source_crs = spec.crs;
    if (price) {
      station.price_per_kwh = csv.number(row, *price, "a price per kWh >= 0");
      if (!(station.price_per_kwh >= 0.0)) csv.fail(row, *price, "a price per kWh >= 0");
    }
    if (auto p = read_plugs(csv, row, dc, scenarios::PlugKind::dc)) station.plugs.push_back(*p);
    if (auto p = read_plugs(csv, row, ac, scenarios::PlugKind::ac)) station.plugs.push_back(*p);
    if (station.plugs.empty()) {
      out.rows_without_plugs.add(fmt::format("{} ({}:{})", station_name, csv.file_name(), csv.line(row)));
      continue;
    }
    out.stations.push_back(std::move(station));
  }
  return out;
}

}  // namespace evsim::scenarios::files
