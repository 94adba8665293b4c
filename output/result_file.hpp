#pragma once
// ResultFile writes one run's results to an HDF5 file (layout: docs/output-format.md).
//
//   auto file = ResultFile::create("runs/base.h5");   // writes runs/base.h5.partial
//   file.write_meta(meta);                            // /meta
//   file.write_table("/stations/samples", samples);   // one dataset per column
//   file.write_attribute("/kpi", "mean_wait_s", 41.5);
//   file.finish(RunStatus::complete);                 // renames to runs/base.h5
//
// Contract:
// - While the run goes on the file is called <final>.partial. finish() records the end time and the
//   status in /meta, flushes and closes the file and renames it to <final> in one step (replacing an
//   older file of that name: callers decide whether that is allowed, see cli/output_path.hpp). A
//   ResultFile destroyed without finish(), for example while an exception unwinds, closes the file
//   and leaves the ".partial" name, so a crashed run never looks finished; discard() removes it.
// - A write, flush or close that fails (disk full, file too large, I/O error) throws OutputError
//   with the system's reason, e.g. "out.h5.partial: cannot finish the result file (HDF5: file write
//   failed: No space left on device)"; the final name is never created by a failed finish().
// - Every failure throws OutputError naming the file, the object path and what failed; a Table that
//   fails Table::check() throws std::logic_error. HDF5 prints nothing itself.
// - Identical calls give byte-identical files except for the wall-clock attributes in /meta (HDF5
//   object timestamps are turned off).
// - Safe to use from several threads on different files: calls into HDF5 are serialised.
#include <filesystem>
#include <memory>
#include <string>

#include "output/attribute_value.hpp"
#include "output/output_error.hpp"
#include "output/run_meta.hpp"
#include "output/table.hpp"

namespace evsim::output {

class ResultFile {
 public:
  // Creates (truncates) final_path + ".partial". Throws OutputError when the folder does not exist,
  // final_path is a folder, or HDF5 cannot create the file.
  static ResultFile create(const std::filesystem::path& final_path);

  ResultFile(ResultFile&&) noexcept;
  ResultFile& operator=(ResultFile&&) noexcept;
  ~ResultFile();

  const std::filesystem::path& final_path() const;
  std::filesystem::path partial_path() const;
  bool finished() const;

  // Writes `table` as group `group_path` ("/stations/samples"; missing parent groups are created):
  // one 1-D dataset per column plus group attributes "rows" (uint64) and "columns" (names in order).
  // The group may exist already, but must not hold a table yet.
  void write_table(const std::string& group_path, const Table& table);
  // Writes a scalar attribute on the object at `object_path`, replacing one of the same name. When
  // no object has that path, groups are created ("/kpi").
  void write_attribute(const std::string& object_path, const std::string& name, const AttributeValue& value);
  // Writes /meta (dataset scenario_text, attributes for the rest). Once per file.
  void write_meta(const RunMeta& meta);

  // Writes /meta attributes end_wall_clock (now, ISO-8601 UTC) and status, closes, and renames the
  // file to final_path(). After finish(), every write throws OutputError.
  void finish(RunStatus status);
  // As above with a given end time (tests and replays that need identical files).
  void finish(RunStatus status, const std::string& end_wall_clock);
  // Closes the file without finishing it and removes the ".partial" file (after a failed write).
  // Never throws; no effect after finish().
  void discard() noexcept;

 private:
  struct Impl;
  explicit ResultFile(std::unique_ptr<Impl> impl);
  Impl& open_impl(const char* operation);
  void close_quietly() noexcept;
  void discard_locked() noexcept;  // discard() while the caller holds the HDF5 session

  std::unique_ptr<Impl> impl_;
};

}  // namespace evsim::output
