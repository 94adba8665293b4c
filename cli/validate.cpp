// `evsim validate`: everything `run` would reject, without running, plus what the run rests on.
#include <fmt/format.h>

#include <optional>
#include <ostream>
#include <string_view>

#include "cli/interrupt.hpp"
#include "cli/option_values.hpp"
#include "cli/run_pipeline.hpp"
#include "cli/run_reports.hpp"
#include "scenarios/assembly/attach_feeders.hpp"
#include "scenarios/assembly/build_coverage.hpp"
#include "models/demand/place_sampler.hpp"
#include "scenarios/files/point_locator.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::cli {
namespace {

// Every plan's stations, the coverage demand and area (build_coverage_case), and every place file,
// whether or not a segment draws from it.
void check_plans_and_places(const scenarios::Scenario& sc) {
  const scenarios::assembly::CoverageCase c = scenarios::assembly::build_coverage_case(sc);
  scenarios::files::PointLocator locator(c.network, sc.snapping.max_snap_distance_m);
  const std::pair<const std::optional<scenarios::DemandFileSpec>*, std::string_view> places[] = {
      {&sc.places.homes, "home"}, {&sc.places.work, "work place"}, {&sc.places.other, "other place"}};
  for (const auto& [file, kind] : places) {
    if (*file) scenarios::files::read_place_sampler(*file, kind, locator);
  }
}

}  // namespace

int validate_scenario(const std::filesystem::path& scenario, std::ostream& out, std::ostream& err,
                      const std::string& max_memory) {
  try {
    enter_phase(Phase::load);
    const scenarios::Scenario sc = scenarios::load_scenario_file(scenario);
    const scenarios::assembly::RunSizeEstimate size = scenarios::assembly::estimate_run_size(sc);
    const bool limit_given = !max_memory.empty();
    const double limit = limit_given ? parse_memory_option("--max-memory", max_memory) : default_memory_limit_bytes();
    const std::string refusal = memory_refusal(scenario.string(), size, limit, limit_given);
    if (!refusal.empty()) {
      err << "error: " << refusal << "\n";
      return kExitBadInput;
    }
    enter_phase(Phase::build);
    const scenarios::assembly::CityInputs city = scenarios::assembly::build_city(sc, sim::RandomStreams(sc.run.seed, 0));
    scenarios::assembly::attach_feeders(sc, city, scenarios::kBasePlanName);
    check_plans_and_places(sc);
    enter_phase(Phase::done);
    const models::city::CityWorld& w = city.world;
    out << output::to_text(input_report(city)) << warnings_text(city);
    out << fmt::format("size estimate: {}; peak memory about {:.2f} GiB (limit {:.1f} GiB)\n", describe(size),
                       size.peak_memory_bytes / kGiB, limit / kGiB);
    out << fmt::format("{}: valid: {} road nodes, {} road edges, {} stations, {} vehicles with {} planned trips in {} "
                       "segments, {} plan{} (base included)\n",
                       scenario.string(), w.roads.node_count(), w.roads.edge_count(), w.stations.size(),
                       w.schedule.vehicles.size(), w.schedule.legs.size(), sc.fleet.size(), sc.plans.size() + 1,
                       sc.plans.empty() ? "" : "s");
    return kExitOk;
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    err << "internal error: " << e.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace evsim::cli
