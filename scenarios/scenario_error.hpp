#pragma once
// The one error type for bad scenario input.
//
// what() is, exactly:
//   {file}:{line}:{column}: {key_path}: expected {expected}, found {found}
// with 1-based line and column. When the position is unknown the ":{line}:{column}" part is left
// out. key_path names the value ("stations[1].plugs[0].power"); problems that belong to no key use
// kFileKey (the file cannot be read) or kDocumentKey (YAML syntax, the document as a whole, keys
// missing at the top level). Values found in the file are written with `quote`.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios {

inline constexpr std::string_view kFileKey = "(file)";
inline constexpr std::string_view kDocumentKey = "(document)";

class ScenarioError : public std::runtime_error {
 public:
  // line and column are 1-based; 0 means unknown (both are then left out of the message).
  ScenarioError(std::string file, int line, int column, std::string key_path, std::string expected,
                std::string found);
  ScenarioError(const SourceMark& mark, std::string expected, std::string found);

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& key_path() const { return key_path_; }
  const std::string& expected() const { return expected_; }
  const std::string& found() const { return found_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string key_path_;
  std::string expected_;
  std::string found_;
};

// For checks made after loading (for example against the road network) that kept a SourceMark.
[[noreturn]] void throw_at(const SourceMark& mark, std::string_view expected, std::string_view found);

// What a gcj02 or bd09 position without a WGS-84 equivalent is reported as expecting, wherever it
// is read (models/geometry/datum.hpp: a strip along the edge of the area GCJ-02 shifts has none).
std::string expected_convertible_position(Datum datum);

// `text` in double quotes, with \ " and control characters escaped and anything past 80 characters
// cut to "...": how messages show a value found in the file.
std::string quote(std::string_view text);
// A path quoted the same way but never cut, so that a long path still shows its file name.
std::string quote_path(const std::filesystem::path& path);

}  // namespace evsim::scenarios
