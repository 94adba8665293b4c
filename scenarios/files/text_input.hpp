#pragma once
// A whole user file as text, or an error at its `file` key that says why it cannot be read:
//   {file}: file: expected {expected}, found no such file | a directory | a file that cannot be
//   opened | a file that cannot be read
#include <filesystem>
#include <string>
#include <string_view>

namespace evsim::scenarios::files {

std::string read_text_file(const std::filesystem::path& file, std::string_view expected);

}  // namespace evsim::scenarios::files
