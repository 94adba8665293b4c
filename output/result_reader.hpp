#pragma once
// ResultReader reads what ResultFile wrote: tables, attributes, /meta. Used by tests and by tools that
// compare runs. It opens files read-only, ".partial" ones included. Errors throw OutputError.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "output/attribute_value.hpp"
#include "output/output_error.hpp"
#include "output/run_meta.hpp"
#include "output/table.hpp"

namespace evsim::output {

// /meta as stored; end_wall_clock is empty and status nullopt in a file that was never finished.
struct StoredRunMeta {
  RunMeta meta{};
  std::string end_wall_clock{};
  std::optional<RunStatus> status{};
};

// How a dataset is laid out on disk.
struct DatasetStorage {
  std::uint64_t chunk_rows = 0;  // 0 when the dataset is contiguous
  int deflate_level = -1;        // -1 without deflate
  bool shuffle = false;
};

class ResultReader {
 public:
  static ResultReader open(const std::filesystem::path& file);

  ResultReader(ResultReader&&) noexcept;
  ResultReader& operator=(ResultReader&&) noexcept;
  ~ResultReader();

  const std::filesystem::path& path() const;
  bool has_object(const std::string& object_path) const;
  bool has_attribute(const std::string& object_path, const std::string& name) const;

  // The table in group `group_path`, columns in the order of its "columns" attribute.
  Table read_table(const std::string& group_path) const;
  AttributeValue read_attribute(const std::string& object_path, const std::string& name) const;
  std::vector<std::string> read_string_list_attribute(const std::string& object_path, const std::string& name) const;
  // A scalar string dataset, such as /meta/scenario_text.
  std::string read_text(const std::string& dataset_path) const;
  StoredRunMeta read_meta() const;
  DatasetStorage storage(const std::string& dataset_path) const;

 private:
  struct Impl;
  explicit ResultReader(std::unique_ptr<Impl> impl);
  const Impl& impl() const;

  std::unique_ptr<Impl> impl_;
};

// One-shot helpers that open `file`, read, and close it.
Table read_table(const std::filesystem::path& file, const std::string& group_path);
AttributeValue read_attribute(const std::filesystem::path& file, const std::string& object_path,
                              const std::string& name);

}  // namespace evsim::output
