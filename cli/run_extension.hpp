#pragma once
// The optional parts of `evsim run` that a scenario switches on, behind one interface so that the
// pipeline (cli/run_pipeline.cpp) treats them alike:
//
//   site energy    station pv/storage, grid_events    models/grid/site_energy.hpp
//   feeders        grid.feeders                       models/grid/feeder_monitor.hpp
//   tariffs        tariffs (and smart charging)       models/city/charging_costs.hpp
//   replay         sessions                           models/charging/session_replay.hpp
//
// Each part subscribes to the city model's session signals when it is made (before model.start());
// the pipeline then calls every part at the same points, in the order above: start() with the
// model, close_sessions() after the horizon and before the model closes its own sessions, finish()
// after that, summarize() before the result file is written, write() into the file, and json() /
// text() for what is printed. A scenario without the keys makes no part and runs as before.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/city/charging_costs.hpp"
#include "models/city/city_model.hpp"
#include "output/result_file.hpp"
#include "output/summary.hpp"
#include "scenarios/assembly/attach_feeders.hpp"
#include "scenarios/assembly/build_city.hpp"
#include "scenarios/assembly/site_energy_inputs.hpp"
#include "scenarios/files/session_file.hpp"
#include "scenarios/scenario.hpp"
#include "sim/simulator.hpp"

namespace evsim::cli {

class RunExtension {
 public:
  virtual ~RunExtension() = default;
  virtual void start() {}
  virtual void close_sessions() {}
  virtual void finish() {}
  virtual void summarize(output::RunSummary& /*summary*/) const {}
  virtual void write(output::ResultFile& file) const = 0;
  // `json` (one object) with this part's members added (none by default).
  virtual std::string json(std::string json) const { return json; }
  // Lines for the printed summary (none by default).
  virtual std::string text() const { return {}; }
};

// What the parts read from the scenario's files, prepared while loading and building, so that a bad
// input is refused (ScenarioError) before the result file exists.
struct ExtensionInputs {
  scenarios::assembly::AttachedGrid grid;
  std::optional<scenarios::files::SessionFileContents> replay;
  scenarios::assembly::SiteEnergyInputs sites;
  std::optional<models::city::ChargingCostSetup> costs;
};

// Throws scenarios::ScenarioError for a bad input of any part.
ExtensionInputs prepare_extensions(const scenarios::Scenario& sc, const scenarios::assembly::CityInputs& city,
                                   std::string_view plan);

// The parts the inputs ask for, connected to `model`. `inputs`, `sc` and `city` must outlive them.
std::vector<std::unique_ptr<RunExtension>> attach_extensions(sim::Simulator& simulator, models::city::CityModel& model,
                                                             ExtensionInputs& inputs, const scenarios::Scenario& sc,
                                                             const scenarios::assembly::CityInputs& city);

}  // namespace evsim::cli
