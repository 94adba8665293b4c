#pragma once
// Numbers given on the command line, checked like scenario numbers: every bad value is a
// scenarios::ScenarioError "(command line): <option>: expected <allowed range>, found <value>"
// (exit 2). CLI11 only hands over the text, so that "-1" never wraps to a huge unsigned number.
#include <cstdint>
#include <string_view>

#include "scenarios/units.hpp"

namespace evsim::cli {

// A whole number from min to max written in decimal digits (an optional leading '+').
std::uint64_t parse_count_option(std::string_view option, std::string_view text, std::uint64_t min,
                                 std::uint64_t max);
// A quantity of `q` above 0 and finite; a bare number is in the canonical unit (metres, kW).
double parse_positive_quantity_option(std::string_view option, scenarios::Quantity q, std::string_view text);
// A memory size above 0 with a unit: B, KiB, MiB, GiB, TiB (KB, MB, GB, TB as the binary ones), e.g. "8GiB".
double parse_memory_option(std::string_view option, std::string_view text);
// A share above 0 and at most 1: "0.99" or "99%".
double parse_share_option(std::string_view option, std::string_view text);

}  // namespace evsim::cli
