// Fuzz target: the YAML scenario loader (scenarios/loader.hpp), from text. Files that a scenario
// names are resolved against a scratch folder that holds none of them, so those keys fail cleanly.
#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)evsim::scenarios::parse_scenario(std::string(evsim::fuzz::bytes(data, size)),
                                           evsim::fuzz::scratch_dir() / "fuzz.yaml");
  } catch (const evsim::scenarios::ScenarioError&) {
  }
  return 0;
}
