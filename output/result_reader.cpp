#include "output/result_reader.hpp"

#include <fmt/format.h>

#include <utility>

#include "output/h5_datasets.hpp"
#include "output/h5_handle.hpp"
#include "output/h5_objects.hpp"
#include "output/meta_layout.hpp"

namespace evsim::output {

namespace fs = std::filesystem;
using h5::Handle;
using h5::Session;
using h5::Where;

struct ResultReader::Impl {
  fs::path path;
  Handle file;
};

namespace {

template <typename T>
T attribute_as(hid_t object, const std::string& name, const Where& where) {
  AttributeValue value = h5::read_attribute(object, name, where);
  if (auto* typed = std::get_if<T>(&value)) return std::move(*typed);
  h5::reject(where, fmt::format("attribute \"{}\" has an unexpected type", name));
}

}  // namespace

ResultReader ResultReader::open(const fs::path& file) {
  const Session session;
  const Where where{file, ""};
  std::error_code error;
  if (!fs::is_regular_file(file, error)) h5::reject(where, "cannot open result file: no such file");
  const Handle access_plist =
      h5::checked(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, where, "cannot create file property list");
  h5::check(H5Pset_fclose_degree(access_plist.get(), H5F_CLOSE_STRONG), where, "cannot set file close degree");
  Handle handle = h5::checked(H5Fopen(file.c_str(), H5F_ACC_RDONLY, access_plist.get()), H5Fclose, where,
                              "cannot open result file");
  return ResultReader(std::make_unique<Impl>(Impl{.path = file, .file = std::move(handle)}));
}

ResultReader::ResultReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultReader::ResultReader(ResultReader&&) noexcept = default;

ResultReader& ResultReader::operator=(ResultReader&& other) noexcept {
  if (this != &other) {
    ResultReader closing(std::move(*this));
    impl_ = std::move(other.impl_);
  }
  return *this;
}

ResultReader::~ResultReader() {
  if (!impl_) return;
  try {
    const Session session;
    impl_->file.reset();
  } catch (...) {
    // Only locking can throw here; the file then stays open until the process ends.
  }
}

const ResultReader::Impl& ResultReader::impl() const {
  if (!impl_) throw std::logic_error("ResultReader: use of a moved-from object");
  return *impl_;
}

const fs::path& ResultReader::path() const { return impl().path; }

bool ResultReader::has_object(const std::string& object_path) const {
  const Session session;
  return h5::object_exists(impl().file.get(), Where{impl().path, object_path});
}

bool ResultReader::has_attribute(const std::string& object_path, const std::string& name) const {
  const Session session;
  const Where where{impl().path, object_path};
  const Handle object = h5::open_object(impl().file.get(), where);
  return h5::attribute_exists(object.get(), name, where);
}

Table ResultReader::read_table(const std::string& group_path) const {
  const Session session;
  const Where where{impl().path, group_path};
  const Handle group = h5::open_group(impl().file.get(), where);
  if (!h5::attribute_exists(group.get(), "columns", where)) {
    h5::reject(where, "not a table (no \"columns\" attribute; it is written last, so a failed write lacks it)");
  }
  const auto rows = attribute_as<std::uint64_t>(group.get(), "rows", where);
  Table table;
  for (const std::string& name : h5::read_string_list_attribute(group.get(), "columns", where)) {
    const std::string path = h5::child_path(group_path, name);
    Column column = h5::read_column(group.get(), name, Where{impl().path, path});
    if (column.size() != rows) {
      h5::reject(Where{impl().path, path},
                 fmt::format("dataset has {} rows but the group's \"rows\" attribute says {}", column.size(), rows));
    }
    table.columns.push_back(std::move(column));
  }
  return table;
}

AttributeValue ResultReader::read_attribute(const std::string& object_path, const std::string& name) const {
  const Session session;
  const Where where{impl().path, object_path};
  const Handle object = h5::open_object(impl().file.get(), where);
  return h5::read_attribute(object.get(), name, where);
}

std::vector<std::string> ResultReader::read_string_list_attribute(const std::string& object_path,
                                                                  const std::string& name) const {
  const Session session;
  const Where where{impl().path, object_path};
  const Handle object = h5::open_object(impl().file.get(), where);
  return h5::read_string_list_attribute(object.get(), name, where);
}

std::string ResultReader::read_text(const std::string& dataset_path) const {
  const Session session;
  return h5::read_text_dataset(impl().file.get(), Where{impl().path, dataset_path});
}

StoredRunMeta ResultReader::read_meta() const {
  const Session session;
  const Where where{impl().path, meta::kGroup};
  const Handle group = h5::open_group(impl().file.get(), where);
  StoredRunMeta stored;
  RunMeta& run = stored.meta;
  run.scenario_text = h5::read_text_dataset(impl().file.get(), Where{impl().path, meta::kScenarioTextPath});
  run.scenario_file = attribute_as<std::string>(group.get(), meta::kScenarioFile, where);
  run.evsim_version = attribute_as<std::string>(group.get(), meta::kEvsimVersion, where);
  run.seed = attribute_as<std::uint64_t>(group.get(), meta::kSeed, where);
  run.replication = attribute_as<std::uint64_t>(group.get(), meta::kReplication, where);
  run.start_wall_clock = attribute_as<std::string>(group.get(), meta::kStartWallClock, where);
  run.command_line = attribute_as<std::string>(group.get(), meta::kCommandLine, where);
  if (h5::attribute_exists(group.get(), meta::kSimulatedUntilMs, where)) {
    run.simulated_until_ms = attribute_as<std::int64_t>(group.get(), meta::kSimulatedUntilMs, where);
  }
  if (h5::attribute_exists(group.get(), meta::kEndWallClock, where)) {
    stored.end_wall_clock = attribute_as<std::string>(group.get(), meta::kEndWallClock, where);
  }
  if (h5::attribute_exists(group.get(), meta::kStatus, where)) {
    const auto text = attribute_as<std::string>(group.get(), meta::kStatus, where);
    stored.status = parse_run_status(text);
    if (!stored.status) h5::reject(where, fmt::format("unknown run status \"{}\"", text));
  }
  return stored;
}

DatasetStorage ResultReader::storage(const std::string& dataset_path) const {
  const Session session;
  return h5::read_storage(impl().file.get(), Where{impl().path, dataset_path});
}

Table read_table(const fs::path& file, const std::string& group_path) {
  return ResultReader::open(file).read_table(group_path);
}

AttributeValue read_attribute(const fs::path& file, const std::string& object_path, const std::string& name) {
  return ResultReader::open(file).read_attribute(object_path, name);
}

}  // namespace evsim::output
