#include "scenarios/files/pv_profile_file.hpp"

#include <fmt/format.h>

#include <string>

#include "scenarios/files/csv_reader.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/units.hpp"

namespace evsim::scenarios::files {

models::grid::DailyProfile load_pv_profile(const std::filesystem::path& file, const SourceMark& mark) {
  const CsvTable csv = CsvTable::read(file, mark);
  const std::size_t time = csv.require("time");
  const std::size_t generation = csv.require("generation");
  if (csv.row_count() == 0) {
    throw ScenarioError(csv.file_name(), csv.header_line(), 1, std::string(kCsvRowKey), "at least one row after the header",
                        "none");
  }
  models::grid::DailyProfile p;
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    sim::Duration t{};
    try {
      t = parse_time_of_day(csv.field(row, time));
    } catch (const UnitError&) {
      csv.fail(row, time, "a time of day HH:MM before 24:00");
    }
    if (t >= std::chrono::hours(24)) csv.fail(row, time, "a time of day HH:MM before 24:00");
    if (row == 0 && t != sim::Duration{0}) csv.fail(row, time, "00:00 on the first row (the profile covers the day)");
    if (row > 0 && t <= p.starts.back()) {
      csv.fail(row, time, fmt::format("a time after the previous row's {}", csv.field(row - 1, time)));
    }
    const double g = csv.number(row, generation, "a generation from 0 to 1 (fraction of kWp)");
    if (!(g >= 0.0 && g <= 1.0)) csv.fail(row, generation, "a generation from 0 to 1 (fraction of kWp)");
    p.starts.push_back(t);
    p.values.push_back(g);
  }
  return p;
}

}  // namespace evsim::scenarios::files
