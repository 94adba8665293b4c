#include "models/grid/feeder.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numeric>
#include <utility>

namespace evsim::models::grid {
namespace {

std::string_view part_name(FeederError::Part part) {
  switch (part) {
    case FeederError::Part::transformer: return "transformer";
    case FeederError::Part::bus: return "bus";
    case FeederError::Part::line: return "line";
  }
  return "?";
}

std::string message(FeederError::Part part, std::size_t index, std::string_view key, std::string_view expected,
                    std::string_view found) {
  if (part == FeederError::Part::transformer) {
    return fmt::format("transformer.{}: expected {}, found {}", key, expected, found);
  }
  return fmt::format("{}[{}].{}: expected {}, found {}", part_name(part), index, key, expected, found);
}

// A bus id in double quotes, with \ and " escaped.
std::string quoted(std::string_view id) {
  std::string out = "\"";
  for (const char c : id) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

[[noreturn]] void fail_bus(std::size_t b, std::string key, std::string expected, std::string found, bool value) {
  throw FeederError(FeederError::Part::bus, b, std::move(key), std::move(expected), std::move(found), value);
}
[[noreturn]] void fail_line(std::size_t l, std::string key, std::string expected, std::string found, bool value) {
  throw FeederError(FeederError::Part::line, l, std::move(key), std::move(expected), std::move(found), value);
}
[[noreturn]] void fail_transformer(std::string key, std::string expected, std::string found, bool value) {
  throw FeederError(FeederError::Part::transformer, 0, std::move(key), std::move(expected), std::move(found), value);
}

constexpr std::string_view kPlausibility = "evsim's plausibility limit";

void check_bus(const BusSpec& bus, std::size_t b) {
  if (bus.id.empty()) fail_bus(b, "bus", "a bus id", "an empty id", false);
  if (!(std::isfinite(bus.base_kv) && bus.base_kv > 0.0)) {
    fail_bus(b, "base_kv", "a base voltage above 0 kV", fmt::format("{}", bus.base_kv), true);
  }
  if (!(bus.base_kv >= kMinBaseKv && bus.base_kv <= kMaxBaseKv)) {
    fail_bus(b, "base_kv", fmt::format("a base voltage from {} to {} kV ({})", kMinBaseKv, kMaxBaseKv, kPlausibility),
             fmt::format("{}", bus.base_kv), true);
  }
  if (!std::isfinite(bus.p_kw)) fail_bus(b, "p_kw", "a finite power in kW", fmt::format("{}", bus.p_kw), true);
  if (!std::isfinite(bus.q_kvar)) {
    fail_bus(b, "q_kvar", "a finite reactive power in kvar", fmt::format("{}", bus.q_kvar), true);
  }
  if (!(std::abs(bus.p_kw) <= kMaxBusLoad)) {
    fail_bus(b, "p_kw", fmt::format("a power from -{0} to {0} kW ({1})", kMaxBusLoad, kPlausibility),
             fmt::format("{}", bus.p_kw), true);
  }
  if (!(std::abs(bus.q_kvar) <= kMaxBusLoad)) {
    fail_bus(b, "q_kvar", fmt::format("a reactive power from -{0} to {0} kvar ({1})", kMaxBusLoad, kPlausibility),
             fmt::format("{}", bus.q_kvar), true);
  }
}

void check_line_values(const LineSpec& line, std::size_t l) {
  if (!(std::isfinite(line.r_ohm) && line.r_ohm >= 0.0)) {
    fail_line(l, "r_ohm", "a resistance of at least 0 ohm", fmt::format("{}", line.r_ohm), true);
  }
  if (!(std::isfinite(line.x_ohm) && line.x_ohm >= 0.0)) {
    fail_line(l, "x_ohm", "a reactance of at least 0 ohm", fmt::format("{}", line.x_ohm), true);
  }
  if (!(line.r_ohm <= kMaxImpedanceOhm)) {
    fail_line(l, "r_ohm", fmt::format("a resistance from 0 to {} ohm ({})", kMaxImpedanceOhm, kPlausibility),
              fmt::format("{}", line.r_ohm), true);
  }
  if (!(line.x_ohm <= kMaxImpedanceOhm)) {
    fail_line(l, "x_ohm", fmt::format("a reactance from 0 to {} ohm ({})", kMaxImpedanceOhm, kPlausibility),
              fmt::format("{}", line.x_ohm), true);
  }
  if (line.ampacity_a && !(std::isfinite(*line.ampacity_a) && *line.ampacity_a > 0.0)) {
    fail_line(l, "ampacity_a", "a current above 0 A", fmt::format("{}", *line.ampacity_a), true);
  }
  if (line.ampacity_a && !(*line.ampacity_a >= kMinAmpacityA && *line.ampacity_a <= kMaxAmpacityA)) {
    fail_line(l, "ampacity_a", fmt::format("a current from {} to {} A ({})", kMinAmpacityA, kMaxAmpacityA, kPlausibility),
              fmt::format("{}", *line.ampacity_a), true);
  }
}

// Union-find over bus indices, for the loop check.
class Components {
 public:
  explicit Components(std::size_t n) : root_(n) { std::iota(root_.begin(), root_.end(), BusIndex{0}); }
  BusIndex find(BusIndex b) {
    while (root_[b] != b) {
      root_[b] = root_[root_[b]];
      b = root_[b];
    }
    return b;
  }
  // False when a and b were connected already.
  bool join(BusIndex a, BusIndex b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    root_[a] = b;
    return true;
  }

 private:
  std::vector<BusIndex> root_;
};

}  // namespace

FeederError::FeederError(Part part, std::size_t index, std::string key, std::string expected, std::string found,
                         bool about_value)
    : std::runtime_error(message(part, index, key, expected, found)),
      part_(part),
      index_(index),
      key_(std::move(key)),
      expected_(std::move(expected)),
      found_(std::move(found)),
      about_value_(about_value) {}

std::optional<BusIndex> Feeder::find_bus(std::string_view id) const {
  const auto it = index_of_.find(std::string(id));
  if (it == index_of_.end()) return std::nullopt;
  return it->second;
}

double Feeder::total_p_kw() const {
  double sum = 0.0;
  for (const BusSpec& b : spec_.buses) sum += b.p_kw;
  return sum;
}

double Feeder::total_q_kvar() const {
  double sum = 0.0;
  for (const BusSpec& b : spec_.buses) sum += b.q_kvar;
  return sum;
}

Feeder Feeder::build(FeederSpec spec) {
  Feeder f;
  f.spec_ = std::move(spec);
  const auto& buses = f.spec_.buses;
  const auto& lines = f.spec_.lines;
  if (buses.empty()) fail_bus(0, "bus", "at least one bus", "none", false);
  if (buses.size() > kMaxBuses) {
    fail_bus(kMaxBuses, "bus", fmt::format("at most {} buses", kMaxBuses), fmt::format("{} buses", buses.size()),
             false);
  }
  for (std::size_t b = 0; b < buses.size(); ++b) {
    check_bus(buses[b], b);
    if (!f.index_of_.emplace(buses[b].id, static_cast<BusIndex>(b)).second) {
      fail_bus(b, "bus", "a bus id used once", fmt::format("a second bus {}", quoted(buses[b].id)), false);
    }
  }

  const TransformerSpec& tr = f.spec_.transformer;
  if (!(std::isfinite(tr.rating_kva) && tr.rating_kva > 0.0)) {
    fail_transformer("rating_kva", "a rating above 0 kVA", fmt::format("{}", tr.rating_kva), true);
  }
  if (!(tr.rating_kva >= kMinRatingKva && tr.rating_kva <= kMaxRatingKva)) {
    fail_transformer("rating_kva",
                     fmt::format("a rating from {} to {} kVA ({})", kMinRatingKva, kMaxRatingKva, kPlausibility),
                     fmt::format("{}", tr.rating_kva), true);
  }
  if (!(tr.source_pu >= kMinSourcePu && tr.source_pu <= kMaxSourcePu)) {
    fail_transformer("source_pu", fmt::format("a voltage from {} to {} pu", kMinSourcePu, kMaxSourcePu),
                     fmt::format("{}", tr.source_pu), true);
  }
  if (tr.bus) {
    const auto s = f.find_bus(*tr.bus);
    if (!s) fail_transformer("bus", "the id of a bus of the feeder", quoted(*tr.bus), true);
    f.source_ = *s;
  } else {
    f.source_ = 0;
  }

  // Lines: ends known and distinct, values in range, same base voltage, no loop.
  const std::size_t n = buses.size();
  std::vector<std::pair<BusIndex, BusIndex>> ends(lines.size());
  Components components(n);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const LineSpec& line = lines[l];
    const auto from = f.find_bus(line.from);
    if (!from) fail_line(l, "from", "the id of a bus of the feeder", quoted(line.from), true);
    const auto to = f.find_bus(line.to);
    if (!to) fail_line(l, "to", "the id of a bus of the feeder", quoted(line.to), true);
    if (*from == *to) fail_line(l, "to", "a bus other than the line's from bus", quoted(line.to), true);
    check_line_values(line, l);
    if (buses[*from].base_kv != buses[*to].base_kv) {
      fail_line(l, "to",
                fmt::format("a bus with the base voltage of bus {} ({} kV; transformers inside a feeder are not "
                            "modelled)",
                            quoted(line.from), buses[*from].base_kv),
                fmt::format("bus {} at {} kV", quoted(line.to), buses[*to].base_kv), false);
    }
    if (!components.join(*from, *to)) {
      fail_line(l, "to", "a radial feeder (one path from the source to every bus)",
                fmt::format("a line closing a loop: buses {} and {} are connected by earlier lines already",
                            quoted(line.from), quoted(line.to)),
                false);
    }
    ends[l] = {*from, *to};
  }

