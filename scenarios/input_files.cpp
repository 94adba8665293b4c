#include "scenarios/input_files.hpp"

#include <fmt/format.h>

namespace evsim::scenarios {
namespace {

std::string role_of(const SourceMark& mark, std::string_view fallback) {
  return fmt::format("the file named by {}", mark.key_path.empty() ? fallback : std::string_view(mark.key_path));
}

void add_station_files(std::vector<InputFile>& out, const std::vector<StationFileSpec>& files, std::string_view owner) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    out.push_back({files[i].file, role_of(files[i].mark, fmt::format("{}station_files[{}]", owner, i))});
  }
}

}  // namespace

std::vector<InputFile> input_files(const Scenario& sc) {
  std::vector<InputFile> out;
  out.push_back({sc.source_file, "the scenario file"});
  if (const auto* osm = std::get_if<OsmRoadSpec>(&sc.road)) out.push_back({osm->file, role_of(osm->mark, "road.file")});
  if (const auto* csv = std::get_if<CsvRoadSpec>(&sc.road)) {
    out.push_back({csv->nodes_file, role_of(csv->nodes_mark, "road.nodes")});
    out.push_back({csv->edges_file, role_of(csv->edges_mark, "road.edges")});
  }
  for (const auto& [places, key] : {std::pair{&sc.places.homes, "places.homes"}, std::pair{&sc.places.work, "places.work"},
                                    std::pair{&sc.places.other, "places.other"}}) {
    if (*places) out.push_back({(*places)->file, role_of((*places)->mark, key)});
  }
  if (sc.coverage.demand) out.push_back({sc.coverage.demand->file, role_of(sc.coverage.demand->mark, "coverage.demand")});
  if (sc.coverage.area && !sc.coverage.area->source_file.empty()) {
    out.push_back({sc.coverage.area->source_file, role_of(sc.coverage.area->mark, "coverage.area")});
  }
  for (std::size_t i = 0; i < sc.fleet.size(); ++i) {
    if (const auto* trips = std::get_if<TripFileDemand>(&sc.fleet[i].demand)) {
      out.push_back({trips->file, role_of(trips->mark, fmt::format("fleet[{}].trips", i))});
    }
  }
  add_station_files(out, sc.station_files, "");
  if (sc.sessions) out.push_back({sc.sessions->file, role_of(sc.sessions->mark, "sessions.file")});
  for (std::size_t i = 0; i < sc.plans.size(); ++i) add_station_files(out, sc.plans[i].station_files, fmt::format("plans[{}].", i));
  for (std::size_t i = 0; i < sc.grid.feeders.size(); ++i) {
    const FeederRefSpec& f = sc.grid.feeders[i];
    out.push_back({f.file, role_of(f.file_mark, fmt::format("grid.feeders[{}].file", i))});
    if (f.background_profile) {
      out.push_back({*f.background_profile,
                     role_of(f.profile_mark, fmt::format("grid.feeders[{}].background_profile", i))});
    }
  }
  return out;
}

}  // namespace evsim::scenarios
