#pragma once
// Minimal JSON helpers for the summaries evsim prints with --json.
#include <string>
#include <string_view>

namespace evsim::output {

// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

}  // namespace evsim::output
