#include "cli/coverage_pipeline.hpp"

#include <fmt/format.h>

#include <fstream>
#include <ostream>
#include <set>

#include "cli/run_pipeline.hpp"
#include "models/build_coverage.hpp"
#include "models/coverage/length_graph.hpp"
#include "models/coverage/placement.hpp"
#include "models/road/csv_reader.hpp"
#include "models/road/node_snapper.hpp"
#include "models/road/point_columns.hpp"
#include "output/coverage_report.hpp"
#include "output/json.hpp"
#include "output/result_file.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/units.hpp"

#ifndef EVSIM_VERSION
#error "EVSIM_VERSION must be defined by the build"
#endif

namespace evsim::cli {
namespace {

namespace road = models::road;

double parse_option_quantity(scenarios::Quantity q, const std::string& option, const std::string& text) {
  try {
    const double value = scenarios::parse_quantity(q, text);
    if (!(value > 0.0)) throw scenarios::UnitError(fmt::format("{} above 0", scenarios::describe(q)), scenarios::quote(text));
    return value;
  } catch (const scenarios::UnitError& e) {
    throw scenarios::ScenarioError("(command line)", 0, 0, option, e.expected(), e.found());
  }
}

models::geometry::Datum parse_option_crs(const std::string& text) {
  const auto datum = models::geometry::parse_datum(text);
  if (!datum) {
    throw scenarios::ScenarioError("(command line)", 0, 0, "--crs", std::string(models::geometry::kDatumNames),
                                   scenarios::quote(text));
  }
  return *datum;
}

// Candidate sites from a CSV file: node, lon/lat (in `crs`) or x_m/y_m columns; each snaps to its
// node; a node named twice is kept once.
std::vector<road::NodeId> read_candidates(const std::filesystem::path& file, models::geometry::Datum crs,
                                          const road::RoadNetwork& network) {
  const road::CsvTable csv = road::CsvTable::read(file, {.file = "(command line)", .key_path = "--candidates"});
  const road::NodeSnapper snapper(network.graph);
  const road::PointColumns points(csv, network, crs);
  std::vector<road::NodeId> out;
  std::set<road::NodeId> seen;
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    const road::NodeId n = points.snap(row, snapper).node;
    if (seen.insert(n).second) out.push_back(n);
  }
  return out;
}

void write_sites_csv(const std::filesystem::path& path, const models::CoverageCase& c,
                     const models::coverage::PlacementResult& result, const PlaceOptions& o, double dc_kw, double ac_kw) {
  std::ofstream f(path);
  if (!f) {
    throw scenarios::ScenarioError("(command line)", 0, 0, "--sites", "a writable file path", scenarios::quote(path.string()));
  }
  const bool geo = c.network.projection.has_value();
  f << (geo ? "name,lon,lat" : "name,x_m,y_m") << ",node,dc_plugs,dc_power_kw,ac_plugs,ac_power_kw,coverage_after\n";
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
    f << fmt::format("site-{},{},{},{},{},{},{},{:.9f}\n", ++k, where, step.node, o.dc_plugs, dc_kw, o.ac_plugs, ac_kw,
                     step.coverage);
  }
  if (!f) throw scenarios::ScenarioError("(command line)", 0, 0, "--sites", "a writable file path", scenarios::quote(path.string()));
}

}  // namespace

