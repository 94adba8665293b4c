// Fuzz target: the feeder file format (scenarios/files/feeder_file.hpp, docs/feeder-format.md) and
// the background load profile (scenarios/files/load_profile.hpp), then one power flow on what loads.
//
// One input holds several files, each after a line "==> NAME <==" (as `head` prints files); text
// before the first such line is feeder.yaml. NAME is one of feeder.yaml, buses.csv, lines.csv,
// profile.csv; other names are skipped. The files are written to the scratch folder and a file the
// input does not hold is removed, so no input sees what an earlier one left. The YAML names its
// CSVs itself (the seeds name buses.csv and lines.csv).
//
// Contract checked, beyond "only ScenarioError escapes" (fuzz_support.hpp):
//  - a feeder that loads has at least one bus and is a tree: bus_count() == line_count() + 1;
//  - the sweep (PowerFlow::solve) at the background load times the profile's largest multiplier
//    (1 without a profile) either says it did not converge, or every number it reports is finite
//    (a loading is NaN exactly for a line without ampacity), within max_iterations, and the power
//    balances: source = loads + losses, to 1e-6 of the power moved (loads and line flows);
//  - with no load at all it converges at source_pu on every bus (nothing can drop the voltage);
//  - LinDistFlow (PowerFlow::solve_linear), when it reports converged, reports finite numbers.
// A broken check prints what broke and aborts, which libFuzzer reports as a crash.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "models/grid/power_flow.hpp"
#include "scenarios/files/feeder_file.hpp"
#include "scenarios/files/load_profile.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

namespace grid = evsim::models::grid;

constexpr std::string_view kFileNames[] = {"feeder.yaml", "buses.csv", "lines.csv", "profile.csv"};

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "feeder fuzz contract broken: %s\n", what);
  std::abort();
}

// Splits the input at lines "==> NAME <==" and writes each known file; returns which were present.
std::array<bool, std::size(kFileNames)> write_files(std::string_view input) {
  std::array<std::string, std::size(kFileNames)> text{};
  std::array<bool, std::size(kFileNames)> present{};
  std::size_t current = 0;  // feeder.yaml until the first header
  bool skipping = false;
  present[0] = true;
  while (!input.empty()) {
    const std::size_t eol = input.find('\n');
    const std::size_t len = eol == std::string_view::npos ? input.size() : eol + 1;
    const std::string_view line = input.substr(0, len);
    input.remove_prefix(len);
    std::string_view bare = line;
    if (!bare.empty() && bare.back() == '\n') bare.remove_suffix(1);
    if (bare.starts_with("==> ") && bare.ends_with(" <==") && bare.size() >= 8) {
      const std::string_view name = bare.substr(4, bare.size() - 8);
      skipping = true;
      for (std::size_t i = 0; i < std::size(kFileNames); ++i) {
        if (name == kFileNames[i]) {
          current = i;
          skipping = false;
          present[i] = true;
          text[i].clear();  // a second header of the same name starts that file again
        }
      }
      continue;
    }
    if (!skipping) text[current] += line;
  }
  for (std::size_t i = 0; i < std::size(kFileNames); ++i) {
    const std::filesystem::path path = evsim::fuzz::scratch_dir() / kFileNames[i];
    if (present[i]) {
      evsim::fuzz::write_scratch(kFileNames[i], text[i]);
    } else {
      std::filesystem::remove(path);
    }
  }
  return present;
}

bool finite_all(const std::vector<double>& v) {
  for (const double x : v) {
    if (!std::isfinite(x)) return false;
  }
  return true;
}

