#pragma once
// Runs a piece of a test in a forked child, for what must not touch the test process itself: a
// file-size limit (RLIMIT_FSIZE) that makes writes fail with EFBIG, or a check that the process
// exits cleanly (HDF5's exit handlers run in the child's exit()).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <functional>
#include <string>

namespace evsim::test {

struct ChildOutcome {
  bool exited = false;  // ended through exit(), not a signal
  int exit_code = -1;
  int signal = 0;       // the signal that ended it, when !exited
  std::string text;     // what `fn` returned
};

// Forks; the child ignores SIGXFSZ, limits the size of files it writes to `file_size_limit` bytes
// (when not negative), runs `fn`, sends its result to the parent and calls exit(0).
inline ChildOutcome run_in_child(const std::function<std::string()>& fn, long file_size_limit = -1) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    std::signal(SIGXFSZ, SIG_IGN);
    if (file_size_limit >= 0) {
      const rlimit limit{static_cast<rlim_t>(file_size_limit), static_cast<rlim_t>(file_size_limit)};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::string text;
    try {
      text = fn();
    } catch (...) {
      text = "fn threw";
    }
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
      const ssize_t n = ::write(fds[1], data, left);
      if (n <= 0) break;
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
    std::exit(0);
  }
  ::close(fds[1]);
  ChildOutcome outcome;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) outcome.text.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return outcome;
  outcome.exited = WIFEXITED(status);
  outcome.exit_code = outcome.exited ? WEXITSTATUS(status) : -1;
  outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return outcome;
}

}  // namespace evsim::test
