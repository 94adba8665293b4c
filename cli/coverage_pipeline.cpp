#include "cli/coverage_pipeline.hpp"

#include <fmt/format.h>

#include <limits>
#include <ostream>
#include <set>

#include "cli/interrupt.hpp"
#include "cli/option_values.hpp"
#include "cli/output_path.hpp"
#include "cli/run_pipeline.hpp"
#include "scenarios/assembly/build_coverage.hpp"
#include "models/coverage/length_graph.hpp"
#include "models/coverage/placement.hpp"
#include "scenarios/files/csv_reader.hpp"
#include "models/road/node_snapper.hpp"
#include "scenarios/files/point_columns.hpp"
#include "output/coverage_report.hpp"
#include "output/json.hpp"
#include "output/result_file.hpp"
#include "output/text_file.hpp"
#include "scenarios/input_files.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/units.hpp"

#ifndef EVSIM_VERSION
#error "EVSIM_VERSION must be defined by the build"
#endif

namespace evsim::cli {
namespace {

namespace road = models::road;

models::geometry::Datum parse_option_crs(const std::string& text) {
  const auto datum = models::geometry::parse_datum(text);
  if (!datum) {
    throw scenarios::ScenarioError("(command line)", 0, 0, "--crs", std::string(models::geometry::kDatumNames),
                                   scenarios::quote(text));
  }
  return *datum;
}

// Candidate sites from a CSV file: node, lon/lat (in `crs`) or x_m/y_m columns, put on the road like
// every other point (scenarios/files/point_locator.hpp, within the scenario's max_snap_distance); a node
// named twice is kept once.
std::vector<road::NodeId> read_candidates(const std::filesystem::path& file, models::geometry::Datum crs,
                                          const road::RoadNetwork& network, double max_snap_distance_m) {
  const scenarios::files::CsvTable csv = scenarios::files::CsvTable::read(file, {.file = "(command line)", .key_path = "--candidates"});
  scenarios::files::PointLocator locator(network, max_snap_distance_m);
  const scenarios::files::PointColumns points(csv, network, "candidate site", crs);
  std::vector<road::NodeId> out;
  std::set<road::NodeId> seen;
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    const road::NodeId n = points.locate(row, locator);
    if (seen.insert(n).second) out.push_back(n);
  }
  return out;
}

// The place options as numbers, checked.
struct PlaceValues {
  double target = 0.0;
  std::optional<std::uint32_t> max_sites;
  std::uint32_t dc_plugs = 0;
  std::uint32_t ac_plugs = 0;
  double dc_kw = 0.0;
  double ac_kw = 0.0;
};

PlaceValues parse_place_values(const PlaceOptions& o) {
  constexpr std::uint64_t kMaxCount = std::numeric_limits<std::uint32_t>::max();
  PlaceValues v;
  v.target = parse_share_option("--target", o.target);
  if (o.max_sites) v.max_sites = static_cast<std::uint32_t>(parse_count_option("--max-sites", *o.max_sites, 1, kMaxCount));
  v.dc_plugs = static_cast<std::uint32_t>(parse_count_option("--dc-plugs", o.dc_plugs, 0, kMaxCount));
  v.ac_plugs = static_cast<std::uint32_t>(parse_count_option("--ac-plugs", o.ac_plugs, 0, kMaxCount));
  if (v.dc_plugs == 0 && v.ac_plugs == 0) {
    throw scenarios::ScenarioError("(command line)", 0, 0, "--dc-plugs, --ac-plugs",
                                   "at least one plug per new site in total", "0 DC and 0 AC plugs");
  }
  v.dc_kw = parse_positive_quantity_option("--dc-power", scenarios::Quantity::power, o.dc_power);
  v.ac_kw = parse_positive_quantity_option("--ac-power", scenarios::Quantity::power, o.ac_power);
  return v;
}

std::string sites_csv_text(const scenarios::assembly::CoverageCase& c, const models::coverage::PlacementResult& result,
                           const PlaceValues& v) {
  const bool geo = c.network.projection.has_value();
  std::string text = geo ? "name,lon,lat" : "name,x_m,y_m";
  text += ",node,dc_plugs,dc_power_kw,ac_plugs,ac_power_kw,coverage_after\n";
  std::uint32_t k = 0;
  for (const auto& step : result.steps) {
    const double x = c.network.graph.x_m(step.node);
    const double y = c.network.graph.y_m(step.node);
    std::string where;
    if (geo) {
      const road::LonLat ll = c.network.projection->to_lon_lat(x, y);
      where = fmt::format("{:.7f},{:.7f}", ll.lon, ll.lat);
    } else {
      where = fmt::format("{:.3f},{:.3f}", x, y);
    }
    // The node as the network file names it, so that the file loads back onto the same node.
    text += fmt::format("site-{},{},{},{},{},{},{},{:.9f}\n", ++k, where, c.network.source_ids[step.node], v.dc_plugs, v.dc_kw, v.ac_plugs,
                        v.ac_kw, step.coverage);
  }
  return text;
}

// After a signal in a phase that keeps going (writing) or once the work was done.
int report_signal(std::ostream& err, std::string_view what_happened) {
  const int sig = interrupt_signal();
  err << fmt::format("evsim: interrupted by {} while {}; {}\n", signal_name(sig), describe(interrupt_phase()),
                     what_happened);
  return exit_code(sig);
}

}  // namespace

