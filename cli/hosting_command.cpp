// `evsim hosting FEEDER [--load-scale X] [--json]`: per bus, the largest load that can be added
// before a voltage or thermal limit is reached (models/grid/hosting.hpp).
#include <fmt/format.h>

#include <ostream>

#include "cli/grid_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_pipeline.hpp"
#include "models/grid/hosting.hpp"
#include "output/json.hpp"
#include "scenarios/files/feeder_file.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::cli {
namespace {

namespace grid = models::grid;

const char* limit_name(grid::HostingLimit limit) {
  switch (limit) {
    case grid::HostingLimit::under_voltage: return "under_voltage";
    case grid::HostingLimit::over_voltage: return "over_voltage";
    case grid::HostingLimit::line_overload: return "line_overload";
    case grid::HostingLimit::transformer_overload: return "transformer_overload";
    case grid::HostingLimit::no_convergence: return "no_convergence";
    case grid::HostingLimit::none: return "none";
  }
  return "?";
}

// Where the limit is broken: the bus, the line or the transformer.
std::string element_name(const grid::Feeder& f, const grid::BusHosting& h) {
  switch (h.limit) {
    case grid::HostingLimit::under_voltage:
    case grid::HostingLimit::over_voltage:
    case grid::HostingLimit::no_convergence: return f.bus(h.element).id;
    case grid::HostingLimit::line_overload: return line_name(f, h.element);
    case grid::HostingLimit::transformer_overload: return "transformer";
    case grid::HostingLimit::none: return "";
  }
  return "";
}

std::string value_text(const grid::BusHosting& h) {
  switch (h.limit) {
    case grid::HostingLimit::under_voltage:
    case grid::HostingLimit::over_voltage:
    case grid::HostingLimit::no_convergence: return fmt::format("{:.5f} pu", h.value);
    case grid::HostingLimit::line_overload:
    case grid::HostingLimit::transformer_overload: return fmt::format("{:.1f} %", 100.0 * h.value);
    case grid::HostingLimit::none: return "";
  }
  return "";
}

std::string text_report(const grid::Feeder& f, const std::filesystem::path& file, const grid::HostingSettings& s,
                        const grid::HostingResult& r) {
  std::string out = feeder_headline(f, file);
  out += fmt::format(
      "hosting capacity: load added at one bus at a time, unity power factor, on the background load x {}; "
      "bisection to {} kW, searched up to {} kW\n",
      s.load_scale, s.step_kw, s.max_kw);
  out += fmt::format("limits: voltage {} to {} pu, line current up to its ampacity, transformer up to {} kVA\n",
                     s.limits.min_voltage_pu, s.limits.max_voltage_pu, f.rating_kva());
  if (r.base_case_violated) {
    const grid::BusHosting& h = r.buses.front();
    out += fmt::format("the background load alone breaks a limit ({} at {}, {}): no bus can take more load\n",
                       limit_name(h.limit), element_name(f, h), value_text(h));
  }
  out += fmt::format("  {:<10} {:>13}  {:<21} {:<12} {}\n", "bus", "max_added_kw", "limit", "at", "value");
  for (const grid::BusHosting& h : r.buses) {
    out += fmt::format("  {:<10} {:>13.0f}  {:<21} {:<12} {}\n", f.bus(h.bus).id, h.max_added_kw, limit_name(h.limit),
                       element_name(f, h), value_text(h));
  }
  return out;
}

std::string json_report(const grid::Feeder& f, const grid::HostingSettings& s, const grid::HostingResult& r) {
  using output::json_string;
  std::string buses;
  for (const grid::BusHosting& h : r.buses) {
    if (!buses.empty()) buses += ", ";
    buses += fmt::format("{{\"bus\": {}, \"max_added_kw\": {:.0f}, \"limit\": \"{}\", \"at\": {}, \"value\": {}}}",
                         json_string(f.bus(h.bus).id), h.max_added_kw, limit_name(h.limit),
                         h.limit == grid::HostingLimit::none ? "null" : json_string(element_name(f, h)),
                         h.limit == grid::HostingLimit::none ? "null" : fmt::format("{:.6f}", h.value));
  }
  return fmt::format(
      "{{\"feeder\": {}, \"buses\": {}, \"load_scale\": {}, \"power_factor\": 1, \"step_kw\": {}, \"max_kw\": {}, "
      "\"min_voltage_pu\": {}, \"max_voltage_pu\": {}, \"transformer_kva\": {}, \"base_case_violated\": {}, "
      "\"hosting\": [{}]}}",
      json_string(f.spec().name), f.bus_count(), s.load_scale, s.step_kw, s.max_kw, s.limits.min_voltage_pu,
      s.limits.max_voltage_pu, f.rating_kva(), r.base_case_violated ? "true" : "false", buses);
}

}  // namespace

int run_hosting(const HostingOptions& o, std::ostream& out, std::ostream& err) {
  std::optional<scenarios::files::FeederFile> file;
  grid::HostingSettings settings;
  try {
    enter_phase(Phase::load);
    settings.load_scale = parse_load_scale_option(o.load_scale);
    file.emplace(scenarios::files::load_feeder_file(o.feeder));
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  enter_phase(Phase::analyse);
  const grid::HostingResult r = grid::hosting_capacity(file->feeder, settings);
  enter_phase(Phase::done);
  if (o.json) {
    const std::string json = json_report(file->feeder, settings, r);
    output::check_finite_json(json);
    out << json << "\n";
  } else {
    out << text_report(file->feeder, o.feeder, settings, r);
  }
  return kExitOk;
}

}  // namespace evsim::cli
