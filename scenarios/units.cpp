#include "scenarios/units.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios {
namespace {

constexpr UnitDef kUnits[] = {
    {Quantity::power, "kW", 1.0},
    {Quantity::power, "MW", 1000.0},
    {Quantity::power, "W", 0.001},
    {Quantity::energy, "kWh", 1.0},
    {Quantity::energy, "MWh", 1000.0},
    {Quantity::energy, "Wh", 0.001},
    {Quantity::duration, "ms", 1.0},
    {Quantity::duration, "s", 1000.0},
    {Quantity::duration, "min", 60'000.0},
    {Quantity::duration, "h", 3'600'000.0},
    {Quantity::duration, "d", 86'400'000.0},
    {Quantity::length, "m", 1.0},
    {Quantity::length, "km", 1000.0},
    {Quantity::speed, "km/h", 1.0},
    {Quantity::speed, "m/s", 3.6},
    {Quantity::consumption, "kWh/km", 1.0},
    {Quantity::consumption, "Wh/km", 0.001},
    {Quantity::consumption, "kWh/100km", 0.01},
    {Quantity::angle, "deg", 1.0},
    {Quantity::angle, "°", 1.0},
    {Quantity::fraction, "", 1.0},
    {Quantity::fraction, "%", 0.01},
    {Quantity::temperature, "degC", 1.0},
    {Quantity::temperature, "°C", 1.0},
    {Quantity::temperature, "C", 1.0},
    {Quantity::energy_price, "/kWh", 1.0},
    {Quantity::energy_price, "CNY/kWh", 1.0},
    {Quantity::energy_price, "yuan/kWh", 1.0},
    {Quantity::value_of_time, "/h", 1.0},
    {Quantity::value_of_time, "CNY/h", 1.0},
    {Quantity::value_of_time, "yuan/h", 1.0},
};

constexpr double kMaxDurationMs = 9.2e18;  // just inside the int64 range of sim::Duration
constexpr std::int64_t kDayMs = 86'400'000;

std::string_view trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

std::string_view trim_left(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t");
  return begin == std::string_view::npos ? std::string_view{} : s.substr(begin);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<double> factor_of(Quantity q, std::string_view symbol) {
  for (const UnitDef& u : kUnits) {
    if (u.quantity == q && u.symbol == symbol) return u.to_canonical;
  }
  return std::nullopt;
}

// Removes a leading sign from `rest`; returns -1.0 for "-", else 1.0.
double take_sign(std::string_view& rest) {
  if (rest.empty() || (rest.front() != '-' && rest.front() != '+')) return 1.0;
  const double sign = rest.front() == '-' ? -1.0 : 1.0;
  rest.remove_prefix(1);
  return sign;
}

// Removes the unsigned decimal number at the front of `rest` and returns it; `text` is the whole
// value, for messages.
double take_number(std::string_view& rest, std::string_view text, const std::string& expected) {
  std::size_t n = 0;
  while (n < rest.size()) {
    const char c = rest[n];
    const bool exponent_sign = (c == '+' || c == '-') && n > 0 && (rest[n - 1] == 'e' || rest[n - 1] == 'E');
    if (!is_digit(c) && c != '.' && c != 'e' && c != 'E' && !exponent_sign) break;
    ++n;
  }
  const std::string_view token = rest.substr(0, n);
  if (token.find_first_of("0123456789") == std::string_view::npos) throw UnitError(expected, quote(text));
  double value = 0.0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec == std::errc::result_out_of_range || (ec == std::errc{} && !std::isfinite(value))) {
    throw UnitError(expected, fmt::format("out-of-range number {} in {}", quote(token), quote(text)));
  }
  if (ec != std::errc{} || end != token.data() + token.size()) {
    throw UnitError(expected, fmt::format("malformed number {} in {}", quote(token), quote(text)));
  }
  rest.remove_prefix(n);
  return value;
}

// Reads exactly `digits` digits (or 1 to 2 when digits == 0) from the front of `rest`.
std::optional<int> take_field(std::string_view& rest, std::size_t digits) {
  std::size_t n = 0;
  while (n < rest.size() && n < 2 && is_digit(rest[n])) ++n;
  if (n == 0 || (digits != 0 && n != digits)) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < n; ++i) value = value * 10 + (rest[i] - '0');
  rest.remove_prefix(n);
  return value;
}

// "HH:MM" or "HH:MM:SS" in ms, or nullopt when the text has another shape or is out of range.
std::optional<std::int64_t> clock_time_ms(std::string_view rest) {
  const std::optional<int> h = take_field(rest, 0);
  if (!h || rest.empty() || rest.front() != ':') return std::nullopt;
  rest.remove_prefix(1);
  const std::optional<int> m = take_field(rest, 2);
  std::optional<int> s = 0;
  if (m && !rest.empty() && rest.front() == ':') {
    rest.remove_prefix(1);
    s = take_field(rest, 2);
  }
  if (!m || !s || !rest.empty() || *m > 59 || *s > 59) return std::nullopt;
  const std::int64_t ms = ((*h * 60LL + *m) * 60LL + *s) * 1000LL;
  if (ms > kDayMs) return std::nullopt;
  return ms;
}

}  // namespace

