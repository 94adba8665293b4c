#include "output/h5_handle.hpp"

#include <fmt/format.h>

#include "output/output_error.hpp"

namespace evsim::output::h5 {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
const hid_t kDefault = H5P_DEFAULT;
const hid_t kAll = H5S_ALL;
const size_t kVariable = H5T_VARIABLE;
#pragma GCC diagnostic pop

namespace {

// The one piece of process-wide state in output/: HDF5 itself is process-wide.
std::mutex& library_mutex() {
  static std::mutex mutex;
  return mutex;
}

// H5Ewalk2 callback: keeps the description of the first (innermost) error record.
herr_t keep_innermost(unsigned n, const H5E_error2_t* record, void* client_data) {
  if (n == 0 && record->desc != nullptr) *static_cast<std::string*>(client_data) = record->desc;
  return 0;
}

// HDF5's I/O errors read "file write failed: time = <ctime with a newline>, filename = ..., errno =
// 28, error message = 'No space left on device', buf = ..."; they become "file write failed: No
// space left on device", which says what happened and stays the same from run to run.
std::string shorten_io_error(const std::string& description) {
  constexpr std::string_view kMessage = "error message = '";
  const std::size_t colon = description.find(':');
  const std::size_t start = description.find(kMessage);
  if (colon == std::string::npos || start == std::string::npos) return description;
  const std::size_t text = start + kMessage.size();
  const std::size_t end = description.find('\'', text);
  if (end == std::string::npos) return description;
  return description.substr(0, colon) + ": " + description.substr(text, end - text);
}

std::string innermost_hdf5_error() {
  std::string description;
  if (H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &description) < 0) return {};
  return shorten_io_error(description);
}

std::string message(const Where& where, std::string_view what) {
  if (where.object.empty()) return fmt::format("{}: {}", where.file.string(), what);
  return fmt::format("{}: {}: {}", where.file.string(), where.object, what);
}

}  // namespace

Session::Session() : lock_(library_mutex()) {
  static std::once_flag no_exit_handler;
  std::call_once(no_exit_handler, [] { H5dont_atexit(); });  // before any other HDF5 call: see h5_handle.hpp
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = other.id_;
    close_ = other.close_;
    other.id_ = H5I_INVALID_HID;
  }
  return *this;
}

herr_t Handle::close() {
  if (id_ < 0) return 0;
  const herr_t status = close_(id_);
  id_ = H5I_INVALID_HID;
  return status;
}

void fail(const Where& where, std::string_view what) {
  const std::string hdf5 = innermost_hdf5_error();
  std::string text = message(where, what);
  if (!hdf5.empty()) text += fmt::format(" (HDF5: {})", hdf5);
  throw OutputError(text);
}

void reject(const Where& where, std::string_view what) { throw OutputError(message(where, what)); }

Handle checked(hid_t id, Handle::Closer closer, const Where& where, std::string_view what) {
  if (id < 0) fail(where, what);
  return Handle(id, closer);
}

void check(herr_t status, const Where& where, std::string_view what) {
  if (status < 0) fail(where, what);
}

bool check_tri(htri_t status, const Where& where, std::string_view what) {
  if (status < 0) fail(where, what);
  return status > 0;
}

void flush_then_close(Handle& file, const Where& where, std::string_view what) {
  if (!file.valid()) return;
  if (H5Fflush(file.get(), H5F_SCOPE_LOCAL) < 0) {
    file.abandon();
    fail(where, what);
  }
  check(file.close(), where, what);
}

bool flush_then_close_quietly(Handle& file) noexcept {
  if (!file.valid()) return true;
  if (H5Fflush(file.get(), H5F_SCOPE_LOCAL) < 0) {
    file.abandon();
    return false;
  }
  return file.close() >= 0;
}

}  // namespace evsim::output::h5
