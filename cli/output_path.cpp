#include "cli/output_path.hpp"

#include <fmt/format.h>

#include <string>
#include <system_error>

#include "scenarios/scenario_error.hpp"

namespace evsim::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCommandLine = "(command line)";

[[noreturn]] void refuse(std::string_view option, std::string_view expected, const fs::path& path,
                         std::string_view why) {
  throw scenarios::ScenarioError(kCommandLine, 0, 0, std::string(option), std::string(expected),
                                 fmt::format("{} ({})", scenarios::quote_path(path), why));
}

std::string_view kind_of(fs::file_type type) {
  switch (type) {
    case fs::file_type::directory: return "a folder";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

// True when `a` exists and is the same file as `b`.
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code error;
  const bool same = fs::equivalent(a, b, error);
  return !error && same;
}

void check_not_an_input(const fs::path& candidate, const fs::path& shown, std::string_view option,
                        std::span<const scenarios::InputFile> inputs) {
  for (const scenarios::InputFile& input : inputs) {
    if (same_file(candidate, input.path)) {
      const std::string what = candidate == shown ? input.role
                                                  : fmt::format("its partial file {} is {}", scenarios::quote_path(candidate), input.role);
      refuse(option, "a file that is not one of the run's inputs; choose another name (--force does not allow this)",
             shown, what);
    }
  }
}

}  // namespace

fs::path partial_path_of(const fs::path& path) {
  fs::path partial = path;
  partial += ".partial";
  return partial;
}

void check_output_path(const fs::path& path, std::string_view option, bool force,
                       std::span<const scenarios::InputFile> inputs) {
  if (path.empty()) refuse(option, "a file name", path, "empty");
  if (!path.has_filename()) refuse(option, "a file name, not a folder", path, "ends in a path separator");
  const fs::path parent = path.parent_path();
  const fs::path folder = parent.empty() ? fs::path(".") : parent;
  std::error_code error;
  const fs::file_status folder_status = fs::status(folder, error);
  if (!fs::exists(folder_status)) {
    refuse(option, "a file in an existing folder", path, fmt::format("folder {} does not exist", scenarios::quote_path(folder)));
  }
  if (!fs::is_directory(folder_status)) {
    refuse(option, "a file in an existing folder", path, fmt::format("{} is not a folder", scenarios::quote_path(folder)));
  }
  const fs::file_status status = fs::status(path, error);  // follows symbolic links
  const bool exists = fs::exists(status);
  if (exists && !fs::is_regular_file(status)) {
    refuse(option, "a regular file (results are never written to folders, devices or pipes)", path, kind_of(status.type()));
  }
  check_not_an_input(path, path, option, inputs);
  check_not_an_input(partial_path_of(path), path, option, inputs);
  if (exists && !force) {
    refuse(option, "a file name that is not taken, or --force to replace the file", path, "an existing file");
  }
}

}  // namespace evsim::cli
