// `evsim powerflow FEEDER [--load-scale X] [--add BUS:KW ...] [--json]`: one power flow snapshot.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <ostream>

#include "cli/grid_commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_pipeline.hpp"
#include "models/grid/power_flow.hpp"
#include "output/json.hpp"
#include "scenarios/files/feeder_file.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/units.hpp"

namespace evsim::cli {
namespace {

namespace grid = models::grid;
constexpr const char* kCommandLine = "(command line)";
constexpr double kMaxLoadScale = 100.0;
constexpr std::size_t kWorstShown = 5;

[[noreturn]] void refuse(std::string_view option, std::string_view expected, std::string_view found) {
  throw scenarios::ScenarioError(kCommandLine, 0, 0, std::string(option), std::string(expected), std::string(found));
}

struct Added {
  grid::BusIndex bus;
  double p_kw;
};

// "BUS:KW" (split at the last ':', so bus ids may hold one); KW is a power ("50", "50kW", "0.2MW"),
// negative for generation.
Added parse_add(const grid::Feeder& feeder, const std::filesystem::path& file, const std::string& text) {
  const std::string expected = "BUS:POWER, a bus id of the feeder and a power (units kW, MW, W; a bare number is kW)";
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) refuse("--add", expected, scenarios::quote(text));
  const std::string bus = text.substr(0, colon);
  const auto b = feeder.find_bus(bus);
  if (!b) {
    refuse("--add", fmt::format("a bus id of the feeder {}", scenarios::quote_path(file)),
           fmt::format("{} in {}", scenarios::quote(bus), scenarios::quote(text)));
  }
  try {
    return {*b, scenarios::parse_quantity(scenarios::Quantity::power, text.substr(colon + 1))};
  } catch (const scenarios::UnitError& e) {
    refuse("--add", e.expected(), e.found());
  }
}

const char* status_text(grid::SolveStatus s) {
  switch (s) {
    case grid::SolveStatus::converged: return "converged";
    case grid::SolveStatus::not_converged: return "did not converge";
    case grid::SolveStatus::collapsed: return "collapsed";
  }
  return "?";
}

struct Counts {
  std::size_t under = 0, over = 0, lines = 0, transformer = 0;
};

Counts count(const std::vector<grid::Violation>& violations) {
  Counts c;
  for (const auto& v : violations) {
    switch (v.kind) {
      case grid::ViolationKind::under_voltage: ++c.under; break;
      case grid::ViolationKind::over_voltage: ++c.over; break;
      case grid::ViolationKind::line_overload: ++c.lines; break;
      case grid::ViolationKind::transformer_overload: ++c.transformer; break;
    }
  }
  return c;
}

// Lines by loading (those with an ampacity first, highest first), then by current.
std::vector<grid::LineIndex> worst_lines(const grid::PowerFlowResult& r) {
  std::vector<grid::LineIndex> lines(r.current_a.size());
  std::iota(lines.begin(), lines.end(), grid::LineIndex{0});
  const auto key = [&](grid::LineIndex l) { return std::isnan(r.loading[l]) ? -1.0 : r.loading[l]; };
  std::stable_sort(lines.begin(), lines.end(), [&](grid::LineIndex a, grid::LineIndex b) {
    if (key(a) != key(b)) return key(a) > key(b);
    return r.current_a[a] > r.current_a[b];
  });
  lines.resize(std::min(lines.size(), kWorstShown));
  return lines;
}

std::string loading_text(double loading) { return std::isnan(loading) ? "-" : fmt::format("{:.1f} %", 100.0 * loading); }
std::string loading_json(double loading) { return std::isnan(loading) ? "null" : fmt::format("{:.6f}", loading); }

std::string text_report(const grid::Feeder& f, const std::filesystem::path& file, double scale, double added_kw,
                        const grid::PowerFlowResult& r, const grid::PowerFlowResult& linear,
                        const grid::PowerFlow& flow, const grid::Limits& limits) {
  const Counts c = count(grid::find_violations(f, r, limits));
  std::string s = feeder_headline(f, file);
  s += fmt::format("load: {:.1f} kW + {:.1f} kvar (background x {}), added {:.1f} kW\n", f.total_p_kw() * scale,
                   f.total_q_kvar() * scale, scale, added_kw);
  s += fmt::format("power flow: {} in {} iterations (tolerance {} pu)\n", status_text(r.status), r.iterations,
                   flow.settings().tolerance_pu);
  s += fmt::format("minimum voltage: {:.4f} pu at bus {}\n", r.min_voltage_pu, f.bus(r.min_voltage_bus).id);
  s += fmt::format("losses: {:.2f} kW, {:.2f} kvar\n", r.loss_kw, r.loss_kvar);
  s += fmt::format("transformer: {:.1f} kW + {:.1f} kvar = {:.1f} kVA, {:.1f} % of {} kVA\n", r.source_p_kw,
                   r.source_q_kvar, std::hypot(r.source_p_kw, r.source_q_kvar), 100.0 * r.transformer_loading,
                   f.rating_kva());
  s += fmt::format("violations: {} buses below {} pu, {} above {} pu, {} lines over ampacity, transformer {}\n",
                   c.under, limits.min_voltage_pu, c.over, limits.max_voltage_pu, c.lines,
                   c.transformer > 0 ? "over its rating" : "within its rating");
  if (linear.converged()) {
    s += fmt::format("LinDistFlow beside it: minimum {:.4f} pu at bus {}, losses {:.2f} kW\n", linear.min_voltage_pu,
                     f.bus(linear.min_voltage_bus).id, linear.loss_kw);
  } else {
    s += fmt::format("LinDistFlow beside it: no estimate (its voltages fall below {} pu)\n", grid::kCollapsePu);
  }
  s += "worst lines:\n";
  s += fmt::format("  {:<12} {:>10} {:>9} {:>10} {:>10} {:>9}\n", "line", "current_a", "loading", "p_kw", "q_kvar",
                   "loss_kw");
  for (const grid::LineIndex l : worst_lines(r)) {
    s += fmt::format("  {:<12} {:>10.1f} {:>9} {:>10.1f} {:>10.1f} {:>9.2f}\n", line_name(f, l), r.current_a[l],
                     loading_text(r.loading[l]), r.p_flow_kw[l], r.q_flow_kvar[l], r.p_loss_kw[l]);
  }
  return s;
}

std::string json_report(const grid::Feeder& f, double scale, double added_kw, const grid::PowerFlowResult& r,
                        const grid::PowerFlowResult& linear, const grid::Limits& limits) {
  using output::json_string;
  const Counts c = count(grid::find_violations(f, r, limits));
  const std::string linear_json =
      linear.converged() ? fmt::format("{{\"min_voltage_pu\": {:.6f}, \"min_voltage_bus\": {}, \"loss_kw\": {:.6f}}}",
                                       linear.min_voltage_pu, json_string(f.bus(linear.min_voltage_bus).id),
                                       linear.loss_kw)
                         : std::string("null");
  std::string lines;
  for (const grid::LineIndex l : worst_lines(r)) {
    if (!lines.empty()) lines += ", ";
    lines += fmt::format(
        "{{\"from\": {}, \"to\": {}, \"current_a\": {:.6f}, \"loading\": {}, \"p_kw\": {:.6f}, \"q_kvar\": {:.6f}, "
        "\"loss_kw\": {:.6f}}}",
        json_string(f.line(l).from), json_string(f.line(l).to), r.current_a[l], loading_json(r.loading[l]),
        r.p_flow_kw[l], r.q_flow_kvar[l], r.p_loss_kw[l]);
  }
  return fmt::format(
      "{{\"feeder\": {}, \"buses\": {}, \"lines\": {}, \"load_scale\": {}, \"load_kw\": {:.6f}, \"load_kvar\": {:.6f}, "
      "\"added_kw\": {:.6f}, \"converged\": true, \"iterations\": {}, \"min_voltage_pu\": {:.6f}, "
      "\"min_voltage_bus\": {}, \"loss_kw\": {:.6f}, \"loss_kvar\": {:.6f}, \"source_p_kw\": {:.6f}, "
      "\"source_q_kvar\": {:.6f}, \"transformer_kva\": {}, \"transformer_loading\": {:.6f}, "
      "\"violations\": {{\"under_voltage\": {}, \"over_voltage\": {}, \"line_overload\": {}, "
      "\"transformer_overload\": {}}}, \"lindistflow\": {}, \"worst_lines\": [{}]}}",
      json_string(f.spec().name), f.bus_count(), f.line_count(), scale, f.total_p_kw() * scale + added_kw,
      f.total_q_kvar() * scale, added_kw, r.iterations, r.min_voltage_pu, json_string(f.bus(r.min_voltage_bus).id),
      r.loss_kw, r.loss_kvar, r.source_p_kw, r.source_q_kvar, f.rating_kva(), r.transformer_loading, c.under, c.over,
      c.lines, c.transformer, linear_json, lines);
}

}  // namespace

