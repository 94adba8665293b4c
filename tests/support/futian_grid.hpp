#pragma once
// A small geographic road network for tests of positions written in other datums: a 5 x 5 street
// grid in Futian, Shenzhen (WGS-84), 0.003 degrees (300-330 m) apart, all streets two-way, read
// through the CSV loader from files written into `dir`.
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "scenarios/assembly/load_road.hpp"
#include "tests/support/scratch_files.hpp"

namespace evsim::test {

inline constexpr double kFutianLon0 = 114.05;
inline constexpr double kFutianLat0 = 22.54;
inline constexpr double kFutianStepDeg = 0.003;

inline models::road::RoadNetwork futian_grid(const std::filesystem::path& dir) {
  std::string nodes = "id,lon,lat\n";
  std::string edges = "from,to,length_m,speed_kmh,oneway\n";
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 5; ++c) {
      nodes += fmt::format("{},{:.6f},{:.6f}\n", r * 5 + c, kFutianLon0 + c * kFutianStepDeg, kFutianLat0 + r * kFutianStepDeg);
      if (c + 1 < 5) edges += fmt::format("{},{},320,40,0\n", r * 5 + c, r * 5 + c + 1);
      if (r + 1 < 5) edges += fmt::format("{},{},330,40,0\n", r * 5 + c, (r + 1) * 5 + c);
    }
  }
  const scenarios::CsvRoadSpec spec{.nodes_file = write_file(dir / "nodes.csv", nodes),
                                    .edges_file = write_file(dir / "edges.csv", edges)};
  return scenarios::assembly::load_road(spec);
}

}  // namespace evsim::test
