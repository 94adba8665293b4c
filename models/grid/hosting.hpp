#pragma once
// Hosting capacity: per bus, the largest load that can be added there (alone, on top of the
// background load) before a limit of models/grid/power_flow.hpp is broken.
//
// For each bus the added load P (kW, at unity power factor unless q_per_p says otherwise:
// Q = q_per_p * P) is found by bisection on [0, max_kw] to within step_kw, solving the full
// backward/forward sweep at each trial. A trial fails when any Limits check fails or the sweep
// does not converge (a collapsed or non-converged sweep counts as the voltage limit: the feeder
// cannot carry the load). The result is the largest P that passed, rounded down to step_kw, and
// the limit broken at P + step_kw: the first in find_violations' order (voltages, then lines,
// then the transformer), an under-voltage named by the bus with the lowest voltage.
// Bisection assumes that a load that fails stays failing when it grows, which holds for added
// consumption on a radial feeder (voltages fall, currents rise); not for injection.
// When the background load alone already breaks a limit, every bus gets 0 with that violation,
// marked base_case_violated.
#include <cstdint>
#include <optional>
#include <vector>

#include "models/grid/feeder.hpp"
#include "models/grid/power_flow.hpp"

namespace evsim::models::grid {

struct HostingSettings {
  double load_scale = 1.0;  // of the background load
  double q_per_p = 0.0;     // kvar of the added load per kW (0: unity power factor)
  double step_kw = 1.0;     // resolution of the bisection
  double max_kw = 1'000'000.0;  // search bound: a bus that takes 1 GW is reported as unbounded
  Limits limits{};
};

enum class HostingLimit { under_voltage, over_voltage, line_overload, transformer_overload, no_convergence, none };

struct BusHosting {
  BusIndex bus = kNoBus;
  double max_added_kw = 0.0;
  HostingLimit limit = HostingLimit::none;  // none: max_kw reached without a violation
  std::uint32_t element = 0;                // the bus, line or 0 (transformer) that breaks its limit
  double value = 0.0;                       // its voltage (pu) or loading at the failing trial
  int solves = 0;                           // power flows run for this bus
};

struct HostingResult {
  bool base_case_violated = false;
  std::vector<BusHosting> buses{};  // by BusIndex
};

HostingResult hosting_capacity(const Feeder& feeder, const HostingSettings& settings = {});

}  // namespace evsim::models::grid
