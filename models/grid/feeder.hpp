#pragma once
// A radial distribution feeder as typed data, checked once (Feeder::build) and then read-only.
//
// Units: voltages in kV line to line (base_kv) and per unit (_pu) of the bus's base voltage;
// power in kW and kvar, three-phase totals of a balanced feeder; impedances in ohm per phase
// (series r + jx of the whole line, no shunt capacitance); currents in A per phase; the
// transformer's rating in kVA.
//
// The feeder is one source bus (the transformer's secondary, held at source_pu: the slack) and
// lines forming a tree that reaches every bus from it. A line's from/to order does not matter:
// the tree is oriented from the source. Both ends of a line must have the same base voltage
// (transformers inside the feeder are not modelled); the source transformer has no impedance
// here, only its rating, against which the power it delivers is compared.
//
// Bus and line indices are the positions in FeederSpec::buses and FeederSpec::lines, so a
// reader can map a model error back to the row it came from. Bus ids are the user's, as written.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace evsim::models::grid {

using BusIndex = std::uint32_t;
using LineIndex = std::uint32_t;
inline constexpr BusIndex kNoBus = std::numeric_limits<BusIndex>::max();

// Limits of Feeder::build (plausibility, so that absurd input is an error, not a result).
inline constexpr double kMinSourcePu = 0.8;
inline constexpr double kMaxSourcePu = 1.2;
inline constexpr std::size_t kMaxBuses = 10'000'000;
// Above 0 but beyond these, a value is refused as implausible: per-unit impedances, currents and
// loadings would overflow a double (a base of 1e-200 kV makes every impedance infinite, a load of
// 1e300 kW an infinite current) and the power flow would report nonsense instead of an error.
inline constexpr double kMinBaseKv = 0.1;
inline constexpr double kMaxBaseKv = 1000.0;
inline constexpr double kMaxBusLoad = 1e6;  // |p_kw|, |q_kvar| of one bus
inline constexpr double kMaxImpedanceOhm = 1e6;  // r_ohm, x_ohm of one line
inline constexpr double kMinAmpacityA = 0.1;
inline constexpr double kMaxAmpacityA = 1e5;
inline constexpr double kMinRatingKva = 0.1;
inline constexpr double kMaxRatingKva = 1e7;

// Where a bus is, as the user wrote it: WGS-84 lon/lat degrees or projected x/y metres. Not used
// by the power flow; it lets stations be attached to the nearest bus.
struct BusPosition {
  bool geographic = false;  // true: x is the longitude, y the latitude
  double x = 0.0;
  double y = 0.0;
};

struct BusSpec {
  std::string id;
  double base_kv = 0.0;  // > 0, and kMinBaseKv..kMaxBaseKv
  double p_kw = 0.0;     // background load (negative: generation); |p_kw|, |q_kvar| <= kMaxBusLoad
  double q_kvar = 0.0;
  std::optional<BusPosition> position{};
};

struct LineSpec {
  std::string from;
  std::string to;
  double r_ohm = 0.0;  // >= 0, and at most kMaxImpedanceOhm
  double x_ohm = 0.0;  // >= 0, and at most kMaxImpedanceOhm
  std::optional<double> ampacity_a{};  // > 0, kMinAmpacityA..kMaxAmpacityA; absent: the line has no thermal limit
};

struct TransformerSpec {
  std::optional<std::string> bus{};  // the source bus; absent: the first bus of FeederSpec::buses
  double rating_kva = 0.0;          // > 0, kMinRatingKva..kMaxRatingKva
  double source_pu = 1.0;           // voltage held at the source bus, kMinSourcePu..kMaxSourcePu
};

struct FeederSpec {
  std::string name{};
  std::vector<BusSpec> buses{};
  std::vector<LineSpec> lines{};
  TransformerSpec transformer{};
};

// A feeder that is not a valid radial feeder. what() is "{part}[{index}].{key}: expected
// {expected}, found {found}" ("transformer.{key}: ..." for the transformer). A file reader turns it
// into a message at the row and column the part came from.
class FeederError : public std::runtime_error {
 public:
  enum class Part { transformer, bus, line };
  // about_value: `found` is the value of `key` itself (a reader may show the field as written).
  FeederError(Part part, std::size_t index, std::string key, std::string expected, std::string found,
              bool about_value);

  Part part() const { return part_; }
  std::size_t index() const { return index_; }
  const std::string& key() const { return key_; }
  const std::string& expected() const { return expected_; }
  const std::string& found() const { return found_; }
  bool about_value() const { return about_value_; }

 private:
  Part part_;
  std::size_t index_;
  std::string key_;
  std::string expected_;
  std::string found_;
  bool about_value_;
};

class Feeder {
 public:
  // Checks `spec` and builds the tree. Throws FeederError for: no bus, a duplicate or empty bus
  // id, a base voltage <= 0, a non-finite load, a line naming an unknown bus or the same bus at
  // both ends, r or x < 0, an ampacity <= 0, ends of different base voltage, a line closing a loop
  // (the first line, in file order, whose ends are already connected), a bus with no path to the
  // source (the first such bus in file order), a rating <= 0 or a source voltage out of range; and
  // for a base voltage, load, impedance, ampacity or rating beyond the plausibility limits above.
  static Feeder build(FeederSpec spec);

  const FeederSpec& spec() const { return spec_; }
  std::size_t bus_count() const { return spec_.buses.size(); }
  std::size_t line_count() const { return spec_.lines.size(); }
  const BusSpec& bus(BusIndex b) const { return spec_.buses[b]; }
  const LineSpec& line(LineIndex l) const { return spec_.lines[l]; }
  std::optional<BusIndex> find_bus(std::string_view id) const;

  BusIndex source() const { return source_; }
  double rating_kva() const { return spec_.transformer.rating_kva; }
  double source_pu() const { return spec_.transformer.source_pu; }

  // Buses from the source outwards: order()[0] is the source, every bus comes after its parent.
  std::span<const BusIndex> order() const { return order_; }
  // The bus one line closer to the source (kNoBus for the source) and that line.
  BusIndex parent(BusIndex b) const { return parent_[b]; }
  LineIndex feeding_line(BusIndex b) const { return feeding_line_[b]; }
  // The line's end farther from the source.
  BusIndex downstream_bus(LineIndex l) const { return downstream_[l]; }
  // Total background load, kW and kvar.
  double total_p_kw() const;
  double total_q_kvar() const;

 private:
  FeederSpec spec_;
  BusIndex source_ = kNoBus;
  std::unordered_map<std::string, BusIndex> index_of_{};
  std::vector<BusIndex> order_{};
  std::vector<BusIndex> parent_{};
  std::vector<LineIndex> feeding_line_{};
  std::vector<BusIndex> downstream_{};
};

}  // namespace evsim::models::grid
