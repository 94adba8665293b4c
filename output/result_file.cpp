#include "output/result_file.hpp"

#include <fmt/format.h>

#include <cmath>

#include <system_error>
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

struct ResultFile::Impl {
  fs::path final_path;
  fs::path partial_path;
  Handle file;
  bool finished = false;
};

namespace {

// Rejects a destination that HDF5 would fail on with a less helpful message.
void check_destination(const fs::path& final_path, const Where& where) {
  const fs::path parent = final_path.parent_path();
  const fs::path folder = parent.empty() ? fs::path(".") : parent;
  std::error_code error;
  if (!fs::exists(folder, error)) {
    h5::reject(where, fmt::format("cannot create result file: folder \"{}\" does not exist", folder.string()));
  }
  if (!fs::is_directory(folder, error)) {
    h5::reject(where, fmt::format("cannot create result file: \"{}\" is not a folder", folder.string()));
  }
  if (fs::is_directory(final_path, error)) {
    h5::reject(where, fmt::format("cannot create result file: \"{}\" is a folder", final_path.string()));
  }
}

Handle create_file(const fs::path& partial_path, const Where& where) {
  const Handle create_plist =
      h5::checked(H5Pcreate(H5P_FILE_CREATE), H5Pclose, where, "cannot create file property list");
  h5::set_root_group_properties(create_plist.get(), where);
  const Handle access_plist =
      h5::checked(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, where, "cannot create file property list");
  // Closing the file closes whatever is still open in it, so a close in unwinding always succeeds.
  h5::check(H5Pset_fclose_degree(access_plist.get(), H5F_CLOSE_STRONG), where, "cannot set file close degree");
  return h5::checked(H5Fcreate(partial_path.c_str(), H5F_ACC_TRUNC, create_plist.get(), access_plist.get()),
                     H5Fclose, where, "cannot create result file");
}

}  // namespace

ResultFile ResultFile::create(const fs::path& final_path) {
  const Session session;
  fs::path partial_path = final_path;
  partial_path += ".partial";
  const Where where{partial_path, ""};
  check_destination(final_path, where);
  Handle file;
  try {
    file = create_file(partial_path, where);
  } catch (const OutputError&) {
    std::error_code error;
    fs::remove(partial_path, error);  // HDF5 may have created it before failing
    throw;
  }
  ResultFile result(std::make_unique<Impl>(
      Impl{.final_path = final_path, .partial_path = partial_path, .file = std::move(file), .finished = false}));
  try {
    const Where meta_where{partial_path, meta::kGroup};
    const Handle group = h5::open_or_create_group(result.impl_->file.get(), meta_where);
    h5::write_attribute(group.get(), meta::kFormatVersion, meta::kCurrentFormatVersion, meta_where);
  } catch (const OutputError&) {
    result.discard_locked();
    throw;
  }
  return result;
}

ResultFile::ResultFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultFile::ResultFile(ResultFile&&) noexcept = default;

ResultFile& ResultFile::operator=(ResultFile&& other) noexcept {
  if (this != &other) {
    close_quietly();
    impl_ = std::move(other.impl_);
  }
  return *this;
}

ResultFile::~ResultFile() { close_quietly(); }

void ResultFile::close_quietly() noexcept {
  if (!impl_ || !impl_->file.valid()) return;
  try {
    const Session session;
    static_cast<void>(h5::flush_then_close_quietly(impl_->file));
  } catch (...) {
    // Only locking can throw here; the file then stays open until the process ends.
  }
}

void ResultFile::discard() noexcept {
  if (!impl_ || impl_->finished) return;
  close_quietly();
  std::error_code error;
  fs::remove(impl_->partial_path, error);
}

void ResultFile::discard_locked() noexcept {
  if (!impl_ || impl_->finished) return;
  static_cast<void>(h5::flush_then_close_quietly(impl_->file));
  std::error_code error;
  fs::remove(impl_->partial_path, error);
}

const fs::path& ResultFile::final_path() const { return impl_->final_path; }
fs::path ResultFile::partial_path() const { return impl_->partial_path; }
bool ResultFile::finished() const { return impl_->finished; }