int run_coverage(const CoverageOptions& o, std::ostream& out, std::ostream& err) {
  models::CoverageCase c;
  scenarios::Scenario sc;
  double radius_m = 0.0;
  try {
    sc = scenarios::load_scenario_file(o.scenario);
    radius_m = o.radius ? parse_option_quantity(scenarios::Quantity::length, "--radius", *o.radius) : sc.coverage.radius_m;
    c = models::build_coverage_case(sc);
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  const double catchment_m = sc.coverage.catchment_m;
  std::vector<output::PlanCoverage> plans;
  // One reversed graph for every plan: building it costs as much as the analysis itself.
  const auto to_station = models::coverage::LengthGraph::reversed(c.network.graph);
  for (const models::CoveragePlan& plan : c.plans) {
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
  if (!o.output.empty()) {
    try {
      output::ResultFile file = output::ResultFile::create(o.output);
      file.write_meta({.scenario_text = sc.source_text, .scenario_file = o.scenario.string(), .evsim_version = EVSIM_VERSION,
                       .seed = sc.run.seed, .replication = 0, .start_wall_clock = output::utc_now_iso8601(),
                       .command_line = o.command_line});
      output::write_coverage(file, c, plans, radius_m, catchment_m);
      file.finish(output::RunStatus::complete);
    } catch (const output::OutputError& e) {
      err << "error: " << e.what() << "\n";
      return kExitBadInput;
    }
  }
  if (o.json) {
    out << output::coverage_json(c, plans, radius_m) << "\n";
  } else {
    out << output::coverage_text(c, plans, radius_m);
    if (!o.output.empty()) out << "results: " << o.output.string() << "\n";
  }
  return kExitOk;
}

int run_place(const PlaceOptions& o, std::ostream& out, std::ostream& err) {
  models::CoverageCase c;
  double radius_m = 0.0;
  double dc_kw = 0.0;
  double ac_kw = 0.0;
  std::vector<road::NodeId> candidates;
  const models::CoveragePlan* plan = nullptr;
  try {
    if (!(o.target > 0.0 && o.target <= 1.0)) {
      throw scenarios::ScenarioError("(command line)", 0, 0, "--target", "a coverage share above 0 and at most 1",
                                     fmt::format("{}", o.target));
    }
    const scenarios::Scenario sc = scenarios::load_scenario_file(o.scenario);
    radius_m = o.radius ? parse_option_quantity(scenarios::Quantity::length, "--radius", *o.radius) : sc.coverage.radius_m;
    dc_kw = parse_option_quantity(scenarios::Quantity::power, "--dc-power", o.dc_power);
    ac_kw = parse_option_quantity(scenarios::Quantity::power, "--ac-power", o.ac_power);
    const models::geometry::Datum candidates_crs = parse_option_crs(o.candidates_crs);
    c = models::build_coverage_case(sc);
    plan = &models::find_plan(c, o.plan);
    if (o.candidates) candidates = read_candidates(*o.candidates, candidates_crs, c.network);
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  std::vector<road::NodeId> existing;
  for (const auto& s : plan->public_sites) existing.push_back(s.node);
  models::coverage::PlacementInput input{.graph = c.network.graph,
                                         .existing_stations = existing,
                                         .demand = c.demand,
                                         .in_area = c.in_area,
                                         .candidates = std::nullopt,
                                         .radius_m = radius_m,
                                         .target_share = o.target,
                                         .max_sites = o.max_sites,
                                         .improve = o.improve};
  if (o.candidates) input.candidates = std::span<const road::NodeId>(candidates);
  const models::coverage::PlacementResult result = models::coverage::place_sites(input);
  const std::filesystem::path sites =
      o.sites_csv.empty() ? std::filesystem::path(o.scenario.stem().string() + "-sites.csv") : o.sites_csv;
  try {
    write_sites_csv(sites, c, result, o, dc_kw, ac_kw);
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  if (o.json) {
    std::string curve;
    for (const auto& s : result.steps) curve += fmt::format("{}{}", curve.empty() ? "" : ", ", s.coverage);  // exact round trip
    out << fmt::format(
        "{{\"plan\": {}, \"radius_m\": {}, \"target\": {}, \"initial_coverage\": {}, \"coverage\": {}, "
        "\"sites\": {}, \"target_reached\": {}, \"stop\": \"{}\", \"swaps\": {}, \"removed\": {}, \"curve\": [{}], "
        "\"sites_csv\": {}}}\n",
        output::json_string(plan->name), radius_m, o.target, result.initial_coverage, result.coverage, result.steps.size(),
        result.target_reached ? "true" : "false", models::coverage::to_string(result.stop), result.swaps, result.removed,
        curve, output::json_string(sites.string()));
  } else {
    out << fmt::format("plan {}: demand-weighted coverage within {:.0f} m by road: {:.2f}% now\n", plan->name, radius_m,
                       100 * result.initial_coverage);
    for (std::size_t i = 0; i < result.steps.size(); ++i) {
      out << fmt::format("  + site {:>3} at node {:>8}: {:.2f}%\n", i + 1, result.steps[i].node, 100 * result.steps[i].coverage);
    }
    out << fmt::format("{} new sites, coverage {:.2f}% ({} the target {:.2f}%: {})\nsites: {}\n", result.steps.size(),
                       100 * result.coverage, result.target_reached ? "reaches" : "misses", 100 * o.target,
                       models::coverage::to_string(result.stop), sites.string());
  }
  return kExitOk;
}

}  // namespace evsim::cli
