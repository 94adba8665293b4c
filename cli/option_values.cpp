#include "cli/option_values.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <utility>

#include <algorithm>
#include <charconv>
#include <string>

#include "scenarios/scenario_error.hpp"

namespace evsim::cli {
namespace {

constexpr const char* kCommandLine = "(command line)";

[[noreturn]] void refuse(std::string_view option, std::string_view expected, std::string_view text) {
  throw scenarios::ScenarioError(kCommandLine, 0, 0, std::string(option), std::string(expected), scenarios::quote(text));
}

}  // namespace

std::uint64_t parse_count_option(std::string_view option, std::string_view text, std::uint64_t min,
                                 std::uint64_t max) {
  const std::string expected = fmt::format("a whole number from {} to {}", min, max);
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const bool all_digits =
      !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!all_digits) refuse(option, expected, text);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size() || value < min || value > max) {
    refuse(option, expected, text);
  }
  return value;
}

double parse_positive_quantity_option(std::string_view option, scenarios::Quantity q, std::string_view text) {
  const std::string expected = fmt::format("{} above 0", scenarios::describe(q));
  double value = 0.0;
  try {
    value = scenarios::parse_quantity(q, text);
  } catch (const scenarios::UnitError& e) {
    throw scenarios::ScenarioError(kCommandLine, 0, 0, std::string(option), expected, e.found());
  }
  if (!(value > 0.0)) refuse(option, expected, text);
  return value;
}

double parse_share_option(std::string_view option, std::string_view text) {
  constexpr std::string_view kExpected = "a share above 0 and at most 1 (0.99 or 99%)";
  double value = 0.0;
  try {
    value = scenarios::parse_quantity(scenarios::Quantity::fraction, text);
  } catch (const scenarios::UnitError&) {
    refuse(option, kExpected, text);
  }
  if (!(value > 0.0 && value <= 1.0)) refuse(option, kExpected, text);
  return value;
}

double parse_memory_option(std::string_view option, std::string_view text) {
  constexpr std::string_view kExpected = "a memory size above 0 with a unit (B, KiB, MiB, GiB, TiB), e.g. 8GiB";
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"TiB", 1099511627776.0}, {"GiB", 1073741824.0}, {"MiB", 1048576.0}, {"KiB", 1024.0},
      {"TB", 1099511627776.0},  {"GB", 1073741824.0},  {"MB", 1048576.0},  {"KB", 1024.0}, {"B", 1.0}};
  for (const auto& [unit, bytes] : kUnits) {
    if (text.size() > unit.size() && text.ends_with(unit)) {
      const std::string number(text.substr(0, text.size() - unit.size()));
      char* end = nullptr;
      const double value = std::strtod(number.c_str(), &end);
      if (end != number.c_str() && *end == '\0' && value > 0.0 && value * bytes < 1e18) return value * bytes;
      break;
    }
  }
  refuse(option, kExpected, text);
}

}  // namespace evsim::cli
