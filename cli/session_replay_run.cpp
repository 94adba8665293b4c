#include "cli/session_replay_run.hpp"

#include <vector>

namespace evsim::cli {

std::optional<scenarios::files::SessionFileContents> read_replay_input(const scenarios::Scenario& sc,
                                                                       const scenarios::assembly::CityInputs& city) {
  if (!sc.sessions) return std::nullopt;
  std::vector<scenarios::files::SessionSite> sites;
  for (const models::charging::Station& st : city.world.stations) {
    scenarios::files::SessionSite site{.name = st.name(), .plug_kw = {}};
    for (const models::charging::Plug& p : st.plugs()) site.plug_kw.push_back(p.power_kw);
    sites.push_back(std::move(site));
  }
  return scenarios::files::read_session_file(*sc.sessions, sites, city.world.settings.horizon - sim::kTimeZero);
}

ReplayRun::ReplayRun(sim::Simulator& simulator, models::city::CityModel& model,
                     const scenarios::files::SessionFileContents& input)
    : input_(input),
      replay_(simulator, model.sessions(), model.stations(), input.sessions, model.first_other_vehicle()),
      recorder_(input.sessions.size(), model.stations().size(), model.first_other_vehicle()) {
  model.set_other_sessions([this](models::VehicleId v) { replay_.target_reached(v); });
  replay_.finished.connect([this](const models::charging::ReplayRecord& r) { recorder_.on_finished(r); });
  model.sessions().power_changed.connect([this](const models::charging::PowerChange& c) { recorder_.on_power_change(c); });
}

void ReplayRun::finish() {
  replay_.finish();
  recorder_.commit();
}

void ReplayRun::write(output::ResultFile& file) const { file.write_table("/replay", output::replay_table(recorder_, input_.lines)); }

output::ReplaySummary ReplayRun::summary() const {
  output::ReplaySummary s = output::summarize_replay(recorder_);
  s.rows = input_.rows;
  s.outside_run = input_.outside_run.count;
  s.energy_from_rule = input_.energy_from_rule;
  return s;
}

}  // namespace evsim::cli
