#include "cli/run_reports.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "models/city/usability.hpp"

namespace evsim::cli {

double default_memory_limit_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 16.0 * kGiB;
  return 0.8 * static_cast<double>(pages) * static_cast<double>(page_size);
}

std::string describe(const scenarios::assembly::RunSizeEstimate& s) {
  return fmt::format("{:.3g} vehicles, {:.3g} planned trips, {:.3g} events, {:.3g} station samples; result about {:.3g} MB",
                     s.vehicles, s.trips, s.events, s.samples, s.result_bytes / 1e6);
}

output::InputReport input_report(const scenarios::assembly::CityInputs& city) {
  return {.road = city.road_report,
          .snapping = city.snapping,
          .max_snap_distance_m = city.max_snap_distance_m,
          .station_rows_without_plugs = city.station_rows_without_plugs};
}

std::string warnings_text(const scenarios::assembly::CityInputs& city) {
  std::string out;
  for (const std::string& w : models::city::usability_warnings(city.world, city.segment_names)) {
    out += "warning: " + w + "\n";
  }
  return out;
}

std::string memory_refusal(const std::string& scenario, const scenarios::assembly::RunSizeEstimate& size, double limit_bytes,
                           bool limit_given) {
  if (size.peak_memory_bytes <= limit_bytes) return {};
  return fmt::format(
      "{}: this run would need about {:.1f} GiB of memory ({}), more than the limit of {:.1f} GiB{}; reduce the "
      "fleet, the horizon or the sampling, or raise the limit with --max-memory",
      scenario, size.peak_memory_bytes / kGiB, describe(size), limit_bytes / kGiB,
      limit_given ? " given by --max-memory" : " (80% of this machine's memory)");
}

}  // namespace evsim::cli