ResultFile::Impl& ResultFile::open_impl(const char* operation) {
  if (!impl_) throw std::logic_error(fmt::format("ResultFile: {} on a moved-from object", operation));
  if (impl_->finished) {
    throw OutputError(
        fmt::format("{}: cannot {}: the result file is already finished", impl_->final_path.string(), operation));
  }
  if (!impl_->file.valid()) {
    throw OutputError(fmt::format("{}: cannot {}: the result file was closed after an error",
                                  impl_->partial_path.string(), operation));
  }
  return *impl_;
}

void ResultFile::write_table(const std::string& group_path, const Table& table) {
  Impl& impl = open_impl("write a table");
  try {
    table.check();
  } catch (const std::logic_error& error) {
    throw std::logic_error(fmt::format("{}: {}: {}", impl.partial_path.string(), group_path, error.what()));
  }
  const Session session;
  const Where where{impl.partial_path, group_path};
  const Handle group = h5::open_or_create_group(impl.file.get(), where);
  if (h5::attribute_exists(group.get(), "columns", where)) h5::reject(where, "the group already holds a table");
  std::vector<std::string> names;
  names.reserve(table.columns.size());
  for (const Column& column : table.columns) {
    const std::string path = h5::child_path(group_path, column.name);
    h5::write_column(group.get(), column, Where{impl.partial_path, path});
    names.push_back(column.name);
  }
  h5::write_attribute(group.get(), "rows", std::uint64_t{table.rows()}, where);
  h5::write_string_list_attribute(group.get(), "columns", names, where);
}

void ResultFile::write_attribute(const std::string& object_path, const std::string& name,
                                 const AttributeValue& value) {
  Impl& impl = open_impl("write an attribute");
  if (const double* x = std::get_if<double>(&value); x != nullptr && !std::isfinite(*x)) {
    throw std::logic_error(fmt::format("{}: {} attribute {} is {}, which no result file may hold",
                                       impl.partial_path.string(), object_path, name, *x));
  }
  const Session session;
  const Where where{impl.partial_path, object_path};
  const Handle object = h5::object_exists(impl.file.get(), where) ? h5::open_object(impl.file.get(), where)
                                                                  : h5::open_or_create_group(impl.file.get(), where);
  h5::write_attribute(object.get(), name, value, where);
}

void ResultFile::write_meta(const RunMeta& meta) {
  Impl& impl = open_impl("write run metadata");
  const Session session;
  const Where where{impl.partial_path, meta::kGroup};
  const Handle group = h5::open_or_create_group(impl.file.get(), where);
  if (h5::object_exists(impl.file.get(), Where{impl.partial_path, meta::kScenarioTextPath})) {
    h5::reject(where, "run metadata is already written");
  }
  h5::write_text_dataset(group.get(), meta::kScenarioText, meta.scenario_text,
                         Where{impl.partial_path, meta::kScenarioTextPath});
  h5::write_attribute(group.get(), meta::kScenarioFile, meta.scenario_file, where);
  h5::write_attribute(group.get(), meta::kEvsimVersion, meta.evsim_version, where);
  h5::write_attribute(group.get(), meta::kSeed, meta.seed, where);
  h5::write_attribute(group.get(), meta::kReplication, meta.replication, where);
  h5::write_attribute(group.get(), meta::kStartWallClock, meta.start_wall_clock, where);
  h5::write_attribute(group.get(), meta::kCommandLine, meta.command_line, where);
  if (meta.simulated_until_ms) h5::write_attribute(group.get(), meta::kSimulatedUntilMs, *meta.simulated_until_ms, where);
}

void ResultFile::finish(RunStatus status) { finish(status, utc_now_iso8601()); }

void ResultFile::finish(RunStatus status, const std::string& end_wall_clock) {
  Impl& impl = open_impl("finish");
  {
    const Session session;
    const Where where{impl.partial_path, meta::kGroup};
    Handle group = h5::open_or_create_group(impl.file.get(), where);
    h5::write_attribute(group.get(), meta::kEndWallClock, end_wall_clock, where);
    h5::write_attribute(group.get(), meta::kStatus, std::string(to_string(status)), where);
    group.reset();
    h5::flush_then_close(impl.file, Where{impl.partial_path, ""}, "cannot finish the result file");
  }
  std::error_code error;
  fs::rename(impl.partial_path, impl.final_path, error);
  if (error) {
    throw OutputError(fmt::format("{}: cannot rename to {}: {}", impl.partial_path.string(),
                                  impl.final_path.string(), error.message()));
  }
  impl.finished = true;
}

}  // namespace evsim::output
