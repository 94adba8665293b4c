#pragma once
// A run's measured-session replay (scenario key `sessions`): reads the sessions file against the
// built stations, attaches a models::charging::SessionReplay to the city model's session pool and
// collects its records for /replay and the printed summary.
#include <optional>

#include "models/charging/session_replay.hpp"
#include "models/city/city_model.hpp"
#include "output/replay_table.hpp"
#include "output/result_file.hpp"
#include "scenarios/assembly/build_city.hpp"
#include "scenarios/files/session_file.hpp"
#include "scenarios/scenario.hpp"
#include "sim/simulator.hpp"

namespace evsim::cli {

// nullopt without a `sessions` key. Throws scenarios::ScenarioError for a bad sessions file.
std::optional<scenarios::files::SessionFileContents> read_replay_input(const scenarios::Scenario& sc,
                                                                       const scenarios::assembly::CityInputs& city);

class ReplayRun {
 public:
  // Connects to `model`; call before model.start(). `input` must outlive this.
  ReplayRun(sim::Simulator& simulator, models::city::CityModel& model, const scenarios::files::SessionFileContents& input);
  void start() { replay_.start(); }
  // After the simulation, before model.finish(): closes what is still connected.
  void finish();
  void write(output::ResultFile& file) const;
  output::ReplaySummary summary() const;

 private:
  const scenarios::files::SessionFileContents& input_;
  models::charging::SessionReplay replay_;
  output::ReplayRecorder recorder_;
};

}  // namespace evsim::cli
