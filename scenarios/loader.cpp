#include "scenarios/loader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "scenarios/files/text_input.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"
#include "scenarios/yaml_documents.hpp"
#include "scenarios/yaml_reader.hpp"

namespace evsim::scenarios {
namespace {

constexpr sim::Duration kDefaultSampleInterval = std::chrono::minutes(15);
constexpr double kMinAmbientTemperatureC = -50.0;
constexpr double kMaxAmbientTemperatureC = 60.0;

sim::EventListKind read_event_list(const NodeRef& ref) {
  std::vector<std::string_view> names;
  for (const sim::EventListKind kind : sim::kAllEventListKinds) names.push_back(sim::to_string(kind));
  return sim::kAllEventListKinds[read_choice(ref, names)];
}

double read_ambient_temperature(const NodeRef& ref) {
  const double value = read_quantity(ref, Quantity::temperature, Bound::any);
  if (!(value >= kMinAmbientTemperatureC && value <= kMaxAmbientTemperatureC)) {
    ref.fail(fmt::format("a temperature from {} to {} degC", kMinAmbientTemperatureC, kMaxAmbientTemperatureC),
             quote(ref.node().Scalar()));
  }
  return value;
}

RunSpec read_run(const MapReader& top) {
  RunSpec run;
  run.name = read_string(top.need("name"));
  if (const auto seed = top.get("seed")) run.seed = read_uint(*seed);
  const NodeRef horizon = top.need("horizon");
  run.horizon = read_duration(horizon, Bound::positive);
  if (static_cast<double>(run.horizon.count()) > kMaxHorizonMs) {
    horizon.fail("a duration > 0 and at most 400d (evsim's plausibility limit; longer studies run in stages)",
                 quote(horizon.node().Scalar()));
  }
  const auto sample = top.get("sample_interval");
  run.sample_interval = sample ? read_duration(*sample, Bound::positive) : kDefaultSampleInterval;
  if (sample && static_cast<double>(run.sample_interval.count()) < kMinSampleIntervalMs) {
    sample->fail("a duration of at least 1s (evsim's plausibility limit)", quote(sample->node().Scalar()));
  }
  if (run.sample_interval > run.horizon) {
    if (sample) {
      sample->fail(fmt::format("a duration > 0 and <= horizon ({})", quote(horizon.node().Scalar())),
                   quote(sample->node().Scalar()));
    }
    horizon.fail("a duration >= sample_interval (15min by default)", quote(horizon.node().Scalar()));
  }
  if (const auto event_list = top.get("event_list")) run.event_list = read_event_list(*event_list);
  if (const auto ambient = top.get("ambient_temperature")) run.ambient_temperature_c = read_ambient_temperature(*ambient);
  return run;
}

int one_based(int zero_based) { return zero_based + 1; }

std::vector<YAML::Node> parse_yaml(const std::string& text, const std::string& file) {
  try {
    return load_yaml_documents(text);
  } catch (const YAML::Exception& e) {
    const bool known = !e.mark.is_null();
    throw ScenarioError(file, known ? one_based(e.mark.line) : 0, known ? one_based(e.mark.column) : 0,
                        std::string(kDocumentKey), "valid YAML", e.msg);
  }
}

}  // namespace

Scenario parse_scenario(const std::string& yaml_text, const std::filesystem::path& file) {
  const std::string name = file.string();
  const std::vector<YAML::Node> documents = parse_yaml(yaml_text, name);
  const NodeRef root(documents.empty() ? YAML::Node() : documents.front(), name);
  if (documents.size() > 1) {
    NodeRef(documents[1], name).fail("one YAML document", fmt::format("{} documents", documents.size()));
  }
  if (!root.node().IsDefined() || root.node().IsNull()) root.fail("a mapping of scenario keys", "an empty document");
  const MapReader top(root,
                      {"name", "seed", "horizon", "sample_interval", "event_list", "ambient_temperature", "road",
                       "vehicle_types", "stations", "station_files", "fleet", "plans", "coverage", "places", "charging",
                       "grid", "tariffs", "sessions", "grid_events"},
                      "a mapping of scenario keys");
  Scenario sc;
  sc.source_file = file;
  sc.source_text = yaml_text;
  sc.run = read_run(top);
  sc.road = read_road(top.need("road"), file, sc.snapping);
  sc.vehicle_types = read_vehicle_types(top.need("vehicle_types"));
  if (const auto stations = top.get("stations")) sc.stations = read_stations(*stations);
  if (const auto files = top.get("station_files")) sc.station_files = read_station_files(*files, file);
  sc.fleet = read_fleet(top.need("fleet"), sc.vehicle_types, file);
  if (const auto plans = top.get("plans")) sc.plans = read_plans(*plans, file, sc.stations);
  if (const auto coverage = top.get("coverage")) sc.coverage = read_coverage(*coverage, file);
  if (const auto places = top.get("places")) sc.places = read_places(*places, file);
  if (const auto charging = top.get("charging")) sc.charging = read_charging(*charging);
  if (const auto grid = top.get("grid")) sc.grid = read_grid(*grid, file);
  if (const auto tariffs = top.get("tariffs")) sc.tariffs = read_tariffs(*tariffs);
  check_tariff_references(sc);
  if (const auto sessions = top.get("sessions")) sc.sessions = read_sessions(*sessions, file);
  if (const auto events = top.get("grid_events")) {
    std::vector<StationSpec> all = sc.stations;
    for (const PlanSpec& plan : sc.plans) all.insert(all.end(), plan.stations.begin(), plan.stations.end());
    std::vector<std::string> feeders;
    for (const FeederRefSpec& f : sc.grid.feeders) feeders.push_back(f.name);
    sc.grid_events = read_grid_events(*events, all, feeders, sc.run.horizon);
  }
  return sc;
}

Scenario load_scenario_file(const std::filesystem::path& file) {
  return parse_scenario(files::read_text_file(file, "a readable scenario file"), file);
}

std::filesystem::path resolve_relative(const std::filesystem::path& scenario_file, const std::string& value) {
  const std::filesystem::path p(value);
  if (p.is_absolute()) return p;
  return scenario_file.parent_path() / p;
}

}  // namespace evsim::scenarios
