#pragma once
// Internal to output/ (never included by a public header): the HDF5 C API behind RAII handles,
// one lock for the library, and errors that name the file and object.
//
// The serial HDF5 build Debian ships is not thread-safe, and a process may run several simulations
// side by side, so every public entry point of output/ holds a Session for as long as it touches
// HDF5. The Session also turns off HDF5's automatic error-stack printing: users see OutputError only.
#include <hdf5.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

namespace evsim::output::h5 {

// Failed closes. HDF5 1.10 (Debian 12 ships 1.10.8) frees a file's internal struct when H5Fclose
// fails (for example because the final flush hits a full disk) but keeps its identifier; the
// library's exit handler later closes that identifier again and crashes (HDFFV-11052, fixed in
// HDF5 1.14.1). So output/ never lets a close be the first thing that fails: it flushes first
// (flush_then_close) and, when the flush fails, abandons the file instead of closing it (the
// identifier stays open and unused until the process ends). The first Session turns off HDF5's
// exit handler (H5dont_atexit), so that an abandoned file is never touched again; every file that
// was closed normally is complete on disk without it.

// HDF5 spells these with C casts in its macros; they are defined once, in h5_handle.cpp.
extern const hid_t kDefault;    // H5P_DEFAULT
extern const hid_t kAll;        // H5S_ALL
extern const size_t kVariable;  // H5T_VARIABLE

// Holds the library lock and silences HDF5's error printing for the calling thread.
class Session {
 public:
  Session();

 private:
  std::scoped_lock<std::mutex> lock_;
};

// Owns one HDF5 identifier and closes it with the function that matches its kind (H5Fclose,
// H5Gclose, ...). Destroy handles only while a Session is alive.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  Handle() = default;
  Handle(hid_t id, Closer closer) : id_(id), close_(closer) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(other.id_), close_(other.close_) { other.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& other) noexcept;
  ~Handle() { reset(); }

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }
  // Closes and returns what the close function returned; the handle is empty afterwards either way.
  herr_t close();
  // Closes and ignores failure (destructors, unwinding).
  void reset() noexcept { static_cast<void>(close()); }
  // Gives up the identifier without closing it (an abandoned file, see above).
  void abandon() noexcept { id_ = H5I_INVALID_HID; }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};

// Where an operation happens, for error messages.
struct Where {
  const std::filesystem::path& file;
  std::string_view object;  // path inside the file; empty for the file itself
};

// Throws OutputError "<file>: <object>: <what> (HDF5: <innermost HDF5 error>)". Call it right after
// the failing HDF5 call, before another call resets HDF5's error stack.
[[noreturn]] void fail(const Where& where, std::string_view what);
// Throws OutputError "<file>: <object>: <what>" for a failure that HDF5 did not report.
[[noreturn]] void reject(const Where& where, std::string_view what);
// Throws through fail() when `id` is negative, else returns it owned by a Handle.
Handle checked(hid_t id, Handle::Closer closer, const Where& where, std::string_view what);
// Throws through fail() when `status` is negative.
void check(herr_t status, const Where& where, std::string_view what);
// Throws through fail() when `status` is negative, else returns it as a bool (H5Lexists, H5Aexists).
bool check_tri(htri_t status, const Where& where, std::string_view what);

// Flushes the file and closes it. When the flush fails the file is abandoned (see above) and
// fail(where, what) throws; a close that fails after a good flush throws the same way.
void flush_then_close(Handle& file, const Where& where, std::string_view what);
// The same without throwing (destructors, unwinding); returns false when the file was abandoned or
// the close failed.
bool flush_then_close_quietly(Handle& file) noexcept;

}  // namespace evsim::output::h5
