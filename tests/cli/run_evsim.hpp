#pragma once
// Runs the evsim executable for end-to-end tests. EVSIM_EXE, EVSIM_SOURCE_DIR and EVSIM_BINARY_DIR
// come from tests/cli/CMakeLists.txt.
#include <string>

namespace evsim::test {

struct EvsimResult {
  int exit_code;
  std::string out;  // stdout, then stderr
};

// `evsim ARGS` through the shell; `tag` names the stderr capture file (unique per test).
EvsimResult run_evsim(const std::string& args, const std::string& tag);
std::string demo();                               // scenarios/examples/demo.yaml
std::string data(const std::string& name);        // tests/cli/data/NAME
std::string result_path(const std::string& name);  // a path in the build's scratch folder

}  // namespace evsim::test