std::filesystem::path default_sites_path(const std::filesystem::path& scenario, std::string_view plan) {
  if (plan == scenarios::kBasePlanName) return scenario.stem().string() + "-sites.csv";
  return fmt::format("{}-{}-sites.csv", scenario.stem().string(), plan);
}

int run_coverage(const CoverageOptions& o, std::ostream& out, std::ostream& err) {
  scenarios::assembly::CoverageCase c;
  scenarios::Scenario sc;
  double radius_m = 0.0;
  try {
    enter_phase(Phase::load);
    sc = scenarios::load_scenario_file(o.scenario);
    radius_m = o.radius ? parse_positive_quantity_option("--radius", scenarios::Quantity::length, *o.radius)
                        : sc.coverage.radius_m;
    if (!o.output.empty()) check_output_path(o.output, "-o", o.force, scenarios::input_files(sc));
    enter_phase(Phase::build);
    c = scenarios::assembly::build_coverage_case(sc);
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  enter_phase(Phase::analyse);
  const double catchment_m = sc.coverage.catchment_for(radius_m);
  std::vector<output::PlanCoverage> plans;
  // One reversed graph for every plan: building it costs as much as the analysis itself.
  const auto to_station = models::coverage::LengthGraph::reversed(c.network.graph);
  for (const scenarios::assembly::CoveragePlan& plan : c.plans) {
    models::coverage::CoverageInput input{.graph = c.network.graph,
                                          .stations = plan.public_sites,
                                          .demand = c.demand,
                                          .in_area = c.in_area,
                                          .radius_m = radius_m,
                                          .catchment_m = catchment_m,
                                          .vehicles = c.vehicles,
                                          .area_m2 = c.area_m2,
                                          .to_station_graph = &to_station};
    plans.push_back({&plan, models::coverage::analyse_coverage(input)});
  }
  output::RunStatus status = output::RunStatus::complete;
  if (!o.output.empty()) {
    enter_phase(Phase::write);
    register_partial_file(partial_path_of(o.output));
    std::optional<output::ResultFile> file;
    try {
      file.emplace(output::ResultFile::create(o.output));
      file->write_meta({.scenario_text = sc.source_text, .scenario_file = o.scenario.string(),
                        .evsim_version = EVSIM_VERSION, .seed = sc.run.seed, .replication = 0,
                        .start_wall_clock = output::utc_now_iso8601(), .command_line = o.command_line});
      output::write_coverage(*file, c, plans, radius_m, catchment_m);
      status = interrupt_signal() == 0 ? output::RunStatus::complete : output::RunStatus::interrupted;
      file->finish(status);
      clear_partial_file();
    } catch (const std::exception& e) {
      if (file) file->discard();
      clear_partial_file();
      err << "error: writing " << o.output.string() << ": " << e.what() << "\n(" << partial_path_of(o.output).string()
          << " removed; no result file written)\n";
      return kExitFailure;
    }
  }
  enter_phase(Phase::done);
  if (o.json) {
    const std::string json = output::coverage_json(c, plans, radius_m);
    output::check_finite_json(json);
    out << json << "\n";
  } else {
    out << output::coverage_text(c, plans, radius_m);
    if (!o.output.empty()) out << "results: " << o.output.string() << "\n";
  }
  out.flush();
  if (interrupt_signal() != 0) {
    if (o.output.empty()) return report_signal(err, "the results above are complete");
    return report_signal(err, status == output::RunStatus::interrupted
                                  ? fmt::format("{} is marked status interrupted", o.output.string())
                                  : fmt::format("{} was complete before (status complete)", o.output.string()));
  }
  return kExitOk;
}

int run_place(const PlaceOptions& o, std::ostream& out, std::ostream& err) {
  scenarios::assembly::CoverageCase c;
  double radius_m = 0.0;
  PlaceValues v;
  std::vector<road::NodeId> candidates;
  const scenarios::assembly::CoveragePlan* plan = nullptr;
  const std::filesystem::path sites = o.sites_csv.empty() ? default_sites_path(o.scenario, o.plan) : o.sites_csv;
  try {
    enter_phase(Phase::load);
    v = parse_place_values(o);
    const scenarios::Scenario sc = scenarios::load_scenario_file(o.scenario);
    radius_m = o.radius ? parse_positive_quantity_option("--radius", scenarios::Quantity::length, *o.radius)
                        : sc.coverage.radius_m;
    std::vector<scenarios::InputFile> inputs = scenarios::input_files(sc);
    if (o.candidates) inputs.push_back({*o.candidates, "the file named by --candidates"});
    check_output_path(sites, "--sites", o.force, inputs);
    enter_phase(Phase::build);
    const models::geometry::Datum candidates_crs = parse_option_crs(o.candidates_crs);
    c = scenarios::assembly::build_coverage_case(sc);
    plan = &scenarios::assembly::find_plan(c, sc, o.plan);
    if (o.candidates) candidates = read_candidates(*o.candidates, candidates_crs, c.network, sc.snapping.max_snap_distance_m);
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  enter_phase(Phase::place);
  std::vector<road::NodeId> existing;
  for (const auto& s : plan->public_sites) existing.push_back(s.node);
  models::coverage::PlacementInput input{.graph = c.network.graph,
                                         .existing_stations = existing,
                                         .demand = c.demand,
                                         .in_area = c.in_area,
                                         .candidates = std::nullopt,
                                         .radius_m = radius_m,
                                         .target_share = v.target,
                                         .max_sites = v.max_sites,
                                         .improve = o.improve};
  if (o.candidates) input.candidates = std::span<const road::NodeId>(candidates);
  const models::coverage::PlacementResult result = models::coverage::place_sites(input);

  enter_phase(Phase::write);
  try {
    output::TextFile file(sites);
    file.write(sites_csv_text(c, result, v));
    if (interrupt_signal() != 0) {
      file.discard();
      return report_signal(err, fmt::format("no sites file written ({} removed)", file.partial_path().string()));
    }
    file.commit();
  } catch (const output::OutputError& e) {
    err << "error: writing " << sites.string() << ": " << e.what() << "\n(no sites file written)\n";
    return kExitFailure;
  }
  enter_phase(Phase::done);
  if (o.json) {
    std::string curve;
    for (const auto& s : result.steps) curve += fmt::format("{}{}", curve.empty() ? "" : ", ", s.coverage);  // exact round trip
    out << fmt::format(
        "{{\"plan\": {}, \"radius_m\": {}, \"target\": {}, \"initial_coverage\": {}, \"coverage\": {}, "
        "\"sites\": {}, \"target_reached\": {}, \"stop\": \"{}\", \"swaps\": {}, \"removed\": {}, \"curve\": [{}], "
        "\"sites_csv\": {}}}\n",
        output::json_string(plan->name), radius_m, v.target, result.initial_coverage, result.coverage, result.steps.size(),
        result.target_reached ? "true" : "false", models::coverage::to_string(result.stop), result.swaps, result.removed,
        curve, output::json_string(sites.string()));
  } else {
    out << fmt::format("plan {}: demand-weighted coverage within {:.0f} m by road: {:.2f}% now\n", plan->name, radius_m,
                       100 * result.initial_coverage);
    for (std::size_t i = 0; i < result.steps.size(); ++i) {
      out << fmt::format("  + site {:>3} at node {:>8}: {:.2f}%\n", i + 1, result.steps[i].node, 100 * result.steps[i].coverage);
    }
    out << fmt::format("{} new sites, coverage {:.2f}% ({} the target {:.2f}%: {})\nsites: {}\n", result.steps.size(),
                       100 * result.coverage, result.target_reached ? "reaches" : "misses", 100 * v.target,
                       models::coverage::to_string(result.stop), sites.string());
  }
  out.flush();
  if (interrupt_signal() != 0) return report_signal(err, fmt::format("{} was complete before (all sites written)", sites.string()));
  return kExitOk;
}

}  // namespace evsim::cli
