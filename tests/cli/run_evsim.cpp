#include "tests/cli/run_evsim.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>

namespace evsim::test {

namespace fs = std::filesystem;

EvsimResult run_evsim(const std::string& args, const std::string& tag) {
  const fs::path dir = fs::path(EVSIM_BINARY_DIR) / "tests" / "cli_runs";
  fs::create_directories(dir);
  const fs::path err_file = dir / (tag + ".stderr");
  const std::string command = std::string(EVSIM_EXE) + " " + args + " 2>" + err_file.string();
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string out;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) out += buffer.data();
  const int status = pclose(pipe);
  if (FILE* err = std::fopen(err_file.c_str(), "r")) {
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), err)) > 0) out.append(buffer.data(), n);
    std::fclose(err);
  }
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string demo() { return std::string(EVSIM_SOURCE_DIR) + "/scenarios/examples/demo.yaml"; }
std::string data(const std::string& name) { return std::string(EVSIM_SOURCE_DIR) + "/tests/cli/data/" + name; }
std::string result_path(const std::string& name) { return (fs::path(EVSIM_BINARY_DIR) / "tests" / "cli_runs" / name).string(); }

}  // namespace evsim::test
