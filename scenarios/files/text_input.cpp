#include "scenarios/files/text_input.hpp"

#include <fstream>
#include <sstream>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {

std::string read_text_file(const std::filesystem::path& file, std::string_view expected) {
  const std::string name = file.string();
  const auto fail = [&](std::string_view found) {
    throw ScenarioError(name, 0, 0, std::string(kFileKey), std::string(expected), std::string(found));
  };
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status)) fail("no such file");
  if (std::filesystem::is_directory(status)) fail("a directory");
  std::ifstream in(file, std::ios::binary);
  if (!in) fail("a file that cannot be opened");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) fail("a file that cannot be read");
  return text.str();
}

}  // namespace evsim::scenarios::files
