#include "scenarios/files/load_profile.hpp"

#include <fmt/format.h>

#include "scenarios/files/csv_reader.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
namespace {

constexpr std::size_t kHours = 24;

}  // namespace

std::vector<double> load_profile_file(const std::filesystem::path& file, const SourceMark& mark) {
  const CsvTable t = CsvTable::read(file, mark);
  for (std::size_t c = 0; c < t.header().size(); ++c) {
    const std::string& name = t.header()[c];
    if (name != "hour" && name != "multiplier") {
      throw ScenarioError(t.file_name(), t.header_line(), t.header_column(c), name,
                          "only the columns hour, multiplier", fmt::format("a column {}", quote(name)));
    }
  }
  const std::size_t hour = t.require("hour");
  const std::size_t mult = t.require("multiplier");
  if (t.row_count() == 0) {
    throw ScenarioError(t.file_name(), t.header_line(), 1, "hour", "24 rows, hours 0 to 23", "no rows");
  }
  if (t.row_count() > kHours) {
    t.fail(kHours, hour, "24 rows, hours 0 to 23", fmt::format("{} rows", t.row_count()));
  }
  std::vector<double> out;
  out.reserve(kHours);
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    const std::int64_t h = t.integer(r, hour, "an hour from 0 to 23");
    if (h != static_cast<std::int64_t>(r)) t.fail(r, hour, fmt::format("hour {} (hours 0 to 23 in order)", r));
    const double m = t.number(r, mult, "a multiplier from 0 to 100");
    if (m < 0.0 || m > kMaxProfileMultiplier) t.fail(r, mult, "a multiplier from 0 to 100");
    out.push_back(m);
  }
  if (out.size() < kHours) {
    t.fail(t.row_count() - 1, hour, "24 rows, hours 0 to 23", fmt::format("{} rows", t.row_count()));
  }
  return out;
}

}  // namespace evsim::scenarios::files