std::span<const UnitDef> unit_table() { return kUnits; }

std::string_view quantity_noun(Quantity q) {
  switch (q) {
    case Quantity::power: return "a power";
    case Quantity::energy: return "an energy";
    case Quantity::duration: return "a duration";
    case Quantity::length: return "a length";
    case Quantity::speed: return "a speed";
    case Quantity::consumption: return "a consumption";
    case Quantity::angle: return "an angle";
    case Quantity::fraction: return "a fraction";
    case Quantity::temperature: return "a temperature";
    case Quantity::energy_price: return "a price per kWh";
    case Quantity::value_of_time: return "a value of time";
  }
  return "a value";
}

std::string describe(Quantity q) {
  if (q == Quantity::fraction) return "a fraction from 0 to 1 (or 0% to 100%)";
  std::string symbols;
  for (const UnitDef& u : kUnits) {
    if (u.quantity != q) continue;
    if (!symbols.empty()) symbols += ", ";
    symbols += u.symbol;
  }
  return fmt::format("{} (units {})", quantity_noun(q), symbols);
}

std::string describe_time_of_day() {
  return "a time of day from 00:00 to 24:00 (\"HH:MM\", \"HH:MM:SS\" or a duration such as \"8h\")";
}

UnitError::UnitError(std::string expected, std::string found)
    : std::runtime_error(fmt::format("expected {}, found {}", expected, found)),
      expected_(std::move(expected)),
      found_(std::move(found)) {}

double parse_quantity(Quantity q, std::string_view text) {
  if (q == Quantity::duration) return static_cast<double>(parse_duration(text).count());
  const std::string expected = describe(q);
  std::string_view rest = trim(text);
  const double sign = take_sign(rest);
  const double number = take_number(rest, text, expected);
  const std::string_view symbol = trim_left(rest);
  std::optional<double> factor = factor_of(q, symbol);
  if (!factor && symbol.empty()) factor = 1.0;  // a bare number is in the canonical unit
  if (!factor) throw UnitError(expected, fmt::format("unknown unit {} in {}", quote(symbol), quote(text)));
  const double value = sign * number * *factor;
  if (!std::isfinite(value)) throw UnitError(expected, fmt::format("out-of-range value {}", quote(text)));
  if (q == Quantity::fraction && !(value >= 0.0 && value <= 1.0)) throw UnitError(expected, quote(text));
  return value;
}

sim::Duration parse_duration(std::string_view text) {
  const std::string expected = describe(Quantity::duration);
  std::string_view rest = trim(text);
  const double sign = take_sign(rest);
  double total_ms = 0.0;
  bool first = true;
  do {
    const double number = take_number(rest, text, expected);
    rest = trim_left(rest);
    const std::size_t unit_end = std::min(rest.find_first_of("0123456789 \t"), rest.size());
    const std::string_view symbol = rest.substr(0, unit_end);
    rest.remove_prefix(unit_end);
    if (symbol.empty()) {
      if (first && rest.empty() && number == 0.0) return sim::Duration{0};
      throw UnitError(expected, fmt::format("{} without a unit", quote(text)));
    }
    const std::optional<double> factor = factor_of(Quantity::duration, symbol);
    if (!factor) throw UnitError(expected, fmt::format("unknown unit {} in {}", quote(symbol), quote(text)));
    total_ms += number * *factor;
    rest = trim_left(rest);
    first = false;
  } while (!rest.empty());
  const double ms = std::round(sign * total_ms);
  if (!(std::abs(ms) < kMaxDurationMs)) throw UnitError(expected, fmt::format("out-of-range value {}", quote(text)));
  return sim::Duration{static_cast<std::int64_t>(ms)};
}

sim::Duration parse_time_of_day(std::string_view text) {
  const std::string expected = describe_time_of_day();
  const std::string_view t = trim(text);
  if (t.find(':') != std::string_view::npos) {
    const std::optional<std::int64_t> ms = clock_time_ms(t);
    if (!ms) throw UnitError(expected, quote(text));
    return sim::Duration{*ms};
  }
  sim::Duration d{};
  try {
    d = parse_duration(t);
  } catch (const UnitError& e) {
    throw UnitError(expected, e.found());
  }
  if (d.count() < 0 || d.count() > kDayMs) throw UnitError(expected, quote(text));
  return d;
}

}  // namespace evsim::scenarios