double parse_load_scale_option(const std::string& text) {
  const std::string expected = fmt::format("a number from 0 to {}", kMaxLoadScale);
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !(value >= 0.0 && value <= kMaxLoadScale)) {
    refuse("--load-scale", expected, scenarios::quote(text));
  }
  return value;
}

std::string line_name(const grid::Feeder& feeder, grid::LineIndex l) {
  return fmt::format("{}-{}", feeder.line(l).from, feeder.line(l).to);
}

std::string feeder_headline(const grid::Feeder& f, const std::filesystem::path& file) {
  return fmt::format("feeder {} ({}): {} buses, {} lines, transformer {} kVA at bus {}, source {} pu\n", f.spec().name,
                     file.string(), f.bus_count(), f.line_count(), f.rating_kva(), f.bus(f.source()).id, f.source_pu());
}

int run_powerflow(const PowerflowOptions& o, std::ostream& out, std::ostream& err) {
  std::optional<scenarios::files::FeederFile> file;
  double scale = 1.0;
  grid::BusLoads loads;
  double added_kw = 0.0;
  try {
    enter_phase(Phase::load);
    scale = parse_load_scale_option(o.load_scale);
    file.emplace(scenarios::files::load_feeder_file(o.feeder));
    loads = grid::BusLoads::background(file->feeder, scale);
    for (const std::string& a : o.add) {
      const Added added = parse_add(file->feeder, o.feeder, a);
      loads.add(added.bus, added.p_kw, 0.0);
      added_kw += added.p_kw;
    }
  } catch (const scenarios::ScenarioError& e) {
    err << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  enter_phase(Phase::analyse);
  const grid::Feeder& f = file->feeder;
  grid::PowerFlow flow(f);
  const grid::PowerFlowResult r = flow.solve(loads);
  if (!r.converged()) {
    err << fmt::format("error: {}: the power flow {} after {} iterations (last voltage change {:.3g} pu, lowest "
                       "voltage {:.4f} pu at bus {}): the load is more than the feeder can carry\n",
                       o.feeder.string(), status_text(r.status), r.iterations, r.last_change_pu, r.min_voltage_pu,
                       f.bus(r.min_voltage_bus).id);
    return kExitBadInput;
  }
  const grid::PowerFlowResult linear = flow.solve_linear(loads);
  const grid::Limits limits{};
  enter_phase(Phase::done);
  if (o.json) {
    const std::string json = json_report(f, scale, added_kw, r, linear, limits);
    output::check_finite_json(json);
    out << json << "\n";
  } else {
    out << text_report(f, o.feeder, scale, added_kw, r, linear, flow, limits);
  }
  return kExitOk;
}

}  // namespace evsim::cli
