#pragma once
// TextFile writes a small text file (a CSV of sites) so that its final name only ever holds a
// whole file:
//
//   TextFile f("sites.csv");   // creates (truncates) sites.csv.partial
//   f.write(text);             // every write is checked
//   f.commit();                // flushes to disk (fsync), closes, renames to sites.csv
//
// Contract: every failure (cannot create, disk full, file too large, I/O error, close or rename
// failing) throws OutputError "<path>: cannot <what>: <strerror>" and removes the ".partial" file,
// so a failed write leaves neither name. A TextFile destroyed before commit() also removes it.
// commit() replaces an existing file of the final name: callers check first (cli/output_path.hpp).
#include <filesystem>
#include <string_view>

#include "output/output_error.hpp"

namespace evsim::output {

class TextFile {
 public:
  explicit TextFile(std::filesystem::path final_path);
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;
  ~TextFile();

  const std::filesystem::path& final_path() const { return final_path_; }
  const std::filesystem::path& partial_path() const { return partial_path_; }

  void write(std::string_view text);
  void commit();
  // Closes and removes the ".partial" file; no effect after commit().
  void discard() noexcept;

 private:
  [[noreturn]] void fail(std::string_view what, int error_number);

  std::filesystem::path final_path_;
  std::filesystem::path partial_path_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace evsim::output
