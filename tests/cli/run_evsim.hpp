#pragma once
// Runs the evsim executable for end-to-end tests. EVSIM_EXE, EVSIM_SOURCE_DIR and EVSIM_BINARY_DIR
// come from tests/cli/CMakeLists.txt.
#include <string>

namespace evsim::test {

struct EvsimResult {
  int exit_code;       // -1 when the process did not exit (see signal)
  std::string out;     // stdout, then stderr
  int signal = 0;      // the signal that ended the process, 0 when it exited
  std::string stdout_text{};
  std::string stderr_text{};
};

// `evsim ARGS` through the shell (exec'd, so that a signal death shows in the status); `tag` names
// the stderr capture file (unique per test). `prefix` is a program that runs evsim:
// "env EVSIM_TEST_RAISE=write:SIGINT" or "prlimit --fsize=65536".
EvsimResult run_evsim(const std::string& args, const std::string& tag, const std::string& prefix = "");
std::string demo();                               // scenarios/examples/demo.yaml
std::string data(const std::string& name);        // tests/cli/data/NAME
std::string result_path(const std::string& name);  // a path in the build's scratch folder
// A fresh path in the scratch folder: NAME with any file or NAME.partial of that name removed.
std::string fresh_result_path(const std::string& name);
// The whole file, byte for byte ("" when it cannot be read).
std::string file_bytes(const std::string& path);

}  // namespace evsim::test
