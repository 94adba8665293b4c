#include "output/json.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace evsim::output {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

void check_finite_json(std::string_view json) {
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if (json.substr(i, 3) == "nan" || json.substr(i, 3) == "inf") {
      throw std::logic_error(fmt::format("JSON output holds a non-finite number near \"{}\"",
                                         json.substr(i >= 20 ? i - 20 : 0, 30)));
    }
  }
}

std::string add_json_member(const std::string& json, std::string_view key, const std::string& value) {
  const auto close = json.rfind('}');
  if (close == std::string::npos) return json;
  return json.substr(0, close) + fmt::format(", {}: {}", json_string(key), value) + json.substr(close);
}

}  // namespace evsim::output
