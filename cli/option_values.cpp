#include "cli/option_values.hpp"

#include <fmt/format.h>

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

}  // namespace evsim::cli
