#pragma once
// How a site shares power among its charging sessions: the site's connection limit and its power
// cabinets (split-power super-charging: one cabinet of P kW feeding several dispensers), and the
// sharing policies that divide a capacity among the sessions drawing on it.
//
// Units: kW. A session's demand d_i is what it could draw if alone (plug and vehicle limits and its
// charging curve, session_pool.hpp); a policy turns demands and a capacity C into shares s_i with
//
//   0 <= s_i <= d_i,   sum s_i <= C,   and s_i = d_i for all i when sum d_i <= C.
//
// Policies (all hand out the whole capacity when demand exceeds it: nothing is left unused while a
// session could take more, "water-filling"):
//   equal         max-min fair: s_i = min(d_i, lambda), lambda the level with sum s_i = C; what a
//                 session cannot take is shared equally among the others.
//   first_come    in plug-in order, each takes min(d_i, what is left).
//   proportional  s_i = d_i * C / sum d_j: in proportion to what each vehicle can take.
//
// Two levels: a cabinet shares its power among the sessions on its plugs (its own policy); the site
// limit then shares among all the site's sessions (the site's policy), each asking for at most its
// cabinet share. Plugs in no cabinet are fed from the site directly. Left out: cabinet and
// dispenser losses, power-module granularity (shares are continuous), reactive power.
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

namespace evsim::models::charging {

enum class SharingPolicy : std::uint8_t { equal = 0, first_come = 1, proportional = 2 };

std::string_view to_string(SharingPolicy policy);

// A cabinet feeding the plugs [first_plug, first_plug + plugs) of its station.
struct PowerCabinet {
  double power_kw = 0.0;
  std::uint32_t first_plug = 0;
  std::uint32_t plugs = 0;
  SharingPolicy policy = SharingPolicy::equal;
};

struct SitePower {
  static constexpr double kNoLimit = std::numeric_limits<double>::infinity();
  double limit_kw = kNoLimit;  // the site's connection limit
  SharingPolicy policy = SharingPolicy::equal;
  std::vector<PowerCabinet> cabinets;  // disjoint plug ranges, in plug order

  // Whether any session on the site can be held below what it could draw alone.
  bool shared() const { return std::isfinite(limit_kw) || !cabinets.empty(); }
};

// Throws std::invalid_argument naming the first broken rule: limit_kw > 0 (or no limit), cabinet
// power > 0, each cabinet at least one plug, cabinets disjoint, in order and within plug_count.
void check(const SitePower& site, std::size_t plug_count);

// Shares `capacity_kw` (>= 0, may be infinite) among demands (>= 0) by `policy`; demand[i] and
// share[i] belong to the same session, listed in plug-in order (first_come uses it). share.size()
// must equal demand.size().
void share_power(SharingPolicy policy, double capacity_kw, std::span<const double> demand_kw, std::span<double> share_kw);

}  // namespace evsim::models::charging
