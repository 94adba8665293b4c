#pragma once
// Helpers shared by the libFuzzer targets of tests/fuzz.
//
// Contract of every target: the input is one file's bytes, handed to the reader the way a user's
// file reaches it. scenarios::ScenarioError is the documented way to reject bad input, so the
// targets catch it (and only it); any other exception escapes LLVMFuzzerTestOneInput, which
// libFuzzer reports as a crash, as it does sanitizer reports, hangs (-timeout) and huge
// allocations (-rss_limit_mb, -malloc_limit_mb).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "scenarios/files/csv_loader.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/scenario.hpp"

#ifndef EVSIM_SOURCE_DIR
#error "EVSIM_SOURCE_DIR must be defined by the build"
#endif

namespace evsim::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A folder of this process's own under the system's temporary folder (libFuzzer's -jobs/-fork
// run several processes side by side), created on first use.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d = std::filesystem::temp_directory_path() / ("evsim_fuzz_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// Writes `text` to `name` in scratch_dir() (replacing what the previous input left) and returns its path.
inline std::filesystem::path write_scratch(std::string_view name, std::string_view text) {
  const std::filesystem::path path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return path;
}

// A small network with lon/lat (tests/models/road/data/csv: five nodes in Shanghai), loaded once:
// the readers of point files (trips, weights, candidates) snap to it, and lon/lat, x_m/y_m and
// node columns are all valid on it.
inline const models::road::RoadNetwork& lon_lat_network() {
  static const models::road::RoadNetwork network = [] {
    const std::filesystem::path dir = std::filesystem::path(EVSIM_SOURCE_DIR) / "tests/models/road/data/csv";
    return scenarios::files::load_csv({.nodes_file = dir / "nodes_lonlat.csv", .edges_file = dir / "edges.csv",
                                   .nodes_mark = {.file = "fuzz", .key_path = "nodes"},
                                   .edges_mark = {.file = "fuzz", .key_path = "edges"}});
  }();
  return network;
}

}  // namespace evsim::fuzz
