#include "output/text_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace evsim::output {

namespace fs = std::filesystem;

TextFile::TextFile(fs::path final_path) : final_path_(std::move(final_path)), partial_path_(final_path_) {
  partial_path_ += ".partial";
  do {
    fd_ = ::open(partial_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  } while (fd_ < 0 && errno == EINTR);
  if (fd_ < 0) throw OutputError(fmt::format("{}: cannot create: {}", partial_path_.string(), std::strerror(errno)));
}

TextFile::~TextFile() { discard(); }

void TextFile::fail(std::string_view what, int error_number) {
  discard();
  throw OutputError(fmt::format("{}: cannot {}: {}", partial_path_.string(), what, std::strerror(error_number)));
}

void TextFile::write(std::string_view text) {
  if (fd_ < 0) throw OutputError(fmt::format("{}: cannot write: the file is closed", partial_path_.string()));
  while (!text.empty()) {
    const ssize_t n = ::write(fd_, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write", errno);
    }
    if (n == 0) fail("write", EIO);
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void TextFile::commit() {
  if (fd_ < 0) throw OutputError(fmt::format("{}: cannot finish: the file is closed", partial_path_.string()));
  if (::fsync(fd_) != 0 && errno != EINVAL) fail("flush to disk", errno);  // EINVAL: a file system without fsync
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) {
    const int error_number = errno;
    ::unlink(partial_path_.c_str());
    throw OutputError(fmt::format("{}: cannot close: {}", partial_path_.string(), std::strerror(error_number)));
  }
  std::error_code error;
  fs::rename(partial_path_, final_path_, error);
  if (error) {
    ::unlink(partial_path_.c_str());
    throw OutputError(fmt::format("{}: cannot rename to {}: {}", partial_path_.string(), final_path_.string(),
                                  error.message()));
  }
  committed_ = true;
}

void TextFile::discard() noexcept {
  if (committed_) return;
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  ::unlink(partial_path_.c_str());
}

}  // namespace evsim::output