void check_sweep(const grid::Feeder& f, const grid::BusLoads& loads, const grid::PowerFlow& flow,
                 const grid::PowerFlowResult& r) {
  require(r.iterations >= 1 && r.iterations <= flow.settings().max_iterations, "sweep iterations out of range");
  require(r.voltage_pu.size() == f.bus_count() && r.current_a.size() == f.line_count(), "result sizes");
  if (!r.converged()) return;
  require(finite_all(r.voltage_pu) && finite_all(r.angle_deg), "converged with a non-finite voltage or angle");
  require(finite_all(r.current_a) && finite_all(r.p_flow_kw) && finite_all(r.q_flow_kvar) &&
              finite_all(r.p_loss_kw) && finite_all(r.q_loss_kvar),
          "converged with a non-finite current, flow or loss");
  for (grid::LineIndex l = 0; l < f.line_count(); ++l) {
    require(std::isnan(r.loading[l]) == !f.line(l).ampacity_a.has_value(), "loading NaN not exactly without ampacity");
    if (f.line(l).ampacity_a) require(std::isfinite(r.loading[l]), "converged with a non-finite line loading");
  }
  require(std::isfinite(r.loss_kw) && std::isfinite(r.loss_kvar) && std::isfinite(r.source_p_kw) &&
              std::isfinite(r.source_q_kvar) && std::isfinite(r.transformer_loading) && std::isfinite(r.min_voltage_pu),
          "converged with a non-finite total");
  require(r.min_voltage_bus < f.bus_count(), "min_voltage_bus is not a bus");
  require(r.min_voltage_pu >= grid::kCollapsePu, "converged below the collapse voltage");
  double load_p = 0.0, load_q = 0.0, moved = 0.0;
  for (grid::BusIndex b = 0; b < f.bus_count(); ++b) {
    load_p += loads.p_kw[b];
    load_q += loads.q_kvar[b];
    moved += std::abs(loads.p_kw[b]) + std::abs(loads.q_kvar[b]);
  }
  // The sweep stops with each voltage within tolerance_pu (1e-9) of the last: the balance is off by
  // at most about that times the line currents, so the tolerance scales with the flows.
  for (grid::LineIndex l = 0; l < f.line_count(); ++l) {
    moved += std::abs(r.p_flow_kw[l]) + std::abs(r.q_flow_kvar[l]) + std::abs(r.p_loss_kw[l]) + std::abs(r.q_loss_kvar[l]);
  }
  if (!std::isfinite(moved)) return;  // sums of finite terms that overflow: no balance to check
  const double tolerance = 1e-6 * moved / std::min(1.0, r.min_voltage_pu) + 1e-9;
  require(std::abs(r.source_p_kw - (load_p + r.loss_kw)) <= tolerance, "active power does not balance");
  require(std::abs(r.source_q_kvar - (load_q + r.loss_kvar)) <= tolerance, "reactive power does not balance");
}

void check_unloaded(const grid::Feeder& f, grid::PowerFlow& flow) {
  const grid::PowerFlowResult r = flow.solve(grid::BusLoads::background(f, 0.0));
  require(r.converged(), "no load, yet the sweep did not converge");
  for (grid::BusIndex b = 0; b < f.bus_count(); ++b) {
    require(std::abs(r.voltage_pu[b] - f.source_pu()) <= 1e-9, "no load, yet a bus is off source_pu");
  }
}

void check_linear(const grid::Feeder& f, const grid::PowerFlowResult& r) {
  if (!r.converged()) return;
  require(finite_all(r.voltage_pu) && finite_all(r.current_a) && finite_all(r.p_loss_kw) && std::isfinite(r.loss_kw) &&
              std::isfinite(r.source_p_kw) && r.min_voltage_bus < f.bus_count(),
          "LinDistFlow converged with a non-finite number");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto present = write_files(evsim::fuzz::bytes(data, size));
  const std::filesystem::path dir = evsim::fuzz::scratch_dir();
  try {
    const evsim::scenarios::files::FeederFile file = evsim::scenarios::files::load_feeder_file(dir / "feeder.yaml");
    const grid::Feeder& f = file.feeder;
    require(f.bus_count() >= 1 && f.bus_count() == f.line_count() + 1, "a loaded feeder that is not a tree");
    double scale = 1.0;
    if (present[3]) {
      const auto profile = evsim::scenarios::files::load_profile_file(
          dir / "profile.csv", {.file = "fuzz.yaml", .line = 1, .column = 1, .key_path = "grid.feeders[0].background_profile"});
      require(profile.size() == 24, "a profile without 24 hours");
      scale = 0.0;
      for (const double m : profile) {
        require(m >= 0.0 && m <= evsim::scenarios::files::kMaxProfileMultiplier, "a multiplier out of range");
        scale = std::max(scale, m);
      }
    }
    grid::PowerFlow flow(f);
    const grid::BusLoads loads = grid::BusLoads::background(f, scale);
    check_sweep(f, loads, flow, flow.solve(loads));
    check_linear(f, flow.solve_linear(loads));
    check_unloaded(f, flow);
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
