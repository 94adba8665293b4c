#pragma once
// `evsim coverage` and `evsim place` as functions (exit codes as in run_pipeline.hpp).
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace evsim::cli {

struct CoverageOptions {
  std::filesystem::path scenario;
  std::filesystem::path output;         // empty: no HDF5 file
  std::optional<std::string> radius;    // overrides coverage.radius: "1000", "1km"
  bool json = false;
  std::string command_line;
};

struct PlaceOptions {
  std::filesystem::path scenario;
  double target = 0.99;                          // demand-weighted coverage share to reach
  std::optional<std::filesystem::path> candidates;  // CSV of allowed sites; absent: every node
  std::string candidates_crs = "wgs84";          // datum of its lon,lat columns: wgs84, gcj02 or bd09
  std::optional<std::uint32_t> max_sites;
  std::string plan = "base";                     // the plan whose stations exist already (scenarios::kBasePlanName)
  std::optional<std::string> radius;
  std::filesystem::path sites_csv;               // empty: <scenario stem>-sites.csv
  std::uint32_t dc_plugs = 4;                    // plugs written for every new site
  std::string dc_power = "60kW";
  std::uint32_t ac_plugs = 0;
  std::string ac_power = "7kW";
  bool improve = true;
  bool json = false;
};

int run_coverage(const CoverageOptions& options, std::ostream& out, std::ostream& err);
int run_place(const PlaceOptions& options, std::ostream& out, std::ostream& err);

}  // namespace evsim::cli
