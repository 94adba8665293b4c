#pragma once
// Minimal JSON helpers for the summaries evsim prints with --json.
#include <string>
#include <string_view>

namespace evsim::output {

// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);
// Throws std::logic_error when `json` holds a NaN or an infinity written as a bare number (as
// fmt writes them: nan, inf, -inf): no evsim JSON may carry one, so a final check fails loudly.
void check_finite_json(std::string_view json);
// `json` (one object) with `"key": value` added as its last member.
std::string add_json_member(const std::string& json, std::string_view key, const std::string& value);

}  // namespace evsim::output
