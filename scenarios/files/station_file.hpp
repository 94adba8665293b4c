#pragma once
// Stations read from a CSV file (scenarios::StationFileSpec: evsim's own columns or renamed ones).
//
// Each row becomes a StationSpec whose location is, by the first group of columns present in the
// header: node; lon and lat; x_m and y_m. Plugs: dc_plugs DC plugs at the row's dc_power_kw (or
// the file-wide dc_power), likewise AC. A row with no plugs at all is skipped and counted: real
// station lists hold such rows (planned or closed sites), and they serve no one.
// lon and lat are in the file's datum (spec.crs) and converted to WGS-84 here; each station keeps
// that datum as source_crs and the file's keep_within_m (applied when it is put on the road:
// resolve_stations.hpp). A GCJ-02 or BD-09 position without a WGS-84 equivalent is an error at its
// lon column.
// Errors (bad numbers, missing columns, a row with DC plugs but no DC power, duplicate names)
// throw scenarios::ScenarioError at the file's line and column.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {


// Rows read but not turned into stations, counted and named ("name (file:line)"; the first
// kExamplesKept), so that nothing is dropped in silence.
struct SkippedRows {
  static constexpr std::size_t kExamplesKept = 10;
  std::uint64_t count = 0;
  std::vector<std::string> examples{};

  void add(std::string example) {
    ++count;
    if (examples.size() < kExamplesKept) examples.push_back(std::move(example));
  }
  void add(const SkippedRows& other) {
    count += other.count;
    for (const std::string& e : other.examples) {
      if (examples.size() < kExamplesKept) examples.push_back(e);
    }
  }
};

struct StationFileContents {
  std::vector<scenarios::StationSpec> stations;
  SkippedRows rows_without_plugs{};
};

StationFileContents read_station_file(const scenarios::StationFileSpec& spec);

}  // namespace evsim::scenarios::files
