#pragma once
// What `validate` and `run` print about a scenario before (or instead of) running it: the input
// report of a built city, the usability warnings, the size estimate and the memory limit.
#include <string>

#include "scenarios/assembly/build_city.hpp"
#include "scenarios/assembly/run_size.hpp"
#include "output/input_report.hpp"

namespace evsim::cli {

inline constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

// The default memory limit of `run` and `validate`: 80 % of the machine's physical memory.
double default_memory_limit_bytes();
// "2e+04 vehicles, 4.7e+05 planned trips, ...; result about 19 MB"
std::string describe(const scenarios::assembly::RunSizeEstimate& s);
output::InputReport input_report(const scenarios::assembly::CityInputs& city);
// One "warning: ..." line per usability warning (models/city/usability.hpp).
std::string warnings_text(const scenarios::assembly::CityInputs& city);
// Empty when the estimate fits `limit_bytes`; otherwise the error message (without "error: ").
std::string memory_refusal(const std::string& scenario, const scenarios::assembly::RunSizeEstimate& size, double limit_bytes,
                           bool limit_given);

}  // namespace evsim::cli
