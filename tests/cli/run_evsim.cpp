#include "tests/cli/run_evsim.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace evsim::test {

namespace fs = std::filesystem;

EvsimResult run_evsim(const std::string& args, const std::string& tag, const std::string& prefix) {
  const fs::path dir = fs::path(EVSIM_BINARY_DIR) / "tests" / "cli_runs";
  fs::create_directories(dir);
  const fs::path err_file = dir / (tag + ".stderr");
  const std::string command =
      "exec " + (prefix.empty() ? "" : prefix + " ") + std::string(EVSIM_EXE) + " " + args + " 2>" + err_file.string();
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  EvsimResult result{-1, ""};
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.stdout_text.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.stderr_text = file_bytes(err_file.string());
  result.out = result.stdout_text + result.stderr_text;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return result;
}

std::string demo() { return std::string(EVSIM_SOURCE_DIR) + "/scenarios/examples/demo.yaml"; }
std::string data(const std::string& name) { return std::string(EVSIM_SOURCE_DIR) + "/tests/cli/data/" + name; }
std::string result_path(const std::string& name) { return (fs::path(EVSIM_BINARY_DIR) / "tests" / "cli_runs" / name).string(); }

std::string fresh_result_path(const std::string& name) {
  const std::string path = result_path(name);
  fs::create_directories(fs::path(path).parent_path());
  fs::remove(path);
  fs::remove(path + ".partial");
  return path;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace evsim::test