  // Orient the tree from the source (breadth first, so that order() lists buses by depth).
  std::vector<std::vector<LineIndex>> at(n);
  for (std::size_t l = 0; l < lines.size(); ++l) {
    at[ends[l].first].push_back(static_cast<LineIndex>(l));
    at[ends[l].second].push_back(static_cast<LineIndex>(l));
  }
  f.parent_.assign(n, kNoBus);
  f.feeding_line_.assign(n, std::numeric_limits<LineIndex>::max());
  f.downstream_.assign(lines.size(), kNoBus);
  std::vector<bool> seen(n, false);
  f.order_.reserve(n);
  f.order_.push_back(f.source_);
  seen[f.source_] = true;
  for (std::size_t k = 0; k < f.order_.size(); ++k) {
    const BusIndex b = f.order_[k];
    for (const LineIndex l : at[b]) {
      const BusIndex other = ends[l].first == b ? ends[l].second : ends[l].first;
      if (seen[other]) continue;
      seen[other] = true;
      f.parent_[other] = b;
      f.feeding_line_[other] = l;
      f.downstream_[l] = other;
      f.order_.push_back(other);
    }
  }
  if (f.order_.size() != n) {
    for (std::size_t b = 0; b < n; ++b) {
      if (!seen[b]) {
        fail_bus(b, "bus", fmt::format("a bus connected by lines to the source bus {}", quoted(buses[f.source_].id)),
                 fmt::format("bus {} with no path to it", quoted(buses[b].id)), false);
      }
    }
  }
  return f;
}

}  // namespace evsim::models::grid
