// /grid: how stations share power (site limits, cabinets) and every power change of the sessions
// on them, so that a reader can replay each site's power over time.
#include <cmath>
#include <string>

#include "output/columns.hpp"
#include "output/run_recorder.hpp"

namespace evsim::output {
namespace {

constexpr const char* kPolicyText = "0 equal (max-min fair), 1 first_come, 2 proportional (docs/charging-model.md)";

}  // namespace

void record_site_power(RunRecorder& recorder, models::city::CityModel& model) {
  const auto& stations = model.stations();
  model.sessions().power_changed.connect([&recorder, &stations](const models::charging::PowerChange& change) {
    if (change.station != models::road::kInvalid && stations[change.station].power().shared()) {
      recorder.on_power_change(change);
    }
  });
}

bool has_shared_sites(const models::city::CityModel& model) {
  for (const auto& st : model.stations()) {
    if (st.power().shared()) return true;
  }
  return false;
}

Table site_power_table(const RunRecorder& r) {
  using models::charging::PowerChange;
  const auto& c = r.power_changes();
  return Table{{project<std::int64_t>("time_ms", "ms", "when the session's share changed (plug-in, re-sharing, unplug)", c,
                                      [](const PowerChange& x) { return sim::to_ms(x.time); }),
                project<std::uint32_t>("station", "1", "station id (row of /stations)", c,
                                       [](const PowerChange& x) { return x.station; }),
                project<std::uint32_t>("plug", "1", "plug index within the station, in the scenario's order", c,
                                       [](const PowerChange& x) { return x.plug; }),
                project<std::uint32_t>("vehicle", "1", "vehicle id", c, [](const PowerChange& x) { return x.vehicle; }),
                project<double>("power_kw", "kW", "battery-side power at time_ms (0 at unplug)", c,
                                [](const PowerChange& x) { return x.power_kw; }),
                project<double>("share_kw", "kW",
                                "most the session draws until its next row: its share of the site (0 at unplug)", c,
                                [](const PowerChange& x) { return x.share_kw; }),
                project<std::uint8_t>("cause", "1", "0 plug_in, 1 reshare (another session or the limit changed, a curve point), 2 unplug",
                                      c, [](const PowerChange& x) { return x.cause; })}};
}

Table sites_table(const models::city::CityModel& model) {
  std::vector<std::uint32_t> station, cabinets;
  std::vector<double> limit;
  std::vector<std::uint8_t> policy;
  const auto& stations = model.stations();
  for (std::uint32_t s = 0; s < stations.size(); ++s) {
    const auto& power = stations[s].power();
    if (!power.shared()) continue;
    station.push_back(s);
    limit.push_back(std::isfinite(power.limit_kw) ? power.limit_kw : -1.0);
    policy.push_back(static_cast<std::uint8_t>(power.policy));
    cabinets.push_back(static_cast<std::uint32_t>(power.cabinets.size()));
  }
  return Table{{column("station", "1", "station id (row of /stations) of a station that shares power", std::move(station)),
                column("power_limit_kw", "kW", "the site's connection limit (-1: none)", std::move(limit)),
                column("policy", "1", kPolicyText, std::move(policy)),
                column("cabinets", "1", "power cabinets (rows of /grid/cabinets)", std::move(cabinets))}};
}

Table cabinets_table(const models::city::CityModel& model) {
  std::vector<std::uint32_t> station, first_plug, plugs;
  std::vector<double> power_kw;
  std::vector<std::uint8_t> policy;
  const auto& stations = model.stations();
  for (std::uint32_t s = 0; s < stations.size(); ++s) {
    for (const auto& cab : stations[s].power().cabinets) {
      station.push_back(s);
      first_plug.push_back(cab.first_plug);
      plugs.push_back(cab.plugs);
      power_kw.push_back(cab.power_kw);
      policy.push_back(static_cast<std::uint8_t>(cab.policy));
    }
  }
  return Table{{column("station", "1", "station id (row of /stations)", std::move(station)),
                column("first_plug", "1", "first plug it feeds", std::move(first_plug)),
                column("plugs", "1", "plugs it feeds: first_plug .. first_plug + plugs - 1", std::move(plugs)),
                column("power_kw", "kW", "the cabinet's power, shared among its plugs", std::move(power_kw)),
                column("policy", "1", kPolicyText, std::move(policy))}};
}

}  // namespace evsim::output
