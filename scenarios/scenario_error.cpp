#include "scenarios/scenario_error.hpp"

#include <fmt/format.h>

namespace evsim::scenarios {
namespace {

std::string format_message(const std::string& file, int line, int column, const std::string& key_path,
                           const std::string& expected, const std::string& found) {
  if (line > 0) {
    return fmt::format("{}:{}:{}: {}: expected {}, found {}", file, line, column, key_path, expected, found);
  }
  return fmt::format("{}: {}: expected {}, found {}", file, key_path, expected, found);
}

std::string quote_text(std::string_view text, std::size_t max_shown) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size() && i < max_shown; ++i) {
    const char c = text[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  if (text.size() > max_shown) out += "...";
  out += '"';
  return out;
}

}  // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string key_path, std::string expected,
                             std::string found)
    : std::runtime_error(format_message(file, line, column, key_path, expected, found)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      key_path_(std::move(key_path)),
      expected_(std::move(expected)),
      found_(std::move(found)) {}

ScenarioError::ScenarioError(const SourceMark& mark, std::string expected, std::string found)
    : ScenarioError(mark.file, mark.line, mark.column, mark.key_path, std::move(expected), std::move(found)) {}

void throw_at(const SourceMark& mark, std::string_view expected, std::string_view found) {
  throw ScenarioError(mark, std::string(expected), std::string(found));
}

std::string quote(std::string_view text) {
  constexpr std::size_t kMaxShown = 80;
  return quote_text(text, kMaxShown);
}

std::string quote_path(const std::filesystem::path& path) {
  const std::string text = path.string();
  return quote_text(text, text.size());
}

std::string expected_convertible_position(Datum datum) {
  return fmt::format("a {} position that some WGS-84 position converts to (none does in a strip along the edge of the "
                     "area where China's offset applies)",
                     models::geometry::to_string(datum));
}

}  // namespace evsim::scenarios
