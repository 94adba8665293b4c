// The `sessions` section: a file of measured sessions replayed on the stations
// (scenarios/files/session_file.hpp reads it once the stations are known).
#include <fmt/format.h>

#include "scenarios/files/session_file.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/sections.hpp"

namespace evsim::scenarios {

SessionsSpec read_sessions(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"file", "columns", "start", "energy_when_missing"}, "a sessions mapping");
  SessionsSpec s;
  s.file = read_existing_file(map.need("file"), scenario_file);
  s.mark = map.need("file").mark();
  if (const auto columns = map.get("columns")) {
    const MapReader c(*columns, {"site", "plug", "arrival", "departure", "energy_kwh"}, "a mapping of column names");
    if (const auto v = c.get("site")) s.site_column = read_string(*v);
    if (const auto v = c.get("plug")) s.plug_column = read_string(*v);
    if (const auto v = c.get("arrival")) s.arrival_column = read_string(*v);
    if (const auto v = c.get("departure")) s.departure_column = read_string(*v);
    if (const auto v = c.get("energy_kwh")) s.energy_column = read_string(*v);
  }
  if (const auto start = map.get("start")) {
    const std::string text = read_string(*start);
    if (!files::parse_timestamp_ms(text)) start->fail(files::kTimestampExpected, quote(text));
    s.start = text;
  }
  if (const auto rule = map.get("energy_when_missing")) {
    if (s.energy_column) {
      rule->fail("no energy_when_missing beside columns.energy_kwh (the file gives every energy)",
                 describe_found(rule->node()));
    }
    const MapReader r(*rule, {"power_fraction", "battery"}, "a mapping {power_fraction, battery}");
    const NodeRef fraction = r.need("power_fraction");
    const double f = read_quantity(fraction, Quantity::fraction, Bound::positive);
    if (!(f <= 1.0)) fraction.fail("a fraction > 0 and <= 1", quote(fraction.node().Scalar()));
    s.energy_when_missing = SessionEnergyRule{.power_fraction = f,
                                              .battery_kwh = read_quantity(r.need("battery"), Quantity::energy, Bound::positive)};
  } else if (!s.energy_column) {
    map.ref().fail(R"(key "energy_when_missing" (the file has no energy column: columns.energy_kwh))", "nothing");
  }
  return s;
}

}  // namespace evsim::scenarios
