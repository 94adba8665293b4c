#pragma once
// `evsim coverage` and `evsim place` as functions (exit codes and interrupts as in run_pipeline.hpp).
// coverage -o and place --sites write OUT.partial and rename it when complete; an existing OUT is
// refused without --force, an input of the run always (cli/output_path.hpp). A signal while
// loading, building, analysing or placing ends the command at once with no file; while writing,
// coverage finishes its file with /meta status "interrupted" and place removes its partial file.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace evsim::cli {

struct CoverageOptions {
  std::filesystem::path scenario;
  std::filesystem::path output;         // empty: no HDF5 file
  std::optional<std::string> radius;    // overrides coverage.radius: "1km", "800m", "1000" (metres)
  bool json = false;
  bool force = false;                   // replace an existing output file (never an input)
  std::string command_line;
};

// Numbers as typed on the command line; run_place checks them (cli/option_values.hpp).
struct PlaceOptions {
  std::filesystem::path scenario;
  std::string target = "0.99";                   // demand-weighted coverage share to reach, in (0, 1]
  std::optional<std::filesystem::path> candidates;  // CSV of allowed sites; absent: every node
  std::string candidates_crs = "wgs84";          // datum of its lon,lat columns: wgs84, gcj02 or bd09
  std::optional<std::string> max_sites;          // at least 1
  std::string plan = "base";                     // the plan whose stations exist already (scenarios::kBasePlanName)
  std::optional<std::string> radius;
  std::filesystem::path sites_csv;               // empty: default_sites_path(scenario, plan)
  std::string dc_plugs = "4";                    // plugs written for every new site (DC + AC at least 1)
  std::string dc_power = "60kW";
  std::string ac_plugs = "0";
  std::string ac_power = "7kW";
  bool improve = true;
  bool json = false;
  bool force = false;                            // replace an existing sites file (never an input)
};

// <scenario stem>-sites.csv for the base plan, <scenario stem>-<plan>-sites.csv for any other, in
// the current folder.
std::filesystem::path default_sites_path(const std::filesystem::path& scenario, std::string_view plan);

int run_coverage(const CoverageOptions& options, std::ostream& out, std::ostream& err);
int run_place(const PlaceOptions& options, std::ostream& out, std::ostream& err);

}  // namespace evsim::cli
